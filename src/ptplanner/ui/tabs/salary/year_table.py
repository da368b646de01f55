"""The "Year by year" table's model: the projection's rows, read-only, copyable as text.

Money shows in the dollars the person picked (this year's by default, or nominal), and the
column titles say which (and, on hover, what the term means); hovering a money cell gives it
as hourly pay; the Role column shows the job of each year, so a promotion's jump in
pay sits beside its reason.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from ptplanner.core.format import money
from ptplanner.core.glossary import tooltip
from ptplanner.core.projection import Dollars, YearRow
from ptplanner.core.report.model import dollars_label
from ptplanner.core.report.years import role_cell
from ptplanner.ui.tabs.salary.figures import per_hour

Index = QModelIndex | QPersistentModelIndex


def years_text(years: float) -> str:
    """ "1 yr", "3 yrs", "2.5 yrs"."""
    return f"{years:g} yr" + ("" if years == 1 else "s")


def experience_cell(row: YearRow) -> str:
    """Years of work, and years in the role when fewer: "12 yrs (2 in role)"."""
    if row.years_in_role != row.experience:
        return f"{years_text(row.experience)} ({row.years_in_role:g} in role)"
    return years_text(row.experience)


class ProjectionTableModel(QAbstractTableModel):
    """The year-by-year projection as a read-only table (copyable as tab-separated text)."""

    TITLES = ("Year", "Role", "Experience", "Typical base", "Likely range", "Total comp", "Events")
    MONEY = frozenset({3, 4, 5})
    RIGHT = frozenset({0, 3, 4, 5})
    EVENTS = 6
    # The glossary terms the money columns' titles explain on hover.
    TERMS: ClassVar[dict[int, str]] = {3: "typical_pay", 4: "likely_range", 5: "total_compensation"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[YearRow, ...] = ()
        self.dollars: Dollars = "today"
        self.headers: tuple[str, ...] = self._headers()

    def _headers(self) -> tuple[str, ...]:
        first = self.rows[0].year if self.rows else 0
        unit = dollars_label(self.dollars, first)
        return tuple(
            f"{title}\n({unit})" if c in self.MONEY else title
            for c, title in enumerate(self.TITLES)
        )

    def set_rows(self, rows: tuple[YearRow, ...], dollars: Dollars = "today") -> None:
        if rows == self.rows and dollars == self.dollars:
            return
        if len(rows) != len(self.rows):
            self.beginResetModel()
            self.rows, self.dollars = rows, dollars
            self.headers = self._headers()
            self.endResetModel()
            return
        # Same shape: one change signal keeps the selection and lays the view out once.
        self.rows, self.dollars = rows, dollars
        headers = self._headers()
        if headers != self.headers:
            self.headers = headers
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)
        self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.TITLES) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.TITLES)

    def cell(self, row: YearRow, column: int) -> str:
        if column in self.MONEY:
            low, typical, high, total = row.money(self.dollars)
            if column == 4:
                return f"{money(low)} – {money(high)}"
            return money(typical if column == 3 else total)
        if column == 0:
            return str(row.year)
        if column == 1:
            return role_cell(row)
        if column == 2:
            return experience_cell(row)
        return "; ".join(row.events)

    def hourly(self, row: YearRow, column: int) -> str:
        """A money cell as hourly pay (a year of 2,080 hours): "$22.08 an hour"."""
        low, typical, high, total = row.money(self.dollars)
        if column == 4:
            return f"{per_hour(low)} – {per_hour(high)} an hour"
        return f"{per_hour(typical if column == 3 else total)} an hour"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1 and not row.working:
                return f"Before your first job: what a {row.role_title.lower()} earns then"
            if column in self.MONEY:
                return self.hourly(row, column)
            if column in {1, self.EVENTS}:
                # Longer than their column at times: hovering shows them whole.
                return self.cell(row, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            term = self.TERMS.get(section)
            return None if term is None else tooltip(term)
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.rows):
            # The (hidden) row header a screen reader names each cell by: its year, not "3".
            return str(self.rows[section].year)
        return None

    def as_tsv(self, rows: list[int] | None = None, columns: list[int] | None = None) -> str:
        rows = list(range(len(self.rows))) if rows is None else rows
        columns = list(range(len(self.TITLES))) if columns is None else columns
        lines = ["\t".join(self.headers[c].replace("\n", " ") for c in columns)]
        for r in rows:
            lines.append("\t".join(self.cell(self.rows[r], c) for c in columns))
        return "\n".join(lines) + "\n"
