"""The Plan tab: the milestone tree, a details editor, a timeline and the controller's notices.

Everything here is a view of
:class:`~ptplanner.ui.tabs.plan.controller.PlanController`: the tab never keeps a copy of the
plan. Each control turns a person's action into one controller call (an undoable command), and
the tab redraws from ``plan_changed``. The tab composes its parts and wires them together:

* the header (:mod:`~ptplanner.ui.tabs.plan.header`): title, progress, save status;
* the toolbar (:mod:`~ptplanner.ui.tabs.plan.toolbar`): the search and status filter, which the
  tab applies to the :class:`~ptplanner.ui.tabs.plan.tree_model.PlanTreeModel` (model/view, so
  10,000 steps cost no more to show than 30) shown by the
  :class:`~ptplanner.ui.tabs.plan.tree_view.PlanTreeView`, and the buttons of the actions on
  steps (:mod:`~ptplanner.ui.tabs.plan.actions`), whose slots are here;
* the details editor (:mod:`~ptplanner.ui.tabs.plan.details_panel`);
* the timeline (:mod:`~ptplanner.ui.tabs.plan.timeline`), painted from the same milestones;
* banners (:mod:`~ptplanner.ui.tabs.plan.banners`) with what the controller wants the person to
  know (recovery, read-only, a failed save, the launch notice of overdue and due-soon steps),
  never blocking with a dialog; and the page of an empty plan
  (:mod:`~ptplanner.ui.tabs.plan.empty_page`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from ptplanner.core.plan.operations import PlanChange
from ptplanner.ui.tabs.plan.actions import StepActions
from ptplanner.ui.tabs.plan.banners import BannerArea, BannerWidget
from ptplanner.ui.tabs.plan.controller import PlanController
from ptplanner.ui.tabs.plan.details_panel import DetailsPanel
from ptplanner.ui.tabs.plan.empty_page import EmptyPlanPage
from ptplanner.ui.tabs.plan.header import PlanHeader
from ptplanner.ui.tabs.plan.progress_chart import ProgressChart
from ptplanner.ui.tabs.plan.timeline import PLACE_LATER_FROM, PlanTimeline
from ptplanner.ui.tabs.plan.toolbar import FilterResultBar, PlanToolbar
from ptplanner.ui.tabs.plan.tree_model import PlanTreeModel
from ptplanner.ui.tabs.plan.tree_view import PlanTreeView

EXPAND_ALL_LIMIT = 2000
"""Plans up to this many steps open fully expanded; bigger ones show their top level."""
DAY_CHECK_MS = 10 * 60 * 1000
"""How often the tab looks whether the day has changed (what is overdue changes with it)."""


class PlanTab(QWidget):
    """The Plan tab; see the module documentation."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan-tab")
        self.controller = controller
        self.model = PlanTreeModel(controller, self)
        self._shown_once = False
        self._details_width_chosen = False
        self._empty_page: EmptyPlanPage | None = None

        self.step_actions = StepActions(
            {
                "add": self.add_step,
                "add_sub": self.add_substep,
                "delete": self.delete_selected,
                "up": self.move_up,
                "down": self.move_down,
                "indent": self.indent,
                "outdent": self.outdent,
                "toggle": self.toggle_done,
                "find": lambda: self.toolbar.focus_search(),
            },
            self,
        )
        self._build_ui()
        self._connect()
        self._apply_read_only()
        self._refresh_everything()
        if self.model.milestone_count() <= EXPAND_ALL_LIMIT:
            self.tree.expandAll()
        self._refresh_banners()

        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()

    @property
    def empty_page(self) -> EmptyPlanPage:
        """The page for a plan without steps, made the first time it is needed (most plans
        never need it, and its wrapped text is not free to lay out)."""
        if self._empty_page is None:
            page = EmptyPlanPage(self.controller.ready_plan)
            page.ready_button.clicked.connect(self.start_from_ready_plan)
            page.empty_button.clicked.connect(self.start_empty)
            self.stack.addWidget(page)
            self._empty_page = page
            self._apply_read_only()
        return self._empty_page

    # --- construction ---------------------------------------------------------------------------

    def _build_ui(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 10)
        root.setSpacing(8)

        self.banner_area = BannerArea()
        root.addLayout(self.banner_area)

        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)
        self.editor_page = QWidget()
        self.stack.addWidget(self.editor_page)

        page = QVBoxLayout(self.editor_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(8)

        self.header = PlanHeader()
        page.addWidget(self.header)

        # Tools: search and filter on the left, editing buttons on the right.
        self.toolbar = PlanToolbar(self.model.search_rows, self.step_actions)
        page.addWidget(self.toolbar)

        # Shown only while a search or status filter hides steps.
        self.filter_result = FilterResultBar()
        page.addWidget(self.filter_result)

        # The tree and the details editor side by side.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.tree = PlanTreeView(self.model)
        self.splitter.addWidget(self.tree)
        self.details = DetailsPanel(self.controller, self.model.today)
        self.splitter.addWidget(self.details)
        # The tree takes what the window gains; the details keep a comfortable reading width.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([900, 340])
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        page.addWidget(self.splitter, 1)

        # The timeline and, beside it, progress over time: both read dates along an axis.
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        self.timeline = PlanTimeline()
        bottom.addWidget(self.timeline, 1)
        self.progress_chart = ProgressChart()
        bottom.addWidget(self.progress_chart)
        page.addLayout(bottom)

        self.step_actions.attach(self.tree, self)
        self._refresh_icons()

    def _connect(self) -> None:
        c = self.controller
        c.plan_changed.connect(self._on_plan_changed)
        c.banners_changed.connect(self._refresh_banners)
        c.save_status_changed.connect(self._show_save_status)
        c.read_only_changed.connect(lambda _: self._apply_read_only())
        c.read_only_changed.connect(lambda _: self._update_action_state())
        c.flush_requested.connect(self.commit_pending_edits)
        self.tree.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.toolbar.search_changed.connect(self._apply_search)
        self.toolbar.status_changed.connect(self._apply_status_filter)
        self.filter_result.clear_button.clicked.connect(self.clear_filters)
        self.timeline.milestone_clicked.connect(self.select_milestone)

    # --- state of the whole tab -----------------------------------------------------------------

    def _apply_read_only(self) -> None:
        editable = not self.controller.read_only
        self.step_actions.set_editable(editable)
        self.tree.set_editable(editable)
        if self._empty_page is not None:
            self._empty_page.set_editable(editable)
        self.details.set_editable(editable)

    def _refresh_everything(self) -> None:
        self._refresh_header(first=True)
        self._refresh_page()
        self.timeline.set_plan(self.controller.plan_index(), self.model.today())
        self._show_save_status(self.controller.save_status())
        self._update_action_state()
        self.details.show_milestone(self.details.shown_id)

    def _refresh_page(self) -> None:
        empty = not self.controller.plan.milestones
        self.stack.setCurrentWidget(self.empty_page if empty else self.editor_page)

    def _refresh_header(self, first: bool = False) -> None:
        # A big plan's first frame shows its tree; the chart follows on the next turn.
        plan, today, index = self.controller.plan, self.model.today(), self.model.plan_index
        later = first and self.model.milestone_count() >= PLACE_LATER_FROM
        self.progress_chart.set_plan(plan, today, later=later)
        done, counted = self.model.plan_leaf_counts()

        def kinds() -> tuple[list[str], list[int]]:
            return index.kinds(today), index.roots

        overdue = self.header.count_overdue(plan, today, kinds, fresh=first)
        self.header.show_progress(plan.title, done, counted, overdue)

    def _show_save_status(self, text: str) -> None:
        self.header.show_save_status(text, bool(self.controller.save_error))

    def _refresh_banners(self) -> None:
        self.banner_area.show_banners(
            self.controller.banners(),
            {"due": (("Show them", self.show_attention),)},
            self.controller.dismiss_banner,
        )

    def banner_widgets(self) -> list[BannerWidget]:
        return self.banner_area.widgets()

    def _refresh_icons(self) -> None:
        self.step_actions.refresh_icons(self.palette().color(QPalette.ColorRole.ButtonText))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.update_palette(self.palette())
            self._refresh_icons()
            self.banner_area.restyle()
        super().changeEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if not self._details_width_chosen:
            # A width for the details that suits the window, 300 px at 1024 and 360 at 1280+,
            # kept as the window changes size until the person drags the divider.
            total = sum(self.splitter.sizes())
            details = max(300, min(360, round(self.width() * 0.28)))
            if total > details:
                self.splitter.setSizes([total - details, details])

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._details_width_chosen = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            # The list is what people come back to: keys act on it from the first moment.
            self._shown_once = True
            if self.stack.currentWidget() is self.editor_page:
                self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _check_day(self) -> None:
        today = self.controller.today()
        if today != self.model.today():
            self.model.set_today(today)
            self.timeline.set_plan(self.controller.plan_index(), today)
            self._refresh_header()

    # --- following the controller ---------------------------------------------------------------

    def _on_plan_changed(self, change: PlanChange) -> None:
        self._refresh_header()
        if self.model.filter_active:
            self._show_filter_result()
        self._refresh_page()
        index = self.controller.plan_index()
        changed = None
        if not change.structural and change.ids:
            # A field edit: the steps it changed and the steps above them (copied by the edit).
            keys = [index.key_of[i] for i in change.ids if i in index.key_of]
            changed = {a for key in keys for a in (key, *index.ancestors(key))}
        self.timeline.set_plan(index, self.model.today(), changed)
        if change.structural and change.ids:
            # Show the step that was added, moved or brought back by an undone delete.
            index = self.controller.plan_index()
            present = [i for i in change.ids if i in index.key_of]
            if present:
                first = min(present, key=lambda i: index.key_of[i])
                self.select_milestone(first, reveal=False)
        current = self.current_id()
        if current != self.details.shown_id or change.structural or current in change.ids:
            self.details.show_milestone(current)
        self._update_action_state()

    # --- selection ------------------------------------------------------------------------------

    def current_id(self) -> str | None:
        milestone_id = self.tree.current_milestone_id()
        return milestone_id if self.controller.milestone(milestone_id) else None

    def select_milestone(self, milestone_id: str | None, *, reveal: bool = True) -> bool:
        """Select a step, expanding its parents; ``reveal`` clears a filter that hides it."""
        if milestone_id is None:
            return False
        hidden = not self.model.index_of(milestone_id).isValid()
        if hidden and self.model.filter_active and reveal:
            self.clear_filters()
        return self.tree.select_shown(milestone_id)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.commit_pending_edits()
        self.details.show_milestone(self.current_id())
        self._update_action_state()

    def _update_action_state(self) -> None:
        current = self.current_id()
        place = self.controller.place(current) if current else None
        siblings = 0
        if place is not None:
            index = self.controller.plan_index()
            parent_key = index.key_of[place[0]] if place[0] else -1
            siblings = len(index.siblings(parent_key))
        self.step_actions.enable_for(place, siblings, not self.controller.read_only)
        self.timeline.set_selected(current)

    def commit_pending_edits(self) -> None:
        """Write a half-finished title or notes edit now (before undo, save, quit, reselect)."""
        self.details.commit_pending_edits()

    # --- the actions on steps -------------------------------------------------------------------

    def add_step(self) -> str | None:
        self.commit_pending_edits()
        new_id = self.controller.add_step(self.current_id())
        self._after_add(new_id)
        return new_id

    def add_substep(self) -> str | None:
        self.commit_pending_edits()
        current = self.current_id()
        if current is None:
            return self.add_step()
        new_id = self.controller.add_substep(current)
        self._after_add(new_id)
        return new_id

    def _after_add(self, new_id: str | None) -> None:
        if new_id is None:
            return
        self.select_milestone(new_id)
        # Ready for typing: the title box has the placeholder title selected.
        self.details.focus_title()

    def delete_selected(self) -> bool:
        current = self.current_id()
        if current is None:
            return False
        index = self.controller.plan_index()
        key = index.key_of[current]
        siblings = index.siblings(index.parent[key])
        row = index.row[key]
        # Keep a selection after the delete: the next step, else the one above, else the parent.
        if row + 1 < len(siblings):
            follow: str | None = index.ids[siblings[row + 1]]
        elif row > 0:
            follow = index.ids[siblings[row - 1]]
        else:
            parent = index.parent[key]
            follow = index.ids[parent] if parent >= 0 else None
        if not self.controller.remove_milestone(current):
            return False
        if follow is not None:
            self.select_milestone(follow)
        self.tree.setFocus()
        return True

    def _move(self, how: str) -> None:
        current = self.current_id()
        if current is None:
            return
        self.commit_pending_edits()
        # The moved step stays selected: plan_changed selects what a structural edit touched.
        getattr(self.controller, how)(current)

    def move_up(self) -> None:
        self._move("move_up")

    def move_down(self) -> None:
        self._move("move_down")

    def indent(self) -> None:
        self._move("indent")

    def outdent(self) -> None:
        self._move("outdent")

    def toggle_done(self) -> None:
        current = self.current_id()
        if current is not None:
            self.commit_pending_edits()
            self.controller.toggle_done(current)

    def start_from_ready_plan(self) -> None:
        if self.controller.start_from_ready_plan():
            self.tree.expandAll()
            first = self.model.index(0, 0)
            if first.isValid():
                self.select_milestone(self.model.milestone_id(first))
            self.tree.setFocus()

    def start_empty(self) -> None:
        self.add_step()

    # --- filtering ------------------------------------------------------------------------------

    def _apply_search(self, text: str) -> None:
        self._filtering(lambda: self.model.set_search(text))

    def _apply_status_filter(self, key: str) -> None:
        self._filtering(lambda: self.model.set_status_filter(key))

    def _filtering(self, change: Callable[[], None]) -> None:
        self.tree.change_filter(change)
        self._show_filter_result()
        self.tree.scroll_to_step(self.details.shown_id)

    def _show_filter_result(self) -> None:
        if not self.model.filter_active:
            self.filter_result.hide()
            return
        self.filter_result.show_counts(self.model.matching_count(), self.model.milestone_count())

    def set_search(self, text: str) -> None:
        """Type into the search box and filter at once (no typing pause)."""
        self.toolbar.set_search(text)

    def set_status_filter(self, key: str) -> None:
        self.toolbar.set_status_filter(key)

    def clear_filters(self) -> None:
        self.toolbar.clear_search()
        self.set_status_filter("all")

    def show_attention(self) -> None:
        self.toolbar.clear_search()
        self.set_status_filter("attention")
        self.tree.setFocus()
