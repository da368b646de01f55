"""The Plan tab's timeline: every target date on one axis, today marked, overdue steps in red.

A view of the same :class:`~ptplanner.ui.tabs.plan.tree_model.PlanIndex` the tree shows;
clicking a marker
selects its step (``milestone_clicked``) and hovering one names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from math import ceil
from typing import Any, NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
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

from ptplanner.core.format import short_date
from ptplanner.ui.tabs.plan.tree_model import PlanIndex, is_dark, kind_colours
from ptplanner.ui.widgets import mix, muted_colour


class _Bucket(NamedTuple):
    """Markers that land on the same pixel, lane and kind: drawn once, listed in the tooltip."""

    x: int
    y: int
    code: int
    """The kind's code, plus _NESTED for sub-steps."""
    keys: list[int]

    @property
    def radius(self) -> float:
        return 3.5 if self.code >= _NESTED else 5.0

    @property
    def kind(self) -> str:
        return _KIND_CODES[self.code % _NESTED]


_KIND_CODES = ("done", "due_soon", "open", "overdue", "skipped")
"""Kinds as small numbers, so that a marker's pixel, level and kind make one sortable int (in
this order on one pixel: top-level steps first, then by kind, which decides the lanes)."""
_CODE_OF = {kind: code for code, kind in enumerate(_KIND_CODES)}
_NESTED = 8
"""Added to the kind's code for a sub-step (drawn smaller than a top-level step)."""


@dataclass
class _Marks:
    """The steps with a target date, in plan order: their keys, dates and kind codes."""

    keys: list[int]
    ordinals: list[int]
    codes: list[int]
    days: list[tuple[int, list[int]]] = field(default_factory=list)
    """(date ordinal * 16 + kind code, the keys of those steps in plan order), ascending: the
    steps gathered by day and kind once per plan, so that a redraw (each resize) only merges
    days that share a pixel instead of sorting every step again."""


