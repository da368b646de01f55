"""What the "Compare places" table says: one row per figure, one column per place, and where
each figure comes from. Plain text from the core's :class:`PlaceFigures`; nothing is computed
here but the formatting."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ptplanner.core.compare import PlaceFigures
from ptplanner.core.format import money
from ptplanner.core.sources import source_catalog

NO_FIGURE = "not published"


def _short(source_id: str) -> str:
    return source_catalog().get(source_id).short


def _optional(value: float | None, shown: Callable[[float], str]) -> str:
    return NO_FIGURE if value is None else shown(value)


def compare_rows(places: Sequence[PlaceFigures]) -> list[tuple[str, list[str], str]]:
    """(figure, one cell per place, source) for each row of the comparison."""
    if not places:
        return []
    year = places[0].year
    estimate = f"ptplanner estimate for your profile, from {_short('bls_oews_2025')}"
    oews = _short("bls_oews_2025")
    carried = f"{oews}, carried to {year} as the estimate carries pay"
    rows: list[tuple[str, Callable[[PlaceFigures], str], str]] = [
        (f"Typical base pay ({year})", lambda p: money(p.base_typical), estimate),
        ("Likely range", lambda p: f"{money(p.base_low)} – {money(p.base_high)}", estimate),
        ("Hourly (typical ÷ 2,080 hours)", lambda p: f"${p.hourly_typical:,.2f}", estimate),
        (
            "Total compensation",
            lambda p: money(p.total_compensation),
            f"Estimate plus benefits: {_short('bls_ecec_2026q1')}; {_short('guide')}",
        ),
        (
            "Price level (U.S. = 100)",
            lambda p: _optional(p.price_level, lambda v: f"{v:.1f}"),
            _short("bea_rpp_2023"),
        ),
        (
            "Typical pay in national-average prices",
            lambda p: _optional(p.cost_of_living_adjusted, money),
            f"Typical base × 100 ÷ price level ({_short('bea_rpp_2023')})",
        ),
        (
            "BLS 10th – 90th percentile, this area",
            lambda p: f"{money(p.bls_p10)} – {money(p.bls_p90)}",
            carried,
        ),
        ("Employment in the occupation", lambda p: _optional(p.employment, "{:,.0f}".format), oews),
        ("Jobs per 1,000 jobs", lambda p: _optional(p.jobs_per_1000, "{:.2f}".format), oews),
        (
            "Location quotient (U.S. = 1)",
            lambda p: _optional(p.location_quotient, "{:.2f}".format),
            oews,
        ),
    ]
    return [(label, [cell(p) for p in places], source) for label, cell, source in rows]


def short_area(name: str) -> str:
    """A column title: "Boston-Cambridge-Newton, MA-NH" as "Boston (MA-NH)"."""
    city, _, state = name.partition(",")
    city = city.split("-")[0].strip()
    return f"{city} ({state.strip()})" if state else city
