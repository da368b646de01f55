"""What the Salary tab's tables share: column titles that fit, cells updated in place, one setup
(keyboard and screen reader included: Tab leaves a table, rows are named, the table copies)."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QHelpEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QWidget,
)

Cell = tuple[str, str]  # text, tool tip


class FittedHeader(QHeaderView):
    """Column titles that end in "…" in a column too narrow for them and show whole on hover.

    A title may have two lines ("Typical" over "(2026 dollars)"); the wider line sets its width.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def title(self, section: int) -> str:
        return str(self.model().headerData(section, self.orientation()) or "")

    def title_width(self, section: int) -> int:
        """The width ``section`` needs to show its whole title."""
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        lines = self.title(section).splitlines() or [""]
        widest = max(self.fontMetrics().horizontalAdvance(line) for line in lines)
        return widest + 2 * margin

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        # Qt measures a two-line title too narrow and then elides it: its wider line counts.
        size = super().sectionSizeFromContents(logicalIndex)
        return size.expandedTo(QSize(self.title_width(logicalIndex), 0))

    def is_elided(self, section: int) -> bool:
        return self.title_width(section) > self.sectionSize(section)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            section = self.logicalIndexAt(event.pos())
            if section >= 0 and self.is_elided(section):
                QToolTip.showText(event.globalPos(), self.title(section), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


def setup_table(table: QTableView) -> None:
    """Read-only, striped, word-wrapped, with fitted column titles and the last column stretched."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab moves on to the next control; the arrow keys move between cells.
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    if not isinstance(table.horizontalHeader(), FittedHeader):
        table.setHorizontalHeader(FittedHeader(table))
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def table_tsv(table: QTableWidget) -> str:
    """The whole table, titles first, as tab-separated text (what "Copy table" copies)."""
    model = table.model()
    columns = range(model.columnCount())
    titles = (str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns)
    lines = ["\t".join(t.replace("\n", " ") for t in titles)]
    for r in range(model.rowCount()):
        lines.append("\t".join(str(model.index(r, c).data() or "") for c in columns))
    return "\n".join(lines) + "\n"


def add_copy_action(
    table: QTableView, text: Callable[[], str], title: str = "Copy table"
) -> QAction:
    """A "Copy table" entry in the table's context menu, so the menu key reaches it too, and on
    Ctrl+Shift+C while the table has the focus."""
    action = QAction(title, table)
    action.setShortcut(QKeySequence("Ctrl+Shift+C"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def copy() -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(text())

    action.triggered.connect(copy)
    table.addAction(action)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def _row_names(table: QTableWidget, rows: Sequence[Sequence[Cell]]) -> None:
    """Name each row after its first cell (the factor, the part) in the hidden row header: a
    screen reader names a cell by its row header, which otherwise reads "1", "2", ..."""
    for r, row in enumerate(rows):
        name = row[0][0] if row else ""
        item = table.verticalHeaderItem(r)
        if item is None or item.text() != name:
            table.setVerticalHeaderItem(r, QTableWidgetItem(name))


def _cell_sizes(table: QTableWidget) -> tuple[list[int], list[int]]:
    rows = [table.rowHeight(r) for r in range(table.rowCount())]
    return rows, [table.columnWidth(c) for c in range(table.columnCount())]


def fill_table(
    table: QTableWidget,
    rows: Sequence[Sequence[Cell]],
    right: Container[int],
    bold: Container[int] | None = None,
) -> None:
    """Show ``rows`` of (text, tip) in ``table``, updating its items in place; the ``bold`` rows
    (by default the last) in bold.

    The tables fit their rows to word-wrapped text, and every change signal makes the view
    re-measure all of them at once, and a change of several cells repaints the whole table:
    the model stays quiet while the cells are set, then reports one changed cell, and the
    other changed cells are repainted on their own (all of it when rows or columns moved).
    """
    bold = {len(rows) - 1} if bold is None else bold
    if table.rowCount() != len(rows):
        table.clearContents()  # new items below get the right alignment and weight
        table.setRowCount(len(rows))
    model = table.model()
    changed: list[QModelIndex] = []
    with QSignalBlocker(model):
        for r, row in enumerate(rows):
            for c, (text, tip) in enumerate(row):
                item = table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    if c in right:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    if r in bold and c < 2:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    table.setItem(r, c, item)
                if item.text() != text or item.toolTip() != tip:
                    item.setText(text)
                    item.setToolTip(tip)
                    changed.append(model.index(r, c))
    _row_names(table, rows)
    if not changed:
        return
    sizes = _cell_sizes(table)
    model.dataChanged.emit(changed[0], changed[0])
    viewport = table.viewport()
    if _cell_sizes(table) != sizes:
        viewport.update()  # rows or columns moved: now, not when Qt's own timer gets to it
    else:
        for index in changed[1:]:
            viewport.update(table.visualRect(index))
