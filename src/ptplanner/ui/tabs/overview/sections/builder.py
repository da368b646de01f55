"""How the Overview tab's sections are put together: the reading column, the section list and
the record of what search can hide (:mod:`ptplanner.ui.tabs.overview.search`).

Each section module calls :meth:`SectionBuilder.begin_section`, then, for each run of cards
under one heading, :meth:`~SectionBuilder.begin_group` and :meth:`~SectionBuilder.add_entry`
or :meth:`~SectionBuilder.add_extra`. A run of entry cards goes into a
:class:`~ptplanner.ui.tabs.overview.card_grid.CardGrid`, side by side when the window is wide;
anything else (a heading, a chart, a note) spans the column and starts a new run after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ptplanner.ui.tabs.overview.card_grid import CardGrid
from ptplanner.ui.tabs.overview.card_keys import CardKeys
from ptplanner.ui.tabs.overview.search import Entry, EntryKind, Group, Section, SectionKey
from ptplanner.ui.widgets import Card, make_label

SECTION_HEADING = "Heading level 2"
GROUP_HEADING = "Heading level 3"
CARD_HEADING = "Heading level 4"
"""Accessible descriptions of the tab's titles: Qt widgets cannot take the heading role, so a
screen reader learns the outline from these words."""

SECTION_TITLES: dict[SectionKey, str] = {
    "duties": "Duties",
    "skills": "Skills",
    "certifications": "Certifications",
    "emr_systems": "EMR systems",
    "employers": "Employer types",
    "pay": "Pay",
    "career_ladder": "Career ladder",
    "related_jobs": "Related jobs",
    "outlook": "Outlook",
}
"""Each section's title, in the order the Overview shows them: the section list is filled from
this before the sections after the first are built."""


class SectionBuilder:
    """Adds sections to the reading ``column`` and their titles to the ``nav`` list.

    ``metrics`` are the tab's font metrics, for sizes the sections work out as they are built.
    """

    def __init__(self, column: QVBoxLayout, nav: QListWidget, metrics: QFontMetrics) -> None:
        self.column = column
        self.nav = nav
        self.metrics = metrics
        self.sections: list[Section] = []
        self._section: Section | None = None
        self._group: Group | None = None
        self._grid: CardGrid | None = None  # the run of cards being laid out, if any
        self.card_keys = CardKeys(nav)

    def begin_section(self, key: SectionKey, intro: str) -> None:
        title = SECTION_TITLES[key]
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        heading = make_label(title, "heading")
        heading.setAccessibleDescription(SECTION_HEADING)
        layout.addWidget(heading)
        intro_label = make_label(intro)
        layout.addWidget(intro_label)
        reserved = self.nav.item(len(self.sections))
        nav_item = reserved if reserved is not None else self._nav_item(title)
        assert nav_item.text() == title, (nav_item.text(), title)
        self._grid = None
        section = Section(key, title, widget, layout, nav_item)
        self.sections.append(section)
        self._section = section
        self.column.addWidget(widget)

    def reserve_nav(self, titles: Sequence[str]) -> None:
        """List the sections' titles before they are built; each section takes its own."""
        for title in titles:
            self._nav_item(title)

    def _nav_item(self, title: str) -> QListWidgetItem:
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(0, self.metrics.height() + 14))
        self.nav.addItem(item)
        return item

    def begin_group(self, heading: str | None = None) -> Group:
        assert self._section is not None
        label = None
        self._grid = None
        if heading:
            label = make_label(heading, "subheading")
            label.setAccessibleDescription(GROUP_HEADING)
            label.setContentsMargins(0, 6, 0, 0)
            self._section.layout.addWidget(label)
        group = Group(label)
        self._section.groups.append(group)
        self._group = group
        return group

    def add_entry(
        self,
        kind: EntryKind,
        entry_id: str,
        widget: QWidget,
        haystack: str = "",
        *,
        place: bool = True,
    ) -> None:
        """Record ``widget`` as one thing search can hide (and, with ``place``, lay it out)."""
        assert self._section is not None and self._group is not None
        if place and isinstance(widget, Card):
            self._grid_for_cards().addWidget(widget)
        elif place:
            self._section.layout.addWidget(widget)
            self._grid = None
        if isinstance(widget, Card):
            self._card_entry(widget)
        self._group.entries.append(Entry(kind, entry_id, widget, haystack.casefold()))

    def add_extra(self, widget: QWidget) -> None:
        """Lay out ``widget``, shown exactly when some entry of the current group is."""
        assert self._section is not None and self._group is not None
        self._section.layout.addWidget(widget)
        self._grid = None
        self._group.extras.append(widget)
        if isinstance(widget, Card):
            self._card_entry(widget)

    def _grid_for_cards(self) -> CardGrid:
        assert self._section is not None
        if self._grid is None:
            holder = QWidget()
            self._grid = CardGrid(holder)
            self._section.layout.addWidget(holder)
        return self._grid

    def _card_entry(self, card: Card) -> None:
        """A keyboard stop, its first line (the card's title) described as a heading."""
        self.card_keys.add(card)
        first = card.body.itemAt(0)
        title = first.widget() if first is not None else None
        if isinstance(title, QLabel) and title.font().bold():
            title.setAccessibleDescription(CARD_HEADING)
