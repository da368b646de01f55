"""The Plan tab's tree of steps: a QTreeView of the plan's tree model that keeps its shape (which
steps are open) through searches, and makes room for the titles in a narrow window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from ptplanner.ui.tabs.plan.delegates import DoneDelegate, ProgressDelegate
from ptplanner.ui.tabs.plan.tree_model import PlanTreeModel

COLUMN_WIDTHS = {
    PlanTreeModel.STATUS: 92,
    PlanTreeModel.TARGET: 104,
    PlanTreeModel.DONE: 50,
    PlanTreeModel.LINK: 116,
    PlanTreeModel.PROGRESS: 96,
}
"""Starting widths of the columns other than the title, which takes the rest."""
TITLE_ROOM = 300
"""Pixels the title column keeps before other columns step aside (see ``_fit_columns``)."""


class PlanTreeView(QTreeView):
    """The steps of the plan, one row each, sub-steps under their step."""

    def __init__(self, model: PlanTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_model = model
        self._expanded_before_filter: set[str] | None = None
        self.setAccessibleName("Plan steps")
        self.setAccessibleDescription(
            "Steps of your plan. Space marks done, Delete removes, Ctrl+arrows move and indent."
        )
        self.setModel(model)
        self.setUniformRowHeights(True)  # essential for 10,000 rows: no per-row size queries
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAnimated(False)
        self.setAllColumnsShowFocus(True)
        self.setItemDelegateForColumn(PlanTreeModel.PROGRESS, ProgressDelegate(self))
        self.setItemDelegateForColumn(PlanTreeModel.DONE, DoneDelegate(self))
        header = self.header()
        header.setAccessibleName("Columns")
        header.setStretchLastSection(False)
        # Fixed widths, never ResizeToContents: that would measure all 10,000 rows.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PlanTreeModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setMinimumSectionSize(40)

    def set_editable(self, editable: bool) -> None:
        """Allow dragging steps to move them, or not (a read-only window)."""
        self.setDragEnabled(editable)
        self.setAcceptDrops(editable)

    def resizeEvent(self, event: Any) -> None:
        self._fit_columns()
        super().resizeEvent(event)

    def _fit_columns(self) -> None:
        # In a narrow window the titles matter most: the progress and salary link columns
        # step aside (the details panel still shows both) rather than squeeze every title.
        # Each goes when the title would have less than TITLE_ROOM: at 1024 px (a tree about
        # 700 px wide) the progress column, in a narrower window the link column too.
        room = self.width() - self.verticalScrollBar().sizeHint().width() - TITLE_ROOM
        room -= sum(COLUMN_WIDTHS.values())
        self.setColumnHidden(PlanTreeModel.PROGRESS, room < 0)
        self.setColumnHidden(PlanTreeModel.LINK, room + COLUMN_WIDTHS[PlanTreeModel.PROGRESS] < 0)

    # --- which steps are open ---------------------------------------------------------------

    def expanded_ids(self) -> set[str]:
        ids = self.plan_model.plan_index.ids
        is_expanded = self.isExpanded
        return {
            ids[parent.internalId()]
            for parent in self.plan_model.parents_shown()
            if is_expanded(parent)
        }

    def set_expanded(self, wanted: set[str]) -> None:
        """Expand exactly the steps in ``wanted`` (ids), collapsing the others."""
        ids = self.plan_model.plan_index.ids
        for parent in self.plan_model.parents_shown():
            expand = ids[parent.internalId()] in wanted
            if self.isExpanded(parent) != expand:
                (self.expand if expand else self.collapse)(parent)

    def change_filter(self, change: Callable[[], None]) -> None:
        """Run ``change`` (a new search or status filter for the model) and open the steps
        that lead to its matches, or the steps that were open before the filter when it ends."""
        # Rows a filter hides lose their expanded state in the view, so the tree's shape from
        # before the search is kept and put back when the search is cleared.
        model = self.plan_model
        was_active = model.filter_active
        if not was_active:
            self._expanded_before_filter = self.expanded_ids()
        # The model announces a new layout, so the view lays the rows out again once, at the
        # next pass of the event loop; until then expand() and collapse() only note the state.
        change()
        if model.filter_active:
            # Matches deep in the tree must be visible, not just their collapsed parents.
            for parent in model.parents_shown():
                self.expand(parent)
        elif was_active and self._expanded_before_filter is not None:
            self.set_expanded(self._expanded_before_filter)
            self._expanded_before_filter = None

    def scroll_to_step(self, milestone_id: str | None) -> None:
        """Scroll the step's row into view, if a row shows it."""
        if milestone_id is not None and self.plan_model.index_of(milestone_id).isValid():
            self.scrollTo(self.plan_model.index_of(milestone_id))

    # --- the current step -------------------------------------------------------------------

    def current_milestone_id(self) -> str | None:
        # The current row, not the selection: a click makes a row current before selecting it.
        index = self.currentIndex()
        return self.plan_model.milestone_id(index) if index.isValid() else None

    def select_shown(self, milestone_id: str) -> bool:
        """Make a step the current, selected row, expanding its parents; False if no row
        shows it (a filter hides it)."""
        index = self.plan_model.index_of(milestone_id)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)
        return True
