"""The Overview tab driven as a person would: typing in the search box, clicking the section list.

Figures are checked against the data they come from (BLS wages, BLS projections, the guide), and
the layout is checked for clipped text at the smallest supported window size.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from fit_checks import right_click_first_item
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from ptplanner.core.content import OVERVIEW_SECTIONS, onet, overview, search_overview
from ptplanner.core.knowledge import employment_projections, industry_wages
from ptplanner.core.sources import source_catalog
from ptplanner.ui.tabs.overview.tab import Footnote, MutedLabel, OverviewTab, money


@pytest.fixture
def tab(qtbot):  # type: ignore[no-untyped-def]
    widget = OverviewTab(overview(), onet())
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(1)  # let the posted layout requests run, as they have before a person looks
    return widget


def plain(label: QLabel) -> str:
    """What a reader sees in a label (rich text turned into plain text)."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def shown_text(root: QWidget, within: QWidget) -> str:
    """All label text under ``root`` that is visible in ``within``."""
    return "\n".join(
        plain(label) for label in root.findChildren(QLabel) if label.isVisibleTo(within)
    )


def expected_visible(query: str) -> dict[str, list[str]]:
    return {section: list(ids) for section, ids in search_overview(query).items()}


# --------------------------------------------------------------------------- search


def test_search_box_is_labelled_and_clearable(tab: OverviewTab) -> None:
    edit = tab.search_edit
    assert isinstance(edit, QLineEdit)
    assert edit.placeholderText() == "Search the overview…"
    assert edit.isClearButtonEnabled()
    assert edit.accessibleName()


def test_blank_search_shows_every_item(tab: OverviewTab) -> None:
    visible = tab.visible_item_ids()
    for section in OVERVIEW_SECTIONS:
        assert visible[section] == expected_visible("")[section]
    assert visible["onet_skills"] == list(overview().onet_top_skills.element_ids)


