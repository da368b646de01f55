"""The "A day in the life" tab: a worked clinic day as an interactive timeline.

The day (``resources/content/day.json``) is painted as coloured blocks on a time axis
(:mod:`~ptplanner.ui.tabs.day.timeline`, with its legend in
:mod:`~ptplanner.ui.tabs.day.kind_legend`); a click or the arrow keys select a block and the
panel below explains it (:mod:`~ptplanner.ui.tabs.day.block_details`). Beside it a bar chart
shows how the working hours divide among the kinds of work
(:mod:`~ptplanner.ui.tabs.day.hours_chart`). This module lays them out and keeps them in step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QToolTip, QVBoxLayout, QWidget

from ptplanner.core.day import DayTimeline
from ptplanner.core.onet import OnetData
from ptplanner.ui.accessibility import plain_descriptions
from ptplanner.ui.tabs.day.block_details import BlockDetails
from ptplanner.ui.tabs.day.hours_chart import KindHoursChart
from ptplanner.ui.tabs.day.kind_legend import KindLegend
from ptplanner.ui.tabs.day.time_text import hours_text
from ptplanner.ui.tabs.day.timeline import TimelineView
from ptplanner.ui.widgets import (
    Card,
    Footnote,
    MutedLabel,
    citation_text,
    citation_tooltip,
    make_label,
    tint_muted,
)


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
        # The footnotes' rich source tooltips would otherwise be read out as raw HTML.
        plain_descriptions(self)

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown by Ctrl+2 or a tab click (not the window coming back): the arrow keys should
        # walk the day at once, without a Tab first to reach the timeline.
        if not event.spontaneous():
            self.timeline_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():
            QToolTip.hideText()  # a block's tooltip would float over the next tab

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            tint_muted(self)
