"""The plan as a Qt item model: a tree of milestones for a QTreeView, with its search/status filter.

Model/view only, no widget per row, so a 10,000-step plan shows at once and scrolls smoothly:

* Where each milestone sits comes from the controller's
  :class:`~ptplanner.core.plan.index.PlanIndex`. Model indexes carry its integer key as
  ``internalId``, so ``index()``/``parent()``/``rowCount()`` are list look-ups and never walk the
  plan.
* The filter lives in the model, not in a QSortFilterProxyModel: a proxy calls back into Python
  for every one of 10,000 rows (and again for their children) on each new search, where
  :mod:`ptplanner.core.plan.filter` matches every step in one loop and the model then serves the
  view filtered copies of its row lists. Parents of matches stay, as they would with a
  recursive proxy filter.
* A structural change or a new filter is published as ``layoutChanged`` with every persistent
  index re-pointed at the same milestone id. Expanded rows, the selection and the current row
  therefore follow their milestones through moves, undo, filtering and even a whole-plan
  replace, which a model reset would lose.
* Drag and drop never edits the model directly: ``dropMimeData`` asks the controller for an
  (undoable) move and the model updates from the controller's ``plan_changed`` like any edit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette

from ptplanner.core.format import STATUS_LABELS, short_date
from ptplanner.core.plan.filter import FilteredSteps, StepFilter, search_words
from ptplanner.core.plan.index import PlanIndex
from ptplanner.core.plan.link_choices import link_label
from ptplanner.core.plan.model import Milestone, Status
from ptplanner.core.plan.operations import PlanChange
from ptplanner.ui.tabs.plan.drag_drop import (
    MIME_TYPE,
    DropTarget,
    decode_ids,
    drop_target,
    encode_ids,
)
from ptplanner.ui.tabs.plan.row_text import due_text, row_tooltip
from ptplanner.ui.tabs.plan.status_icons import kind_colours, status_icons

if TYPE_CHECKING:
    from ptplanner.ui.tabs.plan.controller import PlanController

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The milestone id of a row."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
"""One of "done", "skipped", "overdue", "due_soon", "open": how the row is drawn."""
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3
"""Percent complete (float) for steps with sub-steps, else None."""


_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_UNUSED_ROLES = frozenset(
    role.value
    for role in (
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
    )
)
"""Roles the view asks for on every paint that the model leaves to the style."""


class PlanTreeModel(QAbstractItemModel):
    """The controller's plan as a tree; edits go back through the controller (undoable)."""

    COLUMNS = ("Title", "Status", "Target date", "Done", "Salary link", "Progress")
    TITLE, STATUS, TARGET, DONE, LINK, PROGRESS = range(6)

    def __init__(self, controller: PlanController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        # The controller's own index: built once per structural change and shared, so the tab,
        # the controller and the model never walk the plan separately.
        self._index = controller.plan_index()
        self._flags = self._make_flags()
        self._today = controller.today()
        self._fonts: dict[str, QFont] = {}
        self._steps_filter = StepFilter()
        self._filter: FilteredSteps | None = None
        """What the filter shows now; None when it shows every step."""
        # What the view is shown: the index's own lists, or the filter's copies of them.
        self._roots: list[int] = self._index.roots
        self._kids: list[list[int]] = self._index.children
        self._rows: list[int] = self._index.row
        self._set_colours(QGuiApplication.palette())
        controller.plan_changed.connect(self._on_plan_changed)

    # --- look-ups for the view and the tab ------------------------------------------------------

    @property
    def plan_index(self) -> PlanIndex:
        return self._index

    def milestone_count(self) -> int:
        return len(self._index)

    def key(self, index: Index) -> int:
        return int(index.internalId()) if index.isValid() else -1

    def milestone(self, index: Index) -> Milestone | None:
        return self._index.milestones[self.key(index)] if index.isValid() else None

    def milestone_id(self, index: Index) -> str | None:
        return self._index.ids[self.key(index)] if index.isValid() else None

    def index_of(self, milestone_id: str | None, column: int = 0) -> QModelIndex:
        """The row of a milestone; invalid if there is none or the filter hides it."""
        key = self._index.key_of.get(milestone_id) if milestone_id else None
        if key is None or self._rows[key] < 0:
            return QModelIndex()
        return self.createIndex(self._rows[key], column, key)

    def parents_shown(self) -> list[QModelIndex]:
        """Rows that show sub-steps, top to bottom (those a filter keeps, when one is on)."""
        kids, rows = self._kids, self._rows
        return [
            self.createIndex(rows[key], 0, key)
            for key, children in enumerate(kids)
            if children and rows[key] >= 0
        ]

    def today(self) -> date:
        return self._today

    def set_today(self, today: date) -> None:
        """The day changed while the app was open: overdue/due-soon colours move with it."""
        if today == self._today:
            return
        self._today = today
        self._steps_filter.plan_changed()
        if self._filter is not None and self._steps_filter.status != "all":
            self._relayout(self._refilter)  # "overdue" and "due soon" are about today
        self._emit_all_changed()

    def update_palette(self, palette: QPalette) -> None:
        self._set_colours(palette)
        self._emit_all_changed()

    def _set_colours(self, palette: QPalette) -> None:
        self._colours = kind_colours(palette)
        self._brushes = {kind: QBrush(colour) for kind, colour in self._colours.items()}
        self._icons = status_icons(palette, self._colours)

    def _emit_all_changed(self) -> None:
        # Header-to-footer dataChanged per parent shown is what views repaint cheaply; the view
        # only asks again for rows it shows.
        if not self._roots:
            return
        last = len(self.COLUMNS) - 1
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._roots) - 1, last))
        for parent in self.parents_shown():
            count = len(self._kids[parent.internalId()])
            self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, last, parent))

    # --- QAbstractItemModel ---------------------------------------------------------------------

    # index/parent/rowCount/hasChildren/flags run for every visible row on each relayout of a
    # 10,000-row tree: they are kept to list look-ups, without helper calls.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        siblings = self._kids[parent.internalId()] if parent.isValid() else self._roots
        if 0 <= row < len(siblings) and 0 <= column < 6:
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def parent(self, child: Index | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        parent_key = self._index.parent[child.internalId()]
        if parent_key < 0:
            return QModelIndex()
        return self.createIndex(self._rows[parent_key], 0, parent_key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._roots)
        if parent.column() != 0:
            return 0
        return len(self._kids[parent.internalId()])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        column = parent.column()
        if column < 0:
            return bool(self._roots)
        return column == 0 and bool(self._kids[parent.internalId()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section]
        return None

    def _make_flags(self) -> tuple[Qt.ItemFlag, list[Qt.ItemFlag], list[Qt.ItemFlag]]:
        """(root, per column for a step with sub-steps, per column for a leaf)."""
        flag = Qt.ItemFlag
        editable = not self.controller.read_only
        root = flag.ItemIsDropEnabled if editable else flag.NoItemFlags
        columns = []
        for column in range(len(self.COLUMNS)):
            flags = flag.ItemIsEnabled | flag.ItemIsSelectable
            if editable:
                flags |= flag.ItemIsDragEnabled | flag.ItemIsDropEnabled
                if column == self.TITLE:
                    flags |= flag.ItemIsEditable
                elif column == self.DONE:
                    flags |= flag.ItemIsUserCheckable
            columns.append(flags)
        # Leaves say so: the tree view then skips a hasChildren() call per row. A leaf that
        # gains a sub-step arrives with a layout change, which makes the view ask again.
        leaves = [flags | flag.ItemNeverHasChildren for flags in columns]
        return root, columns, leaves

    def flags(self, index: Index) -> Qt.ItemFlag:
        # The view asks twice per row on every relayout: the column (-1 for the invalid root
        # index) stands in for isValid(), one call into Qt fewer.
        column = index.column()
        if column < 0:
            return self._flags[0]
        table = self._flags[1] if self._kids[index.internalId()] else self._flags[2]
        return table[column]

    def progress_counts(self, key: int) -> tuple[int, int] | None:
        """(done, counted) leaves for a step with sub-steps, kept until it changes."""
        return self._index.step_counts(key) if self._index.children[key] else None

    def plan_leaf_counts(self) -> tuple[int, int]:
        """(done, counted) leaves of the whole plan, as Plan.leaf_counts()."""
        return self._index.plan_counts()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for ~8 roles per cell on every repaint: roles this model never sets answer
        # first, and the row's kind comes from the index's list rather than being worked out.
        # The roles every cell asks for are answered here; the rest in _more_data().
        if role in _UNUSED_ROLES or not index.isValid():
            return None
        key = index.internalId()
        milestone = self._index.milestones[key]
        column = index.column()
        if role == _DISPLAY:
            return self._display(key, milestone, column)
        if role == _EDIT:
            return (
                milestone.title if column == self.TITLE else self._display(key, milestone, column)
            )
        kind = self._index.kinds(self._today)[key]
        if role == _FOREGROUND:
            return self._brushes[kind]
        if role == _DECORATION:
            return self._icons[kind] if column == self.TITLE else None
        return self._more_data(key, milestone, column, kind, role)

    def _more_data(self, key: int, milestone: Milestone, column: int, kind: str, role: int) -> Any:
        """data() for the roles not every cell asks for on each paint."""
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DONE:
            ticked = milestone.status is Status.DONE
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and kind == "skipped":
            return self._font("skipped")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(milestone, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(key, milestone, column)
        if role == ID_ROLE:
            return milestone.id
        if role == KIND_ROLE:
            return kind
        if role == PROGRESS_ROLE:
            counts = self.progress_counts(key)
            if counts is None:
                return None
            done, counted = counts
            return 100.0 * done / counted if counted else 0.0
        return None

    def _tooltip(self, milestone: Milestone, column: int) -> str:
        if column == self.DONE:
            if milestone.done_date is not None:
                return f"Done on {short_date(milestone.done_date)}"
            return "Tick when this step is done (Space)"
        return row_tooltip(milestone, self._today)

    def _font(self, name: str) -> QFont:
        font = self._fonts.get(name)
        if font is None:
            font = QFont(QGuiApplication.font())
            font.setItalic(True)
            self._fonts[name] = font
        return font

    def _display(self, key: int, milestone: Milestone, column: int) -> str:
        if column == self.TITLE:
            return milestone.title
        if column == self.STATUS:
            return STATUS_LABELS[milestone.status]
        if column == self.TARGET:
            return short_date(milestone.target_date)
        if column == self.DONE:
            return ""  # the check box says it; the date is in the tooltip and the details
        if column == self.LINK:
            return link_label(milestone.salary_link)
        if column == self.PROGRESS:
            counts = self.progress_counts(key)
            if counts is None:
                return ""
            done, counted = counts
            percent = 100.0 * done / counted if counted else 0.0
            return f"{done}/{counted} · {percent:.0f}%"
        return ""

    def spoken(self, key: int, milestone: Milestone, column: int) -> str:
        if column == self.DONE:
            if milestone.status is Status.DONE:
                return f"done on {short_date(milestone.done_date)}"
            return "not done"
        if column != self.TITLE:
            return self._display(key, milestone, column) or "empty"
        status = STATUS_LABELS[milestone.status].lower()
        parts = [milestone.title, status, due_text(milestone, self._today)]
        parent = self._index.parent[key]
        if parent >= 0:
            # A screen reader's tree view does not say how deep a row is: name its parent.
            parts.insert(1, f"sub-step of {self._index.milestones[parent].title}")
        return ", ".join(parts)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        milestone_id = self.milestone_id(index)
        if milestone_id is None or self.controller.read_only:
            return False
        if index.column() == self.TITLE and role == Qt.ItemDataRole.EditRole:
            return self.controller.update_milestone(milestone_id, title=str(value))
        if index.column() == self.DONE and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            status = Status.DONE if checked else Status.NOT_STARTED
            return self.controller.set_status(milestone_id, status)
        return False

    # --- drag and drop --------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Any) -> QMimeData:
        seen: list[str] = []
        for index in indexes:
            milestone_id = self.milestone_id(index)
            if milestone_id is not None and milestone_id not in seen:
                seen.append(milestone_id)
        return encode_ids(seen)

    def _drop_target(self, data: QMimeData, row: int, parent: Index) -> DropTarget | None:
        if self.controller.read_only:
            return None
        parent_key = self.key(parent)
        shown = None
        if self._filter is not None:
            shown = self._kids[parent_key] if parent_key >= 0 else self._roots
        return drop_target(self._index, decode_ids(data), parent_key, row, shown)

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return (
            action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None
        )

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        milestone_id, parent_id, new_index = target
        return self.controller.move_milestone(milestone_id, parent_id, new_index)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # After a successful move-drop the view asks the source to remove the dragged rows; the
        # controller has already moved the step, so there is nothing to remove.
        return False

    # --- following the controller ---------------------------------------------------------------

    def _on_plan_changed(self, change: PlanChange) -> None:
        steps_filter = self._steps_filter
        steps_filter.plan_changed()
        if change.structural or not change.ids:
            self._relayout(self._take_new_index)
            return
        # Same shape, so the controller's index (which has re-read the edited milestones and
        # their ancestors) has the same keys as the one the views' indexes point into.
        self._index = self.controller.plan_index()
        touched: set[int] = set()
        for milestone_id in change.ids:
            key = self._index.key_of.get(milestone_id)
            if key is not None:
                touched.add(key)
                touched.update(self._index.ancestors(key))
        # The index has dropped its leaf counts of these steps as it read them again.
        steps_filter.steps_changed(self._index, touched)
        if self._filter is not None:
            # An edit can make a step match, or stop matching: rows appear or go only then.
            filtered = steps_filter.compute(
                self._index, self._today, steps_filter.words, steps_filter.status
            )
            if filtered.shown != self._filter.shown:
                self._relayout(lambda: self._show(filtered))
                return
            self._filter = filtered  # the same rows, but the matches may count differently
        last = len(self.COLUMNS) - 1
        for key in sorted(touched):
            row = self._rows[key]
            if row < 0:
                continue  # hidden by the filter
            parent = self._index.parent[key]
            parent_index = self.createIndex(self._rows[parent], 0, parent) if parent >= 0 else None
            first = self.index(row, 0, parent_index or QModelIndex())
            self.dataChanged.emit(first, first.siblingAtColumn(last))

    def _take_new_index(self) -> None:
        self._index = self.controller.plan_index()
        self._steps_filter.new_index()
        self._refilter()

    def _relayout(self, change: Callable[[], None]) -> None:
        """Change what the rows are (``change``) and re-point persistent indexes by milestone id.

        Expanded rows, the selection and the current row follow their milestones; those that
        are gone (deleted, or hidden by the filter) become invalid.
        """
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = self._index.ids
        old_ids = [ids[int(i.internalId())] if i.isValid() else None for i in persistent]
        change()
        new = [
            self.index_of(mid, i.column()) if mid else QModelIndex()
            for mid, i in zip(old_ids, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    # --- search and filter ----------------------------------------------------------------------

    @property
    def filter_active(self) -> bool:
        return self._filter is not None

    def set_search(self, text: str) -> None:
        """Show only steps with all these words in their title or notes (and their parents)."""
        words = search_words(text)
        if words != self._steps_filter.words:
            self._steps_filter.words = words
            self._relayout(self._refilter)

    def set_status_filter(self, status: str) -> None:
        """Show only steps with this status (a key of
        :data:`~ptplanner.core.plan.filter.STATUS_FILTERS`)."""
        if status != self._steps_filter.status:
            self._steps_filter.status = status
            self._relayout(self._refilter)

    def search_rows(self, text: str) -> int | None:
        """Rows a search for ``text`` would show (with the status filter); None if no filter.

        The filter worked out here is kept, so :meth:`set_search` with the same text is free.
        """
        steps_filter = self._steps_filter
        filtered = steps_filter.result(
            self._index, self._today, search_words(text), steps_filter.status
        )
        return None if filtered is None else filtered.shown_count

    def matching_count(self) -> int:
        """Steps that match themselves (not counting parents kept to show where they are)."""
        if self._filter is None:
            return len(self._index)
        return self._filter.matching

    def _refilter(self) -> None:
        steps_filter = self._steps_filter
        self._show(
            steps_filter.result(self._index, self._today, steps_filter.words, steps_filter.status)
        )

    def _show(self, filtered: FilteredSteps | None) -> None:
        self._filter = filtered
        if filtered is None:
            self._roots, self._kids, self._rows = (
                self._index.roots,
                self._index.children,
                self._index.row,
            )
        else:
            self._roots, self._kids, self._rows = filtered.lists(self._index)
