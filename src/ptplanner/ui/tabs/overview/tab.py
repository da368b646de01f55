"""The "Overview" tab: what a PT care coordinator does, needs, earns up the ladder, and the outlook.

Everything shown is the knowledge base's own text (``resources/content/overview.json``), BLS May
2025 wages for PT offices (NAICS 621340) and O*NET ratings. The Pay section sets BLS's figures
beside the ones the guide quotes (:mod:`ptplanner.core.pay_sources`), saying which agree. Every
figure has a small grey footnote naming its source and date; the footnote's tooltip gives the
source's full title and licence. A search box filters the whole tab through
:func:`ptplanner.core.content.search_overview`.

Shared formats and widgets (citation lines, :class:`MutedLabel`, cards) live in
:mod:`ptplanner.ui.widgets`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.content import (
    CareerRung,
    Certification,
    Duty,
    Employer,
    EmrSystem,
    FigureRange,
    OnetData,
    OnetOccupation,
    OnetRating,
    Overview,
    OverviewSection,
    Projection,
    Skill,
    search_overview,
)
from ptplanner.core.format import money
from ptplanner.core.knowledge import OccupationWage, industry_wages
from ptplanner.core.pay_sources import (
    Comparison,
    SourcedPay,
    bls_national,
    bls_pt_offices,
    comparisons,
    guide_reported,
    occupation,
    occupation_title,
)
from ptplanner.core.salary import salary_model
from ptplanner.core.sources import Cited, source_catalog
from ptplanner.ui.widgets import (
    Card,
    Footnote,
    MutedLabel,
    bullet_html,
    citation_text,
    citation_tooltip,
    figure_text,
    footnote,
    make_label,
    mix,
    range_text,
    tint_muted,
)

READING_WIDTH = 820
"""Widest the text column grows (px): about 100 characters a line at the usual UI font."""


class ImportanceBar(QWidget):
    """O*NET importance on its 1-5 scale, filled from the left; palette colours only."""

    def __init__(self, importance: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.importance = importance
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(f"Importance {importance:.2f} of 5")

    def sizeHint(self) -> QSize:
        return QSize(240, 16)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, 16)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(0, 3, 0, -3)
        painter.setBrush(
            mix(
                palette.color(QPalette.ColorRole.WindowText),
                palette.color(QPalette.ColorRole.Base),
                0.14,
            )
        )
        painter.drawRoundedRect(rect, 4, 4)
        filled = QRectF(rect)
        filled.setWidth(rect.width() * max(0.0, min(1.0, (self.importance - 1.0) / 4.0)))
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(filled, 4, 4)


@dataclass(frozen=True)
class LadderRow:
    """One rung as the ladder chart draws it."""

    title: str
    wages: OccupationWage
    band: tuple[int, int]
    band_label: str
    guide: FigureRange | None = None


def _nice_step(span: float) -> float:
    """A round tick spacing giving about five to eight ticks over ``span`` dollars."""
    for step in (5_000.0, 10_000.0, 20_000.0, 25_000.0, 50_000.0, 100_000.0):
        if span / step <= 8:
            return step
    return float(10 ** math.ceil(math.log10(span / 8)))


class LadderPayChart(QWidget):
    """BLS pay of every rung on one dollar axis, with the guide's range where it gives one.

    Per rung: a thin line from P10 to P90, a thick bar over the rung's band, an upright mark at
    the median and, for the guide's figure, a dashed box. Palette colours only.
    """

    def __init__(self, rows: Sequence[LadderRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = tuple(rows)
        lows: list[float] = []
        highs: list[float] = []
        for row in rows:
            lows.append(row.wages.p10 if row.wages.p10 is not None else row.band[0])
            highs.append(row.wages.p90 if row.wages.p90 is not None else row.band[1])
            if row.guide is not None:
                lows.append(row.guide.low)
                highs.append(row.guide.high)
        span = max(highs) - min(lows)
        self.step = _nice_step(span)
        self.scale = (
            math.floor(min(lows) / self.step) * self.step,
            math.ceil(max(highs) / self.step) * self.step,
        )
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMouseTracking(True)
        self.setAccessibleName("Pay up the career ladder")
        self.setAccessibleDescription(
            "; ".join(
                f"{row.title}: median {money(row.wages.median or 0)}, {row.band_label} "
                f"{money(row.band[0])}–{money(row.band[1])}"
                + (f", the guide {range_text(row.guide)}" if row.guide else "")
                for row in self.rows
            )
        )

    # geometry --------------------------------------------------------------

    def _label_width(self, width: int) -> int:
        widest = max(self.fontMetrics().horizontalAdvance(row.title) for row in self.rows)
        return min(widest + 16, int(width * 0.34))

    def _row_heights(self, width: int) -> list[int]:
        label_width = self._label_width(width) - 12
        metrics = self.fontMetrics()
        heights = []
        for row in self.rows:
            text = metrics.boundingRect(
                0, 0, max(20, label_width), 10_000, Qt.TextFlag.TextWordWrap, row.title
            )
            heights.append(max(text.height(), 22) + 12)
        return heights

    def _axis_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _plot_span(self) -> tuple[float, float]:
        half_label = self.fontMetrics().horizontalAdvance("$000k") / 2 + 4
        return self._label_width(self.width()) + half_label, self.width() - half_label

    def _x(self, value: float) -> float:
        left, right = self._plot_span()
        low, high = self.scale
        return left + (right - left) * (value - low) / (high - low)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return sum(self._row_heights(width)) + self._axis_height()

    def sizeHint(self) -> QSize:
        return QSize(640, self.heightForWidth(640))

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self.heightForWidth(self.width() or 640))

    def row_at(self, y: int) -> int:
        top = 0
        for index, height in enumerate(self._row_heights(self.width())):
            if top <= y < top + height:
                return index
            top += height
        return -1

    # painting --------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        grid = mix(text, base, 0.12)
        spread = mix(text, base, 0.45)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        heights = self._row_heights(self.width())
        plot_bottom = sum(heights)
        label_width = self._label_width(self.width())

        value = self.scale[0]
        while value <= self.scale[1] + 1:
            x = self._x(value)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, 0), QPointF(x, plot_bottom))
            painter.setPen(text)
            label = f"${value / 1000:,.0f}k"
            box = QRectF(x - 40, plot_bottom + 4, 80, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
            value += self.step

        top = 0
        for row, height in zip(self.rows, heights, strict=True):
            middle = top + height / 2
            painter.setPen(text)
            painter.drawText(
                QRectF(0, top, label_width - 12, height),
                Qt.AlignmentFlag.AlignRight
                | Qt.AlignmentFlag.AlignVCenter
                | Qt.TextFlag.TextWordWrap,
                row.title,
            )
            wages = row.wages
            if row.guide is not None:
                guide = QRectF(
                    self._x(row.guide.low),
                    middle - 9,
                    self._x(row.guide.high) - self._x(row.guide.low),
                    18,
                )
                pen = QPen(text, 1.2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(guide, 3, 3)
                if row.guide.open_ended:
                    # "or more": an arrowhead past the top of the range.
                    tip = QPointF(guide.right() + 7, middle)
                    painter.setPen(QPen(text, 1.2))
                    painter.drawLine(QPointF(guide.right(), middle), tip)
                    painter.drawLine(tip, QPointF(tip.x() - 4, middle - 4))
                    painter.drawLine(tip, QPointF(tip.x() - 4, middle + 4))
            painter.setPen(Qt.PenStyle.NoPen)
            if wages.p10 is not None and wages.p90 is not None:
                painter.setBrush(spread)
                painter.drawRect(
                    QRectF(
                        self._x(wages.p10), middle - 1, self._x(wages.p90) - self._x(wages.p10), 2
                    )
                )
            painter.setBrush(highlight)
            low, high = row.band
            painter.drawRoundedRect(
                QRectF(self._x(low), middle - 5, max(3.0, self._x(high) - self._x(low)), 10), 3, 3
            )
            if wages.median is not None:
                painter.setBrush(text)
                painter.drawRect(QRectF(self._x(wages.median) - 1.5, middle - 9, 3, 18))
            top += height

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.row_at(event.pos().y())
            if index < 0:
                QToolTip.hideText()
                return True
            QToolTip.showText(event.globalPos(), self.row_tooltip(index), self)
            return True
        return super().event(event)

    def row_tooltip(self, index: int) -> str:
        row = self.rows[index]
        wages = row.wages
        points = ", ".join(
            f"{name} {money(value)}"
            for name, value in (
                ("P10", wages.p10),
                ("P25", wages.p25),
                ("median", wages.median),
                ("P75", wages.p75),
                ("P90", wages.p90),
            )
            if value is not None
        )
        tip = f"{row.title} (SOC {wages.soc_code}), BLS, PT offices: {points}"
        if row.guide is not None:
            tip += f"\nThe guide's figure: {range_text(row.guide)}"
        return tip


# --------------------------------------------------------------------------- search bookkeeping

EntryKind = Literal["item", "onet", "note"]


@dataclass
class _Entry:
    """One thing search can hide: an overview item (by search_overview) or a local extra."""

    kind: EntryKind
    id: str
    widget: QWidget
    haystack: str = ""
    """Case-folded text for entries search_overview does not cover (O*NET rows, notes)."""


@dataclass
class _Group:
    heading: QWidget | None
    entries: list[_Entry] = field(default_factory=list)
    extras: list[QWidget] = field(default_factory=list)
    """Shown exactly when some entry of the group is (containers, attribution lines)."""


SectionKey = OverviewSection | Literal["pay"]
"""The knowledge base's sections, and "pay", which is built from the wage tables, not items."""


