"""The Assumptions box of the inputs panel: pay-scale growth, inflation and benefits, with sources.

The growth and inflation boxes take the core's bounds (:data:`MARKET_GROWTH_RANGE`,
:data:`INFLATION_RANGE`), the same the command line refuses values outside, so the window cannot
ask for a projection the command line would reject. There is no raise, promotion raise or
paid-time-off box: moving up with experience and promotions comes from BLS pay for each role,
and paid leave is already inside annual pay.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFrame, QGridLayout, QLabel, QPushButton, QWidget

from ptplanner.core.glossary import tooltip
from ptplanner.core.knowledge import benefit_costs
from ptplanner.core.salary.inputs import (
    INFLATION_RANGE,
    MARKET_GROWTH_RANGE,
    Assumptions,
    default_assumptions,
)
from ptplanner.core.salary.market import market_history
from ptplanner.core.salary.model import salary_model
from ptplanner.core.sources import source_catalog

# label, field, minimum, maximum, step, suffix, decimals
ASSUMPTION_FIELDS: tuple[tuple[str, str, float, float, float, str, int], ...] = (
    ("Pay-scale growth beyond inflation", "market_growth_pct", *MARKET_GROWTH_RANGE, 0.1, " %", 2),
    ("Inflation", "inflation_pct", *INFLATION_RANGE, 0.1, " %", 1),
    ("Bonus and extra pay", "bonus_pct", 0, 100, 0.5, " % of base", 2),
    ("Your 401(k) contribution", "retirement_contribution_pct", 0, 100, 0.5, " % of base", 1),
    ("Employer match rate", "match_rate_pct", 0, 200, 5, " % of yours", 0),
    ("Match applies up to", "match_cap_pct", 0, 100, 0.5, " % of base", 1),
    ("Health cover value", "health_value_pct", 0, 100, 0.5, " % of base", 2),
    ("Continuing-education stipend", "ce_stipend_usd", 0, 100_000, 50, " $/yr", 0),
    ("Profit sharing", "profit_sharing_usd", 0, 1_000_000, 100, " $/yr", 0),
)


def growth_tip() -> str:
    """The pay-scale growth box's tooltip: the history behind its default, with its source."""
    h = market_history()
    source = source_catalog().get("bls_oews_history")
    cpi = source_catalog().get("bls_cpi_u")
    low, high = MARKET_GROWTH_RANGE
    return (
        "How fast the whole pay scale for the job grows beyond prices, each year.\n"
        f"Default: BLS history. The national median for {h.soc_code} went from "
        f"${h.median_from:,.0f} ({h.from_period})\n"
        f"to ${h.median_to:,.0f} ({h.to_period}): {h.nominal_growth_pct:+.2f}% a year, "
        f"while the CPI-U rose {h.inflation_pct:.2f}% a year;\n"
        f"{h.real_growth_pct:+.2f}% a year beyond prices. Sources: {source.short}; {cpi.short}.\n"
        "Moving up with experience and promotions is counted separately, not here.\n"
        f"Allowed: {low:g}% to {high:g}% a year, the span history supports."
    )


def inflation_tip() -> str:
    model = salary_model()
    low, high = INFLATION_RANGE
    return (
        "How fast prices rise each year. Default: the CPI-U's change in "
        f"{model.defaults.inflation_cpi_year}\n"
        f"({default_assumptions().inflation_pct:g}%; {source_catalog().get('bls_cpi_u').short}). "
        "Pay in today's dollars takes it out.\n"
        f"Allowed: {low:g}% to {high:g}% a year, the span U.S. price history supports."
    )


# Tooltips that say more than the field's own description (in lines: Qt does not wrap plain text).
def assumption_tips() -> dict[str, str]:
    return {
        "market_growth_pct": f"{growth_tip()}\n\n{tooltip('pay_scale_growth')}",
        "inflation_pct": f"{inflation_tip()}\n\n{tooltip('cpi')}",
    }


def sources_text() -> str:
    h = market_history()
    ecec = benefit_costs().ecec
    return (
        f"Defaults: pay-scale growth from BLS OEWS national medians, {h.from_period} to "
        f"{h.to_period}, against the CPI-U; inflation from the CPI-U "
        f"{salary_model().defaults.inflation_cpi_year}; benefits as a share of wages from BLS "
        f"ECEC (office and administrative support, {ecec.date}); match from the career guide."
    )


class AssumptionsBox(QFrame):
    """A spin box per assumption (:data:`ASSUMPTION_FIELDS`), a reset button and the sources.

    A grid, not a form: the boxes keep the room their widest value and unit need ("100.00 % of
    base") and a long label wraps in a narrow panel, where a form cut the units off.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 1)
        tips = assumption_tips()
        self.spins: dict[str, QDoubleSpinBox] = {}
        for at, (label, field, low, high, step, suffix, decimals) in enumerate(ASSUMPTION_FIELDS):
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setDecimals(decimals)
            spin.setSuffix(suffix)
            spin.setAccessibleName(label)
            spin.setKeyboardTracking(False)
            tip = tips.get(field) or Assumptions.model_fields[field].description
            if tip:
                spin.setToolTip(tip)
            self.spins[field] = spin
            caption = QLabel(label)
            caption.setToolTip(tip or "")  # the label explains as its box does
            caption.setWordWrap(True)
            caption.setBuddy(spin)
            grid.addWidget(caption, at, 0)
            grid.addWidget(spin, at, 1)
        widest = max(spin.sizeHint().width() for spin in self.spins.values())
        grid.setColumnMinimumWidth(1, widest)
        self.reset_button = QPushButton("&Reset to the data's defaults")
        self.reset_button.setAccessibleName("Reset to the data's defaults (assumptions)")
        grid.addWidget(self.reset_button, len(ASSUMPTION_FIELDS), 0, 1, 2)
        sources = QLabel(sources_text())
        sources.setWordWrap(True)
        sources.setProperty("role", "footnote")
        grid.addWidget(sources, len(ASSUMPTION_FIELDS) + 1, 0, 1, 2)
