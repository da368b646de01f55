"""The salary engine against its sources: BLS tables, the guide's figures, and its own promises."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ptplanner.core.knowledge import area_wages, guide_figures, industry_wages
from ptplanner.core.locations import LocationError, find_area, usable_areas
from ptplanner.core.salary.compensation import compensation, retirement_match
from ptplanner.core.salary.estimate import estimate, wage_at
from ptplanner.core.salary.inputs import SalaryInputs, default_assumptions
from ptplanner.core.salary.model import salary_model

TABLES = Path(__file__).resolve().parents[2] / "tools" / "tables"


def _csv_rows(name: str) -> list[dict[str, str]]:
    with (TABLES / name).open(encoding="utf-8") as handle:
        handle.readline()
        return list(csv.DictReader(handle))


def test_area_wages_equal_the_published_bls_table() -> None:
    published = {
        row["area_code"]: row for row in _csv_rows("oews_may2025_43-6013_states_metros.csv")
    }
    table = area_wages()
    assert len(table.areas) == len(published) == 579
    for area in table.areas:
        row = published[area.code]
        assert area.name == row["area_name"]
        for key, column in (("p10", "a_pct10"), ("median", "a_median"), ("p90", "a_pct90")):
            expected = None if row[column] in {"-", "*", "#"} else int(row[column])
            assert getattr(area, key) == expected


def test_national_median_is_bls_may_2025() -> None:
    first = estimate(SalaryInputs()).breakdown[0]
    assert first.amount == 45930  # OEWS May 2025, 43-6013, cross-industry annual median
    assert first.source == "bls_oews_2025"


def test_national_entry_estimate_lands_in_the_guides_entry_range() -> None:
    entry = guide_figures().get("stage_entry")
    result = estimate(SalaryInputs(years_experience=0))
    assert entry.low is not None
    assert entry.high is not None
    assert entry.low <= result.typical <= entry.high


@pytest.mark.parametrize("years", [3, 5, 8])
def test_mid_career_typical_pay_lies_between_each_areas_p25_and_p75(years: float) -> None:
    for area in usable_areas():
        for employer in salary_model().employer_types:
            result = estimate(
                SalaryInputs(years_experience=years, location=area.name, employer_type=employer.id)
            )
            p25, p75 = result.bls_percentiles[1], result.bls_percentiles[3]
            assert p25 <= result.typical <= p75, (area.name, employer.id, result.typical)


def test_breakdown_sums_to_the_estimate() -> None:
    result = estimate(
        SalaryInputs(
            years_experience=6,
            location="boston",
            education="bachelor",
            certifications=frozenset({"cmaa", "cehrs"}),
            skills=frozenset({"emr"}),
            employer_type="hospital",
        )
    )
    assert sum(item.amount for item in result.breakdown) == result.typical
    assert result.low <= result.typical <= result.high
    assert {item.source for item in result.breakdown} <= {
        "bls_oews_2025",
        "bls_oews_history",
        "guide",
        "ptplanner_method",
    }


def test_location_effect_follows_bls_and_shows_the_guides_premium_beside_it() -> None:
    boston = find_area("boston")
    result = estimate(SalaryInputs(location="boston"))
    location = next(i for i in result.breakdown if i.factor == "location")
    national_median = area_wages().national().median
    assert boston.median is not None
    assert national_median is not None
    assert location.amount == boston.median - national_median
    assert location.guide_says is not None
    assert "15-25%" in location.guide_says


def test_employer_effect_uses_bls_industry_medians() -> None:
    wages = industry_wages()
    hospital = wages.industry("43-6013", "622000").median
    pt_offices = wages.industry("43-6013", "621340").median
    assert hospital == 47180
    assert pt_offices == 41420
    at_median = {
        e: estimate(SalaryInputs(years_experience=4.12, employer_type=e)).typical
        for e in ("hospital", "private_clinic")
    }
    assert at_median["hospital"] > at_median["private_clinic"]


def test_one_certification_adds_what_the_guide_says_nationally() -> None:
    guide = guide_figures().get("certification_effect")
    base = estimate(SalaryInputs(years_experience=2)).typical
    for cert in ("cmaa", "cehrs", "cpct"):
        added = estimate(SalaryInputs(years_experience=2, certifications=frozenset({cert})))
        assert guide.low is not None
        assert guide.high is not None
        assert guide.low <= added.typical - base <= guide.high


def test_education_effects_follow_the_guides_starting_ranges() -> None:
    # At BLS's own pay levels (May 2025, no carrying forward), with room under the cap (a
    # hospital's wider pay band, ten years in), a degree alone (the largest extra, counted in
    # full) adds the guide's figure exactly.
    year = salary_model().data_year
    hs = estimate(
        SalaryInputs(years_experience=10, education="hs", employer_type="hospital"), year
    ).typical
    associate = estimate(
        SalaryInputs(years_experience=10, education="associate", employer_type="hospital"), year
    ).typical
    bachelor = estimate(
        SalaryInputs(years_experience=10, education="bachelor", employer_type="hospital"), year
    ).typical
    assert associate - hs == 5000  # midpoints $41.5k against $36.5k, national scale 1.0
    assert bachelor - hs == 5500  # $42k floor against the $36.5k midpoint


def test_retirement_match_is_exact() -> None:
    a = default_assumptions().model_copy(
        update={"retirement_contribution_pct": 4, "match_rate_pct": 50, "match_cap_pct": 6}
    )
    assert retirement_match(40_000, a) == 800  # 50% of 4% of 40,000
    b = a.model_copy(update={"retirement_contribution_pct": 10})
    assert retirement_match(40_000, b) == 1200  # contribution above the 6% cap is not matched


def test_default_assumptions_come_from_the_data() -> None:
    a = default_assumptions()
    # OEWS median May 2020 -> May 2025 against CPI-U 2020 -> 2025, a year
    assert a.market_growth_pct == round(
        100 * (((45930 / 37350) / (321.943 / 258.811)) ** 0.2 - 1), 2
    )
    assert a.inflation_pct == 2.6  # CPI-U 2025 annual average change
    assert a.match_rate_pct == 50
    assert a.match_cap_pct == 6
    assert a.health_value_pct == round(100 * 3.98 / 25.00, 2)  # ECEC insurance / wages
    assert not hasattr(a, "pto_value_pct")  # paid leave is inside annual pay, never added


def test_paid_leave_is_explained_not_added() -> None:
    from ptplanner.core.salary.compensation import compensation, paid_leave_share_pct

    # ECEC office staff: $2.77 of leave per hour worked beside $25.00 of wages
    assert paid_leave_share_pct() == pytest.approx(100 * 2.77 / 27.77)
    comp = compensation(40_000, default_assumptions())
    assert comp.paid_leave_included == pytest.approx(40_000 * 2.77 / 27.77)
    assert comp.total == pytest.approx(comp.cash + comp.benefits)
    assert comp.cash == pytest.approx(40_000 * (1 + default_assumptions().bonus_pct / 100))
    assert comp.total < 40_000 * 1.3  # the first model showed a $40k job as $54k


def test_wage_at_hits_the_published_percentiles() -> None:
    pcts = (10, 20, 30, 40, 50)
    assert [wage_at(pcts, p) for p in (10, 25, 50, 75, 90)] == [10, 20, 30, 40, 50]
    assert wage_at(pcts, 0) == 10
    assert wage_at(pcts, 99) == 50


def test_cost_of_living_uses_bea_price_levels() -> None:
    national = estimate(SalaryInputs())
    assert national.cost_of_living_adjusted == national.typical
    boston = estimate(SalaryInputs(location="boston"))
    assert boston.price_level is not None
    assert boston.price_level == pytest.approx(111.6, abs=0.1)
    assert boston.cost_of_living_adjusted == pytest.approx(
        boston.typical * 100 / boston.price_level
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("boston", "Boston-Cambridge-Newton, MA-NH"),
        ("TEXAS", "Texas"),
        ("national", "National"),
        ("New York", "New York"),
        ("0014460", "Boston-Cambridge-Newton, MA-NH"),
        # Also a part of "Charlottesville, VA", but only Charlotte, NC has it as a whole word.
        ("charlotte", "Charlotte-Concord-Gastonia, NC-SC"),
        ("san jose", "San Jose-Sunnyvale-Santa Clara, CA"),
    ],
)
def test_find_area(text: str, expected: str) -> None:
    assert find_area(text).name == expected


def test_find_area_errors_say_what_to_do() -> None:
    with pytest.raises(LocationError, match="did you mean"):
        find_area("bostn")
    with pytest.raises(LocationError, match="several areas"):
        find_area("york")
    with pytest.raises(LocationError, match="several areas"):
        find_area("springfield")  # a whole word in five areas: still ambiguous
    with pytest.raises(LocationError, match="no wages"):
        find_area("Rochester, MN")


def test_unknown_ids_are_rejected() -> None:
    with pytest.raises(ValueError, match="certification"):
        SalaryInputs(certifications=frozenset({"cna"}))
    with pytest.raises(ValueError, match="employer type"):
        SalaryInputs(employer_type="spa")


profiles = st.builds(
    SalaryInputs,
    years_experience=st.floats(min_value=0, max_value=40, allow_nan=False),
    education=st.sampled_from(["hs", "associate", "bachelor"]),
    certifications=st.frozensets(st.sampled_from(["cmaa", "cehrs", "cpct"])),
    location=st.sampled_from([a.name for a in usable_areas()]),
    employer_type=st.sampled_from(
        ["hospital", "private_clinic", "corporate_chain", "specialty_clinic"]
    ),
    skills=st.frozensets(st.sampled_from(["emr", "billing_coding", "insurance", "excel"])),
)


@settings(max_examples=200, deadline=None)
@given(profile=profiles, more=st.floats(min_value=0.1, max_value=20, allow_nan=False))
def test_more_experience_never_lowers_typical_pay(profile: SalaryInputs, more: float) -> None:
    later = profile.model_copy(update={"years_experience": profile.years_experience + more})
    assert estimate(later).typical >= estimate(profile).typical


@settings(max_examples=200, deadline=None)
@given(profile=profiles)
def test_estimate_invariants(profile: SalaryInputs) -> None:
    result = estimate(profile)
    assert result.low <= result.typical <= result.high
    assert sum(item.amount for item in result.breakdown) == result.typical
    assert result.compensation.total >= result.typical
    assert compensation(result.typical, profile.assumptions).total == result.compensation.total


@settings(max_examples=100, deadline=None)
@given(profile=profiles, cert=st.sampled_from(["cmaa", "cehrs", "cpct"]))
def test_a_certification_never_lowers_pay(profile: SalaryInputs, cert: str) -> None:
    more = profile.model_copy(update={"certifications": profile.certifications | {cert}})
    assert estimate(more).typical >= estimate(profile).typical


@settings(max_examples=60, deadline=None)
@given(
    years=st.floats(min_value=0, max_value=50, allow_nan=False),
    education=st.sampled_from(["hs", "associate", "bachelor"]),
    certs=st.frozensets(st.sampled_from(["cmaa", "cehrs", "cpct"])),
    location=st.sampled_from(["National", "boston", "texas", "Capital/Northern New York"]),
    employer=st.sampled_from(["hospital", "private_clinic", "corporate_chain", "specialty_clinic"]),
    skills=st.frozensets(st.sampled_from(["emr", "billing_coding", "insurance", "excel"])),
)
def test_the_numbers_only_path_equals_the_full_estimate(
    years: float,
    education: str,
    certs: frozenset[str],
    location: str,
    employer: str,
    skills: frozenset[str],
) -> None:
    from ptplanner.core.salary.pay import pay_figures, starting_state

    inputs = SalaryInputs(
        years_experience=years,
        education=education,
        certifications=certs,
        location=location,
        employer_type=employer,
        skills=skills,
    )
    year = salary_model().data_year  # BLS's own pay levels: no carrying forward
    full = estimate(inputs, year)
    numbers = pay_figures(
        starting_state(inputs.model_copy(update={"assumptions": default_assumptions()}))
    )
    assert (numbers.stage_id, numbers.stage_label) == (full.stage_id, full.stage_label)
    assert round(numbers.typical) == full.typical
    assert (round(numbers.low), round(numbers.high)) == (full.low, full.high)
    assert numbers.percentile == full.percentile
    assert numbers.distribution == full.bls_percentiles
    assert sum(item.amount for item in full.breakdown) == full.typical


@settings(max_examples=50, deadline=None)
@given(base=st.floats(min_value=0, max_value=500_000, allow_nan=False))
def test_total_compensation_is_the_models_total(base: float) -> None:
    from ptplanner.core.salary.compensation import compensation, total_compensation
    from ptplanner.core.salary.inputs import default_assumptions

    assumptions = default_assumptions()
    assert total_compensation(base, assumptions) == compensation(base, assumptions).total


def test_the_pay_ladder_is_the_overviews_ladder() -> None:
    """One ladder: the rungs the projection prices are the rungs the Overview describes, with
    the same BLS occupations, and at national PT-office pay they are the Overview's figures."""
    from ptplanner.core.content import overview
    from ptplanner.core.salary.ladder import ladder, rung_pay

    described = [(r.id, r.soc_code) for r in overview().career_ladder]
    assert [(r.id, r.soc_code) for r in ladder()] == described
    tables = industry_wages()
    for rung in ladder():
        published = tables.in_pt_offices(rung.soc_code).percentiles()
        assert rung_pay(rung.id, "National", "private_clinic").percentiles == published
