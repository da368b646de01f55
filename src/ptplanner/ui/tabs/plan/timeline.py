"""The Plan tab's timeline: every step's date on one axis (a done step's done date, the others'
target dates), today marked, overdue steps in red.

A view of the same :class:`~ptplanner.core.plan.index.PlanIndex` the tree shows;
clicking a marker selects its step (``milestone_clicked``) and hovering one names it. Where the
markers go is worked out in :mod:`~ptplanner.ui.tabs.plan.timeline_marks`, how each part is
drawn in :mod:`~ptplanner.ui.tabs.plan.timeline_paint`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

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
from ptplanner.core.plan.index import PlanIndex
from ptplanner.ui.tabs.plan.timeline_marks import (
    KIND_CODES,
    NESTED,
    Bucket,
    Marks,
    gather_marks,
    mark_date,
    marker_radius,
    place_buckets,
    spliced_marks,
    update_marks,
)
from ptplanner.ui.tabs.plan.timeline_paint import (
    MarkColours,
    MarkerSprites,
    paint_legend,
    paint_ticks,
)
from ptplanner.ui.widgets import muted_colour

PLACE_LATER_FROM = 2_000
"""A plan with at least this many steps shows its tree first: the timeline's markers are placed
just after that first paint, not inside it (bench/README.md has what that costs)."""

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
        self._marks: Marks | None = Marks([], [], [])
        self._today = date.today()
        self._selected: str | None = None
        self._buckets: list[Bucket] = []
        self._bucket_of: dict[int, int] | None = None
        self._cache: QPixmap | None = None
        self._shown: QPixmap | None = None
        """The picture before the last change, painted until the new one is drawn."""
        self._redraw_queued = False
        self._sprites = MarkerSprites()
        self._placed_once = False
        """Markers were drawn at least once: later plans and edits redraw them at once."""

    def sizeHint(self) -> QSize:
        return QSize(600, 112)

    def set_plan(self, index: PlanIndex, today: date, changed: Iterable[int] | None = None) -> None:
        """Show this plan; the marks are worked out at the next paint, once (or at once from the
        marks before, for an index spliced from the one shown: ``index.splice``).

        ``changed``: the keys of the steps a field edit changed in the same ``index`` (its
        shape unchanged): only their marks are looked at again.
        """
        marks = self._marks
        same = index is self._source and today == self._today
        if changed is not None and marks is not None and same:
            if update_marks(marks, index, today, changed):
                self._redraw_soon()
                self._describe(marks)
            self.update()  # the selected step's label may have changed
            return
        splice = index.splice
        follows = splice is not None and splice.old is self._source and today == self._today
        self._source = index
        self._today = today
        # After a structural edit, only the marks of the steps it touched are gathered again.
        self._marks = spliced_marks(marks, index, today) if follows and marks is not None else None
        if self._marks is not None:
            self._describe(self._marks)
        self._redraw_soon()

    def _redraw_soon(self) -> None:
        """The markers changed: in a big plan the next paint still shows the picture from
        before, and the new one is drawn on a later turn of the event loop; in others at once.

        Placing the markers of a 100,000-step plan takes a while; done inside the paint that
        follows an edit, it would add to the time the edit holds the window. Anything that asks
        where a marker is (:meth:`marker_count`, a click, a tooltip) gets the new picture at once.
        """
        big = self._source is not None and len(self._source) >= PLACE_LATER_FROM
        if self._cache is not None and big:
            self._shown = self._cache
        self._cache = None
        self.update()

    def _redraw_next_turn(self) -> None:
        # One turn later again: the turn that follows an edit repaints the tree and the panels
        # beside it, and drawing the markers in that same turn would add the two up.
        QTimer.singleShot(0, self, self._redraw_now)

    def _redraw_now(self) -> None:
        self._redraw_queued = False
        self._shown = None
        self.update()

    def marks(self) -> Marks:
        if self._marks is None:
            marks = self._marks = gather_marks(self._source, self._today)
            self._describe(marks)
        return self._marks

    def _describe(self, marks: Marks) -> None:
        count = len(marks.keys)
        self.setAccessibleDescription(
            f"{count} steps on the timeline, {marks.overdue_count()} overdue"
            if count
            else "No steps have target dates yet"
        )

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
        self._cache = self._shown = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in {QEvent.Type.PaletteChange, QEvent.Type.FontChange}:
            self._cache = self._shown = None
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

    def _bucket_for(self, milestone_id: str | None) -> tuple[Bucket, int] | None:
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
            self._shown = None
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
        shown = self._shown
        if (
            self._cache is None
            and shown is not None
            and shown.devicePixelRatio() == self.devicePixelRatioF()
        ):
            painter = QPainter(self)
            painter.drawPixmap(0, 0, shown)  # without the selection's ring, this once
            painter.end()
            if not self._redraw_queued:
                self._redraw_queued = True
                QTimer.singleShot(0, self, self._redraw_next_turn)
            return
        cache = self._ensure_rendered()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, cache)
        found = self._bucket_for(self._selected)
        if found is not None:
            self._paint_selected(painter, *found)

    def _paint_selected(self, painter: QPainter, bucket: Bucket, key: int) -> None:
        """A ring round the selected step's marker, and its title and date beside it."""
        assert self._source is not None
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
            f"{milestone.title} · {short_date(mark_date(milestone))}",
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
        colours = MarkColours.of(palette)
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
        span = (date.fromordinal(start), date.fromordinal(end))
        paint_ticks(painter, span, x_of, axis_y, metrics, quiet, self.width())
        paint_legend(painter, rect, metrics, colours, quiet)

        # Today: a dashed vertical line with its label at the top.
        accent = colours.accent
        today_x = x_of(self._today.toordinal())
        painter.setPen(QPen(accent, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(today_x, rect.top() + 14), QPointF(today_x, axis_y + 4))
        painter.setPen(accent)
        label = "Today"
        width = metrics.horizontalAdvance(label)
        lx = min(max(today_x - width / 2, rect.left()), rect.right() - width)
        painter.drawText(QPointF(lx, rect.top() + metrics.ascent()), label)

        lanes_top = rect.top() + 18
        lane_height = 11.0
        lane_count = max(1, int((axis_y - 8 - lanes_top) // lane_height))
        lane_y = [round(axis_y - 8 - lane * lane_height) for lane in range(lane_count)]
        self._buckets = place_buckets(marks, left, scale, start, lane_y)
        sprites = {
            code: self._sprites.get(KIND_CODES[code % NESTED], marker_radius(code), ratio, colours)
            for code in set(marks.codes)
        }
        # Sprites are already antialiased; copied whole-pixel without the hint they take a fast
        # path (with it, each copy is resampled: several times slower for 1,500 markers).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for bucket in self._buckets:
            sprite, half = sprites[bucket.code]
            painter.drawPixmap(bucket.x - half, bucket.y - half, sprite)
        painter.end()
        return pixmap

    def _first(self, bucket: Bucket) -> int:
        """The key of the earliest step in a bucket (the first in the plan on a tie)."""
        assert self._source is not None
        milestones = self._source.milestones
        return min(bucket.keys, key=lambda k: (mark_date(milestones[k]) or self._today, k))

    def _bucket_at(self, x: float, y: float) -> Bucket | None:
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
                text = f"{first.title}\n{short_date(mark_date(first))} · {_KIND_WORDS[bucket.kind]}"
                if len(bucket.keys) > 1:
                    text += f"\nand {len(bucket.keys) - 1} more here"
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)
