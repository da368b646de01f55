"""BLS and the guide side by side: every figure from the knowledge base, verdicts computed."""

from __future__ import annotations

from ptplanner.core.knowledge import area_wages, guide_figures
from ptplanner.core.pay_sources import _verdict, bls_national, comparisons, guide_reported


def test_verdicts() -> None:
    assert _verdict((15.0, 25.0), (12.0, 12.0)) == "differ"
    assert _verdict((25.0, 35.0), (34.0, 34.0)) == "agree"
    assert _verdict((-15.0, -5.0), (-19.0, -1.0)) == "overlap"


def test_every_comparison_cites_the_guide_and_bls() -> None:
    found = comparisons()
    assert len(found) >= 6
    for comparison in found:
        assert comparison.guide.source.startswith("guide")
        assert comparison.bls.source.startswith("bls_")
        assert comparison.note


def test_metro_premiums_are_computed_from_the_wage_table() -> None:
    table = area_wages("43-6013")
    national = table.national().median
    assert national is not None
    for comparison in comparisons():
        if (
            not comparison.topic.endswith("against the national figure")
            or "rural" in comparison.topic
        ):
            continue
        name = comparison.topic.removeprefix("Pay in ").removesuffix(" against the national figure")
        area = next(a for a in table.areas if a.name == name)
        assert area.median is not None
        assert comparison.bls.text == f"{(area.median / national - 1) * 100:+.0f}%"


def test_the_guide_figures_are_reported_as_quoted() -> None:
    reported = {pay.label: pay for pay in guide_reported()}
    glassdoor = guide_figures().get("glassdoor_total")
    assert reported[glassdoor.label].text == f"${glassdoor.value:,.0f}"
    assert reported[glassdoor.label].source_name == "Glassdoor, as quoted by the guide"
    assert "median $45,930" in bls_national().text  # BLS May 2025, 43-6013, national
    assert area_wages("43-6013").national().median == 45930


def test_the_guides_average_cities_are_set_against_their_metros_bls_median() -> None:
    import csv
    from pathlib import Path

    tables = Path(__file__).resolve().parents[2] / "tools" / "tables"
    with (tables / "oews_may2025_43-6013_states_metros.csv").open(encoding="utf-8") as handle:
        handle.readline()
        rows = {row["area_name"]: row for row in csv.DictReader(handle)}
    national = float(rows["National"]["a_median"])  # $45,930
    guide = guide_figures().get("near_average_dallas")
    assert (guide.low, guide.high) == (40000, 55000)  # the guide's national average range
    metros = {
        "Phoenix-Mesa-Chandler, AZ": "$46,600",
        "Dallas-Fort Worth-Arlington, TX": "$45,630",
        "Charlotte-Concord-Gastonia, NC-SC": "$45,650",
    }
    found = {c.topic: c for c in comparisons()}
    for metro, median in metros.items():
        published = float(rows[metro]["a_median"])
        assert f"${published:,.0f}" == median
        comparison = found[f"Pay in {metro}, a city the guide calls average"]
        premium = (published / national - 1) * 100
        hourly = float(rows[metro]["h_median"])  # BLS's own hourly figure, not annual / 2,080
        assert comparison.bls.text == f"{median} ({premium:+.0f}%), ${hourly:,.2f}/hr"
        assert comparison.guide.text == "$40,000-$55,000"
        assert comparison.verdict == "agree"
        assert (comparison.bls.source, comparison.guide.source) == ("bls_oews_2025", "guide")
    # "Charlotte-" matches Charlotte, NC, not Charlottesville, VA.
    assert not any("Charlottesville" in topic for topic in found)
