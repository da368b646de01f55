"""Tables: column widths fitted to their content, and a table as one block per row whose header
repeats on every page the table continues on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from ptplanner.ui.report.layout import Block, PageContext, Paragraph, draw_rule
from ptplanner.ui.report.styles import (
    FAINT,
    INK,
    SMALL,
    SMALL_BOLD,
    SMALL_MUTED,
    ZEBRA,
    TextStyle,
    bolder,
)

Cell = str | Sequence[tuple[str, TextStyle]]
"""A table cell: plain text, or stacked paragraphs each with its own style."""


@dataclass
class Column:
    header: str
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    wrap: bool = False
    """Wrapping columns share the width the others leave; the others fit their content."""
    weight: float = 1.0
    style: TextStyle | None = None


def cell_parts(cell: Cell, style: TextStyle) -> list[tuple[str, TextStyle]]:
    """A cell as (text, style) paragraphs; plain text takes ``style``."""
    if isinstance(cell, str):
        return [(cell, style)]
    return list(cell)


def column_widths(
    ctx: PageContext,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    width: float,
    style: TextStyle,
    header_style: TextStyle,
    pad: float,
    bold_rows: frozenset[int],
) -> list[float] | None:
    """Content-fitted widths for fixed columns, the rest shared by the wrapping ones.

    None when even the narrowest wrapping layout does not fit (the caller tries a smaller type).
    """
    natural: list[float] = []
    minimum: list[float] = []
    for index, column in enumerate(columns):
        cell_style = column.style or style
        # Split at plain spaces only: a no-break space joins words that must stay together.
        words = [w for w in column.header.split(" ") if w]
        header_min = max((ctx.text_width(w, header_style) for w in words), default=0.0)
        widest = 0.0
        for number, row in enumerate(rows):
            for text, plain in cell_parts(row[index], cell_style):
                part_style = bolder(plain) if number in bold_rows else plain
                if column.wrap:
                    longest = max(
                        (ctx.text_width(w, part_style) for w in text.split(" ")), default=0.0
                    )
                    widest = max(widest, min(longest, ctx.pt(60)))
                else:
                    widest = max(widest, ctx.text_width(text, part_style))
        natural.append(max(widest, header_min) + 2 * pad + ctx.pt(0.5))
        minimum.append(max(header_min, ctx.pt(24) if column.wrap else 0.0) + 2 * pad)
    fixed = sum(w for w, c in zip(natural, columns, strict=True) if not c.wrap)
    wrapping = [i for i, c in enumerate(columns) if c.wrap]
    if not wrapping:
        if fixed > width:
            return None
        # Share the spare width evenly, so columns of figures stay evenly spaced.
        spare = (width - fixed) / len(columns)
        return [w + spare for w in natural]
    left = width - fixed
    total_weight = sum(columns[i].weight for i in wrapping)
    widths = list(natural)
    for i in wrapping:
        widths[i] = left * columns[i].weight / total_weight
        if widths[i] < minimum[i]:
            return None
    return widths


def _fitted_widths(
    ctx: PageContext,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    width: float,
    styles: Sequence[tuple[TextStyle, TextStyle]],
    pad: float,
    bold_rows: frozenset[int],
) -> tuple[list[float], TextStyle, TextStyle]:
    """The widths and the first (body, header) styles that fit, else equal shares in the last."""
    widths: list[float] | None = None
    style, header_style = styles[-1]
    for style, header_style in styles:
        widths = column_widths(ctx, columns, rows, width, style, header_style, pad, bold_rows)
        if widths is not None:
            break
    if widths is None:
        # Last resort: equal shares; every cell wraps, so nothing leaves the page.
        widths = [width / len(columns)] * len(columns)
    return widths, style, header_style


@dataclass(frozen=True)
class _Grid:
    """A table's fitted geometry, turning cells into paragraphs and rows into blocks."""

    ctx: PageContext
    columns: Sequence[Column]
    widths: list[float]
    width: float
    pad: float
    vpad: float
    rules: bool
    max_lines: int | None
    """Lines a cell may take before it is cut with an ellipsis; None: it wraps in full."""

    @property
    def xs(self) -> list[float]:
        return [sum(self.widths[:i]) for i in range(len(self.widths))]

    def cell_paras(self, cell: Cell, index: int, base: TextStyle, bold: bool) -> list[Paragraph]:
        column = self.columns[index]
        out = []
        for text, part_style in cell_parts(cell, column.style or base):
            chosen = bolder(part_style) if bold else part_style
            out.append(
                self.ctx.para(
                    text,
                    chosen,
                    self.widths[index] - 2 * self.pad,
                    column.align,
                    max_lines=self.max_lines,
                )
            )
        return out

    def header_paras(self, header_style: TextStyle) -> list[list[Paragraph]]:
        return [
            [self.ctx.para(c.header, header_style, w - 2 * self.pad, c.align, max_lines=3)]
            for c, w in zip(self.columns, self.widths, strict=True)
        ]

    def row_block(self, paras: list[list[Paragraph]], shade: bool, is_header: bool) -> Block:
        ctx, width, pad, vpad, rules = self.ctx, self.width, self.pad, self.vpad, self.rules
        xs = self.xs
        inner = max((sum(p.height for p in cell) for cell in paras), default=0.0)
        height = inner + 2 * vpad

        def draw(painter: QPainter, x: float, y: float) -> None:
            if shade:
                painter.fillRect(QRectF(x, y, width, height), ZEBRA)
            for cell, cx in zip(paras, xs, strict=True):
                cy = y + vpad
                if is_header:  # headers sit on the rule beneath them
                    cy = y + height - vpad - sum(p.height for p in cell)
                for para in cell:
                    para.draw(painter, x + cx + pad, cy)
                    cy += para.height
            if is_header:
                draw_rule(painter, ctx, x, y + height, width, INK, 0.7)
            elif rules:
                draw_rule(painter, ctx, x, y + height, width, FAINT, 0.4)

        return Block(height, draw)


