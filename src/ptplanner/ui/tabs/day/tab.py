"""The "A day in the life" tab: a worked clinic day as an interactive timeline.

The day (``resources/content/day.json``) is painted as coloured blocks on a time axis; a click or
the arrow keys select a block and the panel below explains it: what happens, the skills it uses
and the O*NET tasks it matches. Beside it a bar chart shows how the working hours divide among
the kinds of work. Both are painted with QPainter from the live palette, so they follow light and
dark schemes; the block colours come from the data (mid-luminance, with a matching label colour).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
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
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core import content
from ptplanner.core.content import DayBlock, DayKind, DayTimeline, OnetData, minutes
from ptplanner.core.sources import Cited
from ptplanner.ui.widgets import (
    Card,
    Footnote,
    MutedLabel,
    bullet_html,
    citation_text,
    citation_tooltip,
    make_label,
    mix,
    tint_muted,
)


def clock(total_minutes: int) -> str:
    """Minutes since midnight as "HH:MM", the way the day's data writes times."""
    return f"{total_minutes // 60:02d}:{total_minutes % 60:02d}"


def hours_text(hours: float) -> str:
    """ "2.25 h", "1.5 h", "2 h": exact quarter hours without trailing zeros."""
    return f"{hours:.2f}".rstrip("0").rstrip(".") + " h"


