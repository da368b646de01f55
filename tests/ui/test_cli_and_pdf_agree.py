"""``ptplanner projection`` and its PDF say the same thing: figures, year rows and sources.

One run prints the table and writes the PDF of the same projection; the PDF is read back with
``pdftotext`` (poppler-utils; CI installs it). Both render the one report model, so a figure or a
source that one states and the other does not is a bug.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from ptplanner.core.sources import source_catalog

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftotext) is not installed; CI installs it",
)

OPTIONS = (
    "--location",
    "boston",
    "--experience",
    "2",
    "--cert",
    "cmaa",
    "--start-year",
    "2026",
    "--years",
    "12",
    "--event",
    "2028:education:associate",
    "--event",
    "2031:promotion",
)


def table_and_pdf(tmp_path: Path, *extra: str) -> tuple[str, str, str]:
    """The table ``ptplanner projection`` prints and the text of the PDF it writes alongside,
    laid out as on the page and in the order it was drawn (a table cell's lines together)."""
    pdf = tmp_path / "projection.pdf"
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    result = subprocess.run(
        [sys.executable, "-m", "ptplanner", "projection", *OPTIONS, *extra, "--pdf", str(pdf)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    layout, raw = (
        subprocess.run(
            ["pdftotext", mode, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for mode in ("-layout", "-raw")
    )
    return result.stdout, layout, raw


def squash(text: str) -> str:
    """All whitespace removed: a name wrapped over two lines of a table cell still matches."""
    return "".join(text.split())


def cli_sources(table: str) -> list[str]:
    line = next(line for line in table.splitlines() if line.startswith("Sources: "))
    return line.removeprefix("Sources: ").split(". Occupation:")[0].split("; ")


def pdf_sources(text: str) -> list[str]:
    """The catalogue's sources listed under the PDF's "Sources and dates", in printed order."""
    section = squash(text.split("Sources and dates", 1)[1])
    found = []
    for source in source_catalog().sources:
        at = section.find(squash(source.short))
        if at >= 0:
            found.append((at, source.short))
    return [short for _, short in sorted(found)]


@needs_poppler
@pytest.mark.parametrize("packet", [False, True], ids=["projection", "career-packet"])
def test_the_table_and_the_pdf_state_the_same_report(tmp_path: Path, packet: bool) -> None:
    extra: tuple[str, ...] = ()
    if packet:
        plan_file = tmp_path / "plan.json"
        added = subprocess.run(
            [sys.executable, "-m", "ptplanner", "plan", "--plan-file", str(plan_file), "init"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert added.returncode == 0, added.stderr
        extra = ("--career-packet", "--plan-file", str(plan_file))
    table, pdf, drawn = table_and_pdf(tmp_path, *extra)

    # Today's headline figures.
    money, hour = r"(\$[\d,]+)", r"(\$[\d,]+\.\d\d)"
    headline = re.search(
        rf"typical {money} \({hour} an hour\), range {money} – {money} \({hour} – {hour} an "
        rf"hour\), total compensation {money} \({hour} an hour\)",
        table,
    )
    assert headline, table
    typical, typical_h, low, high, low_h, high_h, total, total_h = headline.groups()
    for figure in (typical, total, f"{low} – {high}"):
        assert figure in pdf
    # Hourly beside annual (annual / 2,080): the same figures on paper as in the terminal.
    for figure in (f"{typical_h} an hour", f"{total_h} an hour", f"{low_h} – {high_h} an hour"):
        assert squash(figure) in squash(pdf), figure
    adjusted = re.search(rf"In national-average prices \(.*\): {money} \({hour} an hour\)", table)
    assert adjusted
    assert adjusted.group(1) in pdf
    assert squash(f"{adjusted.group(2)} an hour") in squash(pdf)

    # Every year row, in the same dollars: the year, then its four figures in the same order
    # (the role between them wraps on paper, so it is compared on its own below).
    assert "Year by year. Pay in 2026 dollars" in table
    assert "Pay in 2026 dollars" in pdf
    rows = [line for line in table.splitlines() if re.match(r"20\d\d\s", line)]
    assert len(rows) == 13
    for row in rows:
        figures = re.findall(r"\$[\d,]+", row)
        assert len(figures) == 4, row
        pattern = rf"^\s*{row.split()[0]}\s[^$\n]*" + r"\s+".join(re.escape(f) for f in figures)
        assert re.search(pattern, pdf, re.MULTILINE), row
    for words in ("Senior / lead coordinator", "PT care coordinator, mid-career"):
        assert words in table
        assert squash(words) in squash(drawn)
    for change in ("Finish associate degree", "Promotion to the next role"):
        assert change in table
        assert squash(change) in squash(drawn)

    # The same sources, in the same order, and BLS's notice in both.
    assert cli_sources(table) == pdf_sources(drawn)
    assert "BLS.gov cannot vouch" in table
    assert squash("BLS.gov cannot vouch") in squash(pdf)
    if packet:
        assert "National Healthcareer Association" in cli_sources(table)
