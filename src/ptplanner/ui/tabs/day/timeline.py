"""The day's timeline in the "A day in the life" tab: coloured blocks on a time axis.

A click or the Left, Right, Home and End keys select a block; the tab shows it in the details
panel. Each block is labelled inside it, or above the track when too narrow
(:mod:`~ptplanner.ui.tabs.day.block_labels`); the tooltip gives the full text. Painted with
QPainter from the live palette, so it follows light and dark schemes; the block colours come
from the data (mid-luminance, with a matching label colour).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ptplanner.core.day import DayBlock, DayTimeline, minutes
from ptplanner.ui.tabs.day.block_labels import (
    INSET_BOTTOM,
    INSET_TOP,
    TITLE_LINES,
    BlockLabel,
    callout_label,
    callout_lanes,
    inside_label,
    swatch_width,
)
from ptplanner.ui.tabs.day.time_text import clock
from ptplanner.ui.widgets import mix

KEYS_HINT = (
    "Left and Right arrow keys move between blocks of the day; Home and End jump to the first "
    "and last block."
)
"""The end of the timeline's accessible description: how to move through the day."""


def block_summary(timeline: DayTimeline, block: DayBlock) -> str:
    """One line a screen reader or tooltip can say: "08:30–09:15, Front desk: Morning check-ins"."""
    return f"{block.start}–{block.end}, {timeline.style(block.kind).label}: {block.title}"