def duration_text(total_minutes: int) -> str:
    """ "15 min", "1 h", "1 h 45 min"."""
    hours, rest = divmod(total_minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


def wrap_words(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """``text`` broken at spaces into at most ``max_lines`` lines, the last elided if need be."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for index, word in enumerate(words):
        trial = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(trial) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            current = " ".join(words[index:])
            break
    if current:
        lines.append(metrics.elidedText(current, Qt.TextElideMode.ElideRight, width))
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


def block_summary(timeline: DayTimeline, block: DayBlock) -> str:
    """One line a screen reader or tooltip can say: "08:30–09:15, Front desk: Morning check-ins"."""
    return f"{block.start}–{block.end}, {timeline.style(block.kind).label}: {block.title}"


# --------------------------------------------------------------------------- timeline


class TimelineView(QWidget):
    """The day as blocks on a horizontal time axis; click or arrow keys to select a block."""

    selection_changed = Signal(str)

    PAD_TOP = 10  # room above the blocks for the raised, outlined selected block
    BLOCK_HEIGHT = 56
    RAISE = 4  # how far the selected block stands out above and below the others

    def __init__(self, timeline: DayTimeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.blocks = timeline.blocks
        self._start = minutes(timeline.day_start)
        self._end = minutes(timeline.day_end)
        self._index = 0
        self._hover = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleDescription(
            "Left and Right arrow keys move between blocks of the day; Home and End jump to the "
            "first and last block."
        )
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
        self.setAccessibleName(
            f"Day timeline: {block_summary(self.timeline, self.blocks[self._index])}"
        )
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))

    # ----------------------------------------------------------------- geometry

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _margin_x(self) -> int:
        # Half an "HH:MM" label each side, so the first and last tick labels are not cut.
        return QFontMetrics(self._label_font()).horizontalAdvance("00:00") // 2 + 6

    def _track(self) -> QRect:
        margin = self._margin_x()
        return QRect(margin, self.PAD_TOP, self.width() - 2 * margin, self.BLOCK_HEIGHT)

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
        return -1

    def sizeHint(self) -> QSize:
        return QSize(900, self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:
        label_height = QFontMetrics(self._label_font()).height()
        return QSize(480, self.PAD_TOP + self.BLOCK_HEIGHT + self.RAISE + 12 + label_height + 4)

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
        self._paint_label(painter, block, rect, QColor(style.text_colour))
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

    def _paint_label(
        self, painter: QPainter, block: DayBlock, rect: QRectF, colour: QColor
    ) -> None:
        inner = rect.adjusted(6, 5, -5, -5)
        if inner.width() < 28:
            return  # too narrow for any text; the tooltip and the details panel name it
        small = self._label_font()
        metrics = QFontMetrics(small)
        painter.setPen(colour)
        painter.setFont(small)
        top = QRectF(inner.left(), inner.top(), inner.width(), metrics.height())
        painter.drawText(
            top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, block.start
        )
        title_font = QFont(small)
        title_font.setBold(True)
        title_metrics = QFontMetrics(title_font)
        painter.setFont(title_font)
        y = top.bottom() + 2
        for line in wrap_words(block.title, title_metrics, int(inner.width()), max_lines=2):
            if line == "…":
                break
            painter.drawText(
                QRectF(inner.left(), y, inner.width(), title_metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
            y += title_metrics.height()

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


# --------------------------------------------------------------------------- legend and chart


class KindLegend(QWidget):
    """Colour swatch and label for every kind of block, wrapping onto more lines when narrow."""

    SWATCH = 12
    GAP = 18

    def __init__(self, timeline: DayTimeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        labels = ", ".join(style.label for style in timeline.kinds)
        self.setAccessibleName(f"Legend: {labels}")
        self.setToolTip(timeline.palette_note)

    def _item_width(self, label: str) -> int:
        return self.SWATCH + 6 + self.fontMetrics().horizontalAdvance(label)

    def _positions(self, width: int) -> list[tuple[int, int]]:
        line_height = self.fontMetrics().height() + 6
        x = y = 0
        positions = []
        for style in self.timeline.kinds:
            item = self._item_width(style.label)
            if x > 0 and x + item > width:
                x, y = 0, y + line_height
            positions.append((x, y))
            x += item + self.GAP
        return positions

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        positions = self._positions(max(1, width))
        return (positions[-1][1] if positions else 0) + self.fontMetrics().height() + 4

    def sizeHint(self) -> QSize:
        width = sum(self._item_width(s.label) + self.GAP for s in self.timeline.kinds)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        widest = max(self._item_width(s.label) for s in self.timeline.kinds)
        return QSize(widest, self.heightForWidth(self.width() or widest))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        outline = mix(
            self.palette().color(QPalette.ColorRole.WindowText),
            self.palette().color(QPalette.ColorRole.Window),
            0.35,
        )
        for style, (x, y) in zip(self.timeline.kinds, self._positions(self.width()), strict=True):
            swatch_top = y + (metrics.height() - self.SWATCH) / 2
            painter.setPen(QPen(outline, 1))
            painter.setBrush(QColor(style.colour))
            painter.drawRoundedRect(
                QRectF(x + 0.5, swatch_top + 0.5, self.SWATCH, self.SWATCH), 3, 3
            )
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRectF(x + self.SWATCH + 6, y, self._item_width(style.label), metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                style.label,
            )


class KindHoursChart(QWidget):
    """Horizontal bars: hours of the working day spent on each kind of work (break excluded)."""

    EXCLUDED: tuple[DayKind, ...] = ("break",)

    def __init__(self, timeline: DayTimeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self._highlight: str | None = None
        totals: dict[DayKind, int] = {}
        for block in timeline.blocks:
            if block.kind not in self.EXCLUDED:
                totals[block.kind] = totals.get(block.kind, 0) + block.duration_minutes
        order = [style.kind for style in timeline.kinds]
        # Biggest share first; ties keep the data's order of kinds.
        self._rows = sorted(totals.items(), key=lambda item: (-item[1], order.index(item[0])))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Hours per kind of work")
        self.setAccessibleDescription(
            "; ".join(f"{label}: {value}" for label, value in self.bar_labels())
        )

    def hours_by_kind(self) -> dict[str, float]:
        """Hours per kind, as charted (break excluded), biggest first."""
        return {kind: total / 60 for kind, total in self._rows}

    def bar_labels(self) -> list[tuple[str, str]]:
        """(kind label, hours text) per bar, top to bottom, exactly as painted."""
        return [
            (self.timeline.style(kind).label, hours_text(total / 60)) for kind, total in self._rows
        ]

    def set_highlight(self, kind: str | None) -> None:
        if kind != self._highlight:
            self._highlight = kind
            self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 12

    def _label_width(self) -> int:
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        return max(metrics.horizontalAdvance(label) for label, _ in self.bar_labels()) + 12

    def _value_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("00.00 h") + 8

    def sizeHint(self) -> QSize:
        return QSize(360, self._row_height() * len(self._rows) + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._label_width() + self._value_width() + 60, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        label_width = self._label_width()
        value_width = self._value_width()
        bar_space = max(10, self.width() - label_width - value_width)
        largest = max((total for _, total in self._rows), default=1)
        row_height = self._row_height()
        bold = QFont(self.font())
        bold.setBold(True)
        for row, ((kind, total), (label, value)) in enumerate(
            zip(self._rows, self.bar_labels(), strict=True)
        ):
            top = row * row_height + 1
            highlighted = kind == self._highlight
            painter.setFont(bold if highlighted else self.font())
            painter.setPen(text)
            painter.drawText(
                QRectF(0, top, label_width - 10, row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            bar = QRectF(label_width, top + 5, bar_space * total / largest, row_height - 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.timeline.style(kind).colour))
            painter.drawRoundedRect(bar, 3, 3)
            if highlighted:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(text, 2))
                painter.drawRoundedRect(bar.adjusted(-1, -1, 1, 1), 4, 4)
            painter.setPen(text)
            painter.drawText(
                QRectF(bar.right() + 8, top, value_width, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                value,
            )


# --------------------------------------------------------------------------- details


class BlockDetails(QWidget):
    """Everything about the selected block: time, kind, what happens, skills, O*NET tasks."""

    def __init__(
        self, timeline: DayTimeline, onet: OnetData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.onet = onet
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        top = QHBoxLayout()
        top.setSpacing(8)
        self.time_label = make_label("", "subheading")
        self.time_label.setWordWrap(False)
        top.addWidget(self.time_label)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("kindBadge")
        top.addWidget(self.kind_label, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        self.previous_button = QPushButton("◀ Earlier")
        self.previous_button.setAccessibleName("Previous block")
        self.previous_button.setToolTip("Select the block before this one (Left arrow)")
        self.next_button = QPushButton("Later ▶")
        self.next_button.setAccessibleName("Next block")
        self.next_button.setToolTip("Select the block after this one (Right arrow)")
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        layout.addLayout(top)

        self.title_label = make_label("", "heading")
        layout.addWidget(self.title_label)
        self.description_label = make_label("")
        layout.addWidget(self.description_label)

        self.skills_heading = make_label("Skills it uses", "subheading")
        self.skills_heading.setContentsMargins(0, 6, 0, 0)
        self.skills_label = make_label("", rich=True)
        layout.addWidget(self.skills_heading)
        layout.addWidget(self.skills_label)

        self.tasks_heading = make_label("Related O*NET tasks", "subheading")
        self.tasks_heading.setContentsMargins(0, 6, 0, 0)
        self.tasks_label = make_label("", rich=True)
        onet_cite = Cited(source=onet.source, date=onet.date)
        self.attribution_label = Footnote(
            f"{citation_text([onet_cite])}. {onet.attribution}", citation_tooltip([onet_cite])
        )
        layout.addWidget(self.tasks_heading)
        layout.addWidget(self.tasks_label)
        layout.addWidget(self.attribution_label)

        self.source_label = Footnote("")
        layout.addWidget(self.source_label)

    def show_block(self, block: DayBlock) -> None:
        style = self.timeline.style(block.kind)
        self.time_label.setText(
            f"{block.start}–{block.end} · {duration_text(block.duration_minutes)}"
        )
        self.kind_label.setText(style.label)
        # The kind's own colours (an accent chosen to read on light and dark backgrounds).
        self.kind_label.setStyleSheet(
            f"QLabel#kindBadge {{ background-color: {style.colour}; color: {style.text_colour};"
            " border-radius: 4px; padding: 2px 8px; }"
        )
        self.kind_label.setAccessibleName(f"Kind of work: {style.label}")
        self.title_label.setText(block.title)
        self.description_label.setText(block.description)

        skills = [self._skill_title(skill_id) for skill_id in block.skills]
        self.skills_label.setText(bullet_html(skills))
        for widget in (self.skills_heading, self.skills_label):
            widget.setVisible(bool(skills))

        tasks = []
        for task_id in block.onet_task_ids:
            try:
                statement = self.onet.occupation(content.ROLE_SOC).task(task_id).statement
            except KeyError:
                continue
            tasks.append(f"{statement} (O*NET task {task_id})")
        self.tasks_label.setText(bullet_html(tasks))
        for widget in (self.tasks_heading, self.tasks_label, self.attribution_label):
            widget.setVisible(bool(tasks))

        self.source_label.setText(citation_text([block]))
        self.source_label.setToolTip(citation_tooltip([block]))

    @staticmethod
    def _skill_title(skill_id: str) -> str:
        try:
            return content.overview().skill(skill_id).title
        except KeyError:
            return skill_id.replace("_", " ")

    def text(self) -> str:
        """All text the panel shows right now, top to bottom (for tests and screen readers)."""
        parts = []
        for label in self.findChildren(QLabel):
            if label.isVisibleTo(self) and label.text():
                text = label.text()
                if label.textFormat() == Qt.TextFormat.RichText:
                    document = QTextDocument()
                    document.setHtml(text)
                    text = document.toPlainText().strip()
                parts.append(text)
        return "\n".join(parts)


# --------------------------------------------------------------------------- the tab


class DayTab(QWidget):
    """A worked day at the front desk: timeline, legend, details of one block, hours per kind."""

    selection_changed = Signal(str)

    def __init__(
        self, timeline: DayTimeline, onet: OnetData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.onet = onet
        self.setObjectName("dayTab")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)
        title_row = QHBoxLayout()
        title_row.addWidget(make_label(timeline.title, "heading"), 1)
        hint = MutedLabel("Click a block, or use ← and →, to see what happens in it.")
        hint.setWordWrap(False)
        title_row.addWidget(hint, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(title_row)
        setting = make_label(timeline.setting)
        outer.addWidget(setting)

        self.timeline_view = TimelineView(timeline)
        outer.addWidget(self.timeline_view)
        self.legend = KindLegend(timeline)
        outer.addWidget(self.legend)

        lower = QHBoxLayout()
        lower.setSpacing(12)
        details_card = Card()
        self.details = BlockDetails(timeline, onet)
        details_card.add(self.details)
        self.details_scroll = QScrollArea()
        self.details_scroll.setAccessibleName("Details of the selected block")
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The card keeps its natural height; the scroll area only scrolls when the window is short.
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(details_card)
        holder_layout.addStretch(1)
        self.details_scroll.setWidget(holder)
        self._details_chain = (self.details, details_card, holder)
        self.details_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lower.addWidget(self.details_scroll, 3)

        chart_card = Card()
        chart_card.add(make_label("How the day divides", "subheading"))
        worked = sum(b.duration_minutes for b in timeline.blocks if b.kind != "break")
        breaks = sum(b.duration_minutes for b in timeline.blocks if b.kind == "break")
        caption = f"Hours per kind of work, {timeline.day_start}–{timeline.day_end}: "
        caption += f"{hours_text(worked / 60)} of work"
        if breaks:
            caption += f", not counting the {hours_text(breaks / 60)} break"
        self.chart_caption = MutedLabel(caption + ".", small=False)
        chart_card.add(self.chart_caption)
        self.hours_chart = KindHoursChart(timeline)
        chart_card.add(self.hours_chart)
        chart_card.add(Footnote(citation_text(timeline.blocks), citation_tooltip(timeline.blocks)))
        chart_column = QVBoxLayout()
        chart_column.addWidget(chart_card)
        chart_column.addStretch(1)
        lower.addLayout(chart_column, 2)
        outer.addLayout(lower, 1)

        self.timeline_view.selection_changed.connect(self._on_selection)
        self.details.previous_button.clicked.connect(
            lambda: self.timeline_view.select_index(self.timeline_view.selected_index() - 1)
        )
        self.details.next_button.clicked.connect(
            lambda: self.timeline_view.select_index(self.timeline_view.selected_index() + 1)
        )
        self._show_selected()
        tint_muted(self)

    # ----------------------------------------------------------------- public API

    def select_block(self, block_id: str) -> None:
        self.timeline_view.select_block(block_id)

    def selected_block_id(self) -> str:
        return self.timeline_view.selected_block().id

    # ----------------------------------------------------------------- behaviour

    def _on_selection(self, block_id: str) -> None:
        self._show_selected()
        self.selection_changed.emit(block_id)

    def _show_selected(self) -> None:
        block = self.timeline_view.selected_block()
        self.details.show_block(block)
        # Re-lay out from the labels upwards, now. Left to the posted layout requests, the
        # word-wrapped labels sometimes keep the previous block's height (the card is sized
        # from a stale height-for-width) and the last lines get cut off.
        for widget in self._details_chain:
            layout = widget.layout()
            if layout is not None:
                layout.activate()
        index = self.timeline_view.selected_index()
        self.details.previous_button.setEnabled(index > 0)
        self.details.next_button.setEnabled(index < len(self.timeline.blocks) - 1)
        self.hours_chart.set_highlight(block.kind)
        self.details_scroll.verticalScrollBar().setValue(0)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            tint_muted(self)
