"""``ptplanner offer`` as a user runs it: the percentile against the published BLS row, the
estimate beside it, both formats, one-line errors, and no Qt loaded."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ptplanner.cli.main import main
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs

BOSTON = "Boston-Cambridge-Newton, MA-NH"
# BLS OEWS May 2025, 43-6013, Boston: P10 43,810; P25 48,360; median 51,600; P75 59,530; P90 64,060


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["offer", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_places_an_hourly_offer_in_bostons_bls_pay(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys,
        "--pay",
        "25/hour",
        "--location",
        "boston",
        "--experience",
        "2",
        "--year",
        "2025",
        "--bonus",
        "3",
        "--match",
        "4",
        "--health",
        "6000",
        "--days-off",
        "15",
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert (data["area"], data["year"]) == (BOSTON, 2025)
    assert (data["annual"], data["hourly"]) == (52000, 25)
    # Between the median (51,600) and P75 (59,530), linearly.
    assert data["percentile"] == pytest.approx(50 + 25 * 400 / 7930)
    assert data["position_text"] == "51st percentile"
    today = project(
        ProjectionRequest(
            inputs=SalaryInputs(location="boston", years_experience=2), start_year=2025
        )
    ).today
    assert data["estimate_typical"] == today.typical
    assert (data["estimate_low"], data["estimate_high"]) == (today.low, today.high)
    assert data["offer_total"] == pytest.approx(52000 * 1.07 + 6000)
    assert data["typical_total"] == pytest.approx(today.compensation.total)
    assert data["offer"] == {
        "amount": 25.0,
        "per": "hour",
        "bonus_pct": 3.0,
        "retirement_match_pct": 4.0,
        "health_usd": 6000.0,
        "paid_days_off": 15,
    }
    assert "$48,360-$59,530" in data["note"]
    assert "BLS OEWS, May 2025" in data["sources"]


@pytest.mark.parametrize(
    ("pay", "percentile", "words"),
    [
        ("$43,810/year", 10.0, "10th percentile"),
        ("51600", 50.0, "50th percentile"),
        ("40000/year", 10.0, "below the 10th percentile"),
        ("70000/year", 90.0, "above the 90th percentile"),
    ],
)
def test_published_points_and_the_ends(
    capsys: pytest.CaptureFixture[str], pay: str, percentile: float, words: str
) -> None:
    code, out, err = run(
        capsys, "--pay", pay, "--location", "boston", "--year", "2025", "--format", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert (data["percentile"], data["position_text"]) == (percentile, words)


def test_table_says_where_the_offer_falls(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--pay", "25/hour", "--location", "boston", "--year", "2025")
    assert code == 0, err
    today = project(
        ProjectionRequest(inputs=SalaryInputs(location="boston"), start_year=2025)
    ).today
    assert f"Offer in {BOSTON}, 2025" in out
    assert "$52,000 a year ($25.00 an hour x 2,080 hours)" in out
    assert "51st percentile" in out
    assert f"${today.typical:,.0f} typical" in out
    assert "Sources: BLS OEWS, May 2025" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--pay", "abc/hour", "--location", "boston"], "--pay: 'abc/hour' is not pay"),
        (["--pay", "0/hour", "--location", "boston"], "--pay: pay must be more than zero"),
        (["--pay=-5/year", "--location", "boston"], "--pay: pay must be more than zero"),
        (["--pay", "20/week", "--location", "boston"], "/hour or /year"),
        (["--pay", "20/hour", "--location", "atlantis"], '--location: unknown location "atlantis"'),
        (["--pay", "20/hour"], "--location: say where the job is"),
        (
            ["--pay", "20/hour", "--location", "boston", "--bonus", "500"],
            "--bonus: must be at most",
        ),
        (["--pay", "20/hour", "--location", "boston", "--days-off", "-1"], "--days-off"),
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


def test_offer_loads_neither_qt_nor_the_ui() -> None:
    probe = (
        "import sys\nfrom ptplanner.cli.main import main\n"
        "code = main(['offer', '--pay', '21.50/hour', '--location', 'boston'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6', "
        "'pyqtgraph'} or m.startswith('ptplanner.ui')]\n"
        "print('EXIT', code, 'LOADED', bad, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert "EXIT 0 LOADED []" in result.stderr, result.stderr[-2000:]
