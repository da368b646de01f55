"""The "Compare places" window: the profile on show priced in up to four places side by side.

The person picks places; the core's :func:`compare_places` prices each (the same figure the
Salary tab shows for this year) and reports the area's BLS spread and job market. The window
shows them as a table, each row with its source, and as a chart of the ranges together.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.compare import PlaceFigures, compare_places
from ptplanner.core.locations import LocationError
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.accessibility import announce, name_with_value, set_value
from ptplanner.ui.fitting import fit_to_screen
from ptplanner.ui.tabs.salary.compare_chart import CompareChart
from ptplanner.ui.tabs.salary.compare_rows import compare_rows, short_area
from ptplanner.ui.tabs.salary.location_box import LocationComboBox
from ptplanner.ui.tabs.salary.place_picker import place_picker, set_place
from ptplanner.ui.tabs.salary.tables import add_copy_action, table_tsv

MAX_PLACES = 4
SUGGESTED = ("Houston", "Boston", "Phoenix")  # shown beside the profile's place at first


class CompareDialog(QDialog):
    """Up to four places for one profile: a table of figures with sources, and a chart."""

    def __init__(self, inputs: SalaryInputs, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare places")
        self.inputs, self.year = inputs, year
        self.places: tuple[PlaceFigures, ...] = ()
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Your profile (role, experience, education, credentials, employer) priced in up to "
            f"four places, for {year}. Type or pick a place; leave a box empty to drop it."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.pickers: list[LocationComboBox] = []
        for i in range(MAX_PLACES):
            picker = place_picker(f"Place {i + 1} to compare")
            row.addWidget(picker, 1)
            self.pickers.append(picker)
        layout.addLayout(row)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        name_with_value(self.error_label, "Place problem")
        self.error_label.setStyleSheet("color: #c0392b; font-weight: 600;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName("Places compared")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab moves on; arrows move between cells
        add_copy_action(self.table, lambda: table_tsv(self.table))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.chart = CompareChart()
        layout.addWidget(self.chart)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "footnote")
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        firsts = [inputs.location, *(p for p in SUGGESTED if p not in inputs.location)]
        for picker, place in zip(self.pickers, firsts[:3], strict=False):
            set_place(picker, place)
        for picker in self.pickers:
            picker.activated.connect(lambda _i: self.refresh())
            picker.eliding_line.editingFinished.connect(self.refresh)
        self.resize(1000, 680)
        fit_to_screen(self)  # 680 tall is more than a 1024x768 screen leaves a dialog
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Return in a place or pay box enters it; QDialog would also press Close.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def chosen(self) -> list[str]:
        return [p.currentText().strip() for p in self.pickers if p.currentText().strip()]

    def refresh(self) -> None:
        wanted = self.chosen()
        try:
            places = compare_places(self.inputs, wanted, self.year) if wanted else ()
        except LocationError as error:
            set_value(self.error_label, str(error))
            self.error_label.show()
            announce(self.error_label, self.error_label.accessibleName(), assertive=True)
            return
        self.error_label.hide()
        if places == self.places:
            return
        self.places = places
        self._fill_table()
        self.chart.show_places(places)
        self.note.setText(
            f"All money in {self.year} dollars. Estimates are ptplanner's for your profile; "
            "the BLS 10th–90th percentile is the area's published May 2025 spread for the "
            "occupation (SOC 43-6013), carried to this year the way the estimate carries pay. "
            "Employment, jobs per 1,000 and location quotient are as BLS published them."
            if places
            else ""
        )

    def _fill_table(self) -> None:
        rows = compare_rows(self.places)
        titles = [short_area(p.area) for p in self.places] + ["Source"]
        self.table.clear()
        self.table.setColumnCount(len(titles))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(titles)
        self.table.setVerticalHeaderLabels([label for label, _c, _s in rows])
        for column, place in enumerate(self.places):
            header = self.table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(place.area)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, (_label, cells, source) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(right)
                self.table.setItem(r, c, item)
            item = QTableWidgetItem(source)
            item.setToolTip(source)
            self.table.setItem(r, len(cells), item)
        columns = self.table.horizontalHeader()
        for c in range(len(self.places)):
            columns.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(len(self.places), QHeaderView.ResizeMode.Stretch)
