"""The projection graph in words, for a screen reader: pay now and at the end, the bands, the
role changes and the pinned scenarios.

The graph takes no keyboard focus: the "Year by year" table under it has every year's figures,
cell by cell, so this summary gives the graph's shape and points to the table for the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ptplanner.core.format import money
from ptplanner.core.projection import Dollars, Projection
from ptplanner.core.report.model import dollars_label


def graph_summary(
    projection: Projection,
    dollars: Dollars = "today",
    pinned: Sequence[tuple[str, Projection]] = (),
) -> str:
    """ "Typical base pay (2026 dollars): $38,575 in 2026, $41,210 in 2035. ..." """
    rows = projection.rows
    first, last = rows[0], rows[-1]
    unit = dollars_label(dollars, first.year)
    low_now, typical_now, high_now, total_now = first.money(dollars)
    low_end, typical_end, high_end, total_end = last.money(dollars)
    scale = 1.0 if dollars == "nominal" else 1.0 / last.deflator
    sentences = [
        f"Graph of pay per year, {first.year} to {last.year}, in {unit}.",
        f"Typical base pay {money(typical_now)} in {first.year}, "
        f"{money(typical_end)} in {last.year}.",
        f"Likely range {money(low_now)} to {money(high_now)} in {first.year}, "
        f"{money(low_end)} to {money(high_end)} in {last.year}.",
        f"Total compensation {money(total_now)} in {first.year}, "
        f"{money(total_end)} in {last.year}.",
        f"BLS {projection.today.data_date} 10th to 90th percentile band for the role here: "
        f"{money(first.bls_p10)} to {money(first.bls_p90)} in {first.year}, "
        f"{money(last.bls_p10 * scale)} to {money(last.bls_p90 * scale)} in {last.year}.",
    ]
    changes = [
        f"{row.year} {row.role_title}" for before, row in pairwise(rows) if row.role != before.role
    ]
    if changes:
        sentences.append("Role changes: " + "; ".join(changes) + ".")
    for name, other in pinned:
        end = other.rows[-1]
        sentences.append(
            f"Pinned {name}: typical base pay {money(end.money(dollars)[1])} in {end.year}."
        )
    sentences.append("Every year's figures are in the Year by year table.")
    return " ".join(sentences)
