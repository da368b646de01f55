"""The Overview's jargon links to the user guide's glossary (issue 15).

Each term (SOC, NAICS, median, EMR, prior authorization ...) is a ``glossary:ID`` link in the
card where it first appears; hovering it shows the glossary's tooltip, clicking it opens the
guide's glossary at that term (``ptplanner.ui.help.open_help_link``).
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QLabel, QToolTip
from pytestqt.qtbot import QtBot

from ptplanner.core.glossary import glossary, tooltip
from ptplanner.ui.tabs.overview.tab import OverviewTab
from ptplanner.ui.widgets import Card

LINK = re.compile(r'<a href="glossary:([a-z0-9_]+)">(.*?)</a>')


def links(tab: OverviewTab) -> dict[str, list[tuple[QLabel, str]]]:
    found: dict[str, list[tuple[QLabel, str]]] = {}
    for label in tab.findChildren(QLabel):
        for term_id, words in LINK.findall(label.text()):
            found.setdefault(term_id, []).append((label, words))
    return found


def test_the_overviews_jargon_links_to_the_glossary(tab: OverviewTab) -> None:
    found = links(tab)
    for term_id in (
        "soc_code",
        "naics_code",
        "median",
        "percentile",
        "cmaa",
        "cehrs",
        "cpct",
        "emr",
        "prior_authorization",
    ):
        assert term_id in found, term_id
        glossary().get(term_id)  # a real term of the glossary
    assert any(words == "prior authorization" for _label, words in found["prior_authorization"])
    # At most once per card, so a card does not turn into a page of links.
    for term_id, places in found.items():
        cards = [label.parentWidget() for label, _words in places]
        cards = [card for card in cards if isinstance(card, Card)]
        assert len(cards) == len(set(map(id, cards))), term_id


def test_a_term_link_shows_the_glossary_tooltip_and_opens_the_guide(
    qtbot: QtBot, tab: OverviewTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    label, _words = links(tab)["prior_authorization"][0]
    label.linkHovered.emit("glossary:prior_authorization")
    assert QToolTip.text() == tooltip("prior_authorization")
    label.linkHovered.emit("")
    opened: list[str] = []
    import ptplanner.ui.help as help_module

    monkeypatch.setattr(help_module, "open_help_link", lambda _parent, href: opened.append(href))
    label.linkActivated.emit("glossary:prior_authorization")
    assert opened == ["glossary:prior_authorization"]


def test_a_term_link_really_opens_the_guides_glossary(qtbot: QtBot, tab: OverviewTab) -> None:
    from ptplanner.ui.help import find_help_window

    label, _words = links(tab)["soc_code"][0]
    label.linkActivated.emit("glossary:soc_code")
    window = find_help_window()
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.page() == "glossary"
