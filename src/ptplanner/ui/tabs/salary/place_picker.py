"""A place picker for the comparison and the offer check: the location box of the inputs panel,
with every area BLS publishes pay for, grouped by state, matched anywhere in the name (or by an
everyday name: "dc", "Austin TX") as the person types."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ptplanner.ui.tabs.salary.location_box import LocationComboBox


def place_picker(accessible_name: str, parent: QWidget | None = None) -> LocationComboBox:
    """An editable box listing the areas, empty to start with."""
    box = LocationComboBox(parent)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setAccessibleName(accessible_name)
    line = box.lineEdit()
    if line is not None:  # what the place is typed into: named too, not just its box
        line.setAccessibleName(accessible_name)
    box.setMaxVisibleItems(20)
    box.fill_places(blank_first=True)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(18)
    return box


def set_place(box: QComboBox, name: str) -> None:
    """Show ``name`` in ``box`` (picked from the list when it is there)."""
    index = box.findText(name)
    if index >= 0:
        box.setCurrentIndex(index)
    box.setEditText(name)
