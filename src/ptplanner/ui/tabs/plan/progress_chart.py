"""The Plan tab's progress chart: steps done month by month against the steps the plan's target
dates called for by then, with whether the plan is ahead or behind.

A view of :func:`~ptplanner.core.plan.progress.progress_history` (kept by a
:class:`~ptplanner.core.plan.progress.ProgressTally` edit by edit): :meth:`ProgressChart.set_plan`
turns the history into two polylines once, and painting only draws them. Hovering a month names
its counts. Painted with QPainter, not pyqtgraph: the Plan tab is the first tab many people open,
and pyqtgraph is loaded only when the Salary tab is first shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ptplanner.core.format import short_date
from ptplanner.core.plan.model import Plan
from ptplanner.core.plan.progress import ProgressHistory, ProgressPoint, ProgressTally
from ptplanner.ui.accessibility import name_with_value, set_value
from ptplanner.ui.widgets import muted_colour

CHART_WIDTH = 300
"""The chart sits beside the timeline; the timeline keeps what the window has beyond this."""
PLOT_MIN_HEIGHT = 64


def done_colour(palette: QPalette) -> QColor:
    """The done line: the done mark's green, lighter on a dark scheme."""
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    return QColor("#57b36f" if dark else "#2f7d45")


class ProgressPlot(QWidget):
    """The plot itself: the targeted line dashed, the done line solid up to this month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(PLOT_MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._history: ProgressHistory | None = None
        self._done_line = QPolygonF()
        self._target_line = QPolygonF()
        self._today_x: float | None = None

    def sizeHint(self) -> QSize:
        return QSize(CHART_WIDTH, 80)

    @property
    def history(self) -> ProgressHistory | None:
        return self._history

    def set_history(self, history: ProgressHistory) -> None:
        self._history = history
        self._lay_out()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def plot_rect(self) -> QRectF:
        metrics = QFontMetrics(self._axis_font())
        # Room for the count at the top of the axis: four digits, more for a bigger plan.
        digits = max(4, len(str(self._history.counted))) if self._history else 4
        left = metrics.horizontalAdvance("0" * digits) + 6
        bottom = metrics.height() + 4
        return QRectF(
            left, 4, max(1.0, self.width() - left - 6), max(1.0, self.height() - 4 - bottom)
        )

    def _axis_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.82))
        return font

    def _x(self, index: int, count: int, rect: QRectF) -> float:
        return rect.left() + (rect.width() * index / (count - 1) if count > 1 else rect.width() / 2)

    def _y(self, value: int, rect: QRectF) -> float:
        top = max(1, self._history.counted if self._history else 1)
        return rect.bottom() - rect.height() * value / top

    def _lay_out(self) -> None:
        """The two lines in widget coordinates, worked out once per history and size."""
        self._done_line = QPolygonF()
        self._target_line = QPolygonF()
        self._today_x = None
        history = self._history
        if history is None or not history.points:
            return
        rect = self.plot_rect()
        points = history.points
        count = len(points)
        this_month = history.today.replace(day=1)
        for index, p in enumerate(points):
            x = self._x(index, count, rect)
            self._target_line.append(QPointF(x, self._y(p.targeted, rect)))
            if p.month <= this_month:
                self._done_line.append(QPointF(x, self._y(p.done, rect)))
            if p.month == this_month:
                self._today_x = x

    def point_at(self, x: float) -> ProgressPoint | None:
        """The month under ``x`` (widget coordinates), if the chart has any."""
        history = self._history
        if history is None or not history.points:
            return None
        rect = self.plot_rect()
        count = len(history.points)
        if count == 1:
            return history.points[0]
        index = round((x - rect.left()) / rect.width() * (count - 1))
        return history.points[max(0, min(count - 1, index))]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        muted = muted_colour(palette)
        rect = self.plot_rect()
        history = self._history
        font = self._axis_font()
        painter.setFont(font)
        metrics = QFontMetrics(font)

        axis = QPen(muted)
        axis.setWidthF(1.0)
        painter.setPen(axis)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.topLeft())
        if history is None or not history.points:
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "No dated steps yet")
            painter.end()
            return
        # The count axis: nothing at the foot, every counted step at the top.
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for value, y in ((0, rect.bottom()), (history.counted, rect.top())):
            box = QRectF(0, y - metrics.height() / 2, rect.left() - 4, metrics.height())
            painter.drawText(box, int(right), str(value))
        # The month axis: the first and last month, and this month where there is room.
        first, last = history.points[0].month, history.points[-1].month
        labels = [(rect.left(), _month_label(first), Qt.AlignmentFlag.AlignLeft)]
        if last != first:
            labels.append((rect.right(), _month_label(last), Qt.AlignmentFlag.AlignRight))
        y_text = rect.bottom() + 2
        for x, text, align in labels:
            width = metrics.horizontalAdvance(text)
            left = x if align is Qt.AlignmentFlag.AlignLeft else x - width
            painter.drawText(QRectF(left, y_text, width, metrics.height()), int(align), text)

        if self._today_x is not None:
            today_pen = QPen(muted)
            today_pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(today_pen)
            painter.drawLine(
                QPointF(self._today_x, rect.top()), QPointF(self._today_x, rect.bottom())
            )

        target_pen = QPen(palette.color(QPalette.ColorRole.Text))
        target_pen.setWidthF(1.4)
        target_pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(target_pen)
        painter.drawPolyline(self._target_line)
        done_pen = QPen(done_colour(palette))
        done_pen.setWidthF(2.2)
        painter.setPen(done_pen)
        painter.drawPolyline(self._done_line)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.point_at(event.pos().x())
            if found is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), month_tip(found), self)
            return True
        return super().event(event)


def _month_label(month: date) -> str:
    return f"{month:%b} {month.year}"


def month_tip(p: ProgressPoint) -> str:
    """What hovering a month says."""
    return f"{_month_label(p.month)}: {p.done} done, {p.targeted} targeted by the month's end"


class ProgressChart(QWidget):
    """The verdict (ahead, behind, on track), the plot and a key, for the Plan tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan-progress-chart")
        self.setAccessibleName("Progress over time")
        self.setFixedWidth(CHART_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        name_with_value(self.verdict_label, "Ahead or behind")
        layout.addWidget(self.verdict_label)
        self.plot = ProgressPlot()
        layout.addWidget(self.plot, 1)
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.key_label.setAccessibleName("Chart key")
        layout.addWidget(self.key_label)
        self._as_of = ""
        self._pending: tuple[Plan, date] | None = None
        self._tally = ProgressTally()
        self._recolour()

    @property
    def history(self) -> ProgressHistory | None:
        self._apply_pending()
        return self.plot.history

    def set_plan(self, plan: Plan, today: date, *, later: bool = False) -> None:
        """Show ``plan``'s progress as of ``today``; ``later``: on the next turn of the event
        loop, so that a big plan's first frame (the tree) is not held up by the chart."""
        if later:
            self._pending = (plan, today)
            self.update()  # its first paint leaves the work to the next turn
            return
        self._pending = None
        self._show(plan, today)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pending is not None:
            # The chart as context: the call is dropped if the widget is gone by then.
            QTimer.singleShot(0, self, self._apply_pending)
        super().paintEvent(event)

    def _apply_pending(self) -> None:
        if self._pending is not None:
            plan, today = self._pending
            self._pending = None
            self._show(plan, today)

    def _show(self, plan: Plan, today: date) -> None:
        # An edit recounts only the top-level step it changed (see ProgressTally).
        self._tally.update(plan)
        history = self._tally.history(today)
        self.plot.set_history(history)
        set_value(self.verdict_label, _short_verdict(history))
        self.verdict_label.setToolTip(history.verdict())
        source = f"From your plan's done and target dates, as of {short_date(today)}."
        self.plot.setToolTip("")
        self.setToolTip(f"{history.verdict()}\n{history.caption()}\n{source}")
        self.setAccessibleDescription(f"{history.verdict()} {source}")
        self._as_of = short_date(today)
        self._recolour()

    def _recolour(self) -> None:
        palette = self.palette()
        muted = muted_colour(palette).name()
        done = done_colour(palette).name()
        if self._as_of:
            # The key in the lines' own colours, and where the figures come from.
            self.key_label.setText(
                f"<span style='color:{done}'>━ done</span>&nbsp;&nbsp;┅ targeted&nbsp;&nbsp;"
                f"<span style='color:{muted}'>your plan, {self._as_of}</span>"
            )
            # The line glyphs in words, as a screen reader would spell them out.
            self.key_label.setAccessibleName(
                f"Chart key: solid line done, dotted line targeted; your plan, {self._as_of}"
            )
        font = QFont(self.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
        self.key_label.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()
        super().changeEvent(event)


def _short_verdict(history: ProgressHistory) -> str:
    """The verdict in a few words, for the line over the chart (the tooltip has the counts)."""
    if not history.counted:
        return "Progress over time: no steps yet"
    if not history.has_targets:
        return f"Progress: {history.done_now} of {history.counted} done (no target dates)"
    gap = abs(history.ahead)
    steps = f"{gap} step{'s' if gap != 1 else ''}"
    if history.ahead > 0:
        state = f"{steps} ahead of target"
    elif history.ahead < 0:
        state = f"{steps} behind target"
    else:
        state = "on track"
    return f"Progress: {history.done_now} of {history.counted} done, {state}"
