"""The user guide's window: a contents list, the page, back and forward, and Find.

The pages are read through :mod:`.pages` (``loadResource``), never from the network or the disk
beside them: a link out of the guide is not followed, and says so in the status line.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ptplanner.ui.help.pages import PAGES, Target, page_html, resolve

OBJECT_NAME = "help-window"
PAGE_ROLE = Qt.ItemDataRole.UserRole


class HelpBrowser(QTextBrowser):
    """A text browser that shows only the guide's own pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # every click goes through HelpWindow._follow
        self.setAccessibleName("Guide page")

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        if kind == QTextDocument.ResourceType.HtmlResource.value:
            target = resolve(name.toString() if isinstance(name, QUrl) else name)
            if target is not None:
                return page_html(target.page)
        return None  # no images or style sheets from outside the guide

    def page(self) -> str:
        """The name of the page shown ("index", "glossary", ...)."""
        target = resolve(self.source().toString())
        return target.page if target is not None else ""


class HelpWindow(QWidget):
    """The guide in a window of its own; :func:`ptplanner.ui.help.show_help` opens it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle("PT Planner user guide")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.browser = HelpBrowser(self)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.sourceChanged.connect(self._on_source_changed)

        self.contents = QListWidget(self)
        self.contents.setAccessibleName("Contents")
        for name, title in PAGES:
            item = QListWidgetItem(title)
            item.setData(PAGE_ROLE, name)
            self.contents.addItem(item)
        self.contents.itemActivated.connect(self._open_item)
        self.contents.itemClicked.connect(self._open_item)

        self.back_action = self._action("&Back", QKeySequence.StandardKey.Back)
        self.back_action.triggered.connect(self.browser.backward)
        self.forward_action = self._action("&Forward", QKeySequence.StandardKey.Forward)
        self.forward_action.triggered.connect(self.browser.forward)
        self.home_action = self._action("&Start", "Alt+Home")
        self.home_action.triggered.connect(lambda: self.open_page("index"))
        self.find_action = self._action("&Find", QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._start_find)
        self.browser.backwardAvailable.connect(self.back_action.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_action.setEnabled)
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        toolbar = QToolBar(self)
        for action in (self.back_action, self.forward_action, self.home_action, self.find_action):
            toolbar.addAction(action)

        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText("Find on this page")
        self.find_edit.setAccessibleName("Find on this page")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textEdited.connect(lambda _text: self.find_next(from_top=True))
        self.status = QLabel(self)
        self.status.setAccessibleName("Guide status")
        find_row = QHBoxLayout()
        find_row.addWidget(self.find_edit, 1)
        find_row.addWidget(self.status, 2)

        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # The list as wide as its longest title; the page gets the rest.
        list_width = self.contents.sizeHintForColumn(0) + 2 * self.contents.frameWidth() + 12
        splitter.setSizes([list_width, 10 * list_width])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)
        layout.addLayout(find_row)
        self.resize(900, 700)

    def _action(self, text: str, key: QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def open_page(self, page: str, anchor: str = "") -> None:
        """Show ``page`` (scrolled to ``anchor``), as a new step in the back/forward history."""
        page_html(page)  # raises KeyError for an unknown page, before anything changes
        url = QUrl(f"{page}.html")
        if anchor:
            url.setFragment(anchor)
        if self.browser.source() == url:
            self.browser.scrollToAnchor(anchor)  # setSource ignores the same URL
        else:
            self.browser.setSource(url)
        self.status.clear()

    def page(self) -> str:
        return self.browser.page()

    def _follow(self, url: QUrl) -> None:
        href = url.toString()
        target: Target | None = resolve(href)
        if target is not None:
            self.open_page(target.page, target.anchor)
        elif href.startswith("#"):
            self.browser.scrollToAnchor(href[1:])
        else:
            self.status.setText(f"Not opened: {href} is outside the guide (it works offline).")

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_page(str(item.data(PAGE_ROLE)))

    def _on_source_changed(self, url: QUrl) -> None:
        target = resolve(url.toString())
        page = target.page if target is not None else ""
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(PAGE_ROLE) == page:
                self.contents.setCurrentRow(row)
        self.setWindowTitle(f"{dict(PAGES).get(page, 'Guide')} - PT Planner user guide")

    def _start_find(self) -> None:
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def find_next(self, from_top: bool = False) -> bool:
        """Select the next match of the find box's text; wraps to the top once."""
        text = self.find_edit.text()
        if not text:
            self.status.clear()
            return False
        if from_top:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        found = self.browser.find(text)
        if not found:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            found = self.browser.find(text)
        self.status.setText("" if found else f"\u201c{text}\u201d is not on this page.")
        return found
