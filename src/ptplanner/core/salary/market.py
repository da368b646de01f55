"""How the whole pay scale has moved: the occupation's BLS median against consumer prices.

The default for the pay scale's real growth is what BLS history shows for the occupation over
the window named in resources/salary_model.json (May 2020 to May 2025): the national median's
yearly growth, net of the CPI-U's over the same years. This is market drift only; climbing the
distribution with experience and promotions is counted elsewhere, so nothing counts twice.
"""

from functools import cache
from typing import NamedTuple

from ptplanner.core.knowledge import cpi, industry_wages
from ptplanner.core.salary.model import salary_model


class MarketHistory(NamedTuple):
    """The history behind the default pay-scale growth, every figure as BLS published it."""

    soc_code: str
    from_period: str
    to_period: str
    median_from: float
    median_to: float
    cpi_from_year: int
    cpi_to_year: int
    cpi_from: float
    cpi_to: float
    years: int

    @property
    def nominal_growth_pct(self) -> float:
        return 100.0 * (float((self.median_to / self.median_from) ** (1 / self.years)) - 1)

    @property
    def inflation_pct(self) -> float:
        return 100.0 * (float((self.cpi_to / self.cpi_from) ** (1 / self.years)) - 1)

    @property
    def real_growth_pct(self) -> float:
        """Yearly growth of the median beyond prices, percent."""
        ratio = (self.median_to / self.median_from) / (self.cpi_to / self.cpi_from)
        return 100.0 * (float(ratio ** (1 / self.years)) - 1)


@cache
def market_history() -> MarketHistory:
    """The occupation's national median at both ends of the window, and the CPI-U at both."""
    market = salary_model().market
    rows = {row.reference_period: row for row in industry_wages().history(market.soc_code)}
    start, end = rows[market.from_period].median, rows[market.to_period].median
    prices = {row.year: row.all_items for row in cpi().years}
    assert start is not None and end is not None
    return MarketHistory(
        soc_code=market.soc_code,
        from_period=market.from_period,
        to_period=market.to_period,
        median_from=float(start),
        median_to=float(end),
        cpi_from_year=market.cpi_from_year,
        cpi_to_year=market.cpi_to_year,
        cpi_from=prices[market.cpi_from_year],
        cpi_to=prices[market.cpi_to_year],
        years=market.cpi_to_year - market.cpi_from_year,
    )


def pay_scale_factor(years: float, market_growth_pct: float, inflation_pct: float) -> float:
    """How much the nominal pay scale grows over ``years``: real market growth times prices."""
    return float(((1 + market_growth_pct / 100.0) * (1 + inflation_pct / 100.0)) ** years)
