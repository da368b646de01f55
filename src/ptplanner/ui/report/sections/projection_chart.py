"""The "Projection" section: the chart's legend and caption in words; ``chart`` paints it."""

from __future__ import annotations

from ptplanner.core.report.model import Report
from ptplanner.ui.report.blocks import heading
from ptplanner.ui.report.chart import LegendItem, projection_chart
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import ACCENT, BLS_FILL, INK_SOFT, RANGE_FILL


def caption(report: Report) -> str:
    """What the chart shows, naming its dollars."""
    if report.dollars == "today":
        unit = f"Pay per year in {report.dollars_label} (inflation taken out)."
    else:
        unit = "Pay per year in nominal dollars (as paid each year, inflation included)."
    return (
        f"{unit} Shaded: the likely range for this profile, and BLS's 10th to 90th percentile "
        "of each year's job in the area, carried forward with the pay scale."
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
    axis = f"Pay per year ({report.dollars_label})"
    chart = projection_chart(ctx, report.rows, other, items, caption(report), axis)
    return [heading(ctx, f"Projection, in {report.dollars_label}"), chart]
