"""A layout that sets the Overview's cards side by side when the window is wide.

Cards go in rows, left to right in reading order, as many to a row as fit at
:data:`MIN_CARD_WIDTH` (one at 1024 px, two at 1280 px and wider); each row starts below the
tallest card of the one before, and each card keeps its own height (stretched, a card's lines
drift apart). Hidden cards (search) take no place, so the cards left close up. Each
card is at most :data:`MAX_CARD_WIDTH` wide, so lines stay short enough to read.

A card's height at a width is remembered until the layout is invalidated (a card changed, was
hidden or shown): laying out the tab asks for the same few widths many times, and each answer
means wrapping every label of every card again.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

MIN_CARD_WIDTH = 460
"""Narrowest a card gets before the row holds one card fewer (px)."""
MAX_CARD_WIDTH = 720
"""Widest a card gets: about 110 characters a line at the usual UI font (px)."""
ONE_COLUMN_WIDTH = 820
"""Widest a card gets when it is alone in its row (a narrow window): as the column was before."""
MAX_COLUMNS = 2
GAP = 12


class CardGrid(QLayout):
    """Rows of cards, as many to a row as fit, top-aligned, each keeping its own height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._heights: dict[tuple[int, int], int] = {}
        self.setContentsMargins(0, 0, 0, 0)

    # ----------------------------------------------------------------- QLayout's interface

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return QSize(MAX_CARD_WIDTH, self.heightForWidth(MAX_CARD_WIDTH))

    def minimumSize(self) -> QSize:
        widest = max((item.minimumSize().width() for item in self._shown()), default=0)
        return QSize(widest, 0)

    # ----------------------------------------------------------------- arrangement

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    @staticmethod
    def columns(width: int) -> int:
        """How many cards fit side by side in ``width`` pixels."""
        return max(1, min(MAX_COLUMNS, (width + GAP) // (MIN_CARD_WIDTH + GAP)))

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        shown = self._shown()
        columns = self.columns(rect.width())
        widest = MAX_CARD_WIDTH if columns > 1 else ONE_COLUMN_WIDTH
        card_width = min(widest, (rect.width() - GAP * (columns - 1)) // columns)
        y = rect.top()
        for start in range(0, len(shown), columns):
            row = shown[start : start + columns]
            heights = [self._cached_height(item, card_width) for item in row]
            height = max(heights)
            if apply:
                for column, (item, own) in enumerate(zip(row, heights, strict=True)):
                    x = rect.left() + column * (card_width + GAP)
                    item.setGeometry(QRect(x, y, card_width, own))
            y += height + GAP
        return max(0, y - GAP - rect.top())

    def _cached_height(self, item: QLayoutItem, width: int) -> int:
        key = (id(item), width)
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = self._height(item, width)
        return height

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        if item.hasHeightForWidth():
            return max(item.heightForWidth(width), item.minimumSize().height())
        return item.sizeHint().height()
