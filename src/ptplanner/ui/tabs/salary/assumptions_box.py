"""The Assumptions box of the inputs panel: raises, inflation and benefits, with their sources."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFrame, QGridLayout, QLabel, QPushButton, QWidget

from ptplanner.core.salary.inputs import Assumptions

# label, field, minimum, maximum, step, suffix, decimals
ASSUMPTION_FIELDS: tuple[tuple[str, str, float, float, float, str, int], ...] = (
    ("Annual raise", "raise_pct", -10, 25, 0.1, " %", 1),
    ("Promotion raise", "promotion_pct", 0, 100, 0.5, " %", 1),
    ("Inflation", "inflation_pct", -5, 25, 0.1, " %", 1),
    ("Bonus and extra pay", "bonus_pct", 0, 100, 0.5, " % of base", 2),
    ("Your 401(k) contribution", "retirement_contribution_pct", 0, 100, 0.5, " % of base", 1),
    ("Employer match rate", "match_rate_pct", 0, 200, 5, " % of yours", 0),
    ("Match applies up to", "match_cap_pct", 0, 100, 0.5, " % of base", 1),
    ("Health cover value", "health_value_pct", 0, 100, 0.5, " % of base", 2),
    ("Paid time off value", "pto_value_pct", 0, 100, 0.5, " % of base", 2),
    ("Continuing-education stipend", "ce_stipend_usd", 0, 100_000, 50, " $/yr", 0),
    ("Profit sharing", "profit_sharing_usd", 0, 1_000_000, 100, " $/yr", 0),
)
# Tooltips that say more than the field's own description (in lines: Qt does not wrap plain text).
ASSUMPTION_TIPS: dict[str, str] = {
    "promotion_pct": (
        "The pay rise on each promotion you plan.\n"
        'A step in the Plan tab with a "Promotion" salary link and a target date\n'
        "is a promotion: pay rises by this much from its year on.\n"
        "This is ptplanner's own assumption: none of the sources gives a figure."
    ),
}


class AssumptionsBox(QFrame):
    """A spin box per assumption (:data:`ASSUMPTION_FIELDS`), a reset button and the sources.

    A grid, not a form: the boxes keep the room their widest value and unit need ("100.00 % of
    base") and a long label wraps in a narrow panel, where a form cut the units off.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 1)
        self.spins: dict[str, QDoubleSpinBox] = {}
        for at, (label, field, low, high, step, suffix, decimals) in enumerate(ASSUMPTION_FIELDS):
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setDecimals(decimals)
            spin.setSuffix(suffix)
            spin.setAccessibleName(label)
            spin.setKeyboardTracking(False)
            tip = ASSUMPTION_TIPS.get(field) or Assumptions.model_fields[field].description
            if tip:
                spin.setToolTip(tip)
            self.spins[field] = spin
            caption = QLabel(label)
            caption.setWordWrap(True)
            caption.setBuddy(spin)
            grid.addWidget(caption, at, 0)
            grid.addWidget(spin, at, 1)
        widest = max(spin.sizeHint().width() for spin in self.spins.values())
        grid.setColumnMinimumWidth(1, widest)
        self.reset_button = QPushButton("&Reset to the data's defaults")
        self.reset_button.setAccessibleName("Reset assumptions")
        grid.addWidget(self.reset_button, len(ASSUMPTION_FIELDS), 0, 1, 2)
        sources = QLabel(
            "Defaults: raise from reported 2026 health-care pay budgets; inflation from CPI-U "
            "2025; benefits as a share of wages from BLS ECEC (office and administrative "
            "support, March 2026); match from the career guide. The promotion raise is "
            "ptplanner's own assumption."
        )
        sources.setWordWrap(True)
        sources.setProperty("role", "footnote")
        grid.addWidget(sources, len(ASSUMPTION_FIELDS) + 1, 0, 1, 2)