class TimelineView(QWidget):
    """The day as blocks on a horizontal time axis; click or arrow keys to select a block."""

    selection_changed = Signal(str)

    PAD_TOP = 10  # room above the blocks for the raised, outlined selected block
    RAISE = 4  # how far the selected block stands out above and below the others

    def __init__(self, timeline: DayTimeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.blocks = timeline.blocks
        self._start = minutes(timeline.day_start)
        self._end = minutes(timeline.day_end)
        self._index = 0
        self._hover = -1
        self._lanes = 0  # callout lanes above the track at the current width
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._update_accessible_name()

    # ----------------------------------------------------------------- selection API

    def selected_index(self) -> int:
        return self._index

    def selected_block(self) -> DayBlock:
        return self.blocks[self._index]

    def select_index(self, index: int) -> None:
        index = max(0, min(len(self.blocks) - 1, index))
        if index == self._index:
            return
        self._index = index
        self._update_accessible_name()
        self.update()
        self.selection_changed.emit(self.blocks[index].id)

    def select_block(self, block_id: str) -> None:
        for index, block in enumerate(self.blocks):
            if block.id == block_id:
                self.select_index(index)
                return
        raise KeyError(f"no block {block_id!r} in the day")

    def _update_accessible_name(self) -> None:
        # setAccessibleName tells a screen reader of the change itself: one more NameChanged
        # event here made it say the block twice. What happens in the block is the description,
        # so the details are heard once, after the name, without leaving the timeline.
        block = self.blocks[self._index]
        self.setAccessibleName(f"Day timeline: {block_summary(self.timeline, block)}")
        self.setAccessibleDescription(f"{block.description} {KEYS_HINT}")

    # ----------------------------------------------------------------- geometry

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _title_font(self) -> QFont:
        font = self._label_font()
        font.setBold(True)
        return font

    def _block_height(self) -> int:
        line = QFontMetrics(self._title_font()).height()
        return round(INSET_TOP + INSET_BOTTOM) + (1 + TITLE_LINES) * line + 2

    def _callout_height(self) -> int:
        """Room for the callout lanes, above the selected block's raise and focus ring."""
        return self._lanes * QFontMetrics(self._title_font()).height() + (2 if self._lanes else 0)

    def _margin_x(self) -> int:
        # Half an "HH:MM" label each side, so the first and last tick labels are not cut.
        return QFontMetrics(self._label_font()).horizontalAdvance("00:00") // 2 + 6

    def _track(self) -> QRect:
        margin = self._margin_x()
        top = self.PAD_TOP + self._callout_height()
        return QRect(margin, top, self.width() - 2 * margin, self._block_height())

    def _x(self, minute: int) -> float:
        track = self._track()
        return track.left() + track.width() * (minute - self._start) / (self._end - self._start)

    def _rect_at(self, index: int) -> QRect:
        block = self.blocks[index]
        track = self._track()
        left = round(self._x(block.start_minutes))
        right = round(self._x(block.end_minutes))
        return QRect(left, track.top(), max(1, right - left), track.height())

    def block_rect(self, block_id: str) -> QRect:
        """Where a block is drawn, in this widget's coordinates (for tests and tooltips)."""
        for index, block in enumerate(self.blocks):
            if block.id == block_id:
                return self._rect_at(index)
        raise KeyError(block_id)

    def index_at(self, pos: QPoint) -> int:
        for index in range(len(self.blocks)):
            rect = self._rect_at(index).adjusted(0, -self.RAISE, 0, self.RAISE)
            if rect.contains(pos):
                return index
        for index, label in self._callouts().items():
            if label.rect.contains(QPointF(pos)):
                return index
        return -1

    def _callouts(self) -> dict[int, BlockLabel]:
        rects = [QRectF(self._rect_at(index)) for index in range(len(self.blocks))]
        font = self._title_font()
        height = QFontMetrics(font).height()
        lanes = callout_lanes(self.blocks, rects, font, self.width())
        # Lane 0 sits just above the raised selected block, further lanes above it.
        bottom = self._callout_height()
        return {
            index: callout_label(text, left, bottom - (lane + 1) * height, width, font)
            for index, (lane, text, left, width) in lanes.items()
        }

    def _label_at(self, index: int) -> BlockLabel:
        callout = self._callouts().get(index)
        if callout is not None:
            return callout
        return inside_label(self.blocks[index], QRectF(self._rect_at(index)), self._title_font())

    def block_label(self, block_id: str) -> BlockLabel:
        """The label drawn for a block: its lines, font and where (for tests)."""
        for index, block in enumerate(self.blocks):
            if block.id == block_id:
                return self._label_at(index)
        raise KeyError(block_id)

    def _count_lanes(self) -> int:
        rects = [QRectF(self._rect_at(index)) for index in range(len(self.blocks))]
        lanes = callout_lanes(self.blocks, rects, self._title_font(), self.width())
        return 1 + max((lane for lane, *_ in lanes.values()), default=-1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        lanes = self._count_lanes()
        if lanes != self._lanes:
            self._lanes = lanes
            self.updateGeometry()  # callouts need more (or less) room above the track

    def sizeHint(self) -> QSize:
        return QSize(900, self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:
        label_height = QFontMetrics(self._label_font()).height()
        above = self.PAD_TOP + self._callout_height()
        return QSize(480, above + self._block_height() + self.RAISE + 12 + label_height + 4)

    # ----------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        track = self._track()

        clip = QPainterPath()
        clip.addRoundedRect(QRectF(track), 6, 6)
        painter.save()
        painter.setClipPath(clip)
        for index in range(len(self.blocks)):
            self._paint_block(painter, index, raised=False)
        # Hairlines between blocks so two neighbours of the same colour still read as two.
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1))
        for block in self.blocks[1:]:
            x = round(self._x(block.start_minutes)) + 0.5
            painter.drawLine(QLineF(x, track.top(), x, track.bottom() + 1))
        painter.restore()

        self._paint_block(painter, self._index, raised=True)
        self._paint_callouts(painter, text_colour)
        self._paint_axis(painter, track, text_colour)

    def _paint_block(self, painter: QPainter, index: int, *, raised: bool) -> None:
        block = self.blocks[index]
        style = self.timeline.style(block.kind)
        rect = QRectF(self._rect_at(index))
        fill = QColor(style.colour)
        if index == self._hover and not raised:
            fill = fill.lighter(115)
        palette = self.palette()
        if raised:
            rect = rect.adjusted(0, -self.RAISE, 0, self.RAISE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 4, 4)
        else:
            painter.fillRect(rect, fill)
        self._paint_label(painter, index, QColor(style.text_colour))
        if raised:
            # Two rings (text colour outside the base colour) stay visible on any fill, in
            # light and dark schemes; keyboard focus adds the highlight colour around them.
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1.5))
            painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 3, 3)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 2))
            painter.drawRoundedRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5), 4, 4)
            if self.hasFocus():
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2.5))
                painter.drawRoundedRect(rect.adjusted(-3.5, -3.5, 3.5, 3.5), 6, 6)

    def _paint_label(self, painter: QPainter, index: int, colour: QColor) -> None:
        label = self._label_at(index)
        if label.callout:
            return  # painted with the other callouts, above the track
        metrics = QFontMetrics(label.font)
        painter.setPen(colour)
        y = label.rect.top()
        for number, line in enumerate(label.lines):
            font = self._label_font() if number == 0 else label.font  # the time is not bold
            painter.setFont(font)
            painter.drawText(
                QRectF(label.rect.left(), y, label.rect.width(), metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
            y += metrics.height()

    def _paint_callouts(self, painter: QPainter, text_colour: QColor) -> None:
        for index, label in self._callouts().items():
            rect = label.rect
            side = swatch_width(label.font) - 4
            swatch = QRectF(rect.left(), rect.center().y() - side / 2, side, side)
            painter.setPen(QPen(text_colour, 1))
            painter.setBrush(QColor(self.timeline.style(self.blocks[index].kind).colour))
            painter.drawRect(swatch.adjusted(0.5, 0.5, -0.5, -0.5))
            painter.setFont(label.font)
            painter.drawText(
                rect.adjusted(side + 4, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label.lines[0],
            )

    def _paint_axis(self, painter: QPainter, track: QRect, text_colour: QColor) -> None:
        palette = self.palette()
        tick_colour = mix(text_colour, palette.color(QPalette.ColorRole.Window), 0.55)
        font = self._label_font()
        metrics = QFontMetrics(font)
        painter.setFont(font)
        label_width = metrics.horizontalAdvance("00:00")
        baseline_top = track.bottom() + self.RAISE + 3
        first_hour = -(-self._start // 60) * 60
        hour_gap = self._x(first_hour + 60) - self._x(first_hour)
        step = 60 if hour_gap >= label_width + 12 else 120
        last_label_right = -1e9
        for minute in range(self._start - self._start % 30, self._end + 1, 30):
            if minute < self._start:
                continue
            x = self._x(minute)
            labelled = minute % step == 0 or minute in (self._start, self._end)
            length = 7 if minute % 60 == 0 else 4
            painter.setPen(QPen(tick_colour, 1))
            painter.drawLine(
                QPoint(round(x), baseline_top), QPoint(round(x), baseline_top + length)
            )
            if not labelled:
                continue
            box = QRectF(
                x - label_width / 2 - 2, baseline_top + 8, label_width + 4, metrics.height()
            )
            if box.left() < last_label_right + 6:
                continue
            painter.setPen(text_colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, clock(minute))
            last_label_right = box.right()

    # ----------------------------------------------------------------- interaction

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.index_at(event.position().toPoint())
            if index >= 0:
                self.select_index(index)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().toPoint())
        if index != self._hover:
            self._hover = index
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if index >= 0 else Qt.CursorShape.ArrowCursor
            )
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        moves = {
            Qt.Key.Key_Left: self._index - 1,
            Qt.Key.Key_Right: self._index + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: len(self.blocks) - 1,
        }
        if key in moves:
            # A tooltip from hovering would go on naming the block the keys just left.
            QToolTip.hideText()
            self.select_index(moves[key])
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(event.pos())
            if index < 0:
                QToolTip.hideText()
                event.ignore()
                return True
            block = self.blocks[index]
            QToolTip.showText(
                event.globalPos(),
                f"{block.start}–{block.end} · {block.title}",
                self,
                self._rect_at(index),
            )
            return True
        return super().event(event)

    def tooltip_text(self, block_id: str) -> str:
        """The text the hover tooltip shows for a block."""
        for block in self.blocks:
            if block.id == block_id:
                return f"{block.start}–{block.end} · {block.title}"
        raise KeyError(block_id)
