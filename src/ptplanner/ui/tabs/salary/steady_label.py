"""A label for text that changes on every input but rarely needs a new size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QResizeEvent, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QWidget

from ptplanner.ui.accessibility import refresh_name, set_tip


class SteadyLabel(QWidget):
    """A label whose new text re-lays the tab only when it needs another height or more width.

    A QLabel asks its parent's layout to recompute on every ``setText``, which here re-laid the
    whole tab (and painted it twice) on each input change. Inside this box, which has no layout,
    that request stops; the box changes its own size only when the text no longer fits.

    The text is not selectable with the mouse: a selectable label lays its text out again while
    it paints, which makes Qt paint it a second time after every change. Right-click offers
    "Copy" instead.
    """

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._sizes: dict[tuple[str, int], tuple[int, int]] = {}  # (text, width) -> room needed
        label.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fit()

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        if text != self.label.text():
            self.label.setText(text)
            refresh_name(self.label)  # heard as "caption: value" when it has a caption
            self._fit()

    def setToolTip(self, tip: str) -> None:
        if tip != self.label.toolTip():
            set_tip(self.label, tip)

    def toolTip(self) -> str:
        return self.label.toolTip()

    def plain_text(self) -> str:
        return QTextDocumentFragment.fromHtml(self.label.text()).toPlainText()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction("Copy", self.copy_text)
        menu.exec(event.globalPos())

    def copy_text(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.plain_text())

    def sizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._sizes.clear()
            self._fit()

    def _fit(self) -> None:
        label = self.label
        # Wrapped text takes the width it is given and needs a height for it.
        wrapped = label.wordWrap()
        width = (self.width() or label.sizeHint().width()) if wrapped else -1
        hint_width, height = self._measure(width)
        if hint_width > self.minimumWidth():
            self.setMinimumWidth(hint_width)  # grows to fit; never shrinks back and forth
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)

    def _measure(self, width: int) -> tuple[int, int]:
        """The room the text needs (at ``width`` if wrapped): laid out once per text and width.

        Measuring lays the text out, a good part of a frame for the wrapped rich text, and a
        person going back and forth between choices brings the same texts back.
        """
        key = (self.label.text(), width)
        found = self._sizes.get(key)
        if found is None:
            label = self.label
            if width >= 0:
                height = label.heightForWidth(width)
                found = (0, height if height >= 0 else label.sizeHint().height())
            else:
                hint = label.sizeHint()
                found = (hint.width(), hint.height())
            if len(self._sizes) >= 256:
                self._sizes.clear()
            self._sizes[key] = found
        return found
