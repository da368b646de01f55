"""The Plan tab's timeline: every target date on one axis, today marked, overdue steps in red.

A view of the same :class:`~ptplanner.ui.plan_model.PlanIndex` the tree shows; clicking a marker
selects its step (``milestone_clicked``) and hovering one names it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ptplanner.ui.plan_model import PlanIndex, format_date, is_dark, kind_colours, row_kind
from ptplanner.ui.tabs.plan_paint import mix, muted


@dataclass
class _Bucket:
    """Markers that land on the same pixel, lane and kind: drawn once, listed in the tooltip."""

    centre: QPointF
    radius: float
    kind: str
    keys: list[int]


_KIND_WORDS = {
    "overdue": "overdue",
    "due_soon": "due soon",
    "done": "done",
    "skipped": "skipped",
    "open": "planned",
}


class PlanTimeline(QWidget):
    """Target dates along a date axis: a marker per step, a line for today, overdue in red.

    The axis and markers are painted once into a pixmap per plan change, size or palette;
    moving the selection (every arrow key in the tree) only repaints the highlight on top.
    Markers that fall on the same pixel are drawn once, so 10,000 steps paint as fast as 30.
    """

    milestone_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline of target dates")
        self.setMinimumHeight(104)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._source: PlanIndex | None = None
        # (date ordinal, not top level, kind, key) per step with a target date, in date order.
        self._marks: list[tuple[int, bool, str, int]] | None = []
        self._today = date.today()
        self._selected: str | None = None
        self._buckets: list[_Bucket] = []
        self._bucket_of: dict[int, int] = {}
        self._cache: QPixmap | None = None

    def sizeHint(self) -> QSize:
        return QSize(600, 112)

    def set_plan(self, index: PlanIndex, today: date) -> None:
        """Show this plan; the marks are worked out at the next paint, once."""
        self._source = index
        self._today = today
        self._marks = None
        self._cache = None
        self.update()

    def marks(self) -> list[tuple[int, bool, str, int]]:
        if self._marks is None:
            marks = []
            source = self._source
            if source is not None:
                today = self._today
                depth = source.depth
                for key, m in enumerate(source.milestones):
                    if m.target_date is not None:
                        kind = row_kind(m, today)
                        marks.append((m.target_date.toordinal(), depth[key] != 1, kind, key))
            marks.sort()
            self._marks = marks
            overdue = sum(mark[2] == "overdue" for mark in marks)
            self.setAccessibleDescription(
                f"{len(marks)} steps with target dates, {overdue} overdue"
                if marks
                else "No steps have target dates yet"
            )
        return self._marks

    def mark_count(self) -> int:
        return len(self.marks())

    def set_selected(self, milestone_id: str | None) -> None:
        if milestone_id != self._selected:
            self._selected = milestone_id
            self.update()

    def resizeEvent(self, event: Any) -> None:
        self._cache = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in {QEvent.Type.PaletteChange, QEvent.Type.FontChange}:
            self._cache = None
        super().changeEvent(event)

    def _range(self, marks: list[tuple[int, bool, str, int]]) -> tuple[int, int]:
        """First and last day shown, as ordinals, with a little room at both ends."""
        today = self._today.toordinal()
        start = min(marks[0][0], today) if marks else today
        end = max(marks[-1][0], today) if marks else today
        span = max(end - start, 120)
        pad = max(span // 30, 10)
        return start - pad, start + span + pad

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.9))
        return font

    def _selected_bucket(self) -> tuple[_Bucket, int] | None:
        source = self._source
        if source is None or self._selected is None:
            return None
        key = source.key_of.get(self._selected)
        bucket = self._bucket_of.get(key) if key is not None else None
        return (self._buckets[bucket], key) if bucket is not None and key is not None else None

    def paintEvent(self, event: QPaintEvent) -> None:
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache.devicePixelRatio() != ratio:
            self._cache = self._render(ratio)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        found = self._selected_bucket()
        if found is None or self._source is None:
            return
        bucket, key = found
        milestone = self._source.milestones[key]
        centre = bucket.centre
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        font = self._font()
        painter.setFont(font)
        metrics = QFontMetrics(font)
        painter.setPen(QPen(text_colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, 8, 8)
        title = metrics.elidedText(
            f"{milestone.title} · {format_date(milestone.target_date)}",
            Qt.TextElideMode.ElideRight,
            320,
        )
        width = metrics.horizontalAdvance(title)
        left, right = 16.0, self.width() - 16.0
        tx = centre.x() + 12
        if tx + width > right:  # no room on the right: put the label on the left
            tx = max(left, centre.x() - 12 - width)
        box = QRectF(tx - 4, centre.y() - metrics.height() / 2 - 2, width + 8, metrics.height() + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        background = QColor(palette.color(QPalette.ColorRole.Window))
        background.setAlpha(235)
        painter.setBrush(background)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(text_colour)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), title)

    def _render(self, ratio: float) -> QPixmap:
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        quiet = muted(palette)
        colours = kind_colours(palette)
        accent = palette.color(QPalette.ColorRole.Highlight)
        done_colour = QColor("#3f9a5a" if not is_dark(palette) else "#57b36f")
        rect = QRectF(self.rect()).adjusted(16, 8, -16, -6)
        axis_y = rect.bottom() - 22
        font = self._font()
        painter.setFont(font)
        metrics = QFontMetrics(font)
        self._buckets = []
        self._bucket_of = {}
        marks = self.marks()
        if not marks:
            painter.setPen(quiet)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignCenter),
                "Give steps a target date to see them on this timeline.",
            )
            painter.end()
            return pixmap
        start, end = self._range(marks)
        left, scale = rect.left(), rect.width() / max(end - start, 1)

        def x_of(ordinal: int) -> float:
            return left + scale * (ordinal - start)

        painter.setPen(QPen(quiet, 1))
        painter.drawLine(QPointF(rect.left(), axis_y), QPointF(rect.right(), axis_y))
        self._paint_ticks(
            painter, date.fromordinal(start), date.fromordinal(end), x_of, axis_y, metrics, quiet
        )
        self._paint_legend(painter, rect, metrics, colours, accent, done_colour, quiet)

        # Today: a dashed vertical line with its label at the top.
        today_x = x_of(self._today.toordinal())
        painter.setPen(QPen(accent, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(today_x, rect.top() + 14), QPointF(today_x, axis_y + 4))
        painter.setPen(accent)
        label = "Today"
        width = metrics.horizontalAdvance(label)
        lx = min(max(today_x - width / 2, rect.left()), rect.right() - width)
        painter.drawText(QPointF(lx, rect.top() + metrics.ascent()), label)

        # Markers on one pixel share a bucket; buckets stack in lanes where they would overlap.
        lanes_top = rect.top() + 18
        lane_height = 11.0
        lane_count = max(1, int((axis_y - 8 - lanes_top) // lane_height))
        lane_end = [-1e9] * lane_count
        open_buckets: dict[tuple[int, bool, str], int] = {}
        buckets = self._buckets
        bucket_of = self._bucket_of
        for ordinal, nested, kind, key in marks:
            x = x_of(ordinal)
            slot = (round(x), nested, kind)
            found = open_buckets.get(slot)
            if found is not None:
                buckets[found].keys.append(key)
                bucket_of[key] = found
                continue
            radius = 3.5 if nested else 5.0
            lane = lane_count - 1
            for i, last in enumerate(lane_end):
                if x - radius - 2 > last:
                    lane = i
                    break
            lane_end[lane] = max(lane_end[lane], x + radius)
            centre = QPointF(x, axis_y - 8 - lane * lane_height)
            open_buckets[slot] = bucket_of[key] = len(buckets)
            buckets.append(_Bucket(centre, radius, kind, [key]))
            self._paint_mark(painter, centre, radius, kind, colours, accent, done_colour)
        painter.end()
        return pixmap

    @staticmethod
    def _paint_mark(
        painter: QPainter,
        centre: QPointF,
        radius: float,
        kind: str,
        colours: dict[str, QColor],
        accent: QColor,
        done_colour: QColor,
    ) -> None:
        if kind == "done":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(done_colour)
        elif kind == "skipped":
            painter.setPen(QPen(colours["skipped"], 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        elif kind in {"overdue", "due_soon"}:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours[kind])
        else:
            painter.setPen(QPen(accent, 1.5))
            painter.setBrush(mix(accent, QColor("#ffffff"), 0.35))
        painter.drawEllipse(centre, radius, radius)

    def _paint_legend(
        self,
        painter: QPainter,
        rect: QRectF,
        metrics: QFontMetrics,
        colours: dict[str, QColor],
        accent: QColor,
        done_colour: QColor,
        text: QColor,
    ) -> None:
        entries = (
            ("open", "Planned"),
            ("due_soon", "Due soon"),
            ("overdue", "Overdue"),
            ("done", "Done"),
        )
        x = rect.right()
        y = rect.top() + metrics.ascent()
        for kind, label in reversed(entries):
            width = metrics.horizontalAdvance(label)
            x -= width
            painter.setPen(text)
            painter.drawText(QPointF(x, y), label)
            x -= 10
            centre = QPointF(x, rect.top() + metrics.ascent() - metrics.xHeight() / 2 - 0.5)
            self._paint_mark(painter, centre, 4.0, kind, colours, accent, done_colour)
            x -= 16

    def _paint_ticks(
        self,
        painter: QPainter,
        start: date,
        end: date,
        x_of: Any,
        axis_y: float,
        metrics: QFontMetrics,
        colour: QColor,
    ) -> None:
        months = (end.year - start.year) * 12 + end.month - start.month
        label_width = metrics.horizontalAdvance("Sep 2027") + 16
        room = max(1, int(self.width() // label_width))
        step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= room), 120)
        year, month = start.year, start.month
        painter.setPen(colour)
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            day = date(year, month, 1)
            if day > end:
                break
            if (year * 12 + month - 1) % step:
                continue
            x = x_of(day.toordinal())
            painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 4))
            if step >= 12:
                text = str(year)
            elif month == 1 or step >= 3:
                text = f"{day:%b} {year}"
            else:
                text = f"{day:%b}"
            width = metrics.horizontalAdvance(text)
            painter.drawText(QPointF(x - width / 2, axis_y + 6 + metrics.ascent()), text)

    def _bucket_at(self, x: float, y: float) -> _Bucket | None:
        for bucket in reversed(self._buckets):
            reach = bucket.radius + 2
            if abs(bucket.centre.x() - x) <= reach and abs(bucket.centre.y() - y) <= reach:
                return bucket
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        bucket = self._bucket_at(event.position().x(), event.position().y())
        if bucket is not None and self._source is not None:
            self.milestone_clicked.emit(self._source.ids[bucket.keys[0]])
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bucket = self._bucket_at(event.pos().x(), event.pos().y())
            if bucket is None or self._source is None:
                QToolTip.hideText()
            else:
                first = self._source.milestones[bucket.keys[0]]
                text = (
                    f"{first.title}\n{format_date(first.target_date)} · {_KIND_WORDS[bucket.kind]}"
                )
                if len(bucket.keys) > 1:
                    text += f"\nand {len(bucket.keys) - 1} more here"
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)
