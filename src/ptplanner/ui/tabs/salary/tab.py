"""The Salary tab: a profile on the left, today's estimate, why, and the projection on the right.

The tab composes its parts and wires them to the :class:`ScenarioModel` it is given: every
input change goes straight to the model, and the tab redraws from the model's projection on
each ``changed`` signal, so nothing here computes pay. A change must show within one frame, so
the redraw touches only what is on show and what changed: the graph's one chart item gets new
points, table cells are updated in place, new label text does not re-lay the tab, and hidden
pages catch up when shown (pyqtgraph is imported with this module, which the window loads only
when the tab is first shown).

Where things are: the inputs in :mod:`.inputs_panel`, the figures and the line under them in
:mod:`.figures`, the graph in :mod:`.plot`, the tables under it in :mod:`.details`; the state
in :mod:`.scenario`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.glossary import tooltip
from ptplanner.core.projection import Projection
from ptplanner.ui.accessibility import announce, name_with_value, plain_descriptions, set_value
from ptplanner.ui.tabs.salary.details import DetailPages
from ptplanner.ui.tabs.salary.figures import HeadlineFigures, context_line, context_text
from ptplanner.ui.tabs.salary.inputs_panel import InputsPanel
from ptplanner.ui.tabs.salary.plot import ProjectionPlot
from ptplanner.ui.tabs.salary.scenario import ScenarioModel
from ptplanner.ui.tabs.salary.splitter import ShareSplitter

GRAPH_SHARE = 0.55  # of the height the graph (its legend under it) and the detail tables share


def today_text(year: int) -> str:
    """The label of the choice of this year's dollars: "2026 dollars"."""
    return f"&{year} dollars"


def dollars_name(year: int) -> str:
    """The accessible name of the choice of this year's dollars, its visible words in it."""
    return f"Show pay in {year} dollars (today's dollars)"


def inputs_width(room: int) -> int:
    """The inputs panel's width in a tab ``room`` pixels wide: 340 at 1024, up to 400."""
    return min(400, max(340, round(room * 0.3)))


