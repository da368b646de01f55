"""The "Projection" section: the chart's legend and caption in words; ``chart`` paints it."""

from __future__ import annotations

from ptplanner.core.report.model import Report
from ptplanner.ui.report.blocks import heading
from ptplanner.ui.report.chart import LegendItem, projection_chart
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import ACCENT, BLS_FILL, INK_SOFT, RANGE_FILL

CAPTION = (
    "Pay per year in nominal dollars (before inflation). Shaded: the likely range for this "
    "profile, and BLS's 10th to 90th percentile for the area carried forward at the raise "
    "rate."
)


def chart_section(ctx: PageContext, report: Report) -> list[Block]:
    pinned = report.pinned
    items = [
        LegendItem("line", ACCENT, "Typical base pay"),
        LegendItem("band", RANGE_FILL, "Likely range (low–high)"),
        LegendItem("line", INK_SOFT, "Total compensation"),
        LegendItem("band", BLS_FILL, "BLS 10th–90th percentile"),
    ]
    if pinned is not None:
        items += [
            LegendItem("dash", ACCENT, f"{pinned.name}: typical base pay"),
            LegendItem("dash", INK_SOFT, f"{pinned.name}: total compensation"),
        ]
    if report.has_events:
        items.append(LegendItem("dot", ACCENT, "Planned change"))
    other = pinned.rows if pinned is not None else None
    return [heading(ctx, "Projection"), projection_chart(ctx, report.rows, other, items, CAPTION)]
