"""The "Why this estimate" table: each factor of today's estimate, its effect and its source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableWidget, QWidget

from ptplanner.core.format import money
from ptplanner.core.salary.estimate import Estimate
from ptplanner.core.sources import source_catalog
from ptplanner.ui.tabs.salary.tables import Cell, FittedHeader, setup_table


def _bare(text: str) -> str:
    """A date without spaces, its dashes all alike: for comparing how two sources write it."""
    return text.replace("–", "-").replace(" ", "")


def breakdown_cells(today: Estimate) -> tuple[tuple[Cell, ...], ...]:
    """The "Why this estimate" rows: each factor, its effect and source, then the total."""
    catalog = source_catalog()
    rows: list[tuple[Cell, ...]] = []
    for row, item in enumerate(today.breakdown):
        source = catalog.get(item.source)
        if row == 0:
            amount = money(item.amount)
        else:
            sign = "−" if item.amount < 0 else "+"
            amount = f"{sign}{money(abs(item.amount))}"
        # A date the source's name already gives ("May 2020-2025") is not said twice.
        said = _bare(item.date) in _bare(source.short) or _bare(item.date) == _bare(
            source.reference_date
        )
        where = source.short if said else f"{source.short}, {item.date}"
        rows.append(
            (
                (item.label, item.detail),
                (amount, ""),
                (where, f"{source.title}. {source.licence}"),
                (item.guide_says or "", ""),
            )
        )
    total = f"= Typical base pay, {today.year}"
    rows.append(((total, ""), (money(today.typical), ""), ("", ""), ("", "")))
    return tuple(rows)


class BreakdownTable(QTableWidget):
    """The "Why this estimate" table: factor, effect, source and what the career guide says.

    The effect column is as wide as its amounts; the factor, source and guide columns share the
    rest so that each wraps into a line or two (the guide's comments get the most), instead of
    a fixed factor column that left the guide a sliver at 1024 pixels. A column the person has
    dragged keeps its width.
    """

    # Column, share of the width after the effect column; the guide's column gets the rest.
    SHARES: tuple[tuple[int, float], ...] = ((0, 0.34), (2, 0.28))
    TITLES = ("Factor", "Effect", "Source", "The career guide says")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.TITLES), parent)
        self.setHorizontalHeader(FittedHeader(self))
        self.setHorizontalHeaderLabels(list(self.TITLES))
        self.columns_dragged = False
        self._fitted_width = -1
        self._fitting = False
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        setup_table(self)
        # The columns wrap and the rows grow to fit, instead of a sideways scroll bar.
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        if not self._fitting and section in dict(self.SHARES):
            self.columns_dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        if not self.columns_dragged and width != self._fitted_width:
            self._fitted_width = width
            self.fit_columns(width)

    def fit_columns(self, width: int) -> None:
        header = self.horizontalHeader()
        assert isinstance(header, FittedHeader)
        rest = width - header.sectionSize(1)
        self._fitting = True
        try:
            for section, share in self.SHARES:
                header.resizeSection(section, max(header.title_width(section), round(rest * share)))
        finally:
            self._fitting = False
