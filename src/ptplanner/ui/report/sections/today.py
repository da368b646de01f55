"""Today's estimate: typical pay, likely range, total compensation and cost of living as cards,
each with its hourly equal (annual / 2,080) under the annual figure."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from ptplanner.core.report.model import HeadlineKey, Today
from ptplanner.ui.report.blocks import heading
from ptplanner.ui.report.layout import Block, PageContext, Paragraph
from ptplanner.ui.report.styles import ACCENT, CARD_LABEL, FAINT, INK, NOTE, TextStyle

Card = tuple[str, str, str, float, str]
"""(label, value, caption, relative width, hourly value or "")."""

HOURLY = TextStyle(9.0, bold=True, color=INK.name())
"""The hourly figure under a card's annual one: smaller, so the annual figure leads."""

WIDTHS: dict[HeadlineKey, float] = {"range": 1.3}
"""A card's width relative to the others (1.0 unless listed): a range needs two figures' room."""


def today_section(ctx: PageContext, today: Today) -> list[Block]:
    cards: list[Card] = [
        (h.label, h.value, h.caption, WIDTHS.get(h.key, 1.0), h.hourly) for h in today.headlines
    ]
    return [
        heading(ctx, f"This year's estimate ({today.year})"),
        key_figure_cards(ctx, cards),
    ]


def _value_para(ctx: PageContext, value: str, inner: float) -> Paragraph:
    """A card's figure in the largest size that fits on one line, else wrapped small."""
    for size in (15.0, 14.0, 13.0, 12.0, 11.0, 10.0):
        style = TextStyle(size, bold=True, color=INK.name())
        if ctx.text_width(value, style) <= inner:
            return ctx.para(value, style, inner, max_lines=1)
    return ctx.para(value, TextStyle(10.0, bold=True), inner, max_lines=2)


def key_figure_cards(ctx: PageContext, cards: Sequence[Card]) -> Block:
    """A row of boxed key figures, the first outlined in the accent colour."""
    gap = ctx.pt(8)
    pad = ctx.pt(7)
    share = (ctx.width - gap * (len(cards) - 1)) / sum(card[3] for card in cards)
    card_widths = [card[3] * share for card in cards]
    lefts = [sum(card_widths[:i]) + gap * i for i in range(len(cards))]
    laid: list[tuple[Paragraph, Paragraph, Paragraph, Paragraph]] = []
    for (label, value, caption, _, hourly), card_width in zip(cards, card_widths, strict=True):
        inner = card_width - 2 * pad
        laid.append(
            (
                ctx.para(label.upper(), CARD_LABEL, inner, max_lines=2),
                _value_para(ctx, value, inner),
                ctx.para(hourly, HOURLY, inner, max_lines=2),
                ctx.para(caption, NOTE, inner),
            )
        )
    label_h = max(parts[0].height for parts in laid)
    value_h = max(parts[1].height for parts in laid)
    hourly_h = max(parts[2].height for parts in laid)
    caption_h = max(parts[3].height for parts in laid)
    height = pad + label_h + ctx.pt(3) + value_h + hourly_h + ctx.pt(3) + caption_h + pad

    def draw(painter: QPainter, x: float, y: float) -> None:
        for i, (label, value, hourly, caption) in enumerate(laid):
            cx = x + lefts[i]
            box = QRectF(cx, y, card_widths[i], height)
            pen = QPen(FAINT if i else ACCENT)
            pen.setWidthF(ctx.pt(0.6 if i else 0.9))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
            label.draw(painter, cx + pad, y + pad)
            value.draw(painter, cx + pad, y + pad + label_h + ctx.pt(3))
            hourly.draw(painter, cx + pad, y + pad + label_h + ctx.pt(3) + value_h)
            caption.draw(painter, cx + pad, y + pad + label_h + value_h + hourly_h + ctx.pt(6))

    return Block(height, draw, space_before=ctx.pt(2))
