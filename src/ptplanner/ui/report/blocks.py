"""The report's generic blocks: section headings, sub-headings, paragraphs, two columns."""

from __future__ import annotations

from PySide6.QtGui import QPainter

from ptplanner.ui.report.layout import Block, PageContext, draw_rule
from ptplanner.ui.report.styles import BODY, H1, H2, H3, RULE, SUBTITLE, TextStyle


def title_block(ctx: PageContext, title: str, subtitle: str) -> Block:
    """A printed document's title and the line under it, at the top of page 1."""
    head = ctx.para(title, H1, ctx.width)
    under = ctx.para(subtitle, SUBTITLE, ctx.width)

    def draw(painter: QPainter, x: float, y: float) -> None:
        head.draw(painter, x, y)
        under.draw(painter, x, y + head.height + ctx.pt(2))

    return Block(head.height + ctx.pt(2) + under.height, draw)


def heading(ctx: PageContext, text: str, *, page_break: bool = False) -> Block:
    """A section's title over a rule, kept with what follows it."""
    para = ctx.para(text, H2, ctx.width)
    gap = ctx.pt(3)

    def draw(painter: QPainter, x: float, y: float) -> None:
        para.draw(painter, x, y)
        draw_rule(painter, ctx, x, y + para.height + gap, ctx.width, RULE, 0.6)

    return Block(
        para.height + gap + ctx.pt(6),
        draw,
        space_before=ctx.pt(16),
        keep_with_next=True,
        page_break_before=page_break,
    )


def subheading(ctx: PageContext, text: str) -> Block:
    para = ctx.para(text, H3, ctx.width)
    return Block(
        para.height + ctx.pt(3),
        lambda painter, x, y: para.draw(painter, x, y),
        space_before=ctx.pt(9),
        keep_with_next=True,
    )


def paragraph(
    ctx: PageContext,
    text: str,
    style: TextStyle = BODY,
    *,
    space_before: float = 4.0,
    width: float | None = None,
) -> Block:
    """Text across the page's width (or ``width``); ``space_before`` is in points."""
    para = ctx.para(text, style, ctx.width if width is None else width)
    return Block(
        para.height,
        lambda painter, x, y: para.draw(painter, x, y),
        space_before=ctx.pt(space_before),
    )


def side_by_side(ctx: PageContext, left: list[Block], right: list[Block], gap: float) -> Block:
    """Two short columns of blocks drawn next to each other (kept on one page)."""

    def stack_height(blocks: list[Block]) -> float:
        return sum(b.height + (b.space_before if i else 0.0) for i, b in enumerate(blocks))

    height = max(stack_height(left), stack_height(right))
    column_width = (ctx.width - gap) / 2

    def draw(painter: QPainter, x: float, y: float) -> None:
        for blocks, cx in ((left, x), (right, x + column_width + gap)):
            cy = y
            for i, block in enumerate(blocks):
                cy += block.space_before if i else 0.0
                block.draw(painter, cx, cy)
                cy += block.height

    return Block(height, draw, space_before=ctx.pt(4))
