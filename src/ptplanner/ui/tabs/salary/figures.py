"""The headline figures above the graph and the line under them that says where they come from.

Four figures for this year (typical base pay, its likely range, total compensation, pay in
national-average prices), each with its hourly equal under it, and a line naming the area, the
role, the role's BLS percentiles here and what the person's plan adds. The figures are the
projection's first year, to the dollar: one "today" on the whole tab. Each shows in a
:class:`SteadyLabel`, so new text re-lays the tab only when it needs another size. In a narrow
window the four figures take two rows of two rather than running together.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLayout, QWidget

from ptplanner.core.compare import HOURS_PER_YEAR
from ptplanner.core.format import money, ordinal
from ptplanner.core.glossary import tooltip
from ptplanner.core.salary.estimate import Estimate
from ptplanner.core.salary.ladder import rung
from ptplanner.ui.accessibility import name_with_value, set_tip
from ptplanner.ui.tabs.salary.steady_label import SteadyLabel

CAPTION_GAP = 6  # pixels between a figure's caption and its value
FIGURE_GAP = 28  # and between figures: wide enough that two figures never read as one
ROW_GAP = 6  # pixels between two rows of figures
HOURLY_GAP = 10  # between an annual amount and the hourly one beside it
PLAN_ITEMS_SHOWN = 4  # plan contributions named in the context line; the rest counted
PLAN_ITEMS_IN_TIP = 25  # and named in its tooltip


def per_hour(annual: float) -> str:
    """Annual pay as an hourly wage, BLS's way (a year of 2,080 hours): "$22.08"."""
    return f"${annual / HOURS_PER_YEAR:,.2f}"


def with_definition(specific: str, term_id: str) -> str:
    """A figure's own tooltip (its source and date) followed by the glossary's definition."""
    return "\n\n".join(t for t in (specific, tooltip(term_id)) if t)


