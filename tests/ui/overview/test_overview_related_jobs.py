"""The Overview's "Related jobs": one card per job, its BLS pay in PT offices checked against the
published May 2025 table, its entry education (or that ptplanner has none), its relation to the
coordinator's path, and search and the section list reaching it as they reach the rest."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from fit_checks import plain
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QListWidget, QWidget

from ptplanner.core.content import overview
from ptplanner.ui.tabs.overview.tab import OverviewTab

TABLE = (
    Path(__file__).resolve().parents[3]
    / "tools"
    / "tables"
    / "oews_may2025_naics621340_all_occupations.csv"
)


def _published() -> dict[str, dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        handle.readline()
        return {row["soc_code"]: row for row in csv.DictReader(handle)}


PUBLISHED = _published()


def dollars(cell: str) -> str:
    return f"${int(cell):,}"


def label_text(card: QWidget, name: str) -> str:
    label = card.findChild(QLabel, name)
    assert label is not None, name
    return plain(label)


def all_text(card: QWidget) -> str:
    return "\n".join(plain(label) for label in card.findChildren(QLabel))


def test_every_related_job_shows_its_pt_office_pay_as_bls_published_it(tab: OverviewTab) -> None:
    jobs = overview().related_jobs
    assert tab.visible_item_ids()["related_jobs"] == [job.id for job in jobs]
    for job in jobs:
        row = PUBLISHED[job.soc_code]
        card = tab.item_widget("related_jobs", job.id)
        pay = label_text(card, "blsPay")
        assert f"median {dollars(row['a_median'])} a year" in pay, job.id
        assert f"middle half {dollars(row['a_pct25'])}–{dollars(row['a_pct75'])}" in pay, job.id
        text = all_text(card)
        assert "Source: BLS OEWS, May 2025 · NAICS 621340" in text
        assert f"SOC {job.soc_code} · {row['occupation_title']}" in text


def test_each_card_names_its_relation_in_the_knowledge_bases_words(tab: OverviewTab) -> None:
    data = overview()
    for job in data.related_jobs:
        card = tab.item_widget("related_jobs", job.id)
        assert label_text(card, "relation") == data.relation(job.relation).label
        assert job.how in all_text(card)
    supervisor = tab.item_widget("related_jobs", "office_supervisor")
    assert label_text(supervisor, "relation") == "A next step"
    key = tab.findChild(QLabel, "relationKey")
    assert key is not None
    for relation in data.job_relations:
        assert f"{relation.label}: {relation.meaning}" in plain(key)


def test_entry_education_is_bls_s_or_said_to_be_missing(tab: OverviewTab) -> None:
    receptionist = tab.item_widget("related_jobs", "front_desk")
    entry = label_text(receptionist, "entry")
    assert entry == (
        "Typical entry: high school diploma or equivalent · training: short-term on-the-job "
        "training"
    )
    assert "Source: BLS Employment Projections 2024-34" in all_text(receptionist)
    aide = tab.item_widget("related_jobs", "pt_aide")
    assert label_text(aide, "entry") == (
        "Typical entry education and training: not in ptplanner's data"
    )


def test_search_and_the_section_list_reach_related_jobs(tab: OverviewTab) -> None:
    nav = tab.findChild(QListWidget)
    assert nav is not None
    titles = [nav.item(row).text() for row in range(nav.count())]
    assert titles.index("Related jobs") == titles.index("Career ladder") + 1
    QTest.keyClicks(tab.search_edit, "billing clerk")
    visible = tab.visible_item_ids()
    assert visible["related_jobs"] == ["billing_clerk"]
    assert not tab.item_widget("related_jobs", "pt_aide").isVisibleTo(tab)
    QTest.keyClick(tab.search_edit, Qt.Key.Key_Escape)
    QTest.keyClicks(tab.search_edit, "next step")
    assert tab.visible_item_ids()["related_jobs"] == ["office_supervisor"]
    QTest.keyClick(tab.search_edit, Qt.Key.Key_Escape)
    row = titles.index("Related jobs")
    rect = nav.visualItemRect(nav.item(row))
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert nav.currentRow() == row
