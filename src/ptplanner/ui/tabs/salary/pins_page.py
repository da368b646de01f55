"""The "Pinned" page under the graph: each pinned scenario's base pay and total compensation,
this year and in the projection's last year, with its name to edit and a button to remove it.

The page displays; renames and removals go to the scenario model through its two signals.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.format import money
from ptplanner.core.projection import Dollars
from ptplanner.core.report.model import dollars_label
from ptplanner.ui.tabs.salary.pins import MAX_PINS, PinnedScenario

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
EMPTY_TEXT = (
    f'Nothing pinned yet. "Pin for comparison" keeps the scenario on show (up to {MAX_PINS}) '
    "on the graph and here; double-click a name to rename it."
)


def pin_cells(pin: PinnedScenario, dollars: Dollars) -> list[str]:
    """Name, this year's typical base and total compensation, the last year's two."""
    first, last = pin.projection.rows[0], pin.projection.rows[-1]
    _l, base, _h, total = first.money(dollars)
    _l, last_base, _h, last_total = last.money(dollars)
    return [pin.name, money(base), money(total), money(last_base), money(last_total)]


class PinsPage(QWidget):
    """The pinned scenarios as a table; the name column is editable."""

    rename_requested = Signal(int, str)
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName("Pinned scenarios")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab moves on; arrows move between cells
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "footnote")
        layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.remove_button = QPushButton("Remo&ve pinned scenario")
        self.remove_button.setAccessibleName("Remove the selected pinned scenario")
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.remove_button.clicked.connect(self._remove_selected)
        self.table.itemChanged.connect(self._renamed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def show_pins(self, pins: Sequence[PinnedScenario], dollars: Dollars) -> None:
        first_year = pins[0].projection.rows[0].year if pins else 0
        last_year = pins[0].projection.rows[-1].year if pins else 0
        unit = dollars_label(dollars, first_year)
        self.table.setHorizontalHeaderLabels(
            [
                "Name (double-click to rename)",
                f"Typical base {first_year}\n({unit})",
                f"Total comp. {first_year}\n({unit})",
                f"Typical base {last_year}\n({unit})",
                f"Total comp. {last_year}\n({unit})",
            ]
        )
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(pins))
            # A screen reader names each cell by its row: the pin's name, not "1".
            self.table.setVerticalHeaderLabels([pin.name for pin in pins])
            for r, pin in enumerate(pins):
                for c, text in enumerate(pin_cells(pin, dollars)):
                    item = QTableWidgetItem(text)
                    if c:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                        item.setTextAlignment(RIGHT)
                    self.table.setItem(r, c, item)
        self.empty_label.setVisible(not pins)
        self._selection_changed()

    def _renamed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self.rename_requested.emit(item.row(), item.text())

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.remove_requested.emit(rows[0].row())