class SalaryTab(QWidget):
    """Inputs, today's estimate with its reasons, the projection graph and its table."""

    refreshed = Signal()

    def __init__(self, scenario: ScenarioModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario = scenario
        self.inputs = InputsPanel(scenario)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 8, 8, 8)
        self.figures = HeadlineFigures()
        right_layout.addWidget(self.figures)
        self.context_label = context_line()
        right_layout.addWidget(self.context_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        name_with_value(self.error_label, "Input problem")
        self.error_label.setStyleSheet("color: #c0392b; font-weight: 600;")
        self.error_label.hide()
        right_layout.addWidget(self.error_label)
        right_layout.addLayout(self._controls())
        right_layout.addLayout(self.decide_row)

        self.plot = ProjectionPlot()
        self.plot.setAccessibleName("Salary projection graph")  # its description summarises it
        self.details = DetailPages()
        # The graph gets a little more than half the height: the breakdown beneath it then shows
        # four or five of its rows at 1024x700 (the rest a scroll away) and all at 1280x800.
        split = ShareSplitter(Qt.Orientation.Vertical, lambda room: round(room * GRAPH_SHARE))
        split.addWidget(self.plot)
        split.addWidget(self.details)
        split.setStretchFactor(0, 11)
        split.setStretchFactor(1, 9)
        split.setChildrenCollapsible(False)
        right_layout.addWidget(split, 1)

        # The inputs get more room in a wider window, where long area names can then show whole.
        outer = ShareSplitter(Qt.Orientation.Horizontal, inputs_width, self)
        outer.addWidget(self.inputs)
        # On a short screen (1280x720 at 150% leaves about 480 px) the estimate, the graph and the
        # tables scroll together rather than being cut off; wherever they fit, no scroll bar shows.
        self.right_scroll = QScrollArea()
        self.right_scroll.setWidget(right)
        self.right_scroll.setWidgetResizable(True)
        self.right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.right_scroll.setAccessibleName("Estimate and projection")
        # No focus stop of its own (it would draw no focus mark); Tab to a control inside
        # scrolls it into view.
        self.right_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Only up and down: as wide as its content needs beside a scroll bar, as before.
        self.right_scroll.setMinimumWidth(
            right.minimumSizeHint().width()
            + self.right_scroll.verticalScrollBar().sizeHint().width()
        )
        outer.addWidget(self.right_scroll)
        outer.setStretchFactor(0, 0)
        outer.setStretchFactor(1, 1)
        outer.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)

        self._show_dollars()
        self.nominal_radio.toggled.connect(
            lambda on: scenario.set_dollars("nominal" if on else "today")
        )
        self.total_check.toggled.connect(lambda _c: self.refresh())
        self.pin_button.clicked.connect(self.pin)
        self.compare_button.clicked.connect(self.open_compare)
        self.offer_button.clicked.connect(self.open_offer)
        self.compare_dialog: QDialog | None = None
        self.offer_dialog: QDialog | None = None
        self.unpin_button.clicked.connect(scenario.unpin)
        scenario.changed.connect(self.refresh)
        scenario.changed.connect(self._announce_pay)
        scenario.pinned_changed.connect(self.refresh)
        scenario.invalid.connect(self.show_error)
        self.details.pins_page.rename_requested.connect(scenario.rename_pin)
        self.details.pins_page.remove_requested.connect(scenario.remove_pin)
        self._stale = True  # drawn when first shown
        self._error_said = ""  # the problem last announced
        plain_descriptions(self)

    def _controls(self) -> QHBoxLayout:
        """The row above the graph: what it shows, and pinning a scenario to compare."""
        controls = QHBoxLayout()
        # Today's dollars by default: a raise that only keeps up with prices shows as flat.
        self.today_radio = QRadioButton(today_text(self.scenario.start_year))
        self.today_radio.setAccessibleName(dollars_name(self.scenario.start_year))
        self.today_radio.setToolTip(
            "Pay in this year's dollars: inflation taken out, so the lines show\n"
            "what pay will buy (the default).\n\n" + tooltip("todays_dollars")
        )
        self.nominal_radio = QRadioButton("N&ominal dollars")
        self.nominal_radio.setAccessibleName("Show pay in nominal dollars")  # the visible words
        self.nominal_radio.setToolTip(
            "Pay as the amounts paid in each year, inflation included.\n\n"
            + tooltip("nominal_dollars")
        )
        self.dollars_group = QButtonGroup(self)
        self.dollars_group.addButton(self.today_radio)
        self.dollars_group.addButton(self.nominal_radio)
        self.total_check = QCheckBox("Show &total compensation")
        self.total_check.setChecked(True)
        self.total_check.setAccessibleName("Show total compensation line")
        self.total_check.setToolTip(tooltip("total_compensation"))
        self.pin_button = QPushButton("Pin for &comparison")
        self.pin_button.setToolTip(
            "Keep this scenario on the graph (up to four), then change the inputs;\n"
            "rename or remove pinned ones on the Pinned page below"
        )
        self.unpin_button = QPushButton("Clear compariso&n")
        self.unpin_button.setToolTip("Remove every pinned scenario")
        controls.addWidget(self.today_radio)
        controls.addWidget(self.nominal_radio)
        controls.addSpacing(12)
        controls.addWidget(self.total_check)
        controls.addStretch(1)
        self.compare_button = QPushButton("Co&mpare places…")
        self.compare_button.setAccessibleName("Compare places")
        self.compare_button.setToolTip("Your profile priced in up to four places, side by side")
        self.offer_button = QPushButton("Chec&k an offer…")
        self.offer_button.setAccessibleName("Check an offer")
        self.offer_button.setToolTip("Where an offer's pay falls among BLS pay in its area")
        # A second row: one row of six controls pushed the inputs panel narrower than its text.
        self.decide_row = decide = QHBoxLayout()
        decide.addWidget(self.compare_button)
        decide.addWidget(self.offer_button)
        decide.addStretch(1)
        decide.addWidget(self.pin_button)
        decide.addWidget(self.unpin_button)
        return controls

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    # --- actions ------------------------------------------------------------------------------

    def _show_dollars(self, first_year: int | None = None) -> None:
        if first_year is not None and self.today_radio.text() != today_text(first_year):
            self.today_radio.setText(today_text(first_year))
            self.today_radio.setAccessibleName(dollars_name(first_year))
        radio = self.nominal_radio if self.scenario.dollars == "nominal" else self.today_radio
        if not radio.isChecked():
            radio.setChecked(True)

    def pin(self) -> None:
        self.scenario.pin()

    def open_compare(self) -> None:
        """The profile on show (with what the plan adds) priced in several places."""
        from ptplanner.ui.tabs.salary.compare_dialog import CompareDialog

        inputs = self.scenario.effective_inputs()
        self.compare_dialog = CompareDialog(inputs, self.scenario.start_year, self)
        self.compare_dialog.show()

    def open_offer(self) -> None:
        from ptplanner.ui.tabs.salary.offer_dialog import OfferDialog

        inputs = self.scenario.effective_inputs()
        self.offer_dialog = OfferDialog(inputs, self.scenario.start_year, self)
        self.offer_dialog.show()

    def show_error(self, message: str) -> None:
        set_value(self.error_label, message)
        self.error_label.show()
        # Said once when it appears, not again on each redraw while the plan's problem stays.
        if message != self._error_said:
            self._error_said = message
            announce(self.error_label, self.error_label.accessibleName(), assertive=True)

    def _announce_pay(self) -> None:
        """Say the new typical pay after an input change, as the figure above the graph says it."""
        if self.isVisible():
            label = self.figures.typical_label.label
            announce(label, label.accessibleName())

    # --- drawing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.isVisible():
            # Another tab is on show (a plan edit, say): catch up when this one is shown.
            self._stale = True
            return
        self._stale = False
        # Hidden first: computing the projection may report that the plan's links were ignored.
        self.error_label.hide()
        projection = self.scenario.projection()
        if self.scenario.plan_problem:
            self.show_error(self.scenario.plan_problem)
        else:
            self._error_said = ""
        self._show_summary(projection)
        self._show_dollars(projection.rows[0].year)
        dollars = self.scenario.dollars
        self.details.show_projection(projection, dollars)
        pins = self.scenario.pins
        self.plot.show_projection(
            projection,
            dollars=dollars,
            show_total=self.total_check.isChecked(),
            comparisons=[(p.name, p.projection) for p in pins],
        )
        self.details.show_pins(pins, dollars)
        self.unpin_button.setEnabled(bool(pins))
        self.pin_button.setEnabled(self.scenario.can_pin())
        self.refreshed.emit()

    def _show_summary(self, projection: Projection) -> None:
        today = projection.today
        self.figures.show_estimate(today)
        profile = self.scenario.plan_profile()
        plan_lines = [*profile.describe(), *profile.notes] if self.scenario.use_plan else []
        text, tip = context_text(today, plan_lines)
        self.context_label.setToolTip(tip)
        self.context_label.setText(text)
