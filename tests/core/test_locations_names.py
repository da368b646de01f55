"""Places by the names people use: "dc", "nyc", "TX", "Austin TX", "boston, ma"."""

from __future__ import annotations

import pytest

from ptplanner.core.knowledge import area_wages
from ptplanner.core.locations import LocationError, find_area
from ptplanner.core.place_names import place_names

DC_METRO = "Washington-Arlington-Alexandria, DC-VA-MD-WV"
NY_METRO = "New York-Newark-Jersey City, NY-NJ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("washington dc", DC_METRO),
        ("Washington, D.C.", DC_METRO),
        ("dc", DC_METRO),
        ("DC", DC_METRO),
        ("d.c.", DC_METRO),
        ("ny", NY_METRO),
        ("NYC", NY_METRO),
        ("new york city", NY_METRO),
        ("new york, ny", NY_METRO),
        ("new york state", "New York"),
        ("NY state", "New York"),
        ("washington state", "Washington"),
        ("TX", "Texas"),
        ("tx", "Texas"),
        ("wa", "Washington"),
        ("boston, ma", "Boston-Cambridge-Newton, MA-NH"),
        ("Austin TX", "Austin-Round Rock-San Marcos, TX"),
        ("austin, texas", "Austin-Round Rock-San Marcos, TX"),
        ("portland, or", "Portland-Vancouver-Hillsboro, OR-WA"),
        ("Portland ME", "Portland-South Portland, ME"),
        ("philly", "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD"),
    ],
)
def test_everyday_names_find_the_area_people_mean(text: str, expected: str) -> None:
    assert find_area(text).name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("washington", "Washington"),
        ("new york", "New York"),
        ("district of columbia", "District of Columbia"),
        ("boston", "Boston-Cambridge-Newton, MA-NH"),
        ("St. Louis, MO-IL", "St. Louis, MO-IL"),
    ],
)
def test_the_names_that_worked_before_still_do(text: str, expected: str) -> None:
    assert find_area(text).name == expected


def test_a_place_not_in_the_state_named_says_so() -> None:
    with pytest.raises(LocationError, match="Texas"):
        find_area("boston, tx")
    with pytest.raises(LocationError, match="no wages"):
        find_area("Rochester, MN")  # BLS released nothing for it: still said plainly


def test_the_place_names_file_matches_the_wage_tables() -> None:
    table = area_wages()
    names = {area.name for area in table.areas}
    for alias in place_names().aliases:
        assert alias.area in names, alias.area
    state_fips = {area.state_fips for area in table.areas if area.kind == "state"}
    assert {row.fips for row in place_names().states} == state_fips
    abbreviations = [row.abbreviation for row in place_names().states]
    assert len(set(abbreviations)) == len(abbreviations)
