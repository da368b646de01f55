"""Search in the Overview tab: the search box, and what it can hide, section by section.

The tab's reading column is recorded as sections of groups of entries. An entry is one thing
search can hide: an overview item, matched by :func:`ptplanner.core.content.search_overview`,
or a local extra (an O*NET skill row, a section note) matched by its own text. A group's
heading and extras show exactly when one of its entries does; a section and its line in the
section list, when one of its groups does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidgetItem, QVBoxLayout, QWidget

from ptplanner.core.content import OverviewSection, search_overview

EntryKind = Literal["item", "onet", "note"]

SectionKey = OverviewSection | Literal["pay"]
"""The knowledge base's sections, and "pay", which is built from the wage tables, not items."""

_LISTS = {"item": "", "onet": "onet_skills", "note": "notes"}
"""Where each kind of entry is listed by :func:`visible_item_ids` ("" is its section's key)."""


@dataclass
class Entry:
    """One thing search can hide: an overview item (by search_overview) or a local extra."""

    kind: EntryKind
    id: str
    widget: QWidget
    haystack: str = ""
    """Case-folded text for entries search_overview does not cover (O*NET rows, notes)."""


@dataclass
class Group:
    heading: QWidget | None
    entries: list[Entry] = field(default_factory=list)
    extras: list[QWidget] = field(default_factory=list)
    """Shown exactly when some entry of the group is (containers, attribution lines)."""


@dataclass
class Section:
    key: SectionKey
    title: str
    widget: QWidget
    layout: QVBoxLayout
    nav_item: QListWidgetItem
    groups: list[Group] = field(default_factory=list)


class SearchEdit(QLineEdit):
    """The search box; Esc clears it (and only passes on when already empty)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


def filter_sections(sections: Sequence[Section], query: str) -> int:
    """Show only what matches every word of ``query``; return how many entries are shown."""
    words = query.casefold().split()
    hits: dict[str, tuple[str, ...]] = {
        str(key): ids for key, ids in search_overview(query).items()
    }
    shown = 0
    for section in sections:
        section_visible = False
        for group in section.groups:
            group_visible = False
            for entry in group.entries:
                if entry.kind == "item":
                    visible = entry.id in hits.get(section.key, ())
                else:
                    visible = all(word in entry.haystack for word in words)
                entry.widget.setVisible(visible)
                group_visible = group_visible or visible
                shown += visible
            for widget in (group.heading, *group.extras):
                if widget is not None:
                    widget.setVisible(group_visible)
            section_visible = section_visible or group_visible
        section.widget.setVisible(section_visible)
        section.nav_item.setHidden(not section_visible)
    return shown


def visible_item_ids(sections: Sequence[Section], root: QWidget) -> dict[str, list[str]]:
    """The ids of the entries visible in ``root``, by list, in display order.

    Items are listed under their section's key, O*NET skill rows under ``"onet_skills"`` and
    section notes under ``"notes"``.
    """
    result: dict[str, list[str]] = {section.key: [] for section in sections}
    result["onet_skills"] = []
    result["notes"] = []
    for section in sections:
        for group in section.groups:
            for entry in group.entries:
                if entry.widget.isVisibleTo(root):
                    result[_LISTS[entry.kind] or section.key].append(entry.id)
    return result


def entry_widget(sections: Sequence[Section], listed_in: str, entry_id: str) -> QWidget:
    """The widget of one entry, named as :func:`visible_item_ids` lists it."""
    for section in sections:
        for group in section.groups:
            for entry in group.entries:
                list_name = _LISTS[entry.kind] or section.key
                if entry.id == entry_id and list_name == listed_in:
                    return entry.widget
    raise KeyError(f"no item {entry_id!r} in section {listed_in!r}")
