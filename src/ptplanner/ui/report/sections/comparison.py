"""The "Side by side" section: the current and the pinned scenario's headline figures."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ptplanner.core.report.model import Pinned
from ptplanner.ui.report.blocks import heading
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import BODY, BODY_BOLD, SMALL, SMALL_BOLD
from ptplanner.ui.report.table import Cell, Column, table_blocks


def comparison_section(ctx: PageContext, pinned: Pinned) -> list[Block]:
    rows: list[list[Cell]] = [
        [line.label, line.current, line.pinned, line.difference] for line in pinned.comparison
    ]
    right = Qt.AlignmentFlag.AlignRight
    columns = [
        Column("", wrap=True, weight=1.3),
        Column("Current", right, wrap=True, weight=0.55),
        Column(pinned.name, right, wrap=True, weight=0.55),
        Column("Difference", right, wrap=True, weight=0.55),
    ]
    return [
        heading(ctx, "Side by side"),
        *table_blocks(ctx, columns, rows, styles=((BODY, BODY_BOLD), (SMALL, SMALL_BOLD))),
    ]
