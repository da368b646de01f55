"""The "Total compensation" page: this year's cash pay and employer-paid benefits, kept apart,
and a line saying why paid leave is not among them (it is inside base pay already)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QVBoxLayout, QWidget

from ptplanner.core.format import money
from ptplanner.core.knowledge import benefit_costs
from ptplanner.core.projection import Projection
from ptplanner.core.salary.compensation import paid_leave_share_pct
from ptplanner.core.salary.model import salary_model
from ptplanner.core.sources import source_catalog
from ptplanner.ui.accessibility import name_with_value, set_value
from ptplanner.ui.tabs.salary.tables import Cell, fill_table, setup_table

CASH_ROW, BENEFITS_ROW, TOTAL_ROW = 3, 7, 8  # the sums, shown in bold


def compensation_cells(projection: Projection) -> list[tuple[Cell, Cell]]:
    """Each part of this year's pay with its assumption: cash pay, then benefits, then both."""
    comp = projection.today.compensation
    a = projection.request.inputs.assumptions
    ecec = source_catalog().get("bls_ecec_2026q1").short
    guide = source_catalog().get("guide").short
    stipend_note = salary_model().defaults.ce_stipend_note
    parts: tuple[tuple[str, float, str], ...] = (
        ("Base pay (typical)", comp.base, "The estimate above, for this year."),
        (f"Bonus and extra pay ({a.bonus_pct:g}% of base)", comp.bonus, f"Default: {ecec}."),
        ("Profit sharing", comp.profit_sharing, "Your assumption; none by default."),
        ("= Cash pay", comp.cash, "What you are paid: base, bonus and profit sharing."),
        (
            f"401(k) match ({a.match_rate_pct:g}% of yours, up to {a.match_cap_pct:g}%)",
            comp.retirement_match,
            f"Default: {guide}.",
        ),
        (f"Health cover ({a.health_value_pct:g}% of base)", comp.health, f"Default: {ecec}."),
        ("Continuing-education stipend", comp.ce_stipend, stipend_note),
        ("= Employer-paid benefits", comp.benefits, "What the employer pays for you on top."),
        ("= Total compensation", comp.total, "Cash pay plus employer-paid benefits."),
    )
    return [((label, tip), (money(amount), "")) for label, amount, tip in parts]


def paid_leave_text(projection: Projection) -> str:
    """Why paid leave is not a line of its own, with its share and source."""
    ecec = benefit_costs().ecec
    source = source_catalog().get(ecec.source).short
    included = projection.today.compensation.paid_leave_included
    return (
        f"Paid leave is already inside base pay: about {paid_leave_share_pct():.0f}% of it "
        f"({money(included)} a year) pays for holidays, vacation and sick days, so it is not "
        f"added on top. Share from {source}, {ecec.group.lower()}."
    )


class CompensationPage(QWidget):
    """The compensation table and the paid-leave line under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Part", "Per year"])
        self.table.setAccessibleName("Total compensation parts")
        setup_table(self.table)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.leave_note = QLabel()
        self.leave_note.setWordWrap(True)
        self.leave_note.setProperty("role", "footnote")
        name_with_value(self.leave_note, "Paid leave")
        layout.addWidget(self.leave_note)

    def show_projection(self, projection: Projection) -> None:
        title = f"Per year ({projection.today.year} dollars)"
        header = self.table.horizontalHeaderItem(1)
        if header is None or header.text() != title:
            self.table.setHorizontalHeaderLabels(["Part", title])
        cells = compensation_cells(projection)
        fill_table(self.table, cells, right={1}, bold={CASH_ROW, BENEFITS_ROW, TOTAL_ROW})
        text = paid_leave_text(projection)
        if self.leave_note.text() != text:
            set_value(self.leave_note, text)
