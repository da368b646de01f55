"""The Plan tab: the milestone tree, a details editor, a timeline and the controller's notices.

Everything here is a view of
:class:`~ptplanner.ui.tabs.plan.controller.PlanController`: the tab never
keeps a copy of the plan. Each control turns a person's action into one controller call (an
undoable command), and the tab redraws from ``plan_changed``:

* the tree is a :class:`~ptplanner.ui.tabs.plan.tree_model.PlanTreeModel`, which also does the
  search and
  status filter (model/view, so 10,000 steps cost no more to show than 30);
* the details editor commits a title or notes when editing finishes (Return, focus out, or a
  pause in typing for notes), never per keystroke, and a choice in a combo or date box at once;
* the timeline (:mod:`~ptplanner.ui.tabs.plan.timeline`) is painted with QPainter from the same
  milestones;
* banners show what the controller wants the person to know (recovery, read-only, a failed save,
  the launch notice of overdue and due-soon steps) without ever blocking with a dialog.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.format import STATUS_LABELS
from ptplanner.core.plan.model import VALUELESS_LINK_KINDS, Milestone, SalaryLink, Status
from ptplanner.core.plan.operations import PlanChange, ready_plan
from ptplanner.ui.fitting import ElidingLabel, FittedComboBox
from ptplanner.ui.tabs.plan.controller import Banner, PlanController
from ptplanner.ui.tabs.plan.paint import checklist_picture, glyph_icon
from ptplanner.ui.tabs.plan.timeline import PlanTimeline
from ptplanner.ui.tabs.plan.tree_model import (
    PROGRESS_ROLE,
    STATUS_FILTERS,
    PlanTreeModel,
    is_dark,
    kind_colours,
)
from ptplanner.ui.widgets import check_box_palette, muted_colour

Index = QModelIndex | QPersistentModelIndex

EXPAND_ALL_LIMIT = 2000
"""Plans up to this many steps open fully expanded; bigger ones show their top level."""
SEARCH_PAUSE_MS = 120
"""A search that would show more than INSTANT_SEARCH_ROWS rows waits this long for more typing."""
INSTANT_SEARCH_ROWS = 2000
"""Searches showing up to this many rows (expanded) filter as each key is typed."""
NOTES_IDLE_MS = 1500
"""Notes are committed after this long without typing, as well as on focus out."""

LINK_KINDS: tuple[tuple[str, str], ...] = (
    ("", "None"),
    ("certification", "Certification"),
    ("education", "Education"),
    ("employer_type", "Employer type"),
    ("location", "Location"),
    ("promotion", "Promotion"),
)


def link_choices(kind: str) -> list[tuple[str, str]]:
    """(value, label) pairs a salary link of ``kind`` can take."""
    from ptplanner.core.salary import salary_model

    model = salary_model()
    if kind == "certification":
        return [(c.id, c.label) for c in model.certifications]
    if kind == "education":
        return [(e.id, e.label) for e in model.education]
    if kind == "employer_type":
        return [(e.id, e.label) for e in model.employer_types]
    if kind == "location":
        from ptplanner.core.locations import usable_areas

        return [(a.name, a.name) for a in usable_areas()]
    return []


def promotion_raise_text() -> str:
    """How big a planned promotion's raise is, and whose figure that is."""
    from ptplanner.core.salary import salary_model

    return (
        "The raise is the projection's promotion-raise assumption: "
        f"{salary_model().promotion_pct:g}% by default, ptplanner's own round figure, since no "
        "source gives one for this role."
    )


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


# --- banners -----------------------------------------------------------------------------------

_BANNER_COLOURS = {
    # level: (light background, light border, light text, dark background, dark border, dark text)
    "info": ("#e8f1fc", "#7aa7dd", "#133a63", "#1d2c3d", "#3f6a9c", "#cfe2fa"),
    "notice": ("#fff5dc", "#d9a634", "#4f3a00", "#3a3120", "#9c7a2c", "#f4deaa"),
    "warning": ("#fdecd9", "#d98a3c", "#5a2d00", "#3d2a1a", "#a7662a", "#f6d2b0"),
    "error": ("#fbe6e4", "#d65a50", "#6a1510", "#402020", "#b0493f", "#f7c9c4"),
}


def _set_text_colour(widget: QWidget, colour: QColor) -> None:
    # A palette, not a style sheet: the first style sheet in a window costs ~10 ms (parsing,
    # a QStyleSheetStyle for the widget and all its children) on every open of the tab.
    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(role, colour)
    widget.setPalette(palette)


class BannerWidget(QFrame):
    """One message with its actions and, if allowed, a close button, on a tinted card."""

    def __init__(
        self, banner: Banner, extra: tuple[tuple[str, Any], ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.banner = banner
        self.setObjectName(f"banner-{banner.key}")
        self.setAccessibleName(f"{banner.level.capitalize()} message")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(8)
        self.label = QLabel(banner.text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(banner.text)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # a new policy drops the one setWordWrap() asked for
        self.label.setSizePolicy(policy)
        layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        for text, slot in (*extra, *banner.actions):
            button = QPushButton(text)
            button.setAccessibleName(text.rstrip("…"))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.buttons.append(button)
        self.close_button: QToolButton | None = None
        if banner.dismissible:
            close = QToolButton()
            close.setText("✕")
            close.setAutoRaise(True)
            close.setAccessibleName("Dismiss message")
            close.setToolTip("Dismiss this message")
            layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
            self.close_button = close
        self.restyle()

    def restyle(self) -> None:
        colours = _BANNER_COLOURS.get(self.banner.level, _BANNER_COLOURS["info"])
        dark = is_dark(self.palette())
        background, border, text = colours[3:] if dark else colours[:3]
        self._background = QColor(background)
        self._border = QColor(border)
        for widget in (self.label, self.close_button):
            if widget is not None:
                _set_text_colour(widget, QColor(text))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._border, 1))
        painter.setBrush(self._background)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)