def _with_caption(ctx: PageContext, head: Block, continued: str, width: float) -> Block:
    """The header a continued table starts a new page with: a caption over the header row."""
    caption = ctx.para(continued, SMALL_MUTED, width)

    def draw_repeat(painter: QPainter, x: float, y: float) -> None:
        caption.draw(painter, x, y)
        head.draw(painter, x, y + caption.height + ctx.pt(2))

    return Block(caption.height + ctx.pt(2) + head.height, draw_repeat)


def table_blocks(
    ctx: PageContext,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    *,
    width: float | None = None,
    styles: Sequence[tuple[TextStyle, TextStyle]] = ((SMALL, SMALL_BOLD),),
    header: bool = True,
    zebra: bool = False,
    rules: bool = True,
    bold_rows: frozenset[int] = frozenset(),
    max_lines: int | None = 4,
    continued: str | None = None,
) -> list[Block]:
    """A table as one block per row, with the header repeated when it continues on a new page.

    ``styles`` are (body, header) pairs tried in order until the columns fit the width.
    ``max_lines`` cuts a long cell with an ellipsis; None wraps every cell in full (a row then
    grows as tall as its longest cell).
    """
    width = ctx.width if width is None else width
    pad = ctx.pt(3.2)
    vpad = ctx.pt(2.2)
    widths, style, header_style = _fitted_widths(ctx, columns, rows, width, styles, pad, bold_rows)
    grid = _Grid(ctx, columns, widths, width, pad, vpad, rules, max_lines)

    head: Block | None = None
    if header:
        head = grid.row_block(grid.header_paras(header_style), False, True)
        head.keep_with_next = True
    repeat = head
    if head is not None and continued:
        repeat = _with_caption(ctx, head, continued, width)
    blocks: list[Block] = [head] if head is not None else []
    for number, row in enumerate(rows):
        bold = number in bold_rows
        paras = [grid.cell_paras(cell, i, style, bold) for i, cell in enumerate(row)]
        block = grid.row_block(paras, zebra and number % 2 == 1, False)
        block.repeat = repeat
        blocks.append(block)
    body = blocks[1:] if head is not None else blocks
    if len(body) >= 4:
        # No lone row under a header at a page foot, and none alone on the table's last page.
        body[0].keep_with_next = True
        body[-2].keep_with_next = True
    return blocks
