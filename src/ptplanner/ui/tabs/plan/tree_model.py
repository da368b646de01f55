"""The plan as a Qt item model: a tree of milestones for a QTreeView, with its search/status filter.

Model/view only, no widget per row, so a 10,000-step plan shows at once and scrolls smoothly:

* :class:`PlanIndex` maps every milestone to an integer key with its parent key, row and
  children, built in one pass over the plan. It is rebuilt only when the tree's shape changes
  (``PlanChange.structural``); a field edit swaps in the new milestone objects along one path.
* Model indexes carry the key as ``internalId``, so ``index()``/``parent()``/``rowCount()`` are
  list look-ups and never walk the plan.
* The filter lives in the model, not in a QSortFilterProxyModel: a proxy calls back into Python
  for every one of 10,000 rows (and again for their children) on each new search, where the
  model matches every step in one loop over precomputed lowercase search keys and then serves
  the view filtered copies of its row lists. Parents of matches stay, as they would with a
  recursive proxy filter.
* A structural change or a new filter is published as ``layoutChanged`` with every persistent
  index re-pointed at the same milestone id. Expanded rows, the selection and the current row
  therefore follow their milestones through moves, undo, filtering and even a whole-plan
  replace, which a model reset would lose.
* Drag and drop never edits the model directly: ``dropMimeData`` asks the controller for an
  (undoable) move and the model updates from the controller's ``plan_changed`` like any edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import compress
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)

from ptplanner.core.format import STATUS_LABELS, clip, short_date
from ptplanner.core.plan.model import (
    CLOSED_STATUSES,
    DUE_SOON_DAYS,
    MAX_DEPTH,
    Milestone,
    Plan,
    SalaryLink,
    Status,
    milestone_kinds,
)
from ptplanner.core.plan.operations import PlanChange

if TYPE_CHECKING:
    from ptplanner.ui.tabs.plan.controller import PlanController

Index = QModelIndex | QPersistentModelIndex

MIME_TYPE = "application/x-ptplanner-milestone-ids"
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

# Status filter choices: key, label. "attention" is what the launch notice lists.
STATUS_FILTERS: tuple[tuple[str, str], ...] = (
    ("all", "All steps"),
    ("open", "Open (not done or skipped)"),
    ("attention", "Overdue or due soon"),
    ("overdue", "Overdue"),
    ("not_started", "Not started"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("skipped", "Skipped"),
)


def link_label(link: SalaryLink | None) -> str:
    """A salary link in words for the tree ("CMAA", "Associate degree", "Boston, MA")."""
    if link is None:
        return ""
    if link.kind == "promotion":
        return "Promotion"
    from ptplanner.core.salary import salary_model

    model = salary_model()
    if link.kind == "certification":
        labels = {c.id: c.label.split(" (")[0] for c in model.certifications}
        return labels.get(link.value, link.value.upper())
    if link.kind == "education":
        return next((e.label for e in model.education if e.id == link.value), link.value)
    if link.kind == "employer_type":
        return next((e.label for e in model.employer_types if e.id == link.value), link.value)
    return link.value


def row_kind(milestone: Milestone, today: date) -> str:
    """How a row is drawn: done, skipped, overdue, due_soon or open (the core's rules)."""
    return milestone_kinds((milestone,), today)[0]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def kind_colours(palette: QPalette) -> dict[str, QColor]:
    """Text colours per row kind, picked for 4.5:1 contrast on the light or dark base colour."""
    dark = is_dark(palette)
    muted = QColor(palette.color(QPalette.ColorRole.Text))
    muted.setAlphaF(1.0)
    base = palette.color(QPalette.ColorRole.Base)
    # Done rows are greyed: 55% of the way from text to base keeps them readable but quiet.
    grey = QColor(
        round(muted.red() * 0.55 + base.red() * 0.45),
        round(muted.green() * 0.55 + base.green() * 0.45),
        round(muted.blue() * 0.55 + base.blue() * 0.45),
    )
    return {
        "overdue": QColor("#ff7b72" if dark else "#b3261e"),
        "due_soon": QColor("#f2b441" if dark else "#8a5300"),
        "done": grey,
        "skipped": grey,
        "open": palette.color(QPalette.ColorRole.Text),
    }


def icon_canvas() -> tuple[QPixmap, QPainter]:
    """A transparent 32 px square and an antialiased painter on it, for a small painted icon
    (no icon theme needed, sharp at any scale). The caller ends the painter."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def round_pen(colour: QColor, width: float) -> QPen:
    """A pen with round ends and joins, as every line of the painted icons has."""
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _status_icon(kind: str, colour: QColor, accent: QColor) -> QIcon:
    """A small painted status mark."""
    pixmap, painter = icon_canvas()
    pen = round_pen(colour, 3.2)
    if kind == "done":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawEllipse(3, 3, 26, 26)
        painter.setPen(round_pen(QColor("#ffffff"), 3.6))
        painter.drawPolyline([_pt(9.5, 16.5), _pt(14, 21), _pt(22.5, 11.5)])
    elif kind == "skipped":
        painter.setPen(pen)
        painter.drawEllipse(4, 4, 24, 24)
        painter.drawLine(10, 16, 22, 16)
    elif kind in {"overdue", "due_soon"}:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(3, 3, 26, 26)
        painter.setPen(round_pen(QColor("#ffffff"), 3.6))
        if kind == "overdue":  # an exclamation mark
            painter.drawLine(16, 9, 16, 18)
            painter.drawPoint(16, 23)
        else:  # clock hands
            painter.drawLine(16, 9, 16, 16)
            painter.drawLine(16, 16, 21, 19)
    else:
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(4, 4, 24, 24)
    painter.end()
    return QIcon(pixmap)


def _pt(x: float, y: float) -> Any:
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


_NO_CHILDREN: list[int] = []
"""The sub-steps of every leaf: one shared list (never changed), not 9,000 empty ones that the
garbage collector would have to walk."""


class PlanIndex:
    """Integer keys for every milestone with parent, row and children; built in one pass.

    Keys are preorder positions, so ``ids[key]`` is the display order of a fully expanded tree.
    """

    __slots__ = (
        "_kinds",
        "children",
        "depth",
        "ids",
        "key_of",
        "milestones",
        "parent",
        "roots",
        "row",
    )

    def __init__(self, plan: Plan) -> None:
        ids: list[str] = []
        milestones: list[Milestone] = []
        parent: list[int] = []
        row: list[int] = []
        depth: list[int] = []
        children: list[list[int]] = []
        roots: list[int] = []
        # Bound appends and plain recursion (at most MAX_DEPTH deep): this runs on every open and
        # every structural edit, and is about twice as fast as a loop over a stack of tuples.
        add_id, add_milestone = ids.append, milestones.append
        add_parent, add_row, add_depth = parent.append, row.append, depth.append
        add_children = children.append

        def visit(
            siblings: tuple[Milestone, ...], parent_key: int, level: int, into: list[int]
        ) -> None:
            for position, milestone in enumerate(siblings):
                key = len(ids)
                into.append(key)
                add_id(milestone.id)
                add_milestone(milestone)
                add_parent(parent_key)
                add_row(position)
                add_depth(level)
                if milestone.children:
                    kids: list[int] = []
                    add_children(kids)
                    visit(milestone.children, key, level + 1, kids)
                else:
                    add_children(_NO_CHILDREN)

        visit(plan.milestones, -1, 1, roots)
        self.ids = ids
        self.milestones = milestones
        self.parent = parent
        self.row = row
        self.depth = depth
        self.children = children
        self.roots = roots
        self.key_of = dict(zip(ids, range(len(ids)), strict=True))
        self._kinds: tuple[date, list[str]] | None = None

    def kinds(self, today: date) -> list[str]:
        """:func:`row_kind` of every milestone by key, worked out once per day and kept current.

        The header's overdue count, the timeline and the status filter all read these.
        """
        if self._kinds is None or self._kinds[0] != today:
            self._kinds = today, list(milestone_kinds(self.milestones, today))
        return self._kinds[1]

    def leaf_counts(self) -> dict[int, tuple[int, int]]:
        """(done, counted) leaves of every top-level step and every step with sub-steps.

        The same numbers as :meth:`Milestone.leaf_counts`, from the last key to the first (a
        step's sub-steps come after it in preorder, so they are counted before it): the header
        and the progress column need them all on the first paint, and this is about half the
        cost of a recursive walk below each top-level step (6 ms against 11 for 10,000 steps).
        """
        children = self.children
        closed, skipped = Status.DONE, Status.SKIPPED
        statuses = [milestone.status for milestone in self.milestones]
        # Every step as if it were a leaf first (comprehensions: most steps are), then the
        # steps with sub-steps from the bottom up.
        counted = [0 if status is skipped else 1 for status in statuses]
        done = [1 if status is closed else 0 for status in statuses]
        parents = [key for key, kids in enumerate(children) if kids]
        for key in reversed(parents):
            status = statuses[key]
            if status is skipped:
                counted[key] = 0
                continue
            kids = children[key]
            below = counted[key] = sum([counted[kid] for kid in kids])
            done[key] = below if status is closed else sum([done[kid] for kid in kids])
        found = {key: (done[key], counted[key]) for key in self.roots}
        found.update((key, (done[key], counted[key])) for key in parents)
        return found

    def __len__(self) -> int:
        return len(self.ids)

    def siblings(self, parent_key: int) -> list[int]:
        return self.roots if parent_key < 0 else self.children[parent_key]

    def ancestors(self, key: int) -> Iterator[int]:
        """The keys above ``key``, nearest first."""
        parent = self.parent[key]
        while parent >= 0:
            yield parent
            parent = self.parent[parent]

    def path(self, key: int) -> list[int]:
        """Rows from the top level down to ``key``."""
        rows = [self.row[key]]
        rows.extend(self.row[a] for a in self.ancestors(key))
        rows.reverse()
        return rows

    def place(self, milestone_id: str) -> tuple[str | None, int] | None:
        """(parent id, row) of a milestone, or None if it is not in the plan."""
        key = self.key_of.get(milestone_id)
        if key is None:
            return None
        parent = self.parent[key]
        return (self.ids[parent] if parent >= 0 else None), self.row[key]

    def refresh(self, plan: Plan, milestone_id: str) -> list[int]:
        """Re-read one milestone and its ancestors from ``plan`` (after a field edit).

        An edit copies every milestone on the path from the root, so the ancestors' objects are
        new too; returns the keys refreshed, the edited one first.
        """
        key = self.key_of.get(milestone_id)
        if key is None:
            return []
        rows = self.path(key)
        chain: list[Milestone] = []
        node = plan.milestones[rows[0]]
        chain.append(node)
        for position in rows[1:]:
            node = node.children[position]
            chain.append(node)
        keys = [key, *self.ancestors(key)]
        for k, milestone in zip(keys, reversed(chain), strict=True):
            self.milestones[k] = milestone
        if self._kinds is not None:
            day, kinds = self._kinds
            for k in keys:
                kinds[k] = row_kind(self.milestones[k], day)
        return keys

    def subtree(self, key: int) -> Iterator[int]:
        stack = [key]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(self.children[current])

    def height(self, key: int) -> int:
        """Levels in the subtree of ``key`` (1 for a step without sub-steps)."""
        base = self.depth[key]
        return max(self.depth[k] for k in self.subtree(key)) - base + 1


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
        self._leaves: dict[int, tuple[int, int]] = {}
        self._search_keys: list[str] | None = None
        self._fonts: dict[str, QFont] = {}
        self._words: tuple[str, ...] = ()
        self._status = "all"
        self._filter: _Filtered | None = None
        self._version = 0
        """Bumped whenever the plan or the day changes: a filter worked out before is stale."""
        self._worked_out: tuple[tuple[object, ...], _Filtered | None] | None = None
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
        self._version += 1
        if self._filter is not None and self._status != "all":
            self._relayout(self._refilter)  # "overdue" and "due soon" are about today
        self._emit_all_changed()

    def update_palette(self, palette: QPalette) -> None:
        self._set_colours(palette)
        self._emit_all_changed()

    def _set_colours(self, palette: QPalette) -> None:
        self._colours = kind_colours(palette)
        self._brushes = {kind: QBrush(colour) for kind, colour in self._colours.items()}
        accent = palette.color(QPalette.ColorRole.Highlight)
        done_accent = QColor("#3f9a5a" if not is_dark(palette) else "#57b36f")
        self._icons = {
            kind: _status_icon(kind, colour, done_accent if kind == "done" else accent)
            for kind, colour in self._colours.items()
        }
        self._icons["open"] = _status_icon(
            "open", palette.color(QPalette.ColorRole.PlaceholderText), accent
        )

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
        if not parent.isValid():
            return bool(self._roots)
        return parent.column() == 0 and bool(self._kids[parent.internalId()])

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
        if not index.isValid():
            return self._flags[0]
        table = self._flags[1] if self._kids[index.internalId()] else self._flags[2]
        return table[index.column()]

    def progress_counts(self, key: int) -> tuple[int, int] | None:
        """(done, counted) leaves for a step with sub-steps, cached until it changes."""
        return self.leaf_counts(key) if self._index.children[key] else None

    def leaf_counts(self, key: int) -> tuple[int, int]:
        """(done, counted) leaves of a step (see Milestone.leaf_counts), cached until it or
        one of its sub-steps changes."""
        counts = self._leaves.get(key)
        if counts is None:
            counts = self._leaves[key] = self._index.milestones[key].leaf_counts()
        return counts

    def plan_leaf_counts(self) -> tuple[int, int]:
        """(done, counted) leaves of the whole plan, as Plan.leaf_counts(); after an edit only
        the top-level step it touched is counted again."""
        if not self._leaves:
            # A new plan or a structural edit emptied the cache: refill it in one pass.
            self._leaves = self._index.leaf_counts()
        done = counted = 0
        for key in self._index.roots:
            step_done, step_counted = self.leaf_counts(key)
            done += step_done
            counted += step_counted
        return done, counted

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for ~8 roles per cell on every repaint: roles this model never sets answer
        # first, and the row's kind comes from the index's list rather than being worked out.
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
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DONE:
            ticked = milestone.status is Status.DONE
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and kind == "skipped":
            return self._font("skipped")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DONE:
                if milestone.done_date is not None:
                    return f"Done on {short_date(milestone.done_date)}"
                return "Tick when this step is done (Space)"
            return self.tooltip(milestone)
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

    def due_text(self, milestone: Milestone) -> str:
        target = milestone.target_date
        if target is None:
            return "no target date"
        days = (target - self._today).days
        text = f"target {short_date(target)}"
        if milestone.is_closed:
            return text
        if days < 0:
            return f"{text}, overdue by {-days} day{'s' if days != -1 else ''}"
        if days == 0:
            return f"{text}, due today"
        if days <= DUE_SOON_DAYS:
            return f"{text}, due in {days} day{'s' if days != 1 else ''}"
        return text

    def tooltip(self, milestone: Milestone) -> str:
        lines = [milestone.title, f"{STATUS_LABELS[milestone.status]}; {self.due_text(milestone)}"]
        if milestone.done_date:
            lines.append(f"Done on {short_date(milestone.done_date)}")
        if milestone.salary_link:
            lines.append(f"Salary link: {link_label(milestone.salary_link)}")
        if milestone.why:
            lines.append(clip(milestone.why, 240))
        if milestone.notes:
            lines.append("Notes: " + clip(" ".join(milestone.notes.split()), 160))
        return "\n".join(lines)

    def spoken(self, key: int, milestone: Milestone, column: int) -> str:
        if column == self.DONE:
            if milestone.status is Status.DONE:
                return f"done on {short_date(milestone.done_date)}"
            return "not done"
        if column != self.TITLE:
            return self._display(key, milestone, column) or "empty"
        parts = [milestone.title, STATUS_LABELS[milestone.status].lower(), self.due_text(milestone)]
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
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray("\n".join(seen).encode("ascii")))
        return data

    @staticmethod
    def _decode(data: QMimeData) -> list[str]:
        if data is None or not data.hasFormat(MIME_TYPE):
            return []
        raw = bytes(data.data(MIME_TYPE).data()).decode("ascii", errors="replace")
        return [line for line in raw.split("\n") if line]

    def _drop_target(
        self, data: QMimeData, row: int, parent: Index
    ) -> tuple[str, str | None, int | None] | None:
        """(moving id, new parent id, index after taking it out) or None if not allowed."""
        if self.controller.read_only:
            return None
        ids = self._decode(data)
        if len(ids) != 1:
            return None
        key = self._index.key_of.get(ids[0])
        if key is None:
            return None
        parent_key = self.key(parent)
        # Not into itself or its own sub-steps, and not deeper than the plan allows.
        if parent_key == key or (parent_key >= 0 and key in self._index.ancestors(parent_key)):
            return None
        parent_depth = self._index.depth[parent_key] if parent_key >= 0 else 0
        if parent_depth + self._index.height(key) > MAX_DEPTH:
            return None
        new_index: int | None = None if row < 0 else self._plan_row(row, parent_key)
        same_parent = self._index.parent[key] == parent_key
        if new_index is not None and same_parent and self._index.row[key] < new_index:
            new_index -= 1  # the controller counts positions after the step is taken out
        parent_id = self._index.ids[parent_key] if parent_key >= 0 else None
        return ids[0], parent_id, new_index

    def _plan_row(self, row: int, parent_key: int) -> int:
        """A drop position among the rows shown -> the same place among all the sub-steps."""
        if self._filter is None:
            return row
        shown = self._kids[parent_key] if parent_key >= 0 else self._roots
        if row < len(shown):
            return self._index.row[shown[row]]  # just above the step shown there
        return len(self._index.siblings(parent_key))  # below the last one shown: at the end

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
        self._version += 1
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
        keys = self._search_keys
        for key in touched:
            self._leaves.pop(key, None)
            if keys is not None:
                keys[key] = _search_key(self._index.milestones[key])
        if self._filter is not None:
            # An edit can make a step match, or stop matching: rows appear or go only then.
            filtered = self._compute_filter(self._words, self._status)
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
        self._leaves.clear()
        self._search_keys = None
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
        words = _words(text)
        if words != self._words:
            self._words = words
            self._relayout(self._refilter)

    def set_status_filter(self, status: str) -> None:
        """Show only steps with this status (a key of :data:`STATUS_FILTERS`)."""
        if status != self._status:
            self._status = status
            self._relayout(self._refilter)

    def search_rows(self, text: str) -> int | None:
        """Rows a search for ``text`` would show (with the status filter); None if no filter.

        The filter worked out here is kept, so :meth:`set_search` with the same text is free.
        """
        filtered = self._filter_for(_words(text), self._status)
        return None if filtered is None else filtered.shown_count

    def matching_count(self) -> int:
        """Steps that match themselves (not counting parents kept to show where they are)."""
        if self._filter is None:
            return len(self._index)
        return self._filter.matching

    def _refilter(self) -> None:
        self._show(self._filter_for(self._words, self._status))

    def _filter_for(self, words: tuple[str, ...], status: str) -> _Filtered | None:
        if not words and status == "all":
            return None
        key = (self._version, words, status)
        if self._worked_out is None or self._worked_out[0] != key:
            self._worked_out = key, self._compute_filter(words, status)
        return self._worked_out[1]

    def _show(self, filtered: _Filtered | None) -> None:
        self._filter = filtered
        if filtered is None:
            self._roots, self._kids, self._rows = (
                self._index.roots,
                self._index.children,
                self._index.row,
            )
        else:
            self._roots, self._kids, self._rows = filtered.lists(self._index)

    def _search_texts(self) -> list[str]:
        if self._search_keys is None:
            self._search_keys = [_search_key(m) for m in self._index.milestones]
        return self._search_keys

    def _compute_filter(self, words: tuple[str, ...], status: str) -> _Filtered:
        """Match every step once, then keep the parents of matches."""
        index = self._index
        count = len(index)
        matches: list[bool] | None = None
        if status != "all":
            matches = _status_flags(index, status, self._today)
        # One pass per word: "word in text" over a list is several times faster than all(...).
        texts = self._search_texts() if words else []
        for word in words:
            if matches is None:
                matches = [word in text for text in texts]
            else:
                matches = [ok and word in text for ok, text in zip(matches, texts, strict=True)]
        if matches is None:
            matches = [True] * count
        shown = list(matches)
        parent = index.parent
        # Keys are in display order, so an ancestor is always marked before its descendants
        # reach it: each walk up stops at the first row already shown.
        for key in compress(range(count), matches):
            up = parent[key]
            while up >= 0 and not shown[up]:
                shown[up] = True
                up = parent[up]
        return _Filtered(shown, sum(matches))


_NONE: list[int] = []
"""The sub-steps shown of a leaf or a hidden step (shared, never changed)."""


class _Filtered:
    """Which steps a filter shows; the row lists for the view are made only if it is shown."""

    __slots__ = ("_lists", "matching", "shown", "shown_count")

    def __init__(self, shown: list[bool], matching: int) -> None:
        self.shown = shown
        self.shown_count = sum(shown)
        self.matching = matching
        """Steps that match themselves (the rest of those shown are their parents)."""
        self._lists: tuple[list[int], list[list[int]], list[int]] | None = None

    def lists(self, index: PlanIndex) -> tuple[list[int], list[list[int]], list[int]]:
        """(top-level keys, sub-step keys per key, row of each key or -1) among those shown."""
        if self._lists is None:
            shown = self.shown
            roots = [key for key in index.roots if shown[key]]
            kids = [
                [child for child in children if shown[child]] if children and shown[key] else _NONE
                for key, children in enumerate(index.children)
            ]
            rows = [-1] * len(shown)
            for siblings in (roots, *(k for k in kids if k)):
                for row, key in enumerate(siblings):
                    rows[key] = row
            self._lists = roots, kids, rows
        return self._lists


def _words(search: str) -> tuple[str, ...]:
    return tuple(search.casefold().split())


def _search_key(milestone: Milestone) -> str:
    return f"{milestone.title}\n{milestone.notes}".casefold()


def _status_flags(index: PlanIndex, status: str, today: date) -> list[bool]:
    """Whether each milestone has ``status``, a key of :data:`STATUS_FILTERS` other than "all"."""
    if status == "open":
        return [m.status not in CLOSED_STATUSES for m in index.milestones]
    if status in {"overdue", "attention"}:
        wanted = {"overdue", "due_soon"} if status == "attention" else {"overdue"}
        return [kind in wanted for kind in index.kinds(today)]
    return [m.status.value == status for m in index.milestones]