class Figure(QWidget):
    """One headline figure: its caption, the annual amount large, the hourly amount under it
    (or beside it, where two rows of figures would otherwise take the graph's height)."""

    def __init__(self, caption: str, term_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.term_id = term_id
        self.box = QGridLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setVerticalSpacing(CAPTION_GAP)
        self.box.setHorizontalSpacing(HOURLY_GAP)
        self.title = QLabel(caption)
        self.title.setProperty("role", "caption")
        label = QLabel("—")
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        label.setFont(font)
        name_with_value(label, caption)
        self.value = SteadyLabel(label)
        hourly = QLabel("")
        name_with_value(hourly, f"{caption}, per hour")
        self.hourly = SteadyLabel(hourly)
        self.hourly.setToolTip(tooltip("hourly_pay"))
        self.box.addWidget(self.title, 0, 0, 1, 2)
        self.box.addWidget(self.value, 1, 0)
        self.beside: bool | None = None
        self.set_beside(False)
        self.set_tip("")

    def set_beside(self, beside: bool) -> None:
        """The hourly amount beside the annual one (True) or under it."""
        if beside == self.beside:
            return
        self.beside = beside
        self.box.removeWidget(self.hourly)
        if beside:
            self.box.addWidget(self.hourly, 1, 1, Qt.AlignmentFlag.AlignBottom)
        else:
            self.box.addWidget(self.hourly, 2, 0, 1, 2)
        self.box.setColumnStretch(1, 1 if beside else 0)
        # Two rows of figures take height from the graph: closer lines there.
        self.box.setVerticalSpacing(0 if beside else CAPTION_GAP)

    def needs(self, beside: bool) -> int:
        """The width this figure needs with its hourly amount beside or under the annual one."""
        title = self.title.sizeHint().width()
        value = self.value.minimumSizeHint().width()
        hourly = self.hourly.minimumSizeHint().width()
        return max(title, value + HOURLY_GAP + hourly if beside else max(value, hourly))

    def set_tip(self, specific: str) -> None:
        """The figure's own words (source, date) and the term's definition, on caption and value."""
        tip = with_definition(specific, self.term_id)
        if self.title.toolTip() != tip:
            set_tip(self.title, tip)
            self.value.setToolTip(tip)


# How the four figures are laid out, widest first: columns, and hourly amounts beside.
ARRANGEMENTS = ((4, False), (2, True), (2, False))


class HeadlineFigures(QFrame):
    """Today's figures, large: what the estimate comes to before any detail.

    One row of four where they fit with room between them; else two rows of two, each hourly
    amount beside its annual one where that fits, under it where not.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(FIGURE_GAP)
        # The frame's minimum is that of its narrowest arrangement (minimumSizeHint), not of
        # the one on show, or a window could never get narrow enough to change arrangement.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.typical = Figure("Typical base pay", "typical_pay")
        self.range = Figure("Likely range", "likely_range")
        self.total = Figure("Total compensation", "total_compensation")
        self.national = Figure("In national-average prices", "national_prices")
        self.items = (self.typical, self.range, self.total, self.national)
        self.typical_title, self.typical_label = self.typical.title, self.typical.value
        self.range_label = self.range.value
        self.total_label = self.total.value
        self.col_label = self.national.value
        self.arrangement: tuple[int, bool] | None = None
        self._arrange(ARRANGEMENTS[0])

    def _arrange(self, arrangement: tuple[int, bool]) -> None:
        if arrangement == self.arrangement:
            return
        columns, beside = arrangement
        columns_before = self.arrangement[0] if self.arrangement else 0
        self.arrangement = arrangement
        self.grid.setVerticalSpacing(ROW_GAP if columns < len(self.items) else 0)
        self.grid.setContentsMargins(
            9, 9 if columns == len(self.items) else 4, 9, 4 if beside else 9
        )
        for item in self.items:
            item.set_beside(beside)
        if columns != columns_before:
            for item in self.items:
                self.grid.removeWidget(item)
            for at, item in enumerate(self.items):
                self.grid.addWidget(item, at // columns, at % columns)
            for column in range(4):
                self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def width_for(self, arrangement: tuple[int, bool]) -> int:
        """The width the figures need laid out so, gaps and margins included."""
        columns, beside = arrangement
        widths = [item.needs(beside) for item in self.items]
        cols = [max(widths[c::columns]) for c in range(columns)]
        margins = self.grid.contentsMargins()
        frame = 2 * self.frameWidth()
        return sum(cols) + FIGURE_GAP * (columns - 1) + margins.left() + margins.right() + frame

    def reflow(self) -> None:
        """The widest arrangement that fits the frame's width."""
        fits = (a for a in ARRANGEMENTS if self.width_for(a) <= self.width())
        self._arrange(next(fits, ARRANGEMENTS[-1]))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.width_for(ARRANGEMENTS[-1]), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reflow()

    def show_estimate(self, today: Estimate) -> None:
        caption = f"Typical base pay, {today.year}"
        if self.typical_title.text() != caption:
            self.typical_title.setText(caption)
            name_with_value(self.typical_label.label, caption)
        source = f"BLS OEWS {today.data_date} pay for the role here, carried to {today.year}"
        self.typical.set_tip(f"{source}: see Why this estimate below.")
        self.typical_label.setText(money(today.typical))
        self.typical.hourly.setText(f"{per_hour(today.typical)} an hour")
        self.range.set_tip(f"{source}.")
        self.range_label.setText(f"{money(today.low)} – {money(today.high)}")
        self.range.hourly.setText(f"{per_hour(today.low)} – {per_hour(today.high)} an hour")
        comp = today.compensation
        self.total_label.setText(money(comp.total))
        self.total.hourly.setText(f"{per_hour(comp.total)} an hour")
        self.total.set_tip(
            f"Cash pay {money(comp.cash)} (base, bonus, profit sharing) plus employer-paid "
            f"benefits {money(comp.benefits)}\n(401(k) match, health cover, stipend). Paid "
            "leave is inside base pay, not added: see Total compensation below."
        )
        col = today.cost_of_living_adjusted
        self.col_label.setText("n/a" if col is None else money(col))
        self.national.hourly.setText("" if col is None else f"{per_hour(col)} an hour")
        if col is not None and today.price_level is not None:
            whose = (
                f" (BEA has no figure for this area; {today.price_level_from or ''}'s "
                "level is used)"
                if today.price_level_is_fallback
                else ""
            )
            level = f"BEA regional price level {today.price_level:.1f} (U.S. = 100), 2023{whose}"
            self.national.set_tip(f"{level}\n\n{tooltip('price_level')}")
        else:
            self.national.set_tip("No BEA price level for this area.")
        self.reflow()  # a wider figure may no longer leave room for four in a row


def context_line() -> SteadyLabel:
    """The line under the figures; its rich text wraps, and the text is copied as plain text."""
    context = QLabel()
    context.setWordWrap(True)
    context.setTextFormat(Qt.TextFormat.RichText)
    name_with_value(context, "Estimate context")
    return SteadyLabel(context)


def context_text(today: Estimate, plan_lines: Sequence[str]) -> tuple[str, str]:
    """The context line's rich text and its tooltip: the plan's steps when the line cuts them
    short, and what a percentile and an SOC code are."""
    p10, p25, median, p75, p90 = today.bls_percentiles
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
    tip = "\n\n".join(t for t in (tip, tooltip("percentile"), tooltip("soc_code")) if t)
    job = rung(today.role_id)
    stage = "" if today.stage_label == today.role_title else f" ({today.stage_label.lower()})"
    text = (
        f"<b>{escape(today.area_name)}</b> · {escape(today.role_title)}{escape(stage)} · "
        f"{ordinal(round(today.percentile))} percentile of the role's pay here · BLS "
        f"{escape(today.data_date)} pay for the job ({job.soc_code}) here, carried to "
        f"{today.year}: 10th {money(p10)}, 25th {money(p25)}, median {money(median)}, "
        f"75th {money(p75)}, 90th {money(p90)} (median {per_hour(median)} an hour).{plan}"
    )
    return text, tip
