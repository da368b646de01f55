"""The pages under the graph: why this estimate, year by year, and total compensation.

Only the page on show is brought up to date on each change; the others catch up when picked,
so a change costs one table's update, not three.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.format import money
from ptplanner.core.projection import Projection
from ptplanner.ui.tabs.salary.breakdown_table import BreakdownTable, breakdown_cells
from ptplanner.ui.tabs.salary.tables import Cell, fill_table, setup_table
from ptplanner.ui.tabs.salary.year_table import ProjectionTableModel


def compensation_cells(projection: Projection) -> list[tuple[Cell, Cell]]:
    """The "Total compensation" rows: each part of today's pay with its assumption, then the sum."""
    comp = projection.today.compensation
    a = projection.request.inputs.assumptions
    parts = (
        ("Base pay (typical)", comp.base),
        (f"Bonus and extra pay ({a.bonus_pct:g}% of base)", comp.bonus),
        (
            f"401(k) match ({a.match_rate_pct:g}% of yours, up to {a.match_cap_pct:g}%)",
            comp.retirement_match,
        ),
        (f"Health cover ({a.health_value_pct:g}% of base)", comp.health),
        (f"Paid time off ({a.pto_value_pct:g}% of base)", comp.paid_time_off),
        ("Continuing-education stipend", comp.ce_stipend),
        ("Profit sharing", comp.profit_sharing),
        ("Total compensation", comp.total),
    )
    return [((label, ""), (money(amount), "")) for label, amount in parts]


class DetailPages(QTabWidget):
    """The three detail tables of a projection, as sub-tabs; the year table copies as text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.breakdown_table = BreakdownTable()
        self.breakdown_table.setAccessibleName("Why this estimate")
        self.addTab(self.breakdown_table, "&Why this estimate")

        self.year_model = ProjectionTableModel(self)
        self.year_view = QTableView()
        self.year_view.setModel(self.year_model)
        self.year_view.setAccessibleName("Year-by-year projection")
        setup_table(self.year_view)
        self.year_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.year_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.year_page = year_page = QWidget()
        year_layout = QVBoxLayout(year_page)
        year_layout.setContentsMargins(0, 4, 0, 0)
        year_layout.addWidget(self.year_view)
        copy_row = QHBoxLayout()
        self.copy_button = QPushButton("Copy &table")
        self.copy_button.setAccessibleName("Copy the projection table")
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        year_layout.addLayout(copy_row)
        self.addTab(year_page, "&Year by year")

        self.comp_table = QTableWidget(0, 2)
        self.comp_table.setHorizontalHeaderLabels(["Part", "Per year"])
        self.comp_table.setAccessibleName("Total compensation parts")
        setup_table(self.comp_table)
        self.addTab(self.comp_table, "Total &compensation")

        copy = QShortcut(QKeySequence.StandardKey.Copy, self.year_view)
        copy.activated.connect(self.copy_selection)
        self.copy_button.clicked.connect(self.copy_all)
        self._projection: Projection | None = None
        self._fresh_pages: set[QWidget] = set()
        self.currentChanged.connect(lambda _i: self.show_page())

    def show_projection(self, projection: Projection) -> None:
        """Show ``projection`` on the page on show; the other pages when they are picked."""
        self._projection = projection
        self._fresh_pages.clear()
        self.show_page()

    def show_page(self, page: QWidget | None = None) -> None:
        """Bring a page (by default the one on show) up to date with the projection."""
        if page is None:
            page = self.currentWidget()
        projection = self._projection
        if projection is None or page in self._fresh_pages:
            return
        if page is self.breakdown_table:
            fill_table(self.breakdown_table, breakdown_cells(projection.today), right={1})
        elif page is self.year_page:
            self.year_model.set_rows(projection.rows)
        elif page is self.comp_table:
            fill_table(self.comp_table, compensation_cells(projection), right={1})
        self._fresh_pages.add(page)

    def copy_selection(self) -> None:
        """Copy the year table's selected cells (all of it if none) as tab-separated text."""
        self.show_page(self.year_page)
        indexes = self.year_view.selectionModel().selectedIndexes()
        if not indexes:
            self.copy_all()
            return
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        QGuiApplication.clipboard().setText(self.year_model.as_tsv(rows, columns))

    def copy_all(self) -> None:
        self.show_page(self.year_page)
        QGuiApplication.clipboard().setText(self.year_model.as_tsv())
