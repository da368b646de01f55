"""The figures the Overview tab shows, checked against the data they come from (BLS wages, BLS
projections, O*NET, the guide), each with its source."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from fit_checks import plain
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QWidget

from ptplanner.core.content import overview
from ptplanner.core.format import money
from ptplanner.core.knowledge import employment_projections, industry_wages
from ptplanner.core.onet import onet
from ptplanner.core.sources import source_catalog
from ptplanner.ui.tabs.overview.tab import OverviewTab
from ptplanner.ui.widgets import Footnote


def named_label(card: QWidget, name: str) -> QLabel:
    """The label called ``name`` in ``card`` (failing the test when there is none)."""
    label = card.findChild(QLabel, name)
    assert label is not None, name
    return label


def shown_text(root: QWidget, within: QWidget) -> str:
    """All label text under ``root`` that is visible in ``within``."""
    return "\n".join(
        plain(label) for label in root.findChildren(QLabel) if label.isVisibleTo(within)
    )


# --------------------------------------------------------------------------- figures and sources


def test_career_ladder_shows_bls_pay_in_pt_offices_for_each_rung(tab: OverviewTab) -> None:
    for rung in overview().career_ladder:
        wages = industry_wages().in_pt_offices(rung.soc_code)
        assert wages.median is not None
        card = tab.item_widget("career_ladder", rung.id)
        pay = card.findChild(QLabel, "blsPay")
        assert pay is not None, rung.id
        assert pay.isVisibleTo(tab), rung.id
        text = plain(pay)
        assert f"median {money(wages.median)} a year" in text
        low, high = rung.wage_band.split("_")
        band = f"{low.upper()}–{high.upper()}: {money(getattr(wages, low))}–"
        band += money(getattr(wages, high))
        assert band in text, text
        assert "Source: BLS OEWS, May 2025 · NAICS 621340" in shown_text(card, tab)


def test_coordinator_median_is_the_bls_figure(tab: OverviewTab) -> None:
    median = industry_wages().in_pt_offices("43-6013").median
    assert median is not None
    assert money(median) == "$41,420"
    pay = named_label(tab.item_widget("career_ladder", "care_coordinator"), "blsPay")
    assert "median $41,420 a year" in plain(pay)
    assert "this step's band, P25–P75: $36,750–$46,100" in plain(pay)


def test_senior_rung_uses_the_upper_band_and_labels_the_guides_figure(tab: OverviewTab) -> None:
    card = tab.item_widget("career_ladder", "senior_coordinator")
    wages = industry_wages().in_pt_offices("43-6013")
    assert wages.p75 is not None
    assert wages.p90 is not None
    band = f"P75–P90: {money(wages.p75)}–{money(wages.p90)}"
    assert band in plain(named_label(card, "blsPay"))
    guide = named_label(card, "guidePay")
    assert plain(guide).startswith("The guide's figure: $56,000–$70,000+ a year")
    assert "Source: Career guide (late 2023 / early 2024)" in shown_text(card, tab)
    # Only rungs with a guide figure show one.
    receptionist = tab.item_widget("career_ladder", "receptionist")
    assert receptionist.findChild(QLabel, "guidePay") is None


def test_ladder_chart_draws_every_rung_on_one_scale(tab: OverviewTab) -> None:
    chart = tab.ladder_chart
    assert chart is not None
    assert [row.title for row in chart.rows] == [r.title for r in overview().career_ladder]
    low, high = chart.scale
    for row in chart.rows:
        assert low <= (row.wages.p10 or 0)
        assert (row.wages.p90 or 0) <= high
    assert "median $41,420" in chart.accessibleDescription()
    assert "P10 $33,220" in chart.row_tooltip(1)


def test_outlook_shows_bls_projections_and_the_guides_figure_apart(tab: OverviewTab) -> None:
    rows = {row.period: row for row in employment_projections().for_occupation("43-6013")}
    latest = tab.item_widget("outlook", "bls_2024_2034")
    growth = named_label(latest, "growth")
    assert growth.text() == f"{rows['2024-2034'].pct_change:g}%" == "4.2%"
    assert "Source: BLS Employment Projections 2024-34" in shown_text(latest, tab)
    older = named_label(tab.item_widget("outlook", "bls_2022_2032"), "growth")
    assert older.text() == f"{rows['2022-2032'].pct_change:g}%"
    guide = tab.item_widget("outlook", "guide_2022_2032")
    assert named_label(guide, "growth").text() == "8%"
    assert "The guide's figure" in shown_text(guide, tab)
    assert "Source: Career guide (late 2023 / early 2024)" in shown_text(guide, tab)
    drivers = [d.id for d in overview().outlook.drivers]
    assert all(tab.item_widget("outlook", d).isVisibleTo(tab) for d in drivers)


def test_occupation_mapping_names_soc_and_naics(tab: OverviewTab) -> None:
    text = shown_text(tab.item_widget("outlook", "occupation_mapping"), tab)
    assert "SOC 43-6013" in text
    assert "Medical Secretaries and Administrative Assistants" in text
    assert "NAICS 621340" in text


def test_each_certification_shows_issuer_renewal_and_the_guides_pay_effect(
    tab: OverviewTab,
) -> None:
    for certification in overview().certifications:
        text = shown_text(tab.item_widget("certifications", certification.id), tab)
        assert certification.abbreviation in text
        assert certification.name in text
        assert certification.issuer in text
        assert certification.renewal.requirement in text
        assert "$2,000–$5,000+ a year in the guide" in text
        assert "Career guide (late 2023 / early 2024)" in text
    effect = shown_text(tab.item_widget("notes", "certification_pay_effect"), tab)
    assert "$2,000–$5,000+ a year" in effect
    assert overview().certification_pay_effect.label in effect


def test_employers_show_pros_cons_and_pay_as_the_guides(tab: OverviewTab) -> None:
    hospital = shown_text(tab.item_widget("employers", "hospital"), tab)
    assert "Pay, as the guide states it: $45,000–$50,000 a year" in hospital
    for point in overview().employers[0].pros + overview().employers[0].cons:
        assert point in hospital
    chain = shown_text(tab.item_widget("employers", "corporate_chain"), tab)
    assert "Pay, as the guide states it: no range given" in chain


def test_onet_material_carries_the_cc_by_attribution(tab: OverviewTab) -> None:
    attribution = onet().attribution
    assert "CC BY 4.0" in attribution
    footnotes = [n.text() for n in tab.findChildren(Footnote) if n.isVisibleTo(tab)]
    assert sum(attribution in text for text in footnotes) >= 2  # duties' tasks and skills
    text = shown_text(tab, tab)
    assert "Speaking" in text
    assert "4.00 of 5" in text


def test_every_footnote_names_a_source_and_its_tooltip_the_licence(tab: OverviewTab) -> None:
    footnotes = [n for n in tab.findChildren(Footnote) if n.isVisibleTo(tab)]
    assert len(footnotes) > 30
    licences = {source.licence for source in source_catalog().sources}
    for note in footnotes:
        assert note.text().startswith(("Source: ", "Sources: ")), note.text()
        document = QTextDocument()
        document.setHtml(note.toolTip())
        assert any(f"Licence: {licence}" in document.toPlainText() for licence in licences)


# --------------------------------------------------------------------------- pay: BLS and the guide


def _card_text(card: QWidget) -> str:
    # As read: rich labels without their markup (jargon is a glossary link).
    return " ".join(
        label.text()
        if label.textFormat() == Qt.TextFormat.PlainText
        else QTextDocumentFragment.fromHtml(label.text()).toPlainText()
        for label in card.findChildren(QLabel)
    )


def test_pay_shows_bls_first_with_its_source(tab: OverviewTab) -> None:
    from ptplanner.core.knowledge import area_wages, industry_wages

    national = area_wages("43-6013").national()
    text = _card_text(tab.item_widget("notes", "pay_bls"))
    assert f"median ${national.median:,}" in text
    assert f"${national.p10:,}-${national.p90:,}" in text
    pt = industry_wages().in_pt_offices("43-6013")
    assert f"median ${pt.median:,}" in text
    assert "Source: BLS OEWS, May 2025" in text


def test_pay_shows_what_the_guide_quotes_and_from_whom(tab: OverviewTab) -> None:
    from ptplanner.core.knowledge import guide_figures

    text = _card_text(tab.item_widget("notes", "pay_guide"))
    figures = guide_figures()
    for figure_id, site in (
        ("salary_com_median", "Salary.com, as quoted by the guide"),
        ("payscale_average", "Payscale, as quoted by the guide"),
        ("glassdoor_total", "Glassdoor, as quoted by the guide"),
    ):
        assert f"${figures.get(figure_id).value:,.0f}" in text
        assert site in text


def test_where_the_guide_and_bls_differ_both_are_shown(tab: OverviewTab) -> None:
    from ptplanner.core.knowledge import area_wages, guide_figures, industry_wages

    cards = [tab.item_widget("notes", f"pay_comparison_{i}") for i in range(7)]
    texts = [_card_text(card) for card in cards]
    may_2022 = next(t for t in texts if "May 2022" in t)
    quoted = guide_figures().get("bls_median_2022_as_quoted").value
    bls_2022 = next(
        r.median for r in industry_wages().history("43-6013") if r.reference_period == "May 2022"
    )
    assert f"${quoted:,.0f}" in may_2022
    assert f"${bls_2022:,}" in may_2022
    assert "The figures differ" in may_2022

    table = area_wages("43-6013")
    boston = next(a for a in table.areas if a.name.startswith("Boston"))
    national_median = table.national().median
    assert boston.median is not None
    assert national_median is not None
    premium = (boston.median / national_median - 1) * 100
    boston_text = next(t for t in texts if "Boston" in t)
    assert "15-25% above" in boston_text  # the guide's
    assert f"{premium:+.0f}%" in boston_text  # BLS's, from the May 2025 table
    assert cards[texts.index(boston_text)].findChild(QLabel, "verdict-differ") is not None


def test_the_guides_average_cities_sit_beside_bls_in_the_pay_section(tab: OverviewTab) -> None:
    from ptplanner.core.knowledge import area_wages

    table = area_wages("43-6013")
    national = table.national().median
    assert national is not None
    ids = [i for i in tab.visible_item_ids()["notes"] if i.startswith("pay_comparison_")]
    cards = [tab.item_widget("notes", note_id) for note_id in ids]
    cards = [card for card in cards if "a city the guide calls average" in _card_text(card)]
    assert len(cards) == 3
    for card, prefix in zip(cards, ("Phoenix-", "Dallas-", "Charlotte-"), strict=True):
        area = next(a for a in table.areas if a.name.startswith(prefix))
        assert area.median is not None
        text = _card_text(card)
        assert area.name in text
        assert f"${area.median:,.0f} ({(area.median / national - 1) * 100:+.0f}%)" in text
        assert "$40,000-$55,000" in text  # the guide's national average range
        assert card.findChild(QLabel, "verdict-agree") is not None
        assert card.isVisibleTo(tab)
