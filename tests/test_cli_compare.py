"""``ptplanner compare`` as a user runs it: every figure against the BLS and BEA rows it comes
from, three formats, one-line errors, and no Qt loaded."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ptplanner.cli.main import main
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs

TABLES = Path(__file__).resolve().parents[1] / "tools" / "tables"
BOSTON = "Boston-Cambridge-Newton, MA-NH"
HOUSTON = "Houston-Pasadena-The Woodlands, TX"


def _rows(name: str, key: str) -> dict[str, dict[str, str]]:
    with (TABLES / name).open(encoding="utf-8") as handle:
        handle.readline()
        return {row[key]: row for row in csv.DictReader(handle)}


OEWS = _rows("oews_may2025_43-6013_states_metros.csv", "area_name")
BEA = _rows("bea_rpp_metros_2021_2023.csv", "geo_fips")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["compare", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_every_key_and_the_published_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "boston", "houston", "--experience", "2", "--year", "2025", "--format", "json"
    )
    assert code == 0, err
    places = json.loads(out)["places"]
    assert [p["area"] for p in places] == [BOSTON, HOUSTON]
    for place, cbsa in zip(places, ("14460", "26420"), strict=True):
        row = OEWS[place["area"]]
        # In BLS's own year nothing is carried: the published figures exactly.
        assert place["bls_p10"] == float(row["a_pct10"])
        assert place["bls_p90"] == float(row["a_pct90"])
        assert place["employment"] == int(row["employment"])
        assert place["jobs_per_1000"] == float(row["jobs_per_1000"])
        assert place["location_quotient"] == float(row["location_quotient"])
        assert place["price_level"] == float(BEA[cbsa]["rpp_all_items_2023"])
        assert place["hourly_typical"] == pytest.approx(place["base_typical"] / 2080)
        assert place["cost_of_living_adjusted"] == pytest.approx(
            place["base_typical"] * 100 / place["price_level"]
        )
        today = project(
            ProjectionRequest(
                inputs=SalaryInputs(location=place["area"], years_experience=2), start_year=2025
            )
        ).today
        assert place["base_typical"] == today.typical
        assert (place["base_low"], place["base_high"]) == (today.low, today.high)
        assert place["total_compensation"] == pytest.approx(today.compensation.total)
        assert place["year"] == 2025
        assert "BLS OEWS, May 2025" in place["sources"]
    assert places[0]["bls_p10"] == 43810
    assert places[1]["employment"] == 20220


def test_table_shows_each_place_with_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "boston", "national", "Mississippi", "--year", "2025")
    assert code == 0, err
    lines = out.splitlines()
    boston = next(line for line in lines if line.startswith(BOSTON))
    today = project(
        ProjectionRequest(inputs=SalaryInputs(location="boston"), start_year=2025)
    ).today
    assert f"${today.typical:,.0f}" in boston
    assert "$43,810-$64,060" in boston  # BLS P10-P90, May 2025
    assert "16,330" in boston
    assert "6.039" in boston
    assert "0.98" in boston
    assert "111.6" in boston
    mississippi = next(line for line in lines if line.startswith("Mississippi"))
    assert "$29,890-$49,410" in mississippi
    assert mississippi.split()[-3:] == ["n/a", "n/a", "n/a"]  # BLS released none
    assert "Sources: BLS OEWS, May 2025" in out
    assert "BEA Regional Price Parities, 2023" in out
    assert "BLS.gov cannot vouch" in out


def test_csv_has_one_row_per_place(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "boston", "houston", "--year", "2025", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["area"] for r in rows] == [BOSTON, HOUSTON]
    assert rows[1]["bls_p90"] == "55120.0"
    assert rows[0]["jobs_per_1000"] == "6.039"
    assert "BLS OEWS, May 2025" in rows[0]["sources"]


def test_profile_and_assumption_options_are_projections(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "boston", "--cert", "cmaa", "--inflation", "3", "--year", "2027", "--format", "json"
    )
    assert code == 0, err
    (place,) = json.loads(out)["places"]
    inputs = SalaryInputs(location="boston", certifications=frozenset({"cmaa"}))
    inputs = inputs.model_copy(
        update={"assumptions": inputs.assumptions.model_copy(update={"inflation_pct": 3.0})}
    )
    today = project(ProjectionRequest(inputs=inputs, start_year=2027)).today
    assert place["base_typical"] == today.typical
    assert place["bls_p10"] == pytest.approx(43810 * today.pay_scale_factor)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["boston", "atlantis"], 'unknown location "atlantis"'),
        (["boston", "--location", "texas"], "--location: give the places"),
        (["boston", "--year", "2040"], "--year: must be 2030 or earlier"),
        (["boston", "--education", "phd"], "--education"),
        (["boston", "--inflation", "99"], "--inflation"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("ptplanner: error: ")
    assert message in err


def test_no_place_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["compare"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_compare_loads_neither_qt_nor_the_ui() -> None:
    probe = (
        "import sys\nfrom ptplanner.cli.main import main\n"
        "code = main(['compare', 'boston', 'houston', '--format', 'json'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6', "
        "'pyqtgraph'} or m.startswith('ptplanner.ui')]\n"
        "print('EXIT', code, 'LOADED', bad, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert "EXIT 0 LOADED []" in result.stderr, result.stderr[-2000:]
