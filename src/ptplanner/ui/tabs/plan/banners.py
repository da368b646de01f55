"""The Plan tab's banners: each notice of the controller (recovery, read-only, a failed save,
steps due) shown as a tinted card with its buttons, never as a dialog that blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ptplanner.ui.tabs.plan.colours import banner_colours, set_text_colour
from ptplanner.ui.tabs.plan.notices import Banner

BannerButton = tuple[str, Callable[[], object]]
"""A button's text and what it does."""


class BannerWidget(QFrame):
    """One message with its actions and, if allowed, a close button, on a tinted card.

    ``extra`` buttons come before the banner's own; the tab connects ``close_button`` (None when
    the banner cannot be dismissed).
    """

    def __init__(
        self,
        banner: Banner,
        extra: tuple[BannerButton, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.banner = banner
        self.setObjectName(f"banner-{banner.key}")
        self.setAccessibleName(f"{banner.level.capitalize()} message")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(8)
        self.label = QLabel(banner.text)
        # Banners quote user text (step titles, file names): never let it be read as markup.
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(banner.text)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # a new policy drops the one setWordWrap() asked for
        self.label.setSizePolicy(policy)
        layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        for text, slot in (*extra, *banner.actions):
            button = QPushButton(text)
            button.setAccessibleName(text.rstrip("…"))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.buttons.append(button)
        self.close_button: QToolButton | None = None
        if banner.dismissible:
            close = QToolButton()
            close.setText("✕")
            close.setAutoRaise(True)
            close.setAccessibleName("Dismiss message")
            close.setToolTip("Dismiss this message")
            layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
            self.close_button = close
        self._background = QColor()
        self._border = QColor()
        self.restyle()

    def restyle(self) -> None:
        """Take the tints of the current palette (light or dark)."""
        self._background, self._border, text = banner_colours(self.banner.level, self.palette())
        for widget in (self.label, self.close_button):
            if widget is not None:
                set_text_colour(widget, text)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._border, 1))
        painter.setBrush(self._background)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)


class BannerArea(QVBoxLayout):
    """The banners above the tab's page, one under another, rebuilt when the controller's list
    changes."""

    def __init__(self) -> None:
        super().__init__()
        self.setSpacing(6)
        self._widgets: list[BannerWidget] = []

    def show_banners(
        self,
        banners: Iterable[Banner],
        extra: Mapping[str, tuple[BannerButton, ...]],
        dismiss: Callable[[str], object],
    ) -> None:
        """Show ``banners``, each with the ``extra`` buttons of its key; ``dismiss`` is called
        with the key of a banner closed."""
        for widget in self._widgets:
            self.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._widgets = []
        for banner in banners:
            widget = BannerWidget(banner, extra.get(banner.key, ()), self.parentWidget())
            if widget.close_button is not None:
                widget.close_button.clicked.connect(lambda _checked=False, k=banner.key: dismiss(k))
            self.addWidget(widget)
            self._widgets.append(widget)

    def widgets(self) -> list[BannerWidget]:
        return list(self._widgets)

    def restyle(self) -> None:
        for widget in self._widgets:
            widget.restyle()