def test_typing_a_word_hides_everything_that_does_not_match(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(tab.search_edit, "authorization")
    visible = tab.visible_item_ids()
    wanted = expected_visible("authorization")
    for section in OVERVIEW_SECTIONS:
        assert visible[section] == wanted[section], section
    assert "insurance" in visible["duties"]
    # A duty that does not mention authorization is hidden, and so is a section with no match.
    assert not tab.item_widget("duties", "scheduling").isVisibleTo(tab)
    assert not wanted["emr_systems"]
    assert not tab.item_widget("emr_systems", "webpt").isVisibleTo(tab)
    nav_titles = [
        tab._nav.item(row).text()
        for row in range(tab._nav.count())
        if not tab._nav.item(row).isHidden()
    ]
    assert "EMR systems" not in nav_titles
    assert "Duties" in nav_titles
    assert not tab._no_matches.isVisibleTo(tab)


def test_several_words_must_all_match(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(tab.search_edit, "Insurance CLINIC")
    visible = tab.visible_item_ids()
    for section in OVERVIEW_SECTIONS:
        assert visible[section] == expected_visible("insurance clinic")[section]


def test_search_also_filters_the_onet_skill_rows(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(tab.search_edit, "speaking")
    assert tab.visible_item_ids()["onet_skills"] == ["2.A.1.d"]


def test_no_match_shows_the_message_and_hides_all_sections(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(tab.search_edit, "zebra crossing")
    assert tab._no_matches.isVisibleTo(tab)
    assert tab._no_matches.text() == "No matches for “zebra crossing”"
    assert all(not ids for ids in tab.visible_item_ids().values())
    assert all(not section.widget.isVisibleTo(tab) for section in tab._sections)


def test_escape_clears_the_search_and_brings_everything_back(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(tab.search_edit, "zebra")
    assert tab._no_matches.isVisibleTo(tab)
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Escape)
    assert tab.search_edit.text() == ""
    assert not tab._no_matches.isVisibleTo(tab)
    assert tab.visible_item_ids()["duties"] == expected_visible("")["duties"]


def test_escape_in_the_section_list_also_clears_the_search(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(tab.search_edit, "epic")
    assert tab.visible_item_ids()["emr_systems"] == ["epic"]
    qtbot.keyClick(tab._nav, Qt.Key.Key_Escape)
    assert tab.search_edit.text() == ""
    assert len(tab.visible_item_ids()["emr_systems"]) == len(overview().emr_systems)


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    tab.activateWindow()
    tab._nav.setFocus()
    qtbot.keyClick(tab._nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search_edit.hasFocus()


# --------------------------------------------------------------------------- navigation


def test_clicking_a_section_in_the_list_scrolls_to_it(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    nav = tab._nav
    titles = [nav.item(row).text() for row in range(nav.count())]
    assert titles == [
        "Duties",
        "Skills",
        "Certifications",
        "EMR systems",
        "Employer types",
        "Pay",
        "Career ladder",
        "Outlook",
    ]
    row = titles.index("Career ladder")
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    section = tab._sections[row]
    viewport = tab._scroll.viewport()
    top = section.widget.mapTo(viewport, QPoint(0, 0)).y()
    assert tab._scroll.verticalScrollBar().value() > 0
    assert 0 <= top < 40  # the heading is at the top of the reading pane
    assert nav.currentRow() == row


def test_a_section_asked_for_before_showing_is_scrolled_to_on_show(qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = OverviewTab(overview(), onet())
    qtbot.addWidget(tab)
    tab.resize(1024, 700)
    tab.scroll_to_section("certifications")  # e.g. the window opening on a chosen section
    tab.show()
    qtbot.waitExposed(tab)
    section = next(s for s in tab._sections if s.key == "certifications")
    viewport = tab._scroll.viewport()
    qtbot.waitUntil(lambda: 0 <= section.widget.mapTo(viewport, QPoint(0, 0)).y() < 40)
    assert tab._nav.currentItem().text() == "Certifications"


def test_scrolling_moves_the_list_selection_along(tab: OverviewTab) -> None:
    bar = tab._scroll.verticalScrollBar()
    outlook = tab._sections[-1]
    bar.setValue(outlook.widget.mapTo(tab._content, QPoint(0, 0)).y())
    assert tab._nav.currentItem().text() == "Outlook"
    bar.setValue(0)
    assert tab._nav.currentItem().text() == "Duties"


# --------------------------------------------------------------------------- figures and sources


def test_career_ladder_shows_bls_pay_in_pt_offices_for_each_rung(tab: OverviewTab) -> None:
    for rung in overview().career_ladder:
        wages = industry_wages().in_pt_offices(rung.soc_code)
        card = tab.item_widget("career_ladder", rung.id)
        pay = card.findChild(QLabel, "blsPay")
        assert pay is not None and pay.isVisibleTo(tab), rung.id
        text = plain(pay)
        assert f"median {money(wages.median)} a year" in text
        low, high = rung.wage_band.split("_")
        band = f"{low.upper()}–{high.upper()}: {money(getattr(wages, low))}–"
        band += money(getattr(wages, high))
        assert band in text, text
        assert "Source: BLS OEWS, May 2025 · NAICS 621340" in shown_text(card, tab)


def test_coordinator_median_is_the_bls_figure(tab: OverviewTab) -> None:
    median = industry_wages().in_pt_offices("43-6013").median
    assert money(median) == "$41,420"
    pay = tab.item_widget("career_ladder", "care_coordinator").findChild(QLabel, "blsPay")
    assert "median $41,420 a year" in plain(pay)
    assert "this step's band, P25–P75: $36,750–$46,100" in plain(pay)


def test_senior_rung_uses_the_upper_band_and_labels_the_guides_figure(tab: OverviewTab) -> None:
    card = tab.item_widget("career_ladder", "senior_coordinator")
    wages = industry_wages().in_pt_offices("43-6013")
    band = f"P75–P90: {money(wages.p75)}–{money(wages.p90)}"
    assert band in plain(card.findChild(QLabel, "blsPay"))
    guide = card.findChild(QLabel, "guidePay")
    assert plain(guide).startswith("The guide's figure: $56,000–$70,000+ a year")
    assert "Source: Career guide (late 2023 / early 2024)" in shown_text(card, tab)
    # Only rungs with a guide figure show one.
    receptionist = tab.item_widget("career_ladder", "receptionist")
    assert receptionist.findChild(QLabel, "guidePay") is None


def test_ladder_chart_draws_every_rung_on_one_scale(tab: OverviewTab) -> None:
    chart = tab.ladder_chart
    assert [row.title for row in chart.rows] == [r.title for r in overview().career_ladder]
    low, high = chart.scale
    for row in chart.rows:
        assert low <= (row.wages.p10 or 0) and (row.wages.p90 or 0) <= high
    assert "median $41,420" in chart.accessibleDescription()
    assert "P10 $33,220" in chart.row_tooltip(1)


def test_outlook_shows_bls_projections_and_the_guides_figure_apart(tab: OverviewTab) -> None:
    rows = {row.period: row for row in employment_projections().for_occupation("43-6013")}
    latest = tab.item_widget("outlook", "bls_2024_2034")
    growth = latest.findChild(QLabel, "growth")
    assert growth.text() == f"{rows['2024-2034'].pct_change:g}%" == "4.2%"
    assert "Source: BLS Employment Projections 2024-34" in shown_text(latest, tab)
    older = tab.item_widget("outlook", "bls_2022_2032").findChild(QLabel, "growth")
    assert older.text() == f"{rows['2022-2032'].pct_change:g}%"
    guide = tab.item_widget("outlook", "guide_2022_2032")
    assert guide.findChild(QLabel, "growth").text() == "8%"
    assert "The guide's figure" in shown_text(guide, tab)
    assert "Source: Career guide (late 2023 / early 2024)" in shown_text(guide, tab)
    drivers = [d.id for d in overview().outlook.drivers]
    assert all(tab.item_widget("outlook", d).isVisibleTo(tab) for d in drivers)


def test_occupation_mapping_names_soc_and_naics(tab: OverviewTab) -> None:
    text = shown_text(tab.item_widget("outlook", "occupation_mapping"), tab)
    assert "SOC 43-6013" in text and "Medical Secretaries and Administrative Assistants" in text
    assert "NAICS 621340" in text


def test_each_certification_shows_issuer_renewal_and_the_guides_pay_effect(
    tab: OverviewTab,
) -> None:
    for certification in overview().certifications:
        text = shown_text(tab.item_widget("certifications", certification.id), tab)
        assert certification.abbreviation in text and certification.name in text
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
    assert "Speaking" in text and "4.00 of 5" in text


def test_every_footnote_names_a_source_and_its_tooltip_the_licence(tab: OverviewTab) -> None:
    footnotes = [n for n in tab.findChildren(Footnote) if n.isVisibleTo(tab)]
    assert len(footnotes) > 30
    licences = {source.licence for source in source_catalog().sources}
    for note in footnotes:
        assert note.text().startswith(("Source: ", "Sources: ")), note.text()
        document = QTextDocument()
        document.setHtml(note.toolTip())
        assert any(f"Licence: {licence}" in document.toPlainText() for licence in licences)


# --------------------------------------------------------------------------- accessibility, look


def test_every_interactive_widget_has_an_accessible_name(tab: OverviewTab) -> None:
    interactive = [
        widget
        for widget in tab.findChildren(QWidget)
        if widget.isVisibleTo(tab)
        and (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            or isinstance(widget, QAbstractButton)
        )
    ]
    assert tab.search_edit in interactive and tab._nav in interactive
    for widget in interactive:
        assert widget.accessibleName().strip(), type(widget).__name__


def contrast(first: QColor, second: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("window", "base", "text"),
    [("#efefef", "#ffffff", "#000000"), ("#2b2b2b", "#1f1f1f", "#e6e6e6")],
    ids=["light", "dark"],
)
def test_grey_footnotes_stay_readable_in_light_and_dark(
    tab: OverviewTab, window: str, base: str, text: str
) -> None:
    palette = QPalette(tab.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    tab.setPalette(palette)  # as when the desktop switches colour scheme
    for label in tab.findChildren(MutedLabel):
        colour = label.palette().color(QPalette.ColorRole.WindowText)
        assert contrast(colour, QColor(base)) >= 4.5
        assert contrast(colour, QColor(window)) >= 4.5
        assert colour != QColor(text)  # still visibly secondary


def clipped_labels(root: QWidget) -> list[str]:
    """Visible labels whose text needs more room than they were given."""
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height():
                problems.append(f"{plain(label)[:50]!r}: too short")
        elif label.sizeHint().width() > label.width():
            problems.append(f"{plain(label)[:50]!r}: too narrow")
    return problems


def test_nothing_is_clipped_at_1024x700(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    assert tab.size().width() == 1024
    assert clipped_labels(tab) == []
    nav = tab._nav
    assert nav.sizeHintForColumn(0) <= nav.viewport().width()
    # The text column keeps a readable width and never runs under the scroll bar.
    column = tab._sections[0].widget
    assert 500 <= column.width() <= tab._scroll.viewport().width()
    # Filtering re-flows the cards; nothing may be cut off afterwards either.
    qtbot.keyClicks(tab.search_edit, "pay")
    qtbot.wait(10)
    assert clipped_labels(tab) == []
    tab.search_edit.clear()
    qtbot.wait(10)
    assert clipped_labels(tab) == []


# --------------------------------------------------------------------------- pay: BLS and the guide


def _card_text(card: QWidget) -> str:
    return " ".join(label.text() for label in card.findChildren(QLabel))


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
    assert f"${quoted:,.0f}" in may_2022 and f"${bls_2022:,}" in may_2022
    assert "The figures differ" in may_2022

    table = area_wages("43-6013")
    boston = next(a for a in table.areas if a.name.startswith("Boston"))
    premium = (boston.median / table.national().median - 1) * 100
    boston_text = next(t for t in texts if "Boston" in t)
    assert "15-25% above" in boston_text  # the guide's
    assert f"{premium:+.0f}%" in boston_text  # BLS's, from the May 2025 table
    assert cards[texts.index(boston_text)].findChild(QLabel, "verdict-differ") is not None


def test_searching_the_pay_section(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(tab.search_edit, "glassdoor")
    tab._apply_filter()
    visible = tab.visible_item_ids()
    assert "pay_guide" in visible["notes"]
    assert "pay_bls" not in visible["notes"]


def test_right_click_copies_a_cards_text_with_its_source(qtbot, tab: OverviewTab) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    card = tab.item_widget("notes", "pay_bls")
    assert right_click_first_item(card, QPoint(10, 10)) == "Copy text"
    copied = QGuiApplication.clipboard().text()
    national = industry_wages().history("43-6013")[-1]
    assert f"median ${national.median:,}" in copied
    assert "Source: BLS OEWS, May 2025" in copied
    assert "<" not in copied  # rich text came out as plain text