PLACE_LATER_FROM = 2_000
"""A plan with at least this many steps shows its tree first: the timeline's markers (about
25 ms of work for 10,000 steps) are placed just after that first paint, not inside it."""

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
    Markers that fall on the same pixel are drawn once, and each is a copy of a small pixmap
    painted once per kind and size, so 10,000 steps cost little more to draw than 30.
    """

    milestone_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline of target dates")
        self.setMinimumHeight(104)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._source: PlanIndex | None = None
        self._marks: _Marks | None = _Marks([], [], [])
        self._today = date.today()
        self._selected: str | None = None
        self._buckets: list[_Bucket] = []
        self._bucket_of: dict[int, int] | None = None
        self._cache: QPixmap | None = None
        self._sprites: dict[tuple[str, float, float], tuple[QPixmap, int]] = {}
        self._placed_once = False
        """Markers were drawn at least once: later plans and edits redraw them at once."""

    def sizeHint(self) -> QSize:
        return QSize(600, 112)

    def set_plan(self, index: PlanIndex, today: date) -> None:
        """Show this plan; the marks are worked out at the next paint, once."""
        self._source = index
        self._today = today
        self._marks = None
        self._cache = None
        self.update()

    def marks(self) -> _Marks:
        if self._marks is None:
            marks = _Marks([], [], [])
            source = self._source
            if source is not None:
                # Flat comprehensions, not a tuple per step: this runs after every edit.
                kinds = source.kinds(self._today)
                depth = source.depth
                dates = [m.target_date for m in source.milestones]
                marks.keys = [k for k, day in enumerate(dates) if day is not None]
                marks.ordinals = [day.toordinal() for day in dates if day is not None]
                marks.codes = [
                    _CODE_OF[kinds[k]] + (_NESTED if depth[k] != 1 else 0) for k in marks.keys
                ]
                by_day: dict[int, list[int]] = {}
                for key, ordinal, code in zip(marks.keys, marks.ordinals, marks.codes, strict=True):
                    by_day.setdefault(ordinal * 16 + code, []).append(key)
                marks.days = sorted(by_day.items())
            self._marks = marks
            count = len(marks.keys)
            overdue = marks.codes.count(_CODE_OF["overdue"]) + marks.codes.count(
                _CODE_OF["overdue"] + _NESTED
            )
            self.setAccessibleDescription(
                f"{count} steps with target dates, {overdue} overdue"
                if count
                else "No steps have target dates yet"
            )
        return self._marks

    def mark_count(self) -> int:
        return len(self.marks().keys)

    def marker_count(self) -> int:
        """Markers drawn (steps due on the same pixel, level and kind share one)."""
        self._ensure_rendered()
        return len(self._buckets)

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
            self._sprites.clear()
        super().changeEvent(event)

    def _range(self, ordinals: list[int]) -> tuple[int, int]:
        """First and last day shown, as ordinals, with a little room at both ends."""
        today = self._today.toordinal()
        start = min(min(ordinals), today) if ordinals else today
        end = max(max(ordinals), today) if ordinals else today
        span = max(end - start, 120)
        pad = max(span // 30, 10)
        return start - pad, start + span + pad

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.9))
        return font

    def marker_centre(self, milestone_id: str) -> QPointF | None:
        """Where the marker of a step is drawn (None if it has no target date)."""
        found = self._bucket_for(milestone_id)
        return QPointF(found[0].x, found[0].y) if found is not None else None

    def _bucket_for(self, milestone_id: str | None) -> tuple[_Bucket, int] | None:
        source = self._source
        if source is None or milestone_id is None:
            return None
        self._ensure_rendered()
        if self._bucket_of is None:
            # Built on the first look-up rather than while drawing: most repaints need none.
            self._bucket_of = {k: b for b, bucket in enumerate(self._buckets) for k in bucket.keys}
        key = source.key_of.get(milestone_id)
        bucket = self._bucket_of.get(key) if key is not None else None
        return (self._buckets[bucket], key) if bucket is not None and key is not None else None

    def _ensure_rendered(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache.devicePixelRatio() != ratio:
            self._cache = self._render(ratio)
        return self._cache

    def is_placed(self) -> bool:
        """Whether the markers of the current plan are worked out (the next paint draws them)."""
        return self._marks is not None

    def _place_later(self) -> bool:
        """On the first paint of a big plan, leave the markers to the next turn of the event
        loop, so the first frame (the tree) is not held up by them; True if so."""
        if self._placed_once or self._marks is not None or self._source is None:
            return False
        if len(self._source) < PLACE_LATER_FROM:
            return False
        self._placed_once = True
        # The timeline as context: the call is dropped if the widget is gone by then.
        QTimer.singleShot(0, self, self._place_now)
        return True

    def _place_now(self) -> None:
        self.marks()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._place_later():
            return
        self._placed_once = True
        cache = self._ensure_rendered()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, cache)
        found = self._bucket_for(self._selected)
        if found is None or self._source is None:
            return
        bucket, key = found
        milestone = self._source.milestones[key]
        centre = QPointF(bucket.x, bucket.y)
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
            f"{milestone.title} · {short_date(milestone.target_date)}",
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
        quiet = muted_colour(palette)
        colours = kind_colours(palette)
        accent = palette.color(QPalette.ColorRole.Highlight)
        done_colour = QColor("#3f9a5a" if not is_dark(palette) else "#57b36f")
        rect = QRectF(self.rect()).adjusted(16, 8, -16, -6)
        axis_y = rect.bottom() - 22
        font = self._font()
        painter.setFont(font)
        metrics = QFontMetrics(font)
        self._buckets = []
        self._bucket_of = None
        marks = self.marks()
        if not marks.keys:
            painter.setPen(quiet)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignCenter),
                "Give steps a target date to see them on this timeline.",
            )
            painter.end()
            return pixmap
        start, end = self._range(marks.ordinals)
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

        # Markers on one pixel, of one level and kind, share a bucket: the steps, gathered by
        # day and kind once per plan (_Marks.days), merge by the pixel their day lands on. The
        # buckets are then placed in the order of their earliest step (by date, level and
        # kind), stacking in lanes where they would overlap.
        lanes_top = rect.top() + 18
        lane_height = 11.0
        lane_count = max(1, int((axis_y - 8 - lanes_top) // lane_height))
        lane_end = [-1e9] * lane_count
        lane_y = [round(axis_y - 8 - lane * lane_height) for lane in range(lane_count)]
        buckets = self._buckets
        sprites = {
            code: self._sprite(
                _KIND_CODES[code % _NESTED],
                3.5 if code >= _NESTED else 5.0,
                ratio,
                colours,
                accent,
                done_colour,
            )
            for code in set(marks.codes)
        }
        merged: dict[int, tuple[int, list[int]]] = {}
        for day, day_keys in marks.days:
            ordinal, code = divmod(day, 16)
            slot = round(left + scale * (ordinal - start)) * 16 + code
            found = merged.get(slot)
            if found is None:
                merged[slot] = (day, list(day_keys))
            else:
                found[1].extend(day_keys)
        # Keys are positions in the plan: sorted, a bucket lists its steps in plan order.
        groups = [(first, slot, sorted(keys)) for slot, (first, keys) in merged.items()]
        groups.sort()
        # Sprites are already antialiased; copied whole-pixel without the hint they take a fast
        # path (with it, each copy is resampled: several times slower for 1,500 markers).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for _first, slot, group in groups:
            x, code = divmod(slot, 16)
            radius = 3.5 if code >= _NESTED else 5.0
            lane = lane_count - 1
            for i, last in enumerate(lane_end):
                if x - radius - 2 > last:
                    lane = i
                    break
            lane_end[lane] = max(lane_end[lane], x + radius)
            y = lane_y[lane]
            buckets.append(_Bucket(x, y, code, group))
            sprite, half = sprites[code]
            painter.drawPixmap(x - half, y - half, sprite)
        painter.end()
        return pixmap

    def _sprite(
        self,
        kind: str,
        radius: float,
        ratio: float,
        colours: dict[str, QColor],
        accent: QColor,
        done_colour: QColor,
    ) -> tuple[QPixmap, int]:
        """One marker, painted once per kind, size and pixel ratio and then copied.

        Returns the pixmap and the distance from its corner to the marker's centre (whole
        pixels, so that copies land on the pixel grid).
        """
        found = self._sprites.get((kind, radius, ratio))
        if found is None:
            half = ceil(radius + 2)  # room for the outline's antialiased edge
            sprite = QPixmap(round(2 * half * ratio), round(2 * half * ratio))
            sprite.setDevicePixelRatio(ratio)
            sprite.fill(Qt.GlobalColor.transparent)
            painter = QPainter(sprite)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            centre = QPointF(half, half)
            self._paint_mark(painter, centre, radius, kind, colours, accent, done_colour)
            painter.end()
            found = self._sprites[kind, radius, ratio] = sprite, half
        return found

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

    def _first(self, bucket: _Bucket) -> int:
        """The key of the earliest step in a bucket (the first in the plan on a tie)."""
        assert self._source is not None
        milestones = self._source.milestones
        return min(bucket.keys, key=lambda k: (milestones[k].target_date or self._today, k))

    def _bucket_at(self, x: float, y: float) -> _Bucket | None:
        for bucket in reversed(self._buckets):
            reach = bucket.radius + 2
            if abs(bucket.x - x) <= reach and abs(bucket.y - y) <= reach:
                return bucket
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        bucket = self._bucket_at(event.position().x(), event.position().y())
        if bucket is not None and self._source is not None:
            self.milestone_clicked.emit(self._source.ids[self._first(bucket)])
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bucket = self._bucket_at(event.pos().x(), event.pos().y())
            if bucket is None or self._source is None:
                QToolTip.hideText()
            else:
                first = self._source.milestones[self._first(bucket)]
                text = (
                    f"{first.title}\n{short_date(first.target_date)} · {_KIND_WORDS[bucket.kind]}"
                )
                if len(bucket.keys) > 1:
                    text += f"\nand {len(bucket.keys) - 1} more here"
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)