# --- the empty state ----------------------------------------------------------------------------


class EmptyPlanPage(QWidget):
    """What a plan without steps shows: a picture and the two ways to start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        # A fixed-width column: word-wrapped labels in a centred layout otherwise get no width.
        column = QWidget()
        column.setFixedWidth(520)
        box = QVBoxLayout(column)
        box.setSpacing(14)
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.icon)
        heading = QLabel("Your plan has no steps yet")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = heading
        text = QLabel(
            "A plan is the list of steps that take you into the PT Care Coordinator job: "
            "certifications, skills to learn, the job search and what comes after."
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = text
        # Counted from the template, as `ptplanner plan init` and the header count them.
        steps = ready_plan(date.today()).leaf_counts()[1]
        choice = QLabel(
            f"Start from the ready plan ({steps} steps, most with target dates you can change) "
            "or write your own. You can change any step later, and undo any change."
        )
        choice.setWordWrap(True)
        choice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choice = choice
        box.addWidget(heading)
        box.addWidget(text)
        box.addWidget(choice)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addStretch(1)
        self.ready_button = QPushButton("Start from the ready plan")
        self.ready_button.setAccessibleName("Start from the ready plan")
        self.ready_button.setDefault(True)
        self.ready_button.setMinimumHeight(36)
        self.empty_button = QPushButton("Start empty")
        self.empty_button.setAccessibleName("Start empty")
        self.empty_button.setMinimumHeight(36)
        for button in (self.ready_button, self.empty_button):
            button.setMinimumWidth(180)
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addSpacing(6)
        box.addLayout(buttons)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)
        self.restyle()

    def restyle(self) -> None:
        self.icon.setPixmap(checklist_picture(self.palette(), self.devicePixelRatioF()))
        colour = muted_colour(self.palette())
        for label in (self.text, self.choice):
            _set_text_colour(label, colour)
            # Layouts inside a stacked widget do not ask wrapped labels for their height at a
            # given width, so the labels say it themselves (the column's width is fixed).
            label.setMinimumHeight(label.heightForWidth(520 - 24))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)


# --- the progress column -------------------------------------------------------------------------


class ProgressDelegate(QStyledItemDelegate):
    """A thin bar and a percentage for steps with sub-steps; nothing for single steps."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        percent = index.data(PROGRESS_ROLE)
        if percent is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar_width = min(56, max(24, rect.width() // 2 - 8))
        bar = QRectF(rect.left() + 6, rect.center().y() - 3, bar_width, 6)
        track = palette.color(QPalette.ColorRole.Mid)
        fill = QColor("#3f9a5a" if not is_dark(palette) else "#57b36f")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 3, 3)
        if percent > 0:
            done = QRectF(bar)
            done.setWidth(max(6.0, bar.width() * percent / 100.0))
            painter.setBrush(fill)
            painter.drawRoundedRect(done, 3, 3)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        text_rect = QRect(rect)
        text_rect.setLeft(int(bar.right()) + 6)
        short = text.split("·")[-1].strip() if text else f"{percent:.0f}%"
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), short)
        painter.restore()


