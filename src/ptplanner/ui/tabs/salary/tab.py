"""The Salary tab: a profile on the left, today's estimate, why, and the projection on the right.

Every input change goes straight to the :class:`ScenarioModel`; the tab redraws from the model's
projection on each ``changed`` signal, so nothing here computes pay. A change must show within
one frame, so the redraw touches only what is on show and what changed: the graph's one chart
item gets new points, table cells are updated in place, new label text does not re-lay the tab,
and hidden pages catch up when shown (pyqtgraph is imported with this module, which the window
loads only when the tab is first shown).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QGuiApplication,
    QHelpEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QStyle,
    QStyleOptionFrame,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.format import money
from ptplanner.core.locations import usable_areas
from ptplanner.core.projection import Projection, YearRow
from ptplanner.core.salary import Assumptions, Estimate, salary_model
from ptplanner.core.sources import source_catalog
from ptplanner.ui.fitting import FittedComboBox
from ptplanner.ui.tabs.salary.plot import ProjectionPlot
from ptplanner.ui.tabs.salary.scenario import ScenarioModel

Index = QModelIndex | QPersistentModelIndex


# label, field, minimum, maximum, step, suffix, decimals
ASSUMPTION_FIELDS: tuple[tuple[str, str, float, float, float, str, int], ...] = (
    ("Annual raise", "raise_pct", -10, 25, 0.1, " %", 1),
    ("Promotion raise", "promotion_pct", 0, 100, 0.5, " %", 1),
    ("Inflation", "inflation_pct", -5, 25, 0.1, " %", 1),
    ("Bonus and extra pay", "bonus_pct", 0, 100, 0.5, " % of base", 2),
    ("Your 401(k) contribution", "retirement_contribution_pct", 0, 100, 0.5, " % of base", 1),
    ("Employer match rate", "match_rate_pct", 0, 200, 5, " % of yours", 0),
    ("Match applies up to", "match_cap_pct", 0, 100, 0.5, " % of base", 1),
    ("Health cover value", "health_value_pct", 0, 100, 0.5, " % of base", 2),
    ("Paid time off value", "pto_value_pct", 0, 100, 0.5, " % of base", 2),
    ("Continuing-education stipend", "ce_stipend_usd", 0, 100_000, 50, " $/yr", 0),
    ("Profit sharing", "profit_sharing_usd", 0, 1_000_000, 100, " $/yr", 0),
)
# Tooltips that say more than the field's own description (in lines: Qt does not wrap plain text).
ASSUMPTION_TIPS: dict[str, str] = {
    "promotion_pct": (
        "The pay rise on each promotion you plan.\n"
        'A step in the Plan tab with a "Promotion" salary link and a target date\n'
        "is a promotion: pay rises by this much from its year on.\n"
        "This is ptplanner's own assumption: none of the sources gives a figure."
    ),
}


GRAPH_SHARE = 0.55  # of the height the graph and the detail tables share
PLAN_ITEMS_SHOWN = 4  # plan contributions named in the line above the graph; the rest counted
PLAN_ITEMS_IN_TIP = 25  # and named in its tooltip


def inputs_width(room: int) -> int:
    """The inputs panel's width in a tab ``room`` pixels wide: 340 at 1024, up to 400."""
    return min(400, max(340, round(room * 0.3)))


