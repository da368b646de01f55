"""How two of the Plan tree's columns are painted: the progress bar of a step with sub-steps, and
the "Done" check box on a dark palette.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ptplanner.ui.tabs.plan.colours import done_colour
from ptplanner.ui.tabs.plan.status_icons import is_dark
from ptplanner.ui.tabs.plan.tree_model import PROGRESS_ROLE
from ptplanner.ui.widgets import check_box_palette

Index = QModelIndex | QPersistentModelIndex


class ProgressDelegate(QStyledItemDelegate):
    """A thin bar and a percentage for steps with sub-steps; nothing for single steps."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        percent = index.data(PROGRESS_ROLE)
        if percent is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar_width = min(56, max(24, rect.width() // 2 - 8))
        bar = QRectF(rect.left() + 6, rect.center().y() - 3, bar_width, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(bar, 3, 3)
        if percent > 0:
            done = QRectF(bar)
            done.setWidth(max(6.0, bar.width() * percent / 100.0))
            painter.setBrush(done_colour(palette))
            painter.drawRoundedRect(done, 3, 3)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        text_rect = QRect(rect)
        text_rect.setLeft(int(bar.right()) + 6)
        short = text.split("·")[-1].strip() if text else f"{percent:.0f}%"
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), short)
        painter.restore()


class DoneDelegate(QStyledItemDelegate):
    """The "Done" check box, drawn with :func:`~ptplanner.ui.widgets.check_box_palette` on a
    dark palette (as the dark scheme's other check boxes are), where Fusion's outline would all
    but vanish into the row."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if is_dark(option.palette):
            option = QStyleOptionViewItem(option)
            option.palette = check_box_palette(option.palette)
        super().paint(painter, option, index)
