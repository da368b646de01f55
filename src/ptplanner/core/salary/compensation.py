"""Total compensation: cash pay (base, bonus, profit sharing) and what the employer pays for you
on top (401(k) match, health cover, continuing-education stipend), kept apart.

Paid leave is not added: BLS annual pay is the hourly wage times 2,080 hours, so the hours of a
paid holiday or vacation are already inside base pay. Its share of base pay is reported so the
window and the printout can say so (BLS ECEC: paid leave as a share of wages).
"""

from ptplanner.core.salary.inputs import Assumptions
from ptplanner.core.sources import Strict


class Compensation(Strict):
    """A year's pay and benefits in dollars, item by item."""

    base: float
    bonus: float
    profit_sharing: float
    retirement_match: float
    health: float
    ce_stipend: float
    paid_leave_included: float
    """The part of ``base`` that pays for paid leave: informational, never added."""

    @property
    def cash(self) -> float:
        return self.base + self.bonus + self.profit_sharing

    @property
    def benefits(self) -> float:
        return self.retirement_match + self.health + self.ce_stipend

    @property
    def total(self) -> float:
        return self.cash + self.benefits


def retirement_match(base: float, assumptions: Assumptions) -> float:
    """Employer match: rate x the part of your contribution up to the cap, as % of base pay."""
    matched_pct = min(assumptions.retirement_contribution_pct, assumptions.match_cap_pct)
    return base * matched_pct / 100.0 * assumptions.match_rate_pct / 100.0


def paid_leave_share_pct() -> float:
    """The share of BLS annual pay that pays for paid leave, percent.

    ECEC counts wages per hour *worked* and paid leave separately; OEWS annual pay counts every
    paid hour (hourly x 2,080), so leave's share of it is leave / (wages + leave).
    """
    from ptplanner.core.knowledge import benefit_costs

    ecec = benefit_costs().ecec
    leave = ecec.per_hour["paid_leave"]
    return 100.0 * leave / (ecec.wages_per_hour + leave)


def _compensation_parts(base: float, assumptions: Assumptions) -> tuple[float, ...]:
    return (
        base * assumptions.bonus_pct / 100.0,
        assumptions.profit_sharing_usd,
        retirement_match(base, assumptions),
        base * assumptions.health_value_pct / 100.0,
        assumptions.ce_stipend_usd,
    )


def compensation(base: float, assumptions: Assumptions) -> Compensation:
    """Each item of total compensation for ``base`` pay under ``assumptions``."""
    bonus, profit, match, health, stipend = _compensation_parts(base, assumptions)
    return Compensation(
        base=base,
        bonus=bonus,
        profit_sharing=profit,
        retirement_match=match,
        health=health,
        ce_stipend=stipend,
        paid_leave_included=base * paid_leave_share_pct() / 100.0,
    )


def total_compensation(base: float, assumptions: Assumptions) -> float:
    """``compensation(base, assumptions).total`` without building the model (once a year of a
    projection, on every change in the Salary tab)."""
    bonus, profit, match, health, stipend = _compensation_parts(base, assumptions)
    return (base + bonus + profit) + (match + health + stipend)


def cash_pay(base: float, assumptions: Assumptions) -> float:
    """Base pay plus bonus and profit sharing."""
    return base + base * assumptions.bonus_pct / 100.0 + assumptions.profit_sharing_usd
