"""The editable location box: areas grouped by state, a long name elided while it is not edited.

The list (and the completion list while typing) shows each state in bold with its metro areas
indented under it. While typing, the completion list keeps a matching area's state above it, greyed
and not selectable when the state itself does not match, and also offers the area the typed
text names in everyday words ("dc", "Austin TX": core/locations.py), which no name contains.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QWidget,
)

from ptplanner.core.locations import LocationError, find_area, grouped_areas
from ptplanner.ui.fitting import FittedComboBox

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
"""An area row's kind: "national", "state" or "metro" ("" for the blank first row)."""
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
"""The state group a row belongs to (its state's name; "" for the nation)."""
INDENT = "\u2003\u2003"  # two em spaces: a metro under its state, in the list only

Index = QModelIndex | QPersistentModelIndex

# QLineEdit keeps this many pixels free left and right of its text, and one above and below.
_LINE_EDIT_MARGIN = 2


class ElidingLineEdit(QLineEdit):
    """The location box's text: a name too long for the box ends in "…" while it is not edited.

    A line edit shows the start of a long text cut off mid-letter ("Boston-Cambridge-Newton,
    MA-N"), which reads as a different name. Without focus this one draws the name elided
    where QLineEdit would draw it; clicking in shows the real text to edit and scroll.
    """

    def text_room(self) -> int:
        """Pixels the box has for its text."""
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        return rect.width() - margins.left() - margins.right() - 2 * _LINE_EDIT_MARGIN

    def is_shortened(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.text_room()

    def shown_text(self) -> str:
        """What the box shows: the whole text, or while not edited, the text elided."""
        if self.hasFocus() or not self.is_shortened():
            return self.text()
        elide = Qt.TextElideMode.ElideRight
        return self.fontMetrics().elidedText(self.text(), elide, self.text_room())

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        style = self.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        rect = style.subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        rect = rect.marginsRemoved(self.textMargins())
        rect.adjust(_LINE_EDIT_MARGIN, 1, -_LINE_EDIT_MARGIN, -1)
        metrics = self.fontMetrics()
        # Where QLineEdit puts a vertically centred line, so the text does not jump on focus.
        top = rect.y() + (rect.height() - metrics.height() + 1) // 2
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(QPoint(rect.x(), top + metrics.ascent()), shown)


class PlaceDelegate(QStyledItemDelegate):
    """Draws a metro area indented under its state; the name itself is left as it is."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.data(KIND_ROLE) == "metro":
            option.text = INDENT + option.text


class PlaceFilter(QSortFilterProxyModel):
    """The completion list for what has been typed: the areas whose name contains it, the area
    it names in everyday words, and each one's state above it as a heading."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._matches: set[str] = set()
        self._groups: set[str] = set()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = " ".join(text.split()).casefold()
        source = self.sourceModel()
        self._matches, self._groups = set(), set()
        if self._text and source is not None:
            for row in range(source.rowCount()):
                index = source.index(row, 0)
                name = str(index.data())
                if name and self._text in name.casefold():
                    self._matches.add(name)
                    self._groups.add(str(index.data(GROUP_ROLE)))
            try:
                meant = find_area(text)
            except LocationError:
                meant = None
            if meant is not None:
                self._matches.add(meant.name)
                self._groups.add(_group_of(meant.name))
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_heading_only(self, index: Index) -> bool:
        """A state shown only as the heading of matching areas, not matching itself."""
        name = str(index.data())
        return bool(self._text) and index.data(KIND_ROLE) == "state" and name not in self._matches

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._text:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        name = str(index.data())
        if name in self._matches:
            return True
        return index.data(KIND_ROLE) == "state" and name in self._groups

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.is_heading_only(index):
            return flags & ~(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
        return flags


def _group_of(name: str) -> str:
    for state, metros in grouped_areas():
        if state.name == name or any(metro.name == name for metro in metros):
            return state.name if state.kind == "state" else ""
    return ""


class LocationComboBox(FittedComboBox):
    """The editable location box: areas grouped by state (:meth:`fill_places`), a long area
    name elided, and whole in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.eliding_line = ElidingLineEdit(self)
        self.setLineEdit(self.eliding_line)
        self.place_filter: PlaceFilter | None = None

    def fill_places(self, *, blank_first: bool = False) -> None:
        """List every area BLS publishes pay for, grouped by state, with a completer that
        keeps the grouping while the person types."""
        model = QStandardItemModel(self)
        if blank_first:
            model.appendRow(_row("", "", ""))
        bold = QFont(self.font())
        bold.setBold(True)
        for state, metros in grouped_areas():
            group = state.name if state.kind == "state" else ""
            heading = _row(state.name, state.kind, group)
            if state.kind == "state":
                heading.setFont(bold)
            model.appendRow(heading)
            for metro in metros:
                model.appendRow(_row(metro.name, metro.kind, group))
        self.setModel(model)
        self.setItemDelegate(PlaceDelegate(self))
        place_filter = PlaceFilter(self)
        place_filter.setSourceModel(model)
        completer = QCompleter(place_filter, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(self.maxVisibleItems())
        popup = completer.popup()
        if popup is not None:  # always, once a completer has a widget; typed as optional
            popup.setItemDelegate(PlaceDelegate(popup))
        # Before the completer reads the text (QLineEdit completes after emitting textEdited).
        self.eliding_line.textEdited.connect(place_filter.set_text)
        self.setCompleter(completer)
        self.place_filter = place_filter

    def shown_text(self) -> str:
        return self.eliding_line.shown_text()

    def is_shortened(self) -> bool:
        # Also while the name is being edited: the box then shows only a part of it.
        return bool(self.currentText()) and self.eliding_line.is_shortened()


def _row(name: str, kind: str, group: str) -> QStandardItem:
    item = QStandardItem(name)
    item.setData(kind, KIND_ROLE)
    item.setData(group, GROUP_ROLE)
    item.setEditable(False)
    return item
