"""Hourly pay beside annual pay wherever the Overview shows BLS pay (issue 15).

Checked against BLS's own tables: the national row's hourly figures come from the OEWS table
as published (h_median, h_pct25 ...); BLS publishes no hourly figures for PT offices, so there
the card shows annual / 2,080 marked "≈" and its footnote says how it was worked out.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel

from ptplanner.core.compare import HOURS_PER_YEAR
from ptplanner.core.content import overview
from ptplanner.core.knowledge import industry_wages
from ptplanner.ui.tabs.overview.tab import OverviewTab
from ptplanner.ui.widgets import Card, Footnote

TABLES = Path(__file__).resolve().parents[3] / "tools" / "tables"


def national_row() -> dict[str, str]:
    with (TABLES / "oews_may2025_43-6013_states_metros.csv").open(encoding="utf-8") as handle:
        handle.readline()  # the source line
        return next(row for row in csv.DictReader(handle) if row["area_name"] == "National")


def card_text(card: Card) -> str:
    return " ".join(
        QTextDocumentFragment.fromHtml(label.text()).toPlainText()
        for label in card.findChildren(QLabel)
    )


def footnotes(card: Card) -> str:
    return " ".join(label.text() for label in card.findChildren(Footnote))


def worked_out(annual: float) -> str:
    return f"≈ ${annual / HOURS_PER_YEAR:,.2f}/hr"


def test_the_bls_pay_card_shows_bls_hourly_figures(tab: OverviewTab) -> None:
    card = tab.item_widget("notes", "pay_bls")
    assert isinstance(card, Card)
    text = card_text(card)
    row = national_row()
    assert f"$45,930 (${float(row['h_median']):,.2f}/hr)" in text
    assert f"(${float(row['h_pct25']):,.2f}–${float(row['h_pct75']):,.2f}/hr)" in text
    pt = industry_wages().in_pt_offices("43-6013")
    assert pt.median is not None
    assert worked_out(pt.median) in text  # BLS has no hourly figure for PT offices
    assert "2,080 hours" in footnotes(card)


def test_each_ladder_step_and_related_job_shows_hourly_pay(tab: OverviewTab) -> None:
    for rung in overview().career_ladder:
        card = tab.item_widget("career_ladder", rung.id)
        assert isinstance(card, Card)
        median = industry_wages().in_pt_offices(rung.soc_code).median
        assert median is not None
        assert f"${median:,} a year ({worked_out(median)})" in card_text(card), rung.id
        assert "2,080 hours" in footnotes(card), rung.id
    for job in overview().related_jobs:
        card = tab.item_widget("related_jobs", job.id)
        assert isinstance(card, Card)
        try:
            median = industry_wages().in_pt_offices(job.soc_code).median
        except KeyError:
            median = None
        if median is None:
            assert "2,080" not in footnotes(card), job.id
            continue
        assert f"${median:,} a year ({worked_out(median)})" in card_text(card), job.id
        assert "2,080 hours" in footnotes(card), job.id
