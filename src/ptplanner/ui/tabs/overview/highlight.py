"""Marks the words a search matched in the Overview's shown text, as a browser's find does.

Each label that shows a typed word gets it wrapped in a coloured span: pale yellow with dark
text in a light scheme, dark amber with white text in a dark one. A plain-text label is turned
into escaped rich text for as long as it is marked; clearing the search (or a new one) puts
every label back exactly as it was. Source footnotes are left alone: search does not look at
them, so a mark there would mislead.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from ptplanner.ui.widgets import Footnote

LIGHT_MARK = ("#ffe066", "#1a1a1a")
DARK_MARK = ("#7a5a00", "#ffffff")
"""(background, text) of a mark; each pair is far apart in lightness, so the word stays legible."""

_TAG = re.compile(r"(<[^>]*>)")


def mark_colours(palette: QPalette) -> tuple[str, str]:
    """The mark's colours for a scheme: judged by the lightness of the window colour."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return DARK_MARK if dark else LIGHT_MARK


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    # Longest first, so "author" inside "authoriz" does not split one mark into two.
    escaped = sorted({html.escape(word) for word in words if word}, key=len, reverse=True)
    if not escaped:
        return None
    return re.compile("|".join(re.escape(word) for word in escaped), re.IGNORECASE)


def mark_html(rich: str, words: Sequence[str], colours: tuple[str, str]) -> str:
    """``rich`` with every occurrence of ``words`` (case-insensitive) outside tags marked."""
    pattern = _pattern(words)
    if pattern is None:
        return rich
    background, colour = colours
    start = f'<span style="background-color:{background}; color:{colour}">'
    parts = _TAG.split(rich)
    for index in range(0, len(parts), 2):  # even parts are text, odd parts are tags
        parts[index] = pattern.sub(lambda m: f"{start}{m.group(0)}</span>", parts[index])
    return "".join(parts)


def _as_rich(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText:
        return html.escape(label.text()).replace("\n", "<br>")
    return label.text()


class Highlighter:
    """Marks matched words in labels and remembers how to take the marks off again."""

    def __init__(self) -> None:
        self._marked: list[tuple[QLabel, str, Qt.TextFormat]] = []

    def clear(self) -> None:
        for label, text, text_format in self._marked:
            label.setTextFormat(text_format)
            label.setText(text)
        self._marked = []

    def mark(self, roots: Iterable[QWidget], query: str, palette: QPalette) -> None:
        """Mark the words of ``query`` in the shown labels under each of ``roots``."""
        self.clear()
        words = query.casefold().split()
        if not words:
            return
        colours = mark_colours(palette)
        for root in roots:
            for label in root.findChildren(QLabel):
                if isinstance(label, Footnote) or not label.isVisibleTo(root):
                    continue
                original, text_format = label.text(), label.textFormat()
                rich = _as_rich(label)
                marked = mark_html(rich, words, colours)
                if marked == rich:
                    continue
                self._marked.append((label, original, text_format))
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setText(marked)