@dataclass
class _Section:
    key: SectionKey
    title: str
    widget: QWidget
    layout: QVBoxLayout
    nav_item: QListWidgetItem
    groups: list[_Group] = field(default_factory=list)


class _SearchEdit(QLineEdit):
    """The search box; Esc clears it (and only passes on when already empty)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


_WAGE_BANDS: dict[str, tuple[str, str, str]] = {
    "p10_p25": ("p10", "p25", "P10–P25"),
    "p25_p75": ("p25", "p75", "P25–P75"),
    "p75_p90": ("p75", "p90", "P75–P90"),
}


def _pay_table(rows: Sequence[SourcedPay], *, with_source: bool = False) -> str:
    """Label | figure (| source) rows as a compact rich-text table."""
    cells = []
    for row in rows:
        source = (
            f"<td style='padding-left:12px'>{html.escape(row.source_name)}</td>"
            if with_source
            else ""
        )
        cells.append(
            f"<tr><td style='padding-right:12px'>{html.escape(row.label)}</td>"
            f"<td><b>{html.escape(row.text)}</b></td>{source}</tr>"
        )
    return f"<table cellspacing='0' cellpadding='2'>{''.join(cells)}</table>"


# --------------------------------------------------------------------------- the tab


class OverviewTab(QWidget):
    """Role overview: duties, skills, certifications, EMRs, employers, ladder and outlook."""

    def __init__(self, overview: Overview, onet: OnetData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview = overview
        self.onet = onet
        self._occupation: OnetOccupation | None = self._find_occupation(
            overview.onet_top_skills.soc_code
        )
        self._sections: list[_Section] = []
        self._section: _Section | None = None
        self._group: _Group | None = None
        self._moving = False  # True while the tab itself scrolls or moves the nav selection
        self._pending_section: _Section | None = None

        self.setObjectName("overviewTab")
        self._build_frame()
        self._build_duties()
        self._build_skills()
        self._build_certifications()
        self._build_emr_systems()
        self._build_employers()
        self._build_pay()
        self._build_career_ladder()
        self._build_outlook()
        self._column.addStretch(1)
        # Wide enough for the longest title plus item padding and a scroll bar, never eliding.
        widest = max(self._nav.fontMetrics().horizontalAdvance(s.title) for s in self._sections)
        scroll_bar = self._nav.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self._nav.setFixedWidth(widest + 2 * self._nav.frameWidth() + 32 + scroll_bar)
        self._nav.setCurrentRow(0)
        tint_muted(self)

    # ----------------------------------------------------------------- test and window hooks

    def visible_item_ids(self) -> dict[str, list[str]]:
        """What the reader can see, by section key, in display order.

        The keys of :data:`~ptplanner.core.content.OVERVIEW_SECTIONS` hold overview item ids
        (comparable with :func:`search_overview`); ``"onet_skills"`` holds the O*NET element ids
        of the top-skills rows and ``"notes"`` the ids of section notes
        (``certification_pay_effect``, ``outlook_summary``).
        """
        result: dict[str, list[str]] = {section.key: [] for section in self._sections}
        result["onet_skills"] = []
        result["notes"] = []
        for section in self._sections:
            for group in section.groups:
                for entry in group.entries:
                    if entry.widget.isVisibleTo(self):
                        key = {"item": section.key, "onet": "onet_skills", "note": "notes"}
                        result[key[entry.kind]].append(entry.id)
        return result

    def item_widget(self, section: str, item_id: str) -> QWidget:
        """The card (or row) showing one item, as listed by :meth:`visible_item_ids`."""
        kinds = {"onet_skills": "onet", "notes": "note"}
        for candidate in self._sections:
            for group in candidate.groups:
                for entry in group.entries:
                    in_section = entry.kind == "item" and candidate.key == section
                    if entry.id == item_id and (in_section or kinds.get(section) == entry.kind):
                        return entry.widget
        raise KeyError(f"no item {item_id!r} in section {section!r}")

    def scroll_to_section(self, key: str) -> None:
        """Bring a section's heading to the top of the reading pane (as clicking the list does)."""
        for row, section in enumerate(self._sections):
            if section.key == key:
                self._nav.setCurrentRow(row)
                self._scroll_to(section)
                return
        raise KeyError(key)

    # ----------------------------------------------------------------- frame

    def _build_frame(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 0)
        outer.setSpacing(10)

        top = QHBoxLayout()
        top.setSpacing(12)
        self.search_edit = _SearchEdit()
        self.search_edit.setPlaceholderText("Search the overview…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search the overview")
        self.search_edit.setAccessibleDescription(
            "Shows only the duties, skills, certifications and other items that contain every "
            "word typed. Press Escape to clear."
        )
        self.search_edit.setMaximumWidth(420)
        self.search_edit.setMinimumWidth(240)
        self.search_edit.textChanged.connect(self._apply_filter)
        top.addWidget(self.search_edit, 1)
        self._status = MutedLabel("", small=False)
        self._status.setWordWrap(False)
        top.addWidget(self._status)
        top.addStretch(1)
        outer.addLayout(top)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)

        body = QHBoxLayout()
        body.setSpacing(12)
        self._nav = QListWidget()
        self._nav.setAccessibleName("Overview sections")
        self._nav.setAccessibleDescription("Choose a section to scroll the overview to it.")
        self._nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._nav.setSpacing(2)
        self._nav.currentRowChanged.connect(self._on_nav_row)
        # A click on the row that is already current still scrolls back to that section.
        self._nav.itemClicked.connect(lambda item: self._on_nav_row(self._nav.row(item)))
        body.addWidget(self._nav, 0, Qt.AlignmentFlag.AlignTop)
        self._nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        body.setAlignment(self._nav, Qt.AlignmentFlag.AlignLeft)

        self._scroll = QScrollArea()
        self._scroll.setAccessibleName("Overview content")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("overviewContent")
        self._content = content
        row = QHBoxLayout(content)
        row.setContentsMargins(4, 0, 16, 24)
        column_widget = QWidget()
        column_widget.setMaximumWidth(READING_WIDTH)
        self._column = QVBoxLayout(column_widget)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(28)
        row.addWidget(column_widget, 1)
        row.addStretch(0)
        self._scroll.setWidget(content)
        self._scroll.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        body.addWidget(self._scroll, 1)
        outer.addLayout(body, 1)

        self._no_matches = make_label("", "subheading")
        self._no_matches.setObjectName("noMatches")
        self._no_matches_hint = MutedLabel(
            "Every word must appear in an item. Try fewer or shorter words, or press Esc to "
            "clear the search.",
            small=False,
        )
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.setContentsMargins(0, 24, 0, 0)
        empty_layout.addWidget(self._no_matches)
        empty_layout.addWidget(self._no_matches_hint)
        self._empty_state = empty
        self._column.addWidget(empty)
        empty.hide()

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _find_occupation(self, soc_code: str) -> OnetOccupation | None:
        try:
            return self.onet.occupation(soc_code)
        except KeyError:
            return None

    # ----------------------------------------------------------------- building blocks

    def _begin_section(self, key: SectionKey, title: str, intro: str) -> None:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        heading = make_label(title, "heading")
        layout.addWidget(heading)
        intro_label = make_label(intro)
        layout.addWidget(intro_label)
        nav_item = QListWidgetItem(title)
        nav_item.setSizeHint(QSize(0, self.fontMetrics().height() + 14))
        self._nav.addItem(nav_item)
        section = _Section(key, title, widget, layout, nav_item)
        self._sections.append(section)
        self._section = section
        self._column.addWidget(widget)

    def _begin_group(self, heading: str | None = None) -> _Group:
        assert self._section is not None
        label = None
        if heading:
            label = make_label(heading, "subheading")
            label.setContentsMargins(0, 6, 0, 0)
            self._section.layout.addWidget(label)
        group = _Group(label)
        self._section.groups.append(group)
        self._group = group
        return group

    def _add_entry(
        self,
        kind: EntryKind,
        entry_id: str,
        widget: QWidget,
        haystack: str = "",
        *,
        place: bool = True,
    ) -> None:
        assert self._section is not None and self._group is not None
        if place:
            self._section.layout.addWidget(widget)
        widget.setAccessibleName(widget.accessibleName() or entry_id)
        self._group.entries.append(_Entry(kind, entry_id, widget, haystack.casefold()))

    def _add_extra(self, widget: QWidget) -> None:
        assert self._section is not None and self._group is not None
        self._section.layout.addWidget(widget)
        self._group.extras.append(widget)

    def _onet_footnote(self) -> Footnote:
        cite = Cited(source=self.onet.source, date=self.onet.date)
        return Footnote(
            f"{citation_text([cite])}. {self.onet.attribution}", citation_tooltip([cite])
        )

    # ----------------------------------------------------------------- sections

    def _build_duties(self) -> None:
        self._begin_section("duties", "Duties", "What the job involves from day to day.")
        self._begin_group()
        for duty in self.overview.duties:
            self._add_entry("item", duty.id, self._duty_card(duty))
        if any(duty.onet_task_ids for duty in self.overview.duties):
            self._add_extra(self._onet_footnote())

    def _duty_card(self, duty: Duty) -> Card:
        card = Card()
        card.setAccessibleName(duty.title)
        card.add(make_label(duty.title, "title"))
        card.add(make_label(duty.description))
        tasks = []
        for task_id in duty.onet_task_ids:
            if self._occupation is None:
                break
            try:
                tasks.append(f"{self._occupation.task(task_id).statement} (O*NET task {task_id})")
            except KeyError:
                continue
        if tasks:
            card.add(MutedLabel("Matching O*NET tasks for this occupation"))
            card.add(make_label(bullet_html(tasks), rich=True))
        card.add(footnote(duty.cites))
        return card

    def _build_skills(self) -> None:
        self._begin_section(
            "skills",
            "Skills",
            "The technical and people skills the job draws on, and how O*NET rates the skills "
            "of the occupation.",
        )
        for kind, heading in (("technical", "Technical skills"), ("soft", "Soft skills")):
            skills = [skill for skill in self.overview.skills if skill.kind == kind]
            if not skills:
                continue
            self._begin_group(heading)
            for skill in skills:
                self._add_entry("item", skill.id, self._skill_card(skill))
        self._build_onet_skills()

    def _skill_card(self, skill: Skill) -> Card:
        card = Card()
        card.setAccessibleName(skill.title)
        card.add(make_label(skill.title, "title"))
        card.add(make_label(skill.description))
        names = []
        for element_id in skill.onet_skill_ids:
            if self._occupation is None:
                break
            try:
                names.append(self._occupation.skill(element_id).name)
            except KeyError:
                continue
        if names:
            card.add(MutedLabel("Related O*NET skills: " + ", ".join(names), small=False))
        card.add(footnote(skill.cites))
        return card

    def _build_onet_skills(self) -> None:
        selection = self.overview.onet_top_skills
        if self._occupation is None:
            return
        ratings: list[OnetRating] = []
        for element_id in selection.element_ids:
            try:
                ratings.append(self._occupation.skill(element_id))
            except KeyError:
                continue
        if not ratings:
            return
        self._begin_group(
            f"Top O*NET skills for {self._occupation.title} (SOC {selection.soc_code})"
        )
        card = Card()
        card.setAccessibleName("Top O*NET skills")
        self._add_extra(card)
        card.add(make_label(selection.note))
        name_width = max(self.fontMetrics().horizontalAdvance(r.name) for r in ratings) + 16
        value_width = self.fontMetrics().horizontalAdvance("Importance 5.00 of 5") + 8
        for rating in ratings:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(10)
            name = QLabel(rating.name)
            name.setFixedWidth(name_width)
            line.addWidget(name)
            line.addWidget(ImportanceBar(rating.importance), 1)
            value = QLabel(f"{rating.importance:.2f} of 5")
            value.setFixedWidth(value_width)
            line.addWidget(value)
            tip = f"{rating.name}: importance {rating.importance:.2f} of 5"
            tip += f", level {rating.level:.2f} of 7"
            if rating.date:
                tip += f" (rated {rating.date}"
                tip += f", {rating.domain_source})" if rating.domain_source else ")"
            row.setToolTip(tip)
            row.setAccessibleName(tip)
            card.body.addWidget(row)
            self._add_entry("onet", rating.element_id, row, rating.name, place=False)
        card.add(MutedLabel("Importance is O*NET's 1–5 scale; the bar starts at 1."))
        card.add(self._onet_footnote())

    def _build_certifications(self) -> None:
        self._begin_section(
            "certifications",
            "Certifications",
            "Credentials that show an employer you can do the job, what it takes to keep them, "
            "and what they are worth in pay.",
        )
        self._begin_group()
        effect = self.overview.certification_pay_effect
        model = salary_model()
        card = Card()
        card.setAccessibleName("Pay effect of certifications")
        card.add(MutedLabel("Pay effect, as the guide states it", small=False))
        card.add(make_label(range_text(effect), "big"))
        card.add(make_label(effect.label))
        card.add(footnote([effect]))
        card.add(
            make_label(
                f"<b>In ptplanner's salary estimate:</b> {html.escape(model.certification_note)}",
                rich=True,
            )
        )
        method = source_catalog().get("ptplanner_method")
        card.add(footnote([Cited(source=method.id, date=method.reference_date)]))
        haystack = " ".join(
            (range_text(effect), effect.label, model.certification_note, "pay effect")
        )
        self._add_entry("note", "certification_pay_effect", card, haystack)
        for certification in self.overview.certifications:
            self._add_entry("item", certification.id, self._certification_card(certification))

    def _certification_card(self, certification: Certification) -> Card:
        effect = self.overview.certification_pay_effect
        parameters = salary_model().certification_effect
        in_model = any(c.id == certification.id for c in salary_model().certifications)
        card = Card()
        card.setAccessibleName(f"{certification.abbreviation}, {certification.name}")
        card.add(make_label(f"{certification.abbreviation} — {certification.name}", "title"))
        card.add(MutedLabel(f"Issued by {certification.issuer}", small=False))
        card.add(make_label(certification.shows))
        card.add(
            make_label(
                f"<b>Renewal:</b> {html.escape(certification.renewal.requirement)}",
                rich=True,
            )
        )
        pay = (
            f"<b>Pay effect:</b> {html.escape(range_text(effect))} in the guide, for one or more "
            "certifications"
        )
        if in_model:
            pay += (
                f"; in ptplanner's estimate a first certification counts "
                f"{money(parameters.typical_first)} and each further one "
                f"{money(parameters.typical_each_more)}"
            )
        pay += "."
        card.add(make_label(pay, rich=True))
        cites: list[Cited] = [*certification.cites, certification.renewal, effect]
        card.add(footnote(cites))
        return card

    def _build_emr_systems(self) -> None:
        self._begin_section(
            "emr_systems",
            "EMR systems",
            "Electronic medical record systems you are likely to meet in therapy clinics.",
        )
        self._begin_group()
        for system in self.overview.emr_systems:
            self._add_entry("item", system.id, self._emr_card(system))

    def _emr_card(self, system: EmrSystem) -> Card:
        card = Card()
        card.setAccessibleName(system.name)
        card.add(make_label(system.name, "title"))
        card.add(make_label(system.note))
        card.add(footnote(system.cites))
        return card

    def _build_employers(self) -> None:
        self._begin_section(
            "employers",
            "Employer types",
            "Where coordinators work, with the upsides and downsides of each setting and pay as "
            "the guide states it.",
        )
        self._begin_group()
        for employer in self.overview.employers:
            self._add_entry("item", employer.id, self._employer_card(employer))

    def _employer_card(self, employer: Employer) -> Card:
        card = Card()
        card.setAccessibleName(employer.title)
        card.add(make_label(employer.title, "title"))
        if employer.examples:
            card.add(MutedLabel(f"For example: {employer.examples}", small=False))
        card.add(make_label(employer.summary))
        columns = QHBoxLayout()
        columns.setSpacing(20)
        for heading, points in (("Pros", employer.pros), ("Cons", employer.cons)):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(make_label(heading, "subheading"))
            column.addWidget(make_label(bullet_html(points), rich=True))
            column.addStretch(1)
            columns.addLayout(column, 1)
        card.body.addLayout(columns)
        if employer.pay is not None:
            pay = (
                f"<b>Pay, as the guide states it:</b> {html.escape(range_text(employer.pay))} "
                f"({html.escape(employer.pay.label)})"
            )
        else:
            pay = "<b>Pay, as the guide states it:</b> no range given"
        card.add(make_label(pay, rich=True))
        card.add(make_label(employer.pay_note.text))
        cites: list[Cited] = [*employer.cites, employer.pay_note]
        if employer.pay is not None:
            cites.append(employer.pay)
        card.add(footnote(cites))
        return card

    def _build_pay(self) -> None:
        self._begin_section(
            "pay",
            "Pay",
            "What the job pays as BLS measures it and as the guide reports it. ptplanner's salary "
            "estimate follows BLS; the guide's figures are shown beside it, never mixed in.",
        )
        self._begin_group()
        national, pt_offices = bls_national(), bls_pt_offices()
        bls_rows = [row for row in (national, pt_offices) if row is not None]
        card = Card()
        card.setAccessibleName("BLS pay for the occupation")
        card.add(
            make_label(f"BLS, {national.date}: {occupation_title()} (SOC {occupation()})", "title")
        )
        card.add(make_label(_pay_table(bls_rows), rich=True))
        card.add(footnote([Cited(source=r.source, date=r.date) for r in bls_rows]))
        haystack = " ".join(["bls", occupation_title(), *(f"{r.label} {r.text}" for r in bls_rows)])
        self._add_entry("note", "pay_bls", card, haystack)

        reported = guide_reported()
        card = Card(dashed=True)  # dashed: figures as the guide reports them, not official ones
        card.setAccessibleName("Pay as the guide reports it")
        card.add(make_label("As the guide reports it", "title"))
        card.add(
            MutedLabel(
                "The guide's own aggregate and the pay sites it quotes, for coordinator job "
                "titles. Pay sites average what their users report; BLS surveys employers.",
                small=False,
            )
        )
        card.add(make_label(_pay_table(reported, with_source=True), rich=True))
        card.add(footnote([Cited(source=r.source, date=r.date) for r in reported]))
        haystack = " ".join(["guide", *(f"{r.label} {r.text} {r.source_name}" for r in reported)])
        self._add_entry("note", "pay_guide", card, haystack)

        self._begin_group("The guide's figures next to BLS's")
        for index, comparison in enumerate(comparisons()):
            self._add_entry(
                "note",
                f"pay_comparison_{index}",
                self._comparison_card(comparison),
                " ".join(
                    (
                        comparison.topic,
                        comparison.guide.text,
                        comparison.bls.text,
                        comparison.verdict_text,
                        comparison.note,
                    )
                ),
            )

    @staticmethod
    def _comparison_card(comparison: Comparison) -> Card:
        card = Card()
        card.setAccessibleName(comparison.topic)
        card.add(make_label(comparison.topic, "title"))
        rows = (
            ("The guide", comparison.guide),
            ("BLS", comparison.bls),
        )
        table = "".join(
            f"<tr><td style='padding-right:12px'><b>{html.escape(who)}</b></td>"
            f"<td style='padding-right:12px'>{html.escape(pay.text)}</td>"
            f"<td>{html.escape(pay.label)}</td></tr>"
            for who, pay in rows
        )
        card.add(make_label(f"<table cellspacing='0' cellpadding='2'>{table}</table>", rich=True))
        verdict = make_label(
            f"<b>{html.escape(comparison.verdict_text[:1].upper() + comparison.verdict_text[1:])}."
            "</b> "
            f"{html.escape(comparison.note)}",
            rich=True,
        )
        verdict.setObjectName(f"verdict-{comparison.verdict}")
        card.add(verdict)
        card.add(
            footnote(
                [
                    Cited(source=comparison.guide.source, date=comparison.guide.date),
                    Cited(source=comparison.bls.source, date=comparison.bls.date),
                ]
            )
        )
        return card

    def _build_career_ladder(self) -> None:
        mapping = self.overview.outlook.mapping
        tables = industry_wages()
        pt = tables.pt_offices
        bls_cite = Cited(source=pt.source, date=pt.date)
        intro = (
            "From the usual way in to running a practice. Pay for each step is what BLS "
            f"reports for that occupation in PT offices (NAICS {mapping.naics_code}); the "
            "guide's figure is shown beside it where the guide gives one."
        )
        self._begin_section("career_ladder", "Career ladder", intro)
        self._begin_group()
        rows: list[LadderRow] = []
        steps = len(self.overview.career_ladder)
        cards: list[tuple[str, Card]] = []
        for index, rung in enumerate(self.overview.career_ladder, start=1):
            row = self._ladder_row(rung)
            if row is not None:
                rows.append(row)
            cards.append((rung.id, self._rung_card(rung, index, steps, row)))
        if rows:
            card = Card()
            card.setAccessibleName("Pay up the career ladder")
            card.add(make_label(f"Pay up the ladder in PT offices, {pt.date}", "title"))
            chart = LadderPayChart(rows)
            self.ladder_chart = chart
            card.add(chart)
            card.add(
                MutedLabel(
                    "Thick bar: the BLS band for the step · thin line: P10 to P90 · upright "
                    "mark: the BLS median · dashed box: the guide's figure (arrow: “or more”).",
                    small=False,
                )
            )
            guides = [row.guide for row in rows if row.guide is not None]
            card.add(footnote([bls_cite], f"NAICS {pt.naics} ({mapping.naics_title})"))
            if guides:
                card.add(footnote(guides))
            self._add_extra(card)
        for rung_id, rung_card in cards:
            self._add_entry("item", rung_id, rung_card)

    @staticmethod
    def _ladder_row(rung: CareerRung) -> LadderRow | None:
        try:
            wages = industry_wages().in_pt_offices(rung.soc_code)
        except KeyError:
            return None
        low_key, high_key, band_label = _WAGE_BANDS[rung.wage_band]
        low: int | None = getattr(wages, low_key)
        high: int | None = getattr(wages, high_key)
        if low is None or high is None or wages.median is None:
            return None
        return LadderRow(rung.title, wages, (low, high), band_label, rung.guide_pay)

    def _rung_card(self, rung: CareerRung, index: int, steps: int, row: LadderRow | None) -> Card:
        pt = industry_wages().pt_offices
        mapping = self.overview.outlook.mapping
        card = Card()
        card.setAccessibleName(f"Step {index} of {steps}: {rung.title}")
        card.add(MutedLabel(f"Step {index} of {steps}", small=False))
        card.add(make_label(rung.title, "title"))
        card.add(MutedLabel(f"SOC {rung.soc_code} · {rung.soc_title}", small=False))
        card.add(make_label(rung.what_changes))
        card.add(
            make_label(f"<b>Experience:</b> {html.escape(rung.typical_experience)}", rich=True)
        )
        if row is not None and row.wages.median is not None:
            low, high = row.band
            pay = make_label(
                f"<b>BLS pay in PT offices, {html.escape(pt.date)}:</b> median "
                f"{money(row.wages.median)} a year · this step's band, {row.band_label}: "
                f"{money(low)}–{money(high)}",
                rich=True,
            )
            pay.setObjectName("blsPay")
            card.add(pay)
            bls_cite = Cited(source=pt.source, date=pt.date)
            card.add(footnote([bls_cite], f"NAICS {pt.naics} ({mapping.naics_title})"))
        else:
            card.add(make_label(f"No BLS figure for SOC {rung.soc_code} in PT offices."))
        if rung.guide_pay is not None:
            guide = make_label(
                f"<b>The guide's figure:</b> {html.escape(range_text(rung.guide_pay))} "
                f"({html.escape(rung.guide_pay.label)})",
                rich=True,
            )
            guide.setObjectName("guidePay")
            card.add(guide)
            card.add(footnote([rung.guide_pay]))
        card.add(footnote(rung.cites))
        return card

    def _build_outlook(self) -> None:
        outlook = self.overview.outlook
        self._begin_section(
            "outlook", "Outlook", "How demand for the job is expected to change, and why."
        )
        self._begin_group()
        summary = make_label(outlook.summary)
        summary.setAccessibleName("Outlook summary")
        self._add_entry("note", "outlook_summary", summary, outlook.summary)

        self._begin_group("What drives demand")
        for driver in outlook.drivers:
            card = Card()
            card.setAccessibleName(driver.title)
            card.add(make_label(driver.title, "title"))
            card.add(make_label(driver.text))
            card.add(footnote(driver.cites))
            self._add_entry("item", driver.id, card)

        self._begin_group(f"Employment projections (SOC {outlook.mapping.soc_code})")
        tiles = QWidget()
        tiles_row = QHBoxLayout(tiles)
        tiles_row.setContentsMargins(0, 0, 0, 0)
        tiles_row.setSpacing(10)
        self._add_extra(tiles)
        for projection in outlook.projections:
            tile = self._projection_tile(projection)
            tiles_row.addWidget(tile, 1)
            self._add_entry("item", projection.id, tile, place=False)

        self._begin_group()
        comparison = Card()
        comparison.setAccessibleName(outlook.comparison.title)
        comparison.add(make_label(outlook.comparison.title, "title"))
        comparison.add(make_label(outlook.comparison.text))
        comparison.add(footnote(outlook.comparison.cites))
        self._add_entry("item", outlook.comparison.id, comparison)

        self._begin_group("Official occupation codes")
        mapping = outlook.mapping
        card = Card()
        card.setAccessibleName("Official occupation codes")
        rows = (
            ("Occupation", f"SOC {mapping.soc_code}", mapping.soc_title),
            ("Industry", f"NAICS {mapping.naics_code}", mapping.naics_title),
            (
                "Senior jobs resemble",
                f"SOC {mapping.senior_overlap_soc_code}",
                mapping.senior_overlap_soc_title,
            ),
        )
        table = "".join(
            f"<tr><td style='padding-right:12px'><b>{html.escape(name)}</b></td>"
            f"<td style='padding-right:12px'>{html.escape(code)}</td>"
            f"<td>{html.escape(title)}</td></tr>"
            for name, code, title in rows
        )
        card.add(make_label(f"<table cellspacing='0' cellpadding='2'>{table}</table>", rich=True))
        card.add(make_label(mapping.text))
        card.add(footnote(mapping.cites))
        self._add_entry("item", mapping.id, card)

    def _projection_tile(self, projection: Projection) -> Card:
        # Dashed and unfilled: the guide's number is shown for comparison, not as official.
        card = Card(dashed=source_catalog().get(projection.growth.source).kind == "guide")
        card.setAccessibleName(f"{projection.label}: {figure_text(projection.growth)}")
        card.add(MutedLabel(projection.label, small=False))
        big = make_label(figure_text(projection.growth), "big")
        big.setObjectName("growth")
        card.add(big)
        card.add(make_label(projection.growth.label))
        if projection.annual_openings is not None:
            openings = projection.annual_openings
            card.add(make_label(f"{openings.label}: {figure_text(openings)}"))
        card.add(make_label(projection.note))
        card.body.addStretch(1)
        cites: list[Cited] = [projection.growth]
        if projection.annual_openings is not None:
            cites.append(projection.annual_openings)
        card.add(footnote(cites))
        return card

    # ----------------------------------------------------------------- behaviour

    def _apply_filter(self) -> None:
        query = self.search_edit.text()
        words = query.casefold().split()
        hits: dict[str, tuple[str, ...]] = {
            str(key): ids for key, ids in search_overview(query).items()
        }
        shown = 0
        for section in self._sections:
            section_visible = False
            for group in section.groups:
                group_visible = False
                for entry in group.entries:
                    if entry.kind == "item":
                        visible = entry.id in hits.get(section.key, ())
                    else:
                        visible = all(word in entry.haystack for word in words)
                    entry.widget.setVisible(visible)
                    group_visible = group_visible or visible
                    shown += visible
                for widget in (group.heading, *group.extras):
                    if widget is not None:
                        widget.setVisible(group_visible)
                section_visible = section_visible or group_visible
            section.widget.setVisible(section_visible)
            section.nav_item.setHidden(not section_visible)

        self._no_matches.setText(f"No matches for “{query.strip()}”")
        self._empty_state.setVisible(shown == 0)
        if words and shown:
            self._status.setText(f"{shown} matching item" + ("" if shown == 1 else "s"))
        elif words:
            self._status.setText("No matches")
        else:
            self._status.setText("")
        self._moving = True
        try:
            self._scroll.verticalScrollBar().setValue(0)
            first = next((s for s in self._sections if not s.nav_item.isHidden()), None)
            if first is None:
                self._nav.setCurrentRow(-1)
            else:
                self._nav.setCurrentItem(first.nav_item)
        finally:
            self._moving = False

    def _section_top(self, section: _Section) -> int:
        return section.widget.mapTo(self._content, QPoint(0, 0)).y()

    def _scroll_to(self, section: _Section) -> None:
        if not self.isVisible():
            # Positions are only known once laid out; scroll when the tab is first shown.
            self._pending_section = section
            return
        # Run pending layout requests first, or a call right after showing or filtering would
        # scroll by the old (or not yet computed) positions.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._moving = True
        try:
            self._scroll.verticalScrollBar().setValue(max(0, self._section_top(section) - 4))
        finally:
            self._moving = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_section is not None:
            # After this event: the first layout passes (word wrap, scroll area) run only then.
            QTimer.singleShot(0, self._scroll_to_pending)

    def _scroll_to_pending(self) -> None:
        if self._pending_section is not None:
            section, self._pending_section = self._pending_section, None
            self._scroll_to(section)

    def _on_nav_row(self, row: int) -> None:
        if self._moving or not 0 <= row < len(self._sections):
            return
        self._scroll_to(self._sections[row])

    def _on_scrolled(self, value: int) -> None:
        # Keep the list's selection on the section being read, as documentation viewers do.
        if self._moving:
            return
        visible = [s for s in self._sections if not s.widget.isHidden()]
        if not visible:
            return
        bar = self._scroll.verticalScrollBar()
        if value >= bar.maximum() > 0:
            current = visible[-1]
        else:
            current = visible[0]
            for section in visible:
                if self._section_top(section) <= value + 24:
                    current = section
        self._moving = True
        try:
            self._nav.setCurrentItem(current.nav_item)
        finally:
            self._moving = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc from anywhere in the tab (the section list, the reading pane) ends the search too.
        if event.key() == Qt.Key.Key_Escape and self.search_edit.text():
            self.search_edit.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            tint_muted(self)
