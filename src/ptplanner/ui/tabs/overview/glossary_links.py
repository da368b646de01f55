"""Links the Overview's jargon to the user guide's glossary.

The first time a card (or a line outside the cards) uses a term such as SOC, NAICS, median,
EMR or prior authorization, the word becomes a ``glossary:ID`` link: hovering it shows the
glossary's tooltip (:func:`ptplanner.core.glossary.tooltip`), clicking it opens the guide's
glossary at the term (:func:`ptplanner.ui.help.open_help_link`, imported only then). Section
and group headings and source footnotes are left as they are.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

from ptplanner.core.glossary import tooltip
from ptplanner.ui.tabs.overview.sections.builder import GROUP_HEADING, SECTION_HEADING
from ptplanner.ui.widgets import Card, Footnote

TERMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("prior_authorization", re.compile(r"\bprior authori[sz]ations?\b", re.IGNORECASE)),
    ("location_quotient", re.compile(r"\blocation quotients?\b", re.IGNORECASE)),
    ("price_level", re.compile(r"\bRPPs?\b|\bprice levels?\b")),
    ("percentile", re.compile(r"\bpercentiles?\b", re.IGNORECASE)),
    ("median", re.compile(r"\bmedians?\b", re.IGNORECASE)),
    ("soc_code", re.compile(r"\bSOC\b")),
    ("naics_code", re.compile(r"\bNAICS\b")),
    ("oews", re.compile(r"\bOEWS\b")),
    ("cmaa", re.compile(r"\bCMAA\b")),
    ("cehrs", re.compile(r"\bCEHRS\b")),
    ("cpct", re.compile(r"\bCPCT(?:/A)?\b")),
    ("emr", re.compile(r"\bEMRs?\b")),
)
"""Glossary id and the words that name it, longest phrases first."""

PREFIX = "glossary:"
_TAG = re.compile(r"(<[^>]*>)")


def link_terms(rich: str, done: set[str]) -> str:
    """``rich`` with the first use of each term not yet in ``done`` made a glossary link.

    Only text outside tags and outside existing links changes; ``done`` gains the terms linked.
    """
    parts = _TAG.split(rich)
    in_link = False
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = part[1:].split(maxsplit=1)[0].lower() if len(part) > 2 else ""
            in_link = name == "a" or (in_link and name != "/a")
            continue
        if in_link:
            continue
        for term_id, pattern in TERMS:
            if term_id in done:
                continue
            match = pattern.search(part)
            # Leave a match alone if it sits inside a link made just before in this part.
            if match is None or _inside_link(part, match.start()):
                continue
            link = f'<a href="{PREFIX}{term_id}">{match.group(0)}</a>'
            part = part[: match.start()] + link + part[match.end() :]
            done.add(term_id)
        parts[index] = part
    return "".join(parts)


def _inside_link(text: str, position: int) -> bool:
    before = text[:position]
    return before.rfind("<a ") > before.rfind("</a>") or before.rfind("<") > before.rfind(">")


def _is_heading(label: QLabel) -> bool:
    """Section and group headings: a link there would read as a button. Card titles may link
    (a certification's abbreviation appears nowhere else in its card)."""
    return label.accessibleDescription() in (SECTION_HEADING, GROUP_HEADING)


def add_glossary_links(root: QWidget, parent_for_help: QWidget) -> None:
    """Link the jargon in ``root``'s labels, once per card, to the glossary."""
    done_by_card: dict[int, set[str]] = {}
    for label in root.findChildren(QLabel):
        if isinstance(label, Footnote) or _is_heading(label) or not label.text():
            continue
        card = label.parentWidget()
        key = id(card) if isinstance(card, Card) else id(label)
        done = done_by_card.setdefault(key, set())
        plain = label.textFormat() == Qt.TextFormat.PlainText
        rich = html.escape(label.text()).replace("\n", "<br>") if plain else label.text()
        linked = link_terms(rich, done)
        if linked == rich:
            continue
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(linked)
        label.linkHovered.connect(lambda href, lbl=label: _show_term(lbl, href))
        label.linkActivated.connect(lambda href: _open(parent_for_help, href))


def _show_term(label: QLabel, href: str) -> None:
    if href.startswith(PREFIX):
        QToolTip.showText(QCursor.pos(), tooltip(href.removeprefix(PREFIX)), label)
    else:
        QToolTip.hideText()


def _open(parent: QWidget, href: str) -> None:
    from ptplanner.ui import help as user_guide  # the guide loads only when asked for

    user_guide.open_help_link(parent, href)