class ProjectionTableModel(QAbstractTableModel):
    """The year-by-year projection as a read-only table (copyable as tab-separated text)."""

    HEADERS = (
        "Year",
        "Experience",
        "Stage",
        "Base low",
        "Base typical",
        "Base high",
        "Total comp",
        "Typical, inflation-adj.",
        "Events",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[YearRow, ...] = ()

    def set_rows(self, rows: tuple[YearRow, ...]) -> None:
        if rows == self.rows:
            return
        if len(rows) != len(self.rows):
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        # Same shape: one change signal keeps the selection and lays the view out once.
        self.rows = rows
        self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def cell(self, row: YearRow, column: int) -> str:
        return (
            str(row.year),
            f"{row.experience:g} yrs",
            row.stage,
            money(row.low),
            money(row.typical),
            money(row.high),
            money(row.total_compensation),
            money(row.typical_real),
            "; ".join(row.events),
        )[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(self.rows[index.row()], index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(self.HEADERS) - 1:
            # The events may be longer than their column: hovering shows them whole.
            return self.cell(self.rows[index.row()], index.column()) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in {0, 1, 3, 4, 5, 6, 7}:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def as_tsv(self, rows: list[int] | None = None, columns: list[int] | None = None) -> str:
        rows = list(range(len(self.rows))) if rows is None else rows
        columns = list(range(len(self.HEADERS))) if columns is None else columns
        lines = ["\t".join(self.HEADERS[c] for c in columns)]
        for r in rows:
            lines.append("\t".join(self.cell(self.rows[r], c) for c in columns))
        return "\n".join(lines) + "\n"


Cell = tuple[str, str]  # text, tool tip


def breakdown_cells(today: Estimate) -> tuple[tuple[Cell, ...], ...]:
    """The "Why this estimate" rows: each factor, its effect and source, then the total."""
    catalog = source_catalog()
    rows: list[tuple[Cell, ...]] = []
    for row, item in enumerate(today.breakdown):
        source = catalog.get(item.source)
        if row == 0:
            amount = money(item.amount)
        else:
            sign = "−" if item.amount < 0 else "+"
            amount = f"{sign}{money(abs(item.amount))}"
        where = source.short if item.date in source.short else f"{source.short}, {item.date}"
        rows.append(
            (
                (item.label, item.detail),
                (amount, ""),
                (where, f"{source.title}. {source.licence}"),
                (item.guide_says or "", ""),
            )
        )
    rows.append((("= Typical base pay", ""), (money(today.typical), ""), ("", ""), ("", "")))
    return tuple(rows)


def _cell_sizes(table: QTableWidget) -> tuple[list[int], list[int]]:
    rows = [table.rowHeight(r) for r in range(table.rowCount())]
    return rows, [table.columnWidth(c) for c in range(table.columnCount())]


def fill_table(table: QTableWidget, rows: Sequence[Sequence[Cell]], right: Container[int]) -> None:
    """Show ``rows`` of (text, tip) in ``table``, updating its items in place; the last row bold.

    The tables fit their rows to word-wrapped text, and every change signal makes the view
    re-measure all of them at once, and a change of several cells repaints the whole table:
    the model stays quiet while the cells are set, then reports one changed cell, and the
    other changed cells are repainted on their own (all of it when rows or columns moved).
    """
    if table.rowCount() != len(rows):
        table.clearContents()  # new items below get the right alignment and weight
        table.setRowCount(len(rows))
    model = table.model()
    changed: list[QModelIndex] = []
    with QSignalBlocker(model):
        for r, row in enumerate(rows):
            for c, (text, tip) in enumerate(row):
                item = table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    if c in right:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    if r == len(rows) - 1 and c < 2:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    table.setItem(r, c, item)
                if item.text() != text or item.toolTip() != tip:
                    item.setText(text)
                    item.setToolTip(tip)
                    changed.append(model.index(r, c))
    if not changed:
        return
    sizes = _cell_sizes(table)
    model.dataChanged.emit(changed[0], changed[0])
    viewport = table.viewport()
    if _cell_sizes(table) != sizes:
        viewport.update()  # rows or columns moved: now, not when Qt's own timer gets to it
    else:
        for index in changed[1:]:
            viewport.update(table.visualRect(index))


class SteadyLabel(QWidget):
    """A label whose new text re-lays the tab only when it needs another height or more width.

    A QLabel asks its parent's layout to recompute on every ``setText``, which here re-laid the
    whole tab (and painted it twice) on each input change. Inside this box, which has no layout,
    that request stops; the box changes its own size only when the text no longer fits.

    The text is not selectable with the mouse: a selectable label lays its text out again while
    it paints, which makes Qt paint it a second time after every change. Right-click offers
    "Copy" instead.
    """

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._sizes: dict[tuple[str, int], tuple[int, int]] = {}  # (text, width) -> room needed
        label.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fit()

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        if text != self.label.text():
            self.label.setText(text)
            self._fit()

    def setToolTip(self, tip: str) -> None:
        self.label.setToolTip(tip)

    def toolTip(self) -> str:
        return self.label.toolTip()

    def plain_text(self) -> str:
        return QTextDocumentFragment.fromHtml(self.label.text()).toPlainText()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction("Copy", self.copy_text)
        menu.exec(event.globalPos())

    def copy_text(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.plain_text())

    def sizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._sizes.clear()
            self._fit()

    def _fit(self) -> None:
        label = self.label
        # Wrapped text takes the width it is given and needs a height for it.
        wrapped = label.wordWrap()
        width = (self.width() or label.sizeHint().width()) if wrapped else -1
        hint_width, height = self._measure(width)
        if hint_width > self.minimumWidth():
            self.setMinimumWidth(hint_width)  # grows to fit; never shrinks back and forth
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)

    def _measure(self, width: int) -> tuple[int, int]:
        """The room the text needs (at ``width`` if wrapped): laid out once per text and width.

        Measuring lays the text out, a good part of a frame for the wrapped rich text, and a
        person going back and forth between choices brings the same texts back.
        """
        key = (self.label.text(), width)
        found = self._sizes.get(key)
        if found is None:
            label = self.label
            if width >= 0:
                height = label.heightForWidth(width)
                found = (0, height if height >= 0 else label.sizeHint().height())
            else:
                hint = label.sizeHint()
                found = (hint.width(), hint.height())
            if len(self._sizes) >= 256:
                self._sizes.clear()
            self._sizes[key] = found
        return found


class ShareSplitter(QSplitter):
    """A splitter whose first pane gets ``share(length)`` of its room until a person drags it.

    QSplitter starts from its panes' size hints and shares out a resize by stretch factors: the
    graph asked for nearly all the height and left the breakdown two rows at 1024x700. This one
    gives each window size a share that suits it; a divider the person has moved stays theirs
    (later resizes then go by the stretch factors).
    """

    def __init__(
        self,
        orientation: Qt.Orientation,
        share: Callable[[int], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(orientation, parent)
        self._share = share
        self.dragged = False
        self.splitterMoved.connect(self._moved)

    def _moved(self, _position: int, _index: int) -> None:
        self.dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.dragged and self.count() == 2:
            room = sum(self.sizes())
            first = self._share(room)
            self.setSizes([first, room - first])


class FittedHeader(QHeaderView):
    """Column titles that end in "…" in a column too narrow for them and show whole on hover."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def title(self, section: int) -> str:
        return str(self.model().headerData(section, self.orientation()) or "")

    def title_width(self, section: int) -> int:
        """The width ``section`` needs to show its whole title."""
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        return self.fontMetrics().horizontalAdvance(self.title(section)) + 2 * margin

    def is_elided(self, section: int) -> bool:
        return self.title_width(section) > self.sectionSize(section)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            section = self.logicalIndexAt(event.pos())
            if section >= 0 and self.is_elided(section):
                QToolTip.showText(event.globalPos(), self.title(section), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class BreakdownTable(QTableWidget):
    """The "Why this estimate" table: factor, effect, source and what the career guide says.

    The effect column is as wide as its amounts; the factor, source and guide columns share the
    rest so that each wraps into a line or two (the guide's comments get the most), instead of
    a fixed factor column that left the guide a sliver at 1024 pixels. A column the person has
    dragged keeps its width.
    """

    # Column, share of the width after the effect column; the guide's column gets the rest.
    SHARES: tuple[tuple[int, float], ...] = ((0, 0.34), (2, 0.28))
    TITLES = ("Factor", "Effect", "Source", "The career guide says")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.TITLES), parent)
        self.setHorizontalHeader(FittedHeader(self))
        self.setHorizontalHeaderLabels(list(self.TITLES))
        self.columns_dragged = False
        self._fitted_width = -1
        self._fitting = False
        self.horizontalHeader().sectionResized.connect(self._section_resized)

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        if not self._fitting and section in dict(self.SHARES):
            self.columns_dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        if not self.columns_dragged and width != self._fitted_width:
            self._fitted_width = width
            self.fit_columns(width)

    def fit_columns(self, width: int) -> None:
        header = self.horizontalHeader()
        assert isinstance(header, FittedHeader)
        rest = width - header.sectionSize(1)
        self._fitting = True
        try:
            for section, share in self.SHARES:
                header.resizeSection(section, max(header.title_width(section), round(rest * share)))
        finally:
            self._fitting = False


# QLineEdit keeps this many pixels free left and right of its text, and one above and below.
_LINE_EDIT_MARGIN = 2


class ElidingLineEdit(QLineEdit):
    """The location box's text: a name too long for the box ends in "…" while it is not edited.

    A line edit shows the start of a long text cut off mid-letter ("Boston-Cambridge-Newton,
    MA-N"), which reads as a different name. Without focus this one draws the name elided
    where QLineEdit would draw it; clicking in shows the real text to edit and scroll.
    """

    def text_room(self) -> int:
        """Pixels the box has for its text."""
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        return rect.width() - margins.left() - margins.right() - 2 * _LINE_EDIT_MARGIN

    def is_shortened(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.text_room()

    def shown_text(self) -> str:
        """What the box shows: the whole text, or while not edited, the text elided."""
        if self.hasFocus() or not self.is_shortened():
            return self.text()
        elide = Qt.TextElideMode.ElideRight
        return self.fontMetrics().elidedText(self.text(), elide, self.text_room())

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        style = self.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        rect = style.subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        rect = rect.marginsRemoved(self.textMargins())
        rect.adjust(_LINE_EDIT_MARGIN, 1, -_LINE_EDIT_MARGIN, -1)
        metrics = self.fontMetrics()
        # Where QLineEdit puts a vertically centred line, so the text does not jump on focus.
        top = rect.y() + (rect.height() - metrics.height() + 1) // 2
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(QPoint(rect.x(), top + metrics.ascent()), shown)


class LocationComboBox(FittedComboBox):
    """The editable location box: a long area name elided, and whole in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.eliding_line = ElidingLineEdit(self)
        self.setLineEdit(self.eliding_line)

    def shown_text(self) -> str:
        return self.eliding_line.shown_text()

    def is_shortened(self) -> bool:
        # Also while the name is being edited: the box then shows only a part of it.
        return bool(self.currentText()) and self.eliding_line.is_shortened()


class InputsPanel(QScrollArea):
    """The person's profile and the assumptions, bound to the scenario model."""

    def __init__(self, scenario: ScenarioModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario = scenario
        model = salary_model()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)

        profile = QGroupBox("Your profile")
        form = QFormLayout(profile)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.experience_spin = QSpinBox()
        self.experience_spin.setRange(0, 40)
        self.experience_spin.setSuffix(" years")
        self.experience_spin.setAccessibleName("Years of experience")
        self.experience_slider = QSlider(Qt.Orientation.Horizontal)
        self.experience_slider.setRange(0, 40)
        self.experience_slider.setPageStep(5)
        self.experience_slider.setAccessibleName("Years of experience slider")
        experience = QWidget()
        row = QHBoxLayout(experience)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.experience_slider, 1)
        row.addWidget(self.experience_spin)
        experience_label = QLabel("E&xperience")
        experience_label.setBuddy(self.experience_spin)
        form.addRow(experience_label, experience)

        self.education_combo = FittedComboBox()
        self.education_combo.setAccessibleName("Education")
        for level in model.education:
            self.education_combo.addItem(level.label, level.id)
        form.addRow("&Education", self.education_combo)

        self.location_combo = LocationComboBox()
        self.location_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.location_combo.setAccessibleName("Location")
        self.location_combo.setToolTip(
            "National, a state or a metro area. Type any part of the name, e.g. boston."
        )
        self.location_combo.setMaxVisibleItems(20)
        for area in usable_areas():
            self.location_combo.addItem(area.name)
        completer = QCompleter(self.location_combo.model(), self.location_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.location_combo.setCompleter(completer)
        self.location_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.location_combo.setMinimumContentsLength(16)
        form.addRow("&Location", self.location_combo)

        self.employer_combo = FittedComboBox()
        self.employer_combo.setAccessibleName("Employer type")
        for employer in model.employer_types:
            self.employer_combo.addItem(employer.label, employer.id)
            index = self.employer_combo.count() - 1
            self.employer_combo.setItemData(index, employer.guide_note, Qt.ItemDataRole.ToolTipRole)
        self.employer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        form.addRow("Em&ployer", self.employer_combo)
        layout.addWidget(profile)

        certs = QGroupBox("Certifications held")
        certs_layout = QVBoxLayout(certs)
        self.cert_checks: dict[str, QCheckBox] = {}
        for cert in model.certifications:
            # The full name wraps in a caption under the box: a long checkbox label would clip.
            abbreviation, _, full_name = cert.label.partition(" (")
            check = QCheckBox(abbreviation)
            check.setAccessibleName(f"Certification {abbreviation}")
            check.setAccessibleDescription(full_name.rstrip(")"))
            check.setToolTip(full_name.rstrip(")"))
            caption = QLabel(full_name.rstrip(")"))
            caption.setWordWrap(True)
            caption.setIndent(24)
            caption.setProperty("role", "footnote")
            self.cert_checks[cert.id] = check
            certs_layout.addWidget(check)
            certs_layout.addWidget(caption)
        layout.addWidget(certs)

        skills = QGroupBox("Skills")
        skills_layout = QVBoxLayout(skills)
        self.skill_checks: dict[str, QCheckBox] = {}
        for skill in model.skills:
            check = QCheckBox(skill.label)
            check.setAccessibleName(f"Skill {skill.label}")
            self.skill_checks[skill.id] = check
            skills_layout.addWidget(check)
        layout.addWidget(skills)

        projection = QGroupBox("Projection")
        projection_form = QFormLayout(projection)
        self.years_spin = QSpinBox()
        self.years_spin.setRange(1, 50)
        self.years_spin.setSuffix(" years")
        self.years_spin.setAccessibleName("Years to project")
        projection_form.addRow("&Project over", self.years_spin)
        self.plan_check = QCheckBox("Include my plan's milestones")
        self.plan_check.setAccessibleName("Include my plan's milestones")
        self.plan_check.setToolTip(
            "Finished certifications and degrees in your plan count as held; planned ones with "
            "a target date are added to the projection in their year."
        )
        projection_form.addRow(self.plan_check)
        layout.addWidget(projection)

        self.assumptions_toggle = QToolButton()
        self.assumptions_toggle.setText("Assumptions")
        self.assumptions_toggle.setCheckable(True)
        self.assumptions_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.assumptions_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.assumptions_toggle.setAccessibleName("Show assumptions")
        self.assumptions_toggle.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed
        )
        layout.addWidget(self.assumptions_toggle)
        self.assumptions_box = QFrame()
        # A grid, not a form: the boxes keep the room their widest value and unit need ("100.00
        # % of base") and a long label wraps in a narrow panel, where a form cut the units off.
        grid = QGridLayout(self.assumptions_box)
        grid.setColumnStretch(0, 1)
        self.assumption_spins: dict[str, QDoubleSpinBox] = {}
        for at, (label, field, low, high, step, suffix, decimals) in enumerate(ASSUMPTION_FIELDS):
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setDecimals(decimals)
            spin.setSuffix(suffix)
            spin.setAccessibleName(label)
            spin.setKeyboardTracking(False)
            tip = ASSUMPTION_TIPS.get(field) or Assumptions.model_fields[field].description
            if tip:
                spin.setToolTip(tip)
            self.assumption_spins[field] = spin
            caption = QLabel(label)
            caption.setWordWrap(True)
            caption.setBuddy(spin)
            grid.addWidget(caption, at, 0)
            grid.addWidget(spin, at, 1)
        widest = max(spin.sizeHint().width() for spin in self.assumption_spins.values())
        grid.setColumnMinimumWidth(1, widest)
        self.reset_button = QPushButton("&Reset to the data's defaults")
        self.reset_button.setAccessibleName("Reset assumptions")
        grid.addWidget(self.reset_button, len(ASSUMPTION_FIELDS), 0, 1, 2)
        sources = QLabel(
            "Defaults: raise from reported 2026 health-care pay budgets; inflation from CPI-U "
            "2025; benefits as a share of wages from BLS ECEC (office and administrative "
            "support, March 2026); match from the career guide. The promotion raise is "
            "ptplanner's own assumption."
        )
        sources.setWordWrap(True)
        sources.setProperty("role", "footnote")
        grid.addWidget(sources, len(ASSUMPTION_FIELDS) + 1, 0, 1, 2)
        self.assumptions_box.setVisible(False)
        layout.addWidget(self.assumptions_box)
        layout.addStretch(1)
        self.setWidget(body)
        body.setMinimumWidth(300)

        self._syncing = False
        self.sync_from_model()
        self._connect()

    def _connect(self) -> None:
        s = self.scenario
        self.experience_slider.valueChanged.connect(self.experience_spin.setValue)
        self.experience_spin.valueChanged.connect(self.experience_slider.setValue)
        self.experience_spin.valueChanged.connect(lambda v: self._push(years_experience=float(v)))
        self.education_combo.currentIndexChanged.connect(
            lambda _i: self._push(education=self.education_combo.currentData())
        )
        self.employer_combo.currentIndexChanged.connect(
            lambda _i: self._push(employer_type=self.employer_combo.currentData())
        )
        self.location_combo.activated.connect(lambda _i: self.commit_location())
        line = self.location_combo.lineEdit()
        assert line is not None
        line.editingFinished.connect(self.commit_location)
        completer = self.location_combo.completer()
        if completer is not None:
            completer.activated.connect(lambda _t: self.commit_location())
        for check in (*self.cert_checks.values(), *self.skill_checks.values()):
            check.toggled.connect(lambda _c: self._push_sets())
        self.years_spin.valueChanged.connect(lambda v: None if self._syncing else s.set_years(v))
        self.plan_check.toggled.connect(lambda c: None if self._syncing else s.set_use_plan(c))
        for field, spin in self.assumption_spins.items():
            spin.valueChanged.connect(lambda v, f=field: self._push_assumption(f, v))
        self.reset_button.clicked.connect(s.reset_assumptions)
        self.assumptions_toggle.toggled.connect(self._show_assumptions)
        s.changed.connect(self.sync_from_model)

    def _show_assumptions(self, shown: bool) -> None:
        self.assumptions_box.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.assumptions_toggle.setArrowType(arrow)
        self.assumptions_toggle.setAccessibleName(
            "Hide assumptions" if shown else "Show assumptions"
        )

    def _push(self, **changes: Any) -> None:
        if not self._syncing:
            self.scenario.update(**changes)

    def _push_sets(self) -> None:
        self._push(
            certifications={k for k, c in self.cert_checks.items() if c.isChecked()},
            skills={k for k, c in self.skill_checks.items() if c.isChecked()},
        )

    def _push_assumption(self, field: str, value: float) -> None:
        if not self._syncing:
            self.scenario.update_assumptions(**{field: value})

    def commit_location(self) -> None:
        text = self.location_combo.currentText().strip()
        if not self._syncing and text and text != self.scenario.inputs.location:
            self.scenario.update(location=text)

    def sync_from_model(self) -> None:
        """Show the model's values without sending them back as edits."""
        inputs = self.scenario.inputs
        self._syncing = True

        def show(spin: QSpinBox | QDoubleSpinBox, value: float) -> None:
            # A spin box repaints on every setValue, even to the value it shows: after each
            # change that would repaint the whole inputs column behind them.
            if spin.value() != value:
                spin.setValue(value)  # type: ignore[arg-type]

        try:
            show(self.experience_spin, round(inputs.years_experience))
            self.education_combo.setCurrentIndex(self.education_combo.findData(inputs.education))
            self.employer_combo.setCurrentIndex(self.employer_combo.findData(inputs.employer_type))
            if self.location_combo.currentText() != inputs.location:
                index = self.location_combo.findText(inputs.location)
                self.location_combo.setCurrentIndex(index)
                self.location_combo.setEditText(inputs.location)
                line = self.location_combo.lineEdit()
                if line is not None:
                    line.setCursorPosition(0)  # show the start of a long name, not its end
            for key, check in self.cert_checks.items():
                check.setChecked(key in inputs.certifications)
            for key, check in self.skill_checks.items():
                check.setChecked(key in inputs.skills)
            show(self.years_spin, self.scenario.years)
            self.plan_check.setChecked(self.scenario.use_plan)
            values = inputs.assumptions.model_dump()
            for field, spin in self.assumption_spins.items():
                show(spin, values[field])
        finally:
            self._syncing = False


class SalaryTab(QWidget):
    """Inputs, today's estimate with its reasons, the projection graph and its table."""

    refreshed = Signal()

    def __init__(self, scenario: ScenarioModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario = scenario
        self.inputs = InputsPanel(scenario)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 8, 8, 8)

        summary = QFrame()
        summary.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QHBoxLayout(summary)
        self.typical_label = self._figure(grid, "Typical base pay today")
        self.range_label = self._figure(grid, "Likely range")
        self.total_label = self._figure(grid, "Total compensation")
        self.col_label = self._figure(grid, "In national-average prices")
        right_layout.addWidget(summary)

        context = QLabel()
        context.setWordWrap(True)
        context.setTextFormat(Qt.TextFormat.RichText)
        context.setAccessibleName("Estimate context")
        self.context_label = SteadyLabel(context)
        right_layout.addWidget(self.context_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Input problem")
        self.error_label.setStyleSheet("color: #c0392b; font-weight: 600;")
        self.error_label.hide()
        right_layout.addWidget(self.error_label)

        controls = QHBoxLayout()
        self.real_check = QCheckBox("&Inflation-adjusted")
        self.real_check.setAccessibleName("Show inflation-adjusted pay")
        self.total_check = QCheckBox("Show &total compensation")
        self.total_check.setChecked(True)
        self.total_check.setAccessibleName("Show total compensation line")
        self.pin_button = QPushButton("Pin for &comparison")
        self.pin_button.setAccessibleName("Pin this scenario for comparison")
        self.pin_button.setToolTip("Keep this scenario on the graph, then change the inputs")
        self.unpin_button = QPushButton("Clear compariso&n")
        self.unpin_button.setAccessibleName("Clear the pinned comparison")
        controls.addWidget(self.real_check)
        controls.addWidget(self.total_check)
        controls.addStretch(1)
        controls.addWidget(self.pin_button)
        controls.addWidget(self.unpin_button)
        right_layout.addLayout(controls)

        self.plot = ProjectionPlot()
        self.plot.setAccessibleName("Salary projection graph")

        self.details = QTabWidget()
        self.details.setDocumentMode(True)
        self.breakdown_table = BreakdownTable()
        self.breakdown_table.setAccessibleName("Why this estimate")
        self._setup_table(self.breakdown_table)
        # The columns wrap and the rows grow to fit, instead of a sideways scroll bar.
        header = self.breakdown_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.breakdown_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.breakdown_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.details.addTab(self.breakdown_table, "&Why this estimate")

        self.year_model = ProjectionTableModel(self)
        self.year_view = QTableView()
        self.year_view.setModel(self.year_model)
        self.year_view.setAccessibleName("Year-by-year projection")
        self._setup_table(self.year_view)
        self.year_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.year_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.year_page = year_page = QWidget()
        year_layout = QVBoxLayout(year_page)
        year_layout.setContentsMargins(0, 4, 0, 0)
        year_layout.addWidget(self.year_view)
        copy_row = QHBoxLayout()
        self.copy_button = QPushButton("Copy &table")
        self.copy_button.setAccessibleName("Copy the projection table")
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        year_layout.addLayout(copy_row)
        self.details.addTab(year_page, "&Year by year")

        self.comp_table = QTableWidget(0, 2)
        self.comp_table.setHorizontalHeaderLabels(["Part", "Per year"])
        self.comp_table.setAccessibleName("Total compensation parts")
        self._setup_table(self.comp_table)
        self.details.addTab(self.comp_table, "Total &compensation")

        # The graph gets a little more than half the height: the breakdown beneath it then shows
        # four or five of its rows at 1024x700 (the rest a scroll away) and all at 1280x800.
        split = ShareSplitter(Qt.Orientation.Vertical, lambda room: round(room * GRAPH_SHARE))
        split.addWidget(self.plot)
        split.addWidget(self.details)
        split.setStretchFactor(0, 11)
        split.setStretchFactor(1, 9)
        split.setChildrenCollapsible(False)
        right_layout.addWidget(split, 1)

        # The inputs get more room in a wider window, where long area names can then show whole.
        outer = ShareSplitter(Qt.Orientation.Horizontal, inputs_width, self)
        outer.addWidget(self.inputs)
        outer.addWidget(right)
        outer.setStretchFactor(0, 0)
        outer.setStretchFactor(1, 1)
        outer.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)

        copy = QShortcut(QKeySequence.StandardKey.Copy, self.year_view)
        copy.activated.connect(self.copy_selection)
        self.copy_button.clicked.connect(self.copy_all)
        self.real_check.setChecked(scenario.show_real)
        self.real_check.toggled.connect(scenario.set_show_real)
        self.total_check.toggled.connect(lambda _c: self.refresh())
        self.pin_button.clicked.connect(self.pin)
        self.unpin_button.clicked.connect(scenario.unpin)
        scenario.changed.connect(self.refresh)
        scenario.pinned_changed.connect(self.refresh)
        scenario.invalid.connect(self.show_error)
        # Only the sub-tab on show is kept up to date; the others catch up when picked.
        self._fresh_pages: set[QWidget] = set()
        self.details.currentChanged.connect(lambda _i: self._show_details())
        self._stale = True  # drawn when first shown

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    @staticmethod
    def _figure(layout: QHBoxLayout, caption: str) -> SteadyLabel:
        box = QVBoxLayout()
        title = QLabel(caption)
        title.setProperty("role", "caption")
        label = QLabel("—")
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        label.setFont(font)
        label.setAccessibleName(caption)
        value = SteadyLabel(label)
        box.addWidget(title)
        box.addWidget(value)
        layout.addLayout(box, 1)
        return value

    @staticmethod
    def _setup_table(table: QTableView) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        if not isinstance(table.horizontalHeader(), FittedHeader):
            table.setHorizontalHeader(FittedHeader(table))
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    # --- actions ------------------------------------------------------------------------------

    def scenario_label(self) -> str:
        inputs = self.scenario.effective_inputs()
        area = inputs.location.split(",")[0].split("-")[0]
        certs = "+".join(sorted(c.upper() for c in inputs.certifications))
        parts = [area, f"{inputs.years_experience:g} yrs", inputs.education]
        if certs:
            parts.append(certs)
        return ", ".join(parts)

    def pin(self) -> None:
        self.scenario.pin(self.scenario_label())

    def copy_selection(self) -> None:
        self._show_details(self.year_page)
        indexes = self.year_view.selectionModel().selectedIndexes()
        if not indexes:
            self.copy_all()
            return
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        QGuiApplication.clipboard().setText(self.year_model.as_tsv(rows, columns))

    def copy_all(self) -> None:
        self._show_details(self.year_page)
        QGuiApplication.clipboard().setText(self.year_model.as_tsv())

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # --- drawing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.isVisible():
            # Another tab is on show (a plan edit, say): catch up when this one is shown.
            self._stale = True
            return
        self._stale = False
        # Hidden first: computing the projection may report that the plan's links were ignored.
        self.error_label.hide()
        projection = self.scenario.projection()
        self._show_summary(projection)
        self._fresh_pages.clear()
        self._show_details()
        pinned = self.scenario.pinned
        self.plot.show_projection(
            projection,
            real=self.scenario.show_real,
            show_total=self.total_check.isChecked(),
            comparison=pinned.projection if pinned else None,
            comparison_label=pinned.label if pinned else "",
        )
        self.unpin_button.setEnabled(pinned is not None)
        self.refreshed.emit()

    def _show_summary(self, projection: Projection) -> None:
        today = projection.today
        self.typical_label.setText(money(today.typical))
        self.range_label.setText(f"{money(today.low)} – {money(today.high)}")
        self.total_label.setText(money(today.compensation.total))
        col = today.cost_of_living_adjusted
        self.col_label.setText("n/a" if col is None else money(col))
        if col is not None and today.price_level is not None:
            whose = (
                f" (BEA has no figure for this area; {escape(today.price_level_from or '')}'s "
                "level is used)"
                if today.price_level_is_fallback
                else ""
            )
            self.col_label.setToolTip(
                f"BEA regional price level {today.price_level:.1f} (U.S. = 100), 2023{whose}"
            )
        p10, p25, median, p75, p90 = today.bls_percentiles
        plan_lines = (
            self.scenario.plan_effects.describe()
            if self.scenario.use_plan and not self.scenario.plan_effects.is_empty
            else []
        )
        plan = ""
        tip = ""
        if plan_lines:
            # A plan with dozens of dated steps (renewals every two years, say) would fill the
            # tab with this line and push the graph off it: name a few, count the rest.
            named = plan_lines[:PLAN_ITEMS_SHOWN]
            rest = len(plan_lines) - len(named)
            more = f"; and {rest} more (hover to see them, or the Plan tab)" if rest else ""
            plan = "<br><b>From your plan:</b> " + escape("; ".join(named)) + more
            if rest:
                listed = plan_lines[:PLAN_ITEMS_IN_TIP]
                unlisted = len(plan_lines) - len(listed)
                tip = "From your plan:\n" + "\n".join(listed)
                tip += f"\n… and {unlisted} more in the Plan tab" if unlisted else ""
        self.context_label.setToolTip(tip)
        self.context_label.setText(
            f"<b>{escape(today.area_name)}</b> · {escape(today.stage_label)} · "
            f"{today.percentile:.0f}th percentile of the area's pay · BLS {escape(today.data_date)}"
            f" pay for {salary_model().occupation} here: 10th {money(p10)}, 25th {money(p25)}, "
            f"median {money(median)}, 75th {money(p75)}, 90th {money(p90)}.{plan}"
        )

    def _show_details(self, page: QWidget | None = None) -> None:
        """Bring a detail page (by default the one on show) up to date with the projection."""
        if page is None:
            page = self.details.currentWidget()
        if page in self._fresh_pages:
            return
        projection = self.scenario.projection()
        if page is self.breakdown_table:
            fill_table(self.breakdown_table, breakdown_cells(projection.today), right={1})
        elif page is self.year_page:
            self.year_model.set_rows(projection.rows)
        elif page is self.comp_table:
            self._show_compensation(projection)
        self._fresh_pages.add(page)

    def _show_compensation(self, projection: Projection) -> None:
        comp = projection.today.compensation
        a = projection.request.inputs.assumptions
        parts = (
            ("Base pay (typical)", comp.base),
            (f"Bonus and extra pay ({a.bonus_pct:g}% of base)", comp.bonus),
            (
                f"401(k) match ({a.match_rate_pct:g}% of yours, up to {a.match_cap_pct:g}%)",
                comp.retirement_match,
            ),
            (f"Health cover ({a.health_value_pct:g}% of base)", comp.health),
            (f"Paid time off ({a.pto_value_pct:g}% of base)", comp.paid_time_off),
            ("Continuing-education stipend", comp.ce_stipend),
            ("Profit sharing", comp.profit_sharing),
            ("Total compensation", comp.total),
        )
        rows = [((label, ""), (money(amount), "")) for label, amount in parts]
        fill_table(self.comp_table, rows, right={1})
