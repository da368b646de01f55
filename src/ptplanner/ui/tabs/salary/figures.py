"""The headline figures above the graph and the line under them that says where they come from.

Four figures for this year (typical base pay, its likely range, total compensation, pay in
national-average prices) and a line naming the area, the role, the role's BLS percentiles here
and what the person's plan adds. The figures are the projection's first year, to the dollar:
one "today" on the whole tab. Each shows in a :class:`SteadyLabel`, so new text re-lays the tab
only when it needs another size.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ptplanner.core.format import money, ordinal
from ptplanner.core.salary.estimate import Estimate
from ptplanner.core.salary.ladder import rung
from ptplanner.ui.accessibility import name_with_value
from ptplanner.ui.tabs.salary.steady_label import SteadyLabel

CAPTION_GAP = 6  # pixels between a figure's caption and its value
FIGURE_GAP = 16  # and between figures: in a narrow window they are as wide as their text
PLAN_ITEMS_SHOWN = 4  # plan contributions named in the context line; the rest counted
PLAN_ITEMS_IN_TIP = 25  # and named in its tooltip


def _figure(layout: QHBoxLayout, caption: str) -> tuple[QLabel, SteadyLabel]:
    box = QVBoxLayout()
    box.setSpacing(CAPTION_GAP)  # its own: a nested layout takes its parent's spacing otherwise
    title = QLabel(caption)
    title.setProperty("role", "caption")
    label = QLabel("—")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    name_with_value(label, caption)
    value = SteadyLabel(label)
    box.addWidget(title)
    box.addWidget(value)
    layout.addLayout(box, 1)
    return title, value


class HeadlineFigures(QFrame):
    """Today's figures in a row, large: what the estimate comes to before any detail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setSpacing(FIGURE_GAP)
        self.typical_title, self.typical_label = _figure(row, "Typical base pay")
        _title, self.range_label = _figure(row, "Likely range")
        _title, self.total_label = _figure(row, "Total compensation")
        _title, self.col_label = _figure(row, "In national-average prices")

    def show_estimate(self, today: Estimate) -> None:
        caption = f"Typical base pay, {today.year}"
        if self.typical_title.text() != caption:
            self.typical_title.setText(caption)
            name_with_value(self.typical_label.label, caption)
        self.typical_label.setText(money(today.typical))
        self.range_label.setText(f"{money(today.low)} – {money(today.high)}")
        comp = today.compensation
        self.total_label.setText(money(comp.total))
        self.total_label.setToolTip(
            f"Cash pay {money(comp.cash)} (base, bonus, profit sharing) plus employer-paid "
            f"benefits {money(comp.benefits)}\n(401(k) match, health cover, stipend). Paid "
            "leave is inside base pay, not added: see Total compensation below."
        )
        col = today.cost_of_living_adjusted
        self.col_label.setText("n/a" if col is None else money(col))
        if col is not None and today.price_level is not None:
            whose = (
                f" (BEA has no figure for this area; {today.price_level_from or ''}'s "
                "level is used)"
                if today.price_level_is_fallback
                else ""
            )
            self.col_label.setToolTip(
                f"BEA regional price level {today.price_level:.1f} (U.S. = 100), 2023{whose}"
            )


def context_line() -> SteadyLabel:
    """The line under the figures; its rich text wraps, and the text is copied as plain text."""
    context = QLabel()
    context.setWordWrap(True)
    context.setTextFormat(Qt.TextFormat.RichText)
    name_with_value(context, "Estimate context")
    return SteadyLabel(context)


def context_text(today: Estimate, plan_lines: Sequence[str]) -> tuple[str, str]:
    """The context line's rich text and its tooltip (empty unless the plan is cut short)."""
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
    job = rung(today.role_id)
    stage = "" if today.stage_label == today.role_title else f" ({today.stage_label.lower()})"
    text = (
        f"<b>{escape(today.area_name)}</b> · {escape(today.role_title)}{escape(stage)} · "
        f"{ordinal(round(today.percentile))} percentile of the role's pay here · BLS "
        f"{escape(today.data_date)} pay for the job ({job.soc_code}) here, carried to "
        f"{today.year}: 10th {money(p10)}, 25th {money(p25)}, median {money(median)}, "
        f"75th {money(p75)}, 90th {money(p90)}.{plan}"
    )
    return text, tip