class DoneDelegate(QStyledItemDelegate):
    """The "Done" check box, drawn with :func:`~ptplanner.ui.widgets.check_box_palette` on a
    dark palette (as the dark scheme's other check boxes are), where Fusion's outline would all
    but vanish into the row."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if is_dark(option.palette):
            option = QStyleOptionViewItem(option)
            option.palette = check_box_palette(option.palette)
        super().paint(painter, option, index)


# --- the tab -------------------------------------------------------------------------------------


class PlanTab(QWidget):
    """The Plan tab; see the module documentation."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan-tab")
        self.controller = controller
        self.model = PlanTreeModel(controller, self)
        self._current_id: str | None = None
        self._loading = False
        self._shown_title = ""
        self._shown_notes = ""
        self._banner_widgets: list[BannerWidget] = []
        self._shown_once = False
        self._details_width_chosen = False
        self._expanded_before_filter: set[str] | None = None
        self._empty_page: EmptyPlanPage | None = None

        self._build_actions()
        self._build_ui()
        self._connect()
        self._apply_read_only()
        self._refresh_everything()
        if self.model.milestone_count() <= EXPAND_ALL_LIMIT:
            self.tree.expandAll()
        self._refresh_banners()

        self._day_timer = QTimer(self)
        self._day_timer.setInterval(10 * 60 * 1000)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()

    @property
    def empty_page(self) -> EmptyPlanPage:
        """The page for a plan without steps, made the first time it is needed (most plans
        never need it, and its wrapped text is not free to lay out)."""
        if self._empty_page is None:
            page = EmptyPlanPage()
            page.ready_button.clicked.connect(self.start_from_ready_plan)
            page.empty_button.clicked.connect(self.start_empty)
            self.stack.addWidget(page)
            self._empty_page = page
            self._apply_read_only()
        return self._empty_page

    @property
    def ready_button(self) -> QPushButton:
        return self.empty_page.ready_button

    @property
    def empty_button(self) -> QPushButton:
        return self.empty_page.empty_button

    # --- construction ---------------------------------------------------------------------------

    def _action(
        self,
        key: str,
        text: str,
        shortcuts: tuple[str, ...],
        slot: Any,
        tip: str,
        on_tree: bool,
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"plan-{key}")
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            keys = ", ".join(
                QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts
            )
            tip = f"{tip} ({keys})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if icon:
            action.setData(icon)
        # Keys that mean something inside a text box (Delete, Space, Ctrl+arrows) act on steps
        # only while the tree has focus; adding steps works anywhere in the tab.
        context = (
            Qt.ShortcutContext.WidgetShortcut
            if on_tree
            else (Qt.ShortcutContext.WidgetWithChildrenShortcut)
        )
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: slot())
        self._actions[key] = action
        short = {"up": "Up", "down": "Down", "add_sub": "Sub-step"}.get(key)
        if short:
            action.setIconText(short)
        return action

    def _build_actions(self) -> None:
        self._actions: dict[str, QAction] = {}
        a = self._action
        self.add_action = a(
            "add",
            "Add step",
            ("Ins", "Ctrl+N"),
            self.add_step,
            "Add a step after the selected one",
            False,
            "add",
        )
        self.add_sub_action = a(
            "add_sub",
            "Add sub-step",
            ("Ctrl+Shift+N",),
            self.add_substep,
            "Add a sub-step under the selected step",
            False,
            "sub",
        )
        self.delete_action = a(
            "delete",
            "Delete",
            ("Del",),
            self.delete_selected,
            "Delete the selected step and its sub-steps",
            True,
            "delete",
        )
        self.up_action = a(
            "up", "Move up", ("Ctrl+Up",), self.move_up, "Move the selected step up", True, "up"
        )
        self.down_action = a(
            "down",
            "Move down",
            ("Ctrl+Down",),
            self.move_down,
            "Move the selected step down",
            True,
            "down",
        )
        self.indent_action = a(
            "indent",
            "Indent",
            ("Ctrl+Right",),
            self.indent,
            "Make the step a sub-step of the one above",
            True,
            "indent",
        )
        self.outdent_action = a(
            "outdent",
            "Outdent",
            ("Ctrl+Left",),
            self.outdent,
            "Move the step out of its parent step",
            True,
            "outdent",
        )
        self.toggle_action = a(
            "toggle",
            "Mark done / not done",
            ("Space", "Ctrl+Return"),
            self.toggle_done,
            "Tick the selected step off, or un-tick it",
            True,
            "done",
        )
        self.find_action = a(
            "find", "Find", ("Ctrl+F",), self._focus_search, "Search the steps", False
        )

    def _tool_button(self, action: QAction) -> QToolButton:
        # Buttons show the action's short icon text ("Up"); menus and screen readers get the
        # full text ("Move up").
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(action.text())
        button.setAutoRaise(False)
        button.setIconSize(QSize(16, 16))
        button.setObjectName(f"{action.objectName()}-button")
        return button

    def _build_ui(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 10)
        root.setSpacing(8)

        self.banner_area = QVBoxLayout()
        self.banner_area.setSpacing(6)
        root.addLayout(self.banner_area)

        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)
        self.editor_page = QWidget()
        self.stack.addWidget(self.editor_page)

        page = QVBoxLayout(self.editor_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(8)

        # Header: the plan's title, how far along it is, and whether it is saved.
        header = QHBoxLayout()
        header.setSpacing(12)
        # A plan title may be 200 characters long: it gives way rather than widen the window.
        self.title_label = ElidingLabel()
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)
        self.title_label.setAccessibleName("Plan title")
        header.addWidget(self.title_label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setFormat("%p% done")
        self.progress_bar.setAccessibleName("Overall progress")
        self.progress_bar.setMinimumWidth(160)
        self.progress_bar.setMaximumWidth(320)
        header.addWidget(self.progress_bar, 1)
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Step counts")
        header.addWidget(self.counts_label)
        header.addStretch(1)
        self.save_label = QLabel()
        self.save_label.setAccessibleName("Save status")
        header.addWidget(self.save_label)
        page.addLayout(header)

        # Tools: search and filter on the left, editing buttons on the right.
        tools = QHBoxLayout()
        tools.setSpacing(6)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search milestones…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search milestones")
        self.search_edit.setToolTip("Find steps by words in their title or notes (Ctrl+F)")
        self.search_edit.setMinimumWidth(150)
        self.search_edit.setMaximumWidth(280)
        tools.addWidget(self.search_edit, 1)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show steps")
        self.status_filter.setToolTip("Show only steps with this status")
        for key, label in STATUS_FILTERS:
            self.status_filter.addItem(label, key)
        # As wide as its longest choice ("Open (not done or skipped)"): the row has the room
        # at 1024 px, and a choice cut short would hide what the list is showing.
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        tools.addWidget(self.status_filter)
        tools.addSpacing(8)
        self.buttons: dict[str, QToolButton] = {}
        groups = (
            ("add", "add_sub", "delete"),
            ("up", "down", "indent", "outdent"),
        )
        for n, group in enumerate(groups):
            if n:
                tools.addSpacing(8)
            for key in group:
                button = self._tool_button(self._actions[key])
                self.buttons[key] = button
                tools.addWidget(button)
        tools.addStretch(1)
        page.addLayout(tools)

        # Shown only while a search or status filter hides steps.
        filter_row = QHBoxLayout()
        filter_row.setSpacing(8)
        self.filter_label = QLabel()
        self.filter_label.setAccessibleName("Filter result")
        self.clear_filter_button = QPushButton("Show all steps")
        self.clear_filter_button.setAccessibleName("Show all steps")
        self.clear_filter_button.clicked.connect(self.clear_filters)
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.clear_filter_button)
        filter_row.addStretch(1)
        self.filter_bar = QWidget()
        self.filter_bar.setLayout(filter_row)
        filter_row.setContentsMargins(0, 0, 0, 0)
        self.filter_bar.hide()
        page.addWidget(self.filter_bar)

        # The tree and the details editor side by side.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.tree = self._build_tree()
        self.splitter.addWidget(self.tree)
        self.details = self._build_details()
        self.splitter.addWidget(self.details)
        # The tree takes what the window gains; the details keep a comfortable reading width.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([900, 340])
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        self.tree.installEventFilter(self)
        page.addWidget(self.splitter, 1)

        self.timeline = PlanTimeline()
        page.addWidget(self.timeline)

        for key in ("delete", "up", "down", "indent", "outdent", "toggle"):
            self.tree.addAction(self._actions[key])
        separator = QAction(self)
        separator.setSeparator(True)
        for key in ("add", "add_sub", "find"):
            self.addAction(self._actions[key])
        self.tree.insertAction(self._actions["delete"], self._actions["add"])
        self.tree.insertAction(self._actions["delete"], self._actions["add_sub"])
        self.tree.insertAction(self._actions["delete"], self._actions["toggle"])
        self.tree.insertAction(self._actions["delete"], separator)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._refresh_icons()

    def _build_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setAccessibleName("Plan steps")
        tree.setAccessibleDescription(
            "Steps of your plan. Space marks done, Delete removes, Ctrl+arrows move and indent."
        )
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)  # essential for 10,000 rows: no per-row size queries
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        tree.setDragEnabled(True)
        tree.setAcceptDrops(True)
        tree.setDropIndicatorShown(True)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setAnimated(False)
        tree.setAllColumnsShowFocus(True)
        tree.setItemDelegateForColumn(PlanTreeModel.PROGRESS, ProgressDelegate(tree))
        tree.setItemDelegateForColumn(PlanTreeModel.DONE, DoneDelegate(tree))
        header = tree.header()
        header.setAccessibleName("Columns")
        header.setStretchLastSection(False)
        # Fixed widths, never ResizeToContents: that would measure all 10,000 rows.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PlanTreeModel.TITLE, QHeaderView.ResizeMode.Stretch)
        widths = {
            PlanTreeModel.STATUS: 92,
            PlanTreeModel.TARGET: 104,
            PlanTreeModel.DONE: 50,
            PlanTreeModel.LINK: 116,
            PlanTreeModel.PROGRESS: 96,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setMinimumSectionSize(40)
        return tree

    def _build_details(self) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        # Everything in the panel wraps or shrinks; a sideways scroll bar would only clip text.
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(290)
        area.setAccessibleName("Step details")
        panel = QWidget()
        panel.setObjectName("plan-details")
        outer = QVBoxLayout(panel)
        outer.setContentsMargins(14, 0, 6, 0)
        outer.setSpacing(6)
        self.details_heading = QLabel("Step details")
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.details_heading.setFont(font)
        outer.addWidget(self.details_heading)
        self.details_hint = QLabel("Select a step in the list to see and edit its details.")
        self.details_hint.setWordWrap(True)
        outer.addWidget(self.details_hint)

        # Short fields in a form; the longer texts below it in a plain column, which (unlike a
        # form row) gives a wrapped label exactly the height its text needs.
        self.form_widget = QWidget()
        body = QVBoxLayout(self.form_widget)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)
        fields = QWidget()
        body.addWidget(fields)
        form = QFormLayout(fields)
        form.setContentsMargins(0, 4, 0, 0)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(7)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        def shrinkable(widget: QWidget) -> QWidget:
            # Fields may get narrower than their size hint so the panel never needs to scroll
            # sideways at 1024 px; combo boxes elide instead.
            widget.setMinimumWidth(60)
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
            return widget

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setMaxLength(200)
        self.title_edit.setToolTip("The step's name; saved when you press Return or leave the box")
        form.addRow("&Title", shrinkable(self.title_edit))

        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName("Status")
        for status in Status:
            self.status_combo.addItem(STATUS_LABELS[status], status.value)
        form.addRow("&Status", self.status_combo)

        self.target_edit = QDateEdit()
        self.target_edit.setAccessibleName("Target date")
        self.target_edit.setCalendarPopup(True)
        self.target_edit.setDisplayFormat("MMM d, yyyy")
        self.target_edit.setKeyboardTracking(False)  # one commit per finished date, not per digit
        self.target_edit.setDateRange(QDate(1989, 12, 31), QDate(2100, 12, 31))
        self.target_edit.setSpecialValueText("—")
        self.no_date_check = QCheckBox("No date")
        self.no_date_check.setAccessibleName("No target date")
        target_label = QLabel("Tar&get date")
        target_label.setBuddy(self.target_edit)
        form.addRow(target_label, self.target_edit)
        # Its own row: beside the date it would crowd the date out of a narrow panel.
        form.addRow("", self.no_date_check)

        self.done_edit = QDateEdit()
        self.done_edit.setAccessibleName("Done date")
        self.done_edit.setCalendarPopup(True)
        self.done_edit.setDisplayFormat("MMM d, yyyy")
        self.done_edit.setKeyboardTracking(False)
        self.done_edit.setDateRange(QDate(1989, 12, 31), QDate(2100, 12, 31))
        self.done_edit.setSpecialValueText("—")
        self.done_edit.setToolTip("When the step was done; set when you mark it done")
        form.addRow("D&one on", self.done_edit)

        self.link_kind_combo = QComboBox()
        self.link_kind_combo.setAccessibleName("Salary link kind")
        self.link_kind_combo.setToolTip(
            "What this step changes in your salary projection: from its target year while it "
            "is planned, for good once it is done (a promotion only while it is still to come)"
        )
        for key, label in LINK_KINDS:
            self.link_kind_combo.addItem(label, key)
        link_label = QLabel("Salary &link")
        link_label.setBuddy(self.link_kind_combo)
        form.addRow(link_label, self.link_kind_combo)
        # The value takes a row of its own across the whole panel, under its kind: names such
        # as "High school diploma or GED" need more room than the field column has at 1024 px.
        # The longest ("CEHRS (Certified Electronic ...)") show their short form there.
        self.link_value_combo = FittedComboBox()
        self.link_value_combo.setAccessibleName("Salary link value")
        self.link_value_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.link_value_combo.setMinimumContentsLength(8)
        form.addRow(shrinkable(self.link_value_combo))

        self.renews_spin = QSpinBox()
        self.renews_spin.setAccessibleName("Renews every N months")
        self.renews_spin.setRange(0, 120)
        self.renews_spin.setSpecialValueText("Does not renew")
        self.renews_spin.setSuffix(" months")
        self.renews_spin.setKeyboardTracking(False)
        self.renews_spin.setToolTip(
            "For credentials that expire: marking the step done adds a renewal step"
        )
        form.addRow("&Renews every", self.renews_spin)

        # Longer texts take the panel's full width under a small caption.
        def caption(text: str) -> QLabel:
            label = QLabel(text)
            small = QFont(self.font())
            small.setWeight(QFont.Weight.DemiBold)
            label.setFont(small)
            label.setContentsMargins(0, 6, 0, 0)
            return label

        def paragraph(name: str) -> QLabel:
            label = QLabel()
            label.setWordWrap(True)
            label.setAccessibleName(name)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            # Preferred, not Ignored: a wrapped label then gets its height for the real width
            # (an Ignored one is measured too narrow and shows a gap above its text).
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            return label

        self.why_caption = caption("Why it matters")
        self.why_label = paragraph("Why it matters")
        body.addWidget(self.why_caption)
        body.addWidget(self.why_label)
        self.pay_caption = caption("Pay effect")
        self.pay_label = paragraph("Pay effect")
        body.addWidget(self.pay_caption)
        body.addWidget(self.pay_label)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName("Notes")
        self.notes_edit.setPlaceholderText("Your notes: links, contacts, what you learned…")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(96)
        notes_label = caption("&Notes")
        notes_label.setBuddy(self.notes_edit)
        body.addWidget(notes_label)
        body.addWidget(shrinkable(self.notes_edit))
        self.form = form
        outer.addWidget(self.form_widget)
        outer.addStretch(1)
        area.setWidget(panel)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_IDLE_MS)
        self._notes_timer.timeout.connect(self.commit_notes)
        return area

    def _connect(self) -> None:
        c = self.controller
        c.plan_changed.connect(self._on_plan_changed)
        c.banners_changed.connect(self._refresh_banners)
        c.save_status_changed.connect(self._show_save_status)
        c.flush_requested.connect(self.commit_pending_edits)
        selection = self.tree.selectionModel()
        selection.currentRowChanged.connect(self._on_current_changed)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_PAUSE_MS)
        self.search_timer.timeout.connect(self._apply_search)
        self.search_edit.textChanged.connect(self._on_search_typed)
        self.status_filter.currentIndexChanged.connect(self._apply_status_filter)
        self.timeline.milestone_clicked.connect(self.select_milestone)

        self.title_edit.editingFinished.connect(self.commit_title)
        self.status_combo.activated.connect(self._on_status_chosen)
        self.target_edit.dateChanged.connect(self._on_target_changed)
        self.no_date_check.toggled.connect(self._on_no_date_toggled)
        self.done_edit.dateChanged.connect(self._on_done_changed)
        self.link_kind_combo.activated.connect(self._on_link_kind_chosen)
        self.link_value_combo.activated.connect(self._on_link_value_chosen)
        self.renews_spin.valueChanged.connect(self._on_renews_changed)
        self.notes_edit.textChanged.connect(self._on_notes_typed)
        self.notes_edit.installEventFilter(self)

    # --- state of the whole tab -----------------------------------------------------------------

    def _apply_read_only(self) -> None:
        editable = not self.controller.read_only
        for key in ("add", "add_sub", "delete", "up", "down", "indent", "outdent", "toggle"):
            self._actions[key].setEnabled(editable)
        self.tree.setDragEnabled(editable)
        self.tree.setAcceptDrops(editable)
        if self._empty_page is not None:
            self._empty_page.ready_button.setEnabled(editable)
            self._empty_page.empty_button.setEnabled(editable)
        self.title_edit.setReadOnly(not editable)
        self.notes_edit.setReadOnly(not editable)
        for widget in (
            self.status_combo,
            self.target_edit,
            self.no_date_check,
            self.done_edit,
            self.link_kind_combo,
            self.link_value_combo,
            self.renews_spin,
        ):
            widget.setEnabled(editable)

    def _refresh_everything(self) -> None:
        self._refresh_header()
        self._refresh_page()
        self.timeline.set_plan(self.controller.plan_index(), self.model.today())
        self._show_save_status(self.controller.save_status())
        self._update_action_state()
        self._show_details(self._current_id)

    def _refresh_page(self) -> None:
        empty = not self.controller.plan.milestones
        self.stack.setCurrentWidget(self.empty_page if empty else self.editor_page)

    def _refresh_header(self) -> None:
        plan = self.controller.plan
        self.title_label.setText(plan.title)
        done, counted = self.model.plan_leaf_counts()
        percent = 100.0 * done / counted if counted else 0.0
        self.progress_bar.setValue(round(percent))
        self.progress_bar.setAccessibleDescription(f"{percent:.0f}% of steps done")
        overdue = self.model.plan_index.kinds(self.model.today()).count("overdue")
        parts = [f"{done} of {counted} steps done"]
        if overdue:
            parts.append(f"{overdue} overdue")
        self.counts_label.setText(" · ".join(parts))

    def _show_save_status(self, text: str) -> None:
        self.save_label.setText(text)
        colour = (
            kind_colours(self.palette())["overdue"]
            if self.controller.save_error
            else muted_colour(self.palette())
        )
        _set_text_colour(self.save_label, colour)

    def _refresh_banners(self) -> None:
        for widget in self._banner_widgets:
            self.banner_area.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._banner_widgets = []
        for banner in self.controller.banners():
            extra: tuple[tuple[str, Any], ...] = ()
            if banner.key == "due":
                extra = (("Show them", self.show_attention),)
            widget = BannerWidget(banner, extra, self)
            if widget.close_button is not None:
                widget.close_button.clicked.connect(
                    lambda _checked=False, k=banner.key: self.controller.dismiss_banner(k)
                )
            self.banner_area.addWidget(widget)
            self._banner_widgets.append(widget)

    def banner_widgets(self) -> list[BannerWidget]:
        return list(self._banner_widgets)

    def _refresh_icons(self) -> None:
        colour = self.palette().color(QPalette.ColorRole.ButtonText)
        for action in self._actions.values():
            name = action.data()
            if isinstance(name, str):
                action.setIcon(glyph_icon(name, colour))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.update_palette(self.palette())
            self._refresh_icons()
            for widget in self._banner_widgets:
                widget.restyle()
            self._show_save_status(self.controller.save_status())
        super().changeEvent(event)

    def _fit_columns(self) -> None:
        # In a narrow window the titles matter most: the progress and salary link columns
        # step aside (the details panel still shows both) rather than squeeze every title.
        width = self.tree.width()
        self.tree.setColumnHidden(PlanTreeModel.PROGRESS, width < 680)
        self.tree.setColumnHidden(PlanTreeModel.LINK, width < 560)

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
        self.timeline.set_plan(self.controller.plan_index(), self.model.today())
        if change.structural and change.ids:
            # Show the step that was added, moved or brought back by an undone delete.
            index = self.controller.plan_index()
            present = [i for i in change.ids if i in index.key_of]
            if present:
                first = min(present, key=lambda i: index.key_of[i])
                self.select_milestone(first, reveal=False)
        current = self.current_id()
        if current != self._current_id or change.structural or current in change.ids:
            self._show_details(current)
        self._update_action_state()

    # --- selection ------------------------------------------------------------------------------

    def current_id(self) -> str | None:
        # The current row, not the selection: a click makes a row current before selecting it.
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        milestone_id = self.model.milestone_id(index)
        return milestone_id if self.controller.milestone(milestone_id) else None

    def select_milestone(self, milestone_id: str | None, *, reveal: bool = True) -> bool:
        """Select a step, expanding its parents; ``reveal`` clears a filter that hides it."""
        if milestone_id is None:
            return False
        index = self.model.index_of(milestone_id)
        if not index.isValid() and self.model.filter_active and reveal:
            self.clear_filters()
            index = self.model.index_of(milestone_id)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)
        return True

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.commit_pending_edits()
        self._show_details(self.current_id())
        self._update_action_state()

    def _update_action_state(self) -> None:
        editable = not self.controller.read_only
        current = self.current_id()
        place = self.controller.place(current) if current else None
        has = place is not None
        siblings = 0
        if place is not None:
            index = self.controller.plan_index()
            parent_key = index.key_of[place[0]] if place[0] else -1
            siblings = len(index.siblings(parent_key))
        self.add_sub_action.setEnabled(editable and has)
        self.delete_action.setEnabled(editable and has)
        self.toggle_action.setEnabled(editable and has)
        self.up_action.setEnabled(editable and has and place is not None and place[1] > 0)
        self.down_action.setEnabled(editable and place is not None and place[1] < siblings - 1)
        self.indent_action.setEnabled(editable and place is not None and place[1] > 0)
        self.outdent_action.setEnabled(editable and place is not None and place[0] is not None)
        self.timeline.set_selected(current)

    # --- toolbar actions ------------------------------------------------------------------------

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
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title_edit.selectAll()

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

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # --- filtering ------------------------------------------------------------------------------

    def _on_search_typed(self, text: str) -> None:
        # Matching every step takes a few milliseconds even in a 10,000-step plan; laying out
        # the rows a search shows takes longer the more there are (about 10 ms per thousand).
        # A word's first letters can match most of a big plan, so a search that would show
        # thousands of rows waits for a pause in typing instead of expanding them all only to
        # narrow them a keystroke later. Any other search shows as soon as the keys already
        # typed have been handled (a zero timer, so a burst of keys filters once).
        rows = self.model.search_rows(text)
        quick = rows is None or rows <= INSTANT_SEARCH_ROWS
        self.search_timer.start(0 if quick else SEARCH_PAUSE_MS)

    def _apply_search(self) -> None:
        self.search_timer.stop()
        self._filtering(lambda: self.model.set_search(self.search_edit.text()))

    def _apply_status_filter(self, _row: int = 0) -> None:
        self._filtering(lambda: self.model.set_status_filter(str(self.status_filter.currentData())))

    def _filtering(self, change: Any) -> None:
        # Rows a filter hides lose their expanded state in the view, so the tree's shape from
        # before the search is kept and put back when the search is cleared.
        was_active = self.model.filter_active
        if not was_active:
            self._expanded_before_filter = self.expanded_ids()
        # The model announces a new layout, so the view lays the rows out again once, at the
        # next pass of the event loop; until then expand() and collapse() only note the state.
        change()
        if self.model.filter_active:
            # Matches deep in the tree must be visible, not just their collapsed parents.
            for parent in self.model.parents_shown():
                self.tree.expand(parent)
        elif was_active and self._expanded_before_filter is not None:
            self._set_expanded(self._expanded_before_filter)
            self._expanded_before_filter = None
        self._show_filter_result()
        current = self._current_id
        if current is not None and self.model.index_of(current).isValid():
            self.tree.scrollTo(self.model.index_of(current))

    def _show_filter_result(self) -> None:
        if not self.model.filter_active:
            self.filter_bar.hide()
            return
        matching = self.model.matching_count()
        total = self.model.milestone_count()
        if matching:
            text = f"{matching} of {total} steps match (steps they belong to are shown too)."
        else:
            text = f"No steps match; {total} are hidden."
        self.filter_label.setText(text)
        self.filter_bar.show()

    def expanded_ids(self) -> set[str]:
        ids = self.model.plan_index.ids
        is_expanded = self.tree.isExpanded
        return {
            ids[parent.internalId()] for parent in self.model.parents_shown() if is_expanded(parent)
        }

    def _set_expanded(self, wanted: set[str]) -> None:
        """Expand exactly the steps in ``wanted`` (ids), collapsing the others."""
        ids = self.model.plan_index.ids
        for parent in self.model.parents_shown():
            expand = ids[parent.internalId()] in wanted
            if self.tree.isExpanded(parent) != expand:
                (self.tree.expand if expand else self.tree.collapse)(parent)

    def set_search(self, text: str) -> None:
        """Type into the search box and filter at once (no typing pause)."""
        self.search_edit.setText(text)
        self._apply_search()

    def set_status_filter(self, key: str) -> None:
        index = self.status_filter.findData(key)
        if index >= 0:
            self.status_filter.setCurrentIndex(index)

    def clear_filters(self) -> None:
        self.search_edit.clear()
        self._apply_search()
        self.set_status_filter("all")

    def show_attention(self) -> None:
        self.search_edit.clear()
        self._apply_search()
        self.set_status_filter("attention")
        self.tree.setFocus()

    # --- details editor -------------------------------------------------------------------------

    def _show_details(self, milestone_id: str | None) -> None:
        milestone = self.controller.milestone(milestone_id)
        same = milestone_id == self._current_id
        self._current_id = milestone.id if milestone else None
        self.form_widget.setVisible(milestone is not None)
        self.details_hint.setVisible(milestone is None)
        if milestone is None:
            self.details_heading.setText("Step details")
            return
        self._loading = True
        try:
            self.details_heading.setText(
                "Step details" if not milestone.children else "Step details (has sub-steps)"
            )
            # Never overwrite what the person is typing in this step's title or notes.
            typing_title = (
                same
                and self.title_edit.hasFocus()
                and (self.title_edit.text() != self._shown_title)
            )
            if not typing_title and self.title_edit.text() != milestone.title:
                self.title_edit.setText(milestone.title)
                self.title_edit.setCursorPosition(0)
            if not typing_title:
                self._shown_title = milestone.title
            typing_notes = (
                same
                and self.notes_edit.hasFocus()
                and (self.notes_edit.toPlainText() != self._shown_notes)
            )
            if not typing_notes and self.notes_edit.toPlainText() != milestone.notes:
                self.notes_edit.setPlainText(milestone.notes)
            if not typing_notes:
                self._shown_notes = milestone.notes
            self.status_combo.setCurrentIndex(self.status_combo.findData(milestone.status.value))
            has_target = milestone.target_date is not None
            self.no_date_check.setChecked(not has_target)
            self.target_edit.setEnabled(has_target and not self.controller.read_only)
            # No date shows as "—" (the minimum date is the edit's blank value).
            target = milestone.target_date
            self.target_edit.setDate(
                qdate(target) if target is not None else self.target_edit.minimumDate()
            )
            done = milestone.status is Status.DONE
            self.done_edit.setEnabled(done and not self.controller.read_only)
            self.done_edit.setDate(
                qdate(milestone.done_date) if milestone.done_date else self.done_edit.minimumDate()
            )
            self._show_link(milestone.salary_link)
            self.renews_spin.setValue(milestone.renews_every_months or 0)
            self.why_label.setText(milestone.why or "")
            self.why_caption.setVisible(bool(milestone.why))
            self.why_label.setVisible(bool(milestone.why))
            pay = self._pay_text(milestone)
            self.pay_label.setText(pay)
            self.pay_caption.setVisible(bool(pay))
            self.pay_label.setVisible(bool(pay))
        finally:
            self._loading = False

    def _show_link(self, link: SalaryLink | None) -> None:
        kind = link.kind if link else ""
        self.link_kind_combo.setCurrentIndex(max(0, self.link_kind_combo.findData(kind)))
        self._fill_link_values(kind)
        if link is not None:
            row = self.link_value_combo.findData(link.value)
            if row < 0:  # a value this version does not list (e.g. an area BLS dropped)
                self.link_value_combo.addItem(link.value, link.value)
                row = self.link_value_combo.count() - 1
            self.link_value_combo.setCurrentIndex(row)
            line = self.link_value_combo.lineEdit()
            if line is not None:
                line.setCursorPosition(0)  # a long area name shows its start, not its end

    def _fill_link_values(self, kind: str) -> None:
        combo = self.link_value_combo
        if combo.property("kind") == kind:
            return
        combo.blockSignals(True)
        combo.clear()
        for value, label in link_choices(kind):
            combo.addItem(label, value)
        combo.setProperty("kind", kind)
        combo.setEditable(kind == "location")
        if kind == "location":
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            combo.setCompleter(completer)
            line = combo.lineEdit()
            if line is not None:
                line.setAccessibleName("Salary link value")
        combo.setEnabled(bool(kind) and not self.controller.read_only)
        combo.blockSignals(False)
        # No link and a promotion have nothing to choose; an empty box would only ask "what?".
        self.form.setRowVisible(combo, bool(kind) and kind not in VALUELESS_LINK_KINDS)

    def _pay_text(self, milestone: Milestone) -> str:
        lines = []
        if milestone.pay_effect:
            lines.append(milestone.pay_effect)
        link = milestone.salary_link
        if link is not None:
            promotion = link.kind == "promotion"
            if milestone.status is Status.DONE:
                # plan_link leaves a done promotion out: it is not a raise still to come.
                lines.append(
                    "A promotion already had is not a raise still to come, so your salary "
                    "projection leaves it out."
                    if promotion
                    else "In your salary projection: counts as yours now."
                )
            elif milestone.status is Status.SKIPPED:
                lines.append("Skipped, so it is left out of your salary projection.")
            elif milestone.target_date is not None:
                what = "a promotion raise from" if promotion else "from"
                this_year = self.model.today().year
                if milestone.target_date.year < this_year:
                    # plan_link counts a step that is late from this year: it has not happened.
                    lines.append(
                        f"In your salary projection: {what} {this_year} (the target date has "
                        "passed, so it counts from this year)."
                    )
                else:
                    year = milestone.target_date.year
                    lines.append(f"In your salary projection: {what} {year}, the target year.")
                if promotion:
                    lines[-1] += " " + promotion_raise_text()
            else:
                lines.append("Give it a target date to see it in your salary projection.")
        return "\n\n".join(lines)

    # --- committing edits -----------------------------------------------------------------------

    def commit_pending_edits(self) -> None:
        """Write a half-finished title or notes edit now (before undo, save, quit, reselect)."""
        self.commit_title()
        self.commit_notes()

    def commit_title(self) -> None:
        milestone = self.controller.milestone(self._current_id)
        if milestone is None or self._loading or self.controller.read_only:
            return
        text = " ".join(self.title_edit.text().split())
        if text == milestone.title:
            return
        if not text:
            self.title_edit.setText(milestone.title)
            self.controller.message.emit("warning", "A step needs a title; the old one was kept.")
            return
        self._shown_title = text
        if not self.controller.update_milestone(milestone.id, title=text):
            self.title_edit.setText(milestone.title)

    def commit_notes(self) -> None:
        self._notes_timer.stop()
        milestone = self.controller.milestone(self._current_id)
        if milestone is None or self._loading or self.controller.read_only:
            return
        text = self.notes_edit.toPlainText()
        if text == milestone.notes:
            return
        if len(text) > 10_000:
            self.controller.message.emit(
                "warning", "Notes can be at most 10,000 characters; the extra text was not saved."
            )
            text = text[:10_000]
        self._shown_notes = text
        self.controller.update_milestone(milestone.id, notes=text)

    def _on_notes_typed(self) -> None:
        if not self._loading and self._current_id is not None:
            self._notes_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes_edit and event.type() == QEvent.Type.FocusOut:
            self.commit_notes()
        elif watched is self.tree and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _update(self, **fields: Any) -> None:
        if self._loading or self._current_id is None:
            return
        self.controller.update_milestone(self._current_id, **fields)

    def _on_status_chosen(self, row: int) -> None:
        if self._loading or self._current_id is None:
            return
        self.controller.set_status(self._current_id, str(self.status_combo.itemData(row)))

    def _on_target_changed(self, value: QDate) -> None:
        if not self.no_date_check.isChecked() and value != self.target_edit.minimumDate():
            self._update(target_date=value.toPython())

    def _on_no_date_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        self.target_edit.setEnabled(not checked and not self.controller.read_only)
        if checked:
            self._update(target_date=None)
            return
        # A first date a month ahead: close enough to adjust with the arrow keys.
        from ptplanner.core.plan.model import add_months

        first = add_months(self.model.today(), 1)
        self._loading = True
        try:
            self.target_edit.setDate(qdate(first))
        finally:
            self._loading = False
        self._update(target_date=first)

    def _on_done_changed(self, value: QDate) -> None:
        milestone = self.controller.milestone(self._current_id)
        if milestone is None or milestone.status is not Status.DONE:
            return
        if value != self.done_edit.minimumDate():
            self._update(done_date=value.toPython())

    def _on_link_kind_chosen(self, row: int) -> None:
        if self._loading:
            return
        kind = str(self.link_kind_combo.itemData(row) or "")
        self._fill_link_values(kind)
        if not kind:
            self._update(salary_link=None)
            return
        value = "" if kind in VALUELESS_LINK_KINDS else str(self.link_value_combo.itemData(0))
        self._update(salary_link=SalaryLink.model_validate({"kind": kind, "value": value}))

    def _on_link_value_chosen(self, row: int) -> None:
        if self._loading:
            return
        kind = str(self.link_kind_combo.currentData() or "")
        value = self.link_value_combo.itemData(row)
        if kind and value:
            self._update(salary_link=SalaryLink.model_validate({"kind": kind, "value": value}))

    def _on_renews_changed(self, value: int) -> None:
        self._update(renews_every_months=value or None)
