"""Total compensation: base pay plus bonus, retirement match, health cover, paid time off, the
continuing-education stipend and profit sharing, each from the assumptions.
"""

from __future__ import annotations

from ptplanner.core.salary.inputs import Assumptions
from ptplanner.core.sources import Strict


class Compensation(Strict):
    """A year's pay and benefits in dollars, item by item."""

    base: float
    bonus: float
    retirement_match: float
    health: float
    paid_time_off: float
    ce_stipend: float
    profit_sharing: float

    @property
    def total(self) -> float:
        return (
            self.base
            + self.bonus
            + self.retirement_match
            + self.health
            + self.paid_time_off
            + self.ce_stipend
            + self.profit_sharing
        )


def retirement_match(base: float, assumptions: Assumptions) -> float:
    """Employer match: rate x the part of your contribution up to the cap, as % of base pay."""
    matched_pct = min(assumptions.retirement_contribution_pct, assumptions.match_cap_pct)
    return base * matched_pct / 100.0 * assumptions.match_rate_pct / 100.0


def _compensation_parts(base: float, assumptions: Assumptions) -> dict[str, float]:
    return {
        "base": base,
        "bonus": base * assumptions.bonus_pct / 100.0,
        "retirement_match": retirement_match(base, assumptions),
        "health": base * assumptions.health_value_pct / 100.0,
        "paid_time_off": base * assumptions.pto_value_pct / 100.0,
        "ce_stipend": assumptions.ce_stipend_usd,
        "profit_sharing": assumptions.profit_sharing_usd,
    }


def compensation(base: float, assumptions: Assumptions) -> Compensation:
    """Each item of total compensation for ``base`` pay under ``assumptions``."""
    return Compensation(**_compensation_parts(base, assumptions))


def total_compensation(base: float, assumptions: Assumptions) -> float:
    """``compensation(base, assumptions).total`` without building the model (once a year of a
    projection, on every change in the Salary tab)."""
    return sum(_compensation_parts(base, assumptions).values())
