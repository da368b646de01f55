"""The comparison of places on paper (``ptplanner compare ... --pdf``): the profile priced, the
command line's table of places (one row each), what the columns are, and every source in full
with the notice BLS asks for; flowed onto Letter or A4 pages by the report's layout engine and
written through the report's safe file replace.

It paints what it is given: the table's text is the CLI's own (:mod:`ptplanner.cli.compare`), so
the printout and the terminal show the same figures.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPdfWriter

from ptplanner import __version__
from ptplanner.core.report.model import BLS_NOTE
from ptplanner.core.sources import Source, source_catalog
from ptplanner.ui.report.blocks import heading, paragraph, title_block
from ptplanner.ui.report.layout import (
    Block,
    Page,
    PageContext,
    paginate,
)
from ptplanner.ui.report.pdf import (
    PDF_RESOLUTION,
    PageSizeName,
    ensure_gui_application,
    replace_file,
    set_page_layout,
)
from ptplanner.ui.report.render import paint_page, render_pages
from ptplanner.ui.report.styles import (
    NOTE,
    SMALL,
    SMALL_BOLD,
    TextStyle,
)
from ptplanner.ui.report.table import Cell, Column, table_blocks

TINY = TextStyle(6.6, spacing=1.05)
TINY_BOLD = TextStyle(6.6, bold=True, spacing=1.05)
RUNNING_RIGHT = "Places compared"


@dataclass(frozen=True)
class CompareSheet:
    """What the printout says, as text: decided by the command line, painted here."""

    title: str
    subtitle: str
    profile: Sequence[tuple[str, str]]
    """The profile priced in every place, as (label, value) in words."""
    headers: Sequence[str]
    """The first column names the place; the others hold figures and are right-aligned."""
    rows: Sequence[Sequence[str]]
    notes: str
    sources: Sequence[str]
    """Short names of the sources cited (catalogue ``short``), in order."""
    printed_on: date


def _citation(source: Source) -> str:
    text = f"{source.short}: {source.publisher}, {source.title} ({source.reference_date})."
    if source.attribution:
        text += f" {source.attribution}"
    return text


def citations(shorts: Sequence[str]) -> list[str]:
    """Each source in full where the catalogue knows its short name, else the name as given."""
    catalog = {source.short: source for source in source_catalog().sources}
    return [_citation(catalog[s]) if s in catalog else s for s in shorts]


def _stacked_range(cell: str) -> Cell:
    """A range of money ("$45,855-$52,310") on two lines, so the place names have room."""
    low, dash, high = cell.partition("-$")
    return [(low + "-", SMALL), ("$" + high, SMALL)] if dash else cell


def build_blocks(ctx: PageContext, sheet: CompareSheet) -> list[Block]:
    """Every block of the printout, in print order."""
    blocks = [title_block(ctx, sheet.title, sheet.subtitle)]
    if sheet.profile:
        blocks.append(heading(ctx, "The profile priced"))
        facts = [Column("", style=SMALL_BOLD), Column("", wrap=True)]
        rows = [[label, value] for label, value in sheet.profile]
        blocks += table_blocks(ctx, facts, rows, header=False, rules=False, max_lines=None)
    blocks.append(heading(ctx, "Pay and the job market in each place"))
    right = Qt.AlignmentFlag.AlignRight
    columns = [Column(sheet.headers[0], wrap=True)]
    columns += [Column(h, align=right) for h in sheet.headers[1:]]
    blocks += table_blocks(
        ctx,
        columns,
        [[_stacked_range(cell) for cell in row] for row in sheet.rows],
        styles=((SMALL, SMALL_BOLD), (TINY, TINY_BOLD)),
        zebra=True,
        max_lines=None,
        continued="Pay and the job market in each place (continued)",
    )
    blocks.append(paragraph(ctx, sheet.notes, NOTE, space_before=6))
    blocks.append(heading(ctx, "Sources"))
    for line in citations(sheet.sources):
        blocks.append(paragraph(ctx, line, NOTE, space_before=2))
    blocks.append(paragraph(ctx, BLS_NOTE, NOTE, space_before=6))
    return blocks


def render_compare(device: QPagedPaintDevice, sheet: CompareSheet) -> int:
    """Lay the printout out for ``device`` and paint it; returns the page count."""
    ctx = PageContext(device)
    pages = paginate(ctx, build_blocks(ctx, sheet))
    return render_pages(
        device,
        pages,
        lambda painter, page, number, total: _paint_page(ctx, painter, sheet, page, number, total),
    )


def _paint_page(
    ctx: PageContext, painter: QPainter, sheet: CompareSheet, page: Page, number: int, total: int
) -> None:
    paint_page(
        ctx,
        painter,
        page,
        number,
        total,
        printed_on=sheet.printed_on,
        title=sheet.title,
        running_right=RUNNING_RIGHT,
    )


def compare_pdf_bytes(sheet: CompareSheet, page_size: PageSizeName = "Letter") -> bytes:
    """The printout as PDF bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(sheet.title)
    writer.setCreator(f"ptplanner {__version__}")
    set_page_layout(writer, page_size)
    render_compare(writer, sheet)
    del writer  # flushes the PDF trailer into the buffer
    buffer.close()
    return bytes(buffer.data().data())


def write_compare_pdf_headless(
    sheet: CompareSheet, path: str | os.PathLike[str], page_size: PageSizeName = "Letter"
) -> None:
    """Write the printout to ``path`` with no window system. OSError if it can't be written
    (the file is replaced only once the whole document is ready)."""
    ensure_gui_application()
    replace_file(Path(path), compare_pdf_bytes(sheet, page_size))
