"""``ptplanner compare ... --pdf``: the printable comparison, written by a real command line run
and read back with ``pdftotext``; every figure of every row against ``compare_places`` and the
BLS and BEA rows it comes from, the paper asked for, and one-line refusals."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ptplanner.core.compare import PlaceFigures, compare_places
from ptplanner.core.report.model import BLS_NOTE
from ptplanner.core.salary.inputs import SalaryInputs

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) is not installed; CI installs it",
)

TABLES = Path(__file__).resolve().parents[1] / "tools" / "tables"
PLACES = ("boston", "houston", "phoenix")
CBSA = {"boston": "14460", "houston": "26420", "phoenix": "38060"}


def _rows(name: str, key: str) -> dict[str, dict[str, str]]:
    with (TABLES / name).open(encoding="utf-8") as handle:
        handle.readline()
        return {row[key]: row for row in csv.DictReader(handle)}


def ptplanner(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "ptplanner", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
    )


def pdf_text(path: Path) -> str:
    """The PDF's text in reading order, one space between words, a wrapped "x-" line joined."""
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(re.sub(r"-\n", "-", raw).split())


def expected_row(place: PlaceFigures) -> str:
    """A place's row as the printout must read, formatted here rather than by the CLI."""
    assert place.price_level is not None
    assert place.cost_of_living_adjusted is not None
    return " ".join(
        [
            place.area,
            f"${place.base_typical:,.0f}",
            f"${place.base_low:,.0f}-${place.base_high:,.0f}",
            f"${place.hourly_typical:,.2f}",
            f"${place.total_compensation:,.0f}",
            f"{place.price_level:.1f}",
            f"${place.cost_of_living_adjusted:,.0f}",
            f"${place.bls_p10:,.0f}-${place.bls_p90:,.0f}",
            f"{place.employment:,}",
            f"{place.jobs_per_1000:.3f}",
            f"{place.location_quotient:.2f}",
        ]
    )


Written = tuple[Path, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def written(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("compare-pdf")
    target = folder / "places.pdf"
    argv = [*PLACES, "--experience", "2", "--cert", "cmaa", "--year", "2025"]
    result = ptplanner("compare", *argv, "--pdf", str(target), "--paper", "a4", cwd=folder)
    return target, result


def test_every_figure_of_every_place_is_printed(
    written: Written,
) -> None:
    target, result = written
    assert result.returncode == 0, result.stderr
    assert f"wrote {target}" in result.stderr
    text = pdf_text(target)
    profile = SalaryInputs(years_experience=2, certifications={"cmaa"})
    places = compare_places(profile, PLACES, 2025)
    for place in places:
        assert expected_row(place) in text
    # The terminal shows the same table the paper does.
    for place in places:
        assert f"${place.base_typical:,.0f}" in result.stdout


def test_published_figures_are_bls_and_bea_as_released(
    written: Written,
) -> None:
    target, _ = written
    text = pdf_text(target)
    oews = _rows("oews_may2025_43-6013_states_metros.csv", "area_name")
    bea = _rows("bea_rpp_metros_2021_2023.csv", "geo_fips")
    profile = SalaryInputs(years_experience=2, certifications={"cmaa"})
    for short, place in zip(PLACES, compare_places(profile, PLACES, 2025), strict=True):
        row = oews[place.area]
        # In BLS's own year nothing is carried: the area's published P10 and P90 exactly.
        published = f"${float(row['a_pct10']):,.0f}-${float(row['a_pct90']):,.0f}"
        tail = f"{published} {int(row['employment']):,} {float(row['jobs_per_1000']):.3f} "
        tail += f"{float(row['location_quotient']):.2f}"
        assert f"{place.area} " in text
        assert tail in text
        price = float(bea[CBSA[short]]["rpp_all_items_2023"])
        assert f" {price:.1f} " in text
    assert "$43,810-" in text  # Boston's P10, May 2025, as BLS published it


def test_paper_profile_sources_and_notice(
    written: Written,
) -> None:
    target, _ = written
    info = subprocess.run(
        ["pdfinfo", str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert "(A4)" in info, info
    assert re.search(r"Pages:\s+1\b", info), info
    text = pdf_text(target)
    assert "Your profile in each place, 2025" in text
    assert "Certifications CMAA" in text
    assert "Experience 2 years" in text
    assert "BLS OEWS, May 2025: U.S. Bureau of Labor Statistics" in text
    assert "BEA Regional Price Parities, 2023: U.S. Bureau of Economic Analysis" in text
    assert " ".join(BLS_NOTE.split()) in text
    assert (target.stat().st_mode & 0o777) == 0o600


def test_many_places_continue_on_a_second_page_with_the_header(tmp_path: Path) -> None:
    states = ["texas", "ohio", "utah", "maine", "iowa", "oregon", "nevada", "alaska", "idaho"]
    places = [*states, "georgia", "vermont", "kansas", "montana", "florida", "hawaii"]
    places += ["arizona", "colorado", "delaware", "indiana", "kentucky", "michigan"]
    places += ["nebraska", "new mexico", "oklahoma", "virginia", "wyoming", "alabama"]
    target = tmp_path / "many.pdf"
    result = ptplanner("compare", *places, "--pdf", str(target), "--paper", "letter", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert "(letter)" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert pages >= 2
    second = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-raw", str(target), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Pay and the job market in each place (continued)" in second
    assert f"Page 2 of {pages}" in second


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--paper", "a4"], "--paper: only applies to a PDF; add --pdf FILE"),
        (["--pdf", ""], "--pdf: needs a file name"),
        (["--pdf", "/dev/null"], "--pdf: /dev/null is not a regular file"),
        (["--pdf", "/no/such/folder/out.pdf"], "no such folder"),
        (["--pdf", "{tmp}"], "is a folder, not a file name"),
    ],
)
def test_a_pdf_that_cannot_be_written_is_one_line(
    argv: list[str], message: str, tmp_path: Path
) -> None:
    work = tmp_path / "out"
    work.mkdir()
    args = [a.replace("{tmp}", str(work)) for a in argv]
    result = ptplanner("compare", "boston", "houston", *args, cwd=work)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ptplanner: error:")
    assert message in lines[0]
    assert list(work.iterdir()) == []  # nothing written, not even a temporary file
