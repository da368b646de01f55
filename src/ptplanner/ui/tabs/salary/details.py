"""The pages under the graph: why this estimate, year by year, total compensation, and the
pinned scenarios.

The year table shows money in the dollars the person picked; the other two pages are about
this year, where the two kinds of dollars are the same.

Only the page on show is brought up to date on each change; the others catch up when picked,
so a change costs one table's update, not three.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.projection import Dollars, Projection
from ptplanner.ui.tabs.salary.breakdown_table import BreakdownTable, breakdown_cells
from ptplanner.ui.tabs.salary.compensation_page import CompensationPage
from ptplanner.ui.tabs.salary.pins import PinnedScenario
from ptplanner.ui.tabs.salary.pins_page import PinsPage
from ptplanner.ui.tabs.salary.tables import add_copy_action, fill_table, setup_table, table_tsv
from ptplanner.ui.tabs.salary.year_table import ProjectionTableModel

ROLE_COLUMN = 1
ROLE_WIDTH = 180  # pixels: the longest role title in two lines


class DetailPages(QTabWidget):
    """The three detail tables of a projection, as sub-tabs; the year table copies as text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        # Its tab bar takes focus; the name says which tabs a screen reader has reached.
        self.setAccessibleName("Projection details")
        self.breakdown_table = BreakdownTable()
        self.breakdown_table.setAccessibleName("Why this estimate")
        self.addTab(self.breakdown_table, "&Why this estimate")

        self.year_model = ProjectionTableModel(self)
        self.year_view = QTableView()
        self.year_view.setModel(self.year_model)
        self.year_view.setAccessibleName("Year-by-year projection")
        setup_table(self.year_view)
        # A long role ("Practice administrator / health services manager") wraps in a column
        # of its own width rather than widening the table past its page.
        header = self.year_view.horizontalHeader()
        # Qt elides a two-line title as one long line; these columns fit their titles anyway.
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.setSectionResizeMode(ROLE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ROLE_COLUMN, ROLE_WIDTH)
        rows = self.year_view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.year_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.year_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.year_page = year_page = QWidget()
        year_layout = QVBoxLayout(year_page)
        year_layout.setContentsMargins(0, 4, 0, 0)
        year_layout.addWidget(self.year_view)
        copy_row = QHBoxLayout()
        self.copy_button = QPushButton("Copy &table")
        self.copy_button.setAccessibleDescription(
            "Copies the year-by-year projection as tab-separated text"
        )
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        year_layout.addLayout(copy_row)
        self.addTab(year_page, "&Year by year")

        self.comp_page = CompensationPage()
        self.comp_table = self.comp_page.table
        self.addTab(self.comp_page, "Total &compensation")
        self.pins_page = PinsPage()
        self.addTab(self.pins_page, "P&inned")

        copy = QShortcut(QKeySequence.StandardKey.Copy, self.year_view)
        copy.activated.connect(self.copy_selection)
        # Each table's context menu (the menu key too) and Ctrl+Shift+C copy it whole.
        add_copy_action(self.breakdown_table, lambda: table_tsv(self.breakdown_table))
        add_copy_action(self.year_view, self.year_text)
        add_copy_action(self.comp_table, lambda: table_tsv(self.comp_table))
        self.copy_button.clicked.connect(self.copy_all)
        self._projection: Projection | None = None
        self._dollars: Dollars = "today"
        self._fresh_pages: set[QWidget] = set()
        self.currentChanged.connect(lambda _i: self.show_page())

    def show_projection(self, projection: Projection, dollars: Dollars = "today") -> None:
        """Show ``projection`` on the page on show; the other pages when they are picked."""
        self._projection, self._dollars = projection, dollars
        self._fresh_pages.clear()
        self.show_page()

    def show_pins(self, pins: list[PinnedScenario], dollars: Dollars) -> None:
        self.pins_page.show_pins(pins, dollars)
        self.setTabText(
            self.indexOf(self.pins_page), f"P&inned ({len(pins)})" if pins else "P&inned"
        )

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
            self.year_model.set_rows(projection.rows, self._dollars)
        elif page is self.comp_page:
            self.comp_page.show_projection(projection)
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
        QGuiApplication.clipboard().setText(self.year_text())

    def year_text(self) -> str:
        self.show_page(self.year_page)
        return self.year_model.as_tsv()
