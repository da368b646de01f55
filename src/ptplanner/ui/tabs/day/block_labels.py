"""Where each block of the day timeline gets its label, and what the label says.

A block wide enough for its first word shows its start time and up to three lines of its title
inside it. A narrower block (a quarter of an hour at 1024 px) gets a one-line callout above the
track instead, "08:00 Open up" after a square of the block's colour, in lanes so that two
callouts never overlap. Every label fits its rectangle: what does not fit is elided, and the
block's tooltip gives the full text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ptplanner.core.day import DayBlock

TITLE_LINES = 3
"""Most lines of title inside a block; the block's height is made for them."""
CALLOUT_GAP = 10.0
"""Least space between two callouts in the same lane (px)."""
INSET_LEFT, INSET_TOP, INSET_RIGHT, INSET_BOTTOM = 5.0, 4.0, 4.0, 4.0
"""Padding between a block's edge and its label (px)."""


@dataclass(frozen=True)
class BlockLabel:
    """The text drawn for one block: ``lines`` in ``font``, each inside ``rect``."""

    lines: tuple[str, ...]
    rect: QRectF
    font: QFont
    callout: bool
    """True when drawn above the track (the block is too narrow for its own words)."""


def _pieces(text: str) -> list[str]:
    """Words, with hyphenated words split after the hyphen ("Co-pays" -> "Co-", "pays")."""
    return [piece for word in text.split() for piece in re.findall(r"[^-]+-?|-", word)]


def _join(pieces: Sequence[str]) -> str:
    text = ""
    for piece in pieces:
        text += piece if not text or text.endswith("-") else f" {piece}"
    return text


def wrap_words(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """``text`` broken at spaces and hyphens into at most ``max_lines`` lines, each fitting
    ``width``; the last is elided if the text goes on."""
    lines: list[list[str]] = []
    for piece in _pieces(text):
        if lines and metrics.horizontalAdvance(_join([*lines[-1], piece])) <= width:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    kept = [_join(line) for line in lines[: max_lines - 1]]
    rest = [piece for line in lines[max_lines - 1 :] for piece in line]
    if rest:
        kept.append(_join(rest))
    return [_elide(line, metrics, width) for line in kept]


def _elide(text: str, metrics: QFontMetricsF, width: float) -> str:
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def fits_inside(block: DayBlock, rect: QRectF, font: QFont) -> bool:
    """Whether the block's time and the first piece of its title fit inside ``rect``."""
    metrics = QFontMetricsF(font)
    width = rect.width() - INSET_LEFT - INSET_RIGHT
    first = _pieces(block.title)[0] if block.title.split() else ""
    return max(metrics.horizontalAdvance(block.start), metrics.horizontalAdvance(first)) <= width


def inside_label(block: DayBlock, rect: QRectF, font: QFont) -> BlockLabel:
    """The time and wrapped title of a block, inside it."""
    inner = rect.adjusted(INSET_LEFT, INSET_TOP, -INSET_RIGHT, -INSET_BOTTOM)
    metrics = QFontMetricsF(font)
    room = max(1, min(TITLE_LINES, int(inner.height() // metrics.height()) - 1))
    title = wrap_words(block.title, metrics, inner.width(), room)
    lines = (block.start, *title)
    return BlockLabel(lines, QRectF(inner.topLeft(), inner.size()), font, callout=False)


def swatch_width(font: QFont) -> float:
    """Room for the small square of the block's colour that starts a callout, with its gap."""
    return round(QFontMetricsF(font).height() * 0.6) + 4.0


def callout_lanes(
    blocks: Sequence[DayBlock], rects: Sequence[QRectF], font: QFont, width: float
) -> dict[int, tuple[int, str, float, float]]:
    """Block index -> (lane, text, left, text width) for each block too narrow for its words.

    Lane 0 is nearest the track. A callout starts at its block's left edge, moved left as far as
    needed to stay inside ``width``.
    """
    metrics = QFontMetricsF(font)
    lanes: list[float] = []  # right edge of the last callout in each lane
    placed: dict[int, tuple[int, str, float, float]] = {}
    for index, (block, rect) in enumerate(zip(blocks, rects, strict=True)):
        if fits_inside(block, rect, font):
            continue
        swatch = swatch_width(font)
        text = _elide(f"{block.start} {block.title}", metrics, width - swatch - 1)
        text_width = swatch + metrics.horizontalAdvance(text)
        left = max(0.0, min(rect.left(), width - text_width - 1))
        lane = next((i for i, right in enumerate(lanes) if left >= right + CALLOUT_GAP), None)
        if lane is None:
            lanes.append(0.0)
            lane = len(lanes) - 1
        lanes[lane] = left + text_width
        placed[index] = (lane, text, left, text_width)
    return placed


def callout_label(text: str, left: float, top: float, text_width: float, font: QFont) -> BlockLabel:
    height = QFontMetricsF(font).height()
    return BlockLabel((text,), QRectF(left, top, text_width + 1, height), font, callout=True)
