"""The "Year by year" table's model: the projection's rows, read-only, copyable as text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from ptplanner.core.format import money
from ptplanner.core.projection import YearRow

Index = QModelIndex | QPersistentModelIndex


class ProjectionTableModel(QAbstractTableModel):
    """The year-by-year projection as a read-only table (copyable as tab-separated text)."""

    HEADERS = (
        "Year",
        "Experience",
        "Stage",
        "Base low",
        "Base typical",
        "Base high",
        "Total comp",
        "Typical, inflation-adj.",
        "Events",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[YearRow, ...] = ()

    def set_rows(self, rows: tuple[YearRow, ...]) -> None:
        if rows == self.rows:
            return
        if len(rows) != len(self.rows):
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        # Same shape: one change signal keeps the selection and lays the view out once.
        self.rows = rows
        self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def cell(self, row: YearRow, column: int) -> str:
        return (
            str(row.year),
            f"{row.experience:g} yrs",
            row.stage,
            money(row.low),
            money(row.typical),
            money(row.high),
            money(row.total_compensation),
            money(row.typical_real),
            "; ".join(row.events),
        )[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(self.rows[index.row()], index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(self.HEADERS) - 1:
            # The events may be longer than their column: hovering shows them whole.
            return self.cell(self.rows[index.row()], index.column()) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in {0, 1, 3, 4, 5, 6, 7}:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def as_tsv(self, rows: list[int] | None = None, columns: list[int] | None = None) -> str:
        rows = list(range(len(self.rows))) if rows is None else rows
        columns = list(range(len(self.HEADERS))) if columns is None else columns
        lines = ["\t".join(self.HEADERS[c] for c in columns)]
        for r in rows:
            lines.append("\t".join(self.cell(self.rows[r], c) for c in columns))
        return "\n".join(lines) + "\n"
