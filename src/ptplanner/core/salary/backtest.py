"""The back-test: the model's market mechanics run over five years BLS has already published.

Start from BLS OEWS's national May 2020 wage distribution for each of the ladder's three
published occupations (43-4171, 43-6013, 11-9111), carry every percentile forward five years
the way a projection carries pay forward (:func:`~ptplanner.core.salary.market.pay_scale_factor`,
with the CPI-U's actual 2020-2025 rise as inflation), and compare with what BLS published for
May 2025. Two runs: the default real market growth, and none at all.

The default growth is measured on the 43-6013 median over this very window, so that one figure
is in-sample by construction; the other percentiles and the other two occupations are the
out-of-sample check. ``docs/salary-method.md`` prints :func:`markdown` and a test checks the two
agree; ``python -m ptplanner.core.salary.backtest`` prints it again after a data change.
"""

from typing import NamedTuple

from ptplanner.core.knowledge import PERCENTILE_POINTS, IndustryWage, industry_wages
from ptplanner.core.salary.inputs import default_assumptions
from ptplanner.core.salary.market import market_history, pay_scale_factor
from ptplanner.core.salary.model import salary_model

OCCUPATIONS = ("43-4171", "43-6013", "11-9111")
"""The ladder's occupations with a BLS national history (43-1011 has no May 2020 row here)."""

TOLERANCE_PCT = 12.5
"""The largest error, either run, any occupation and percentile. Uniform scaling cannot follow a
distribution that changes shape: 2020-2025 raised the bottom of these distributions faster than
the top, which the tails' errors show."""

MEDIAN_TOLERANCE_PCT = 5.0
"""The largest error at the median, either run, any occupation."""


class BacktestRow(NamedTuple):
    """One percentile of one occupation: May 2020, carried to May 2025, and BLS's May 2025."""

    soc: str
    percentile: int
    may2020: float
    modelled: float
    published: float

    @property
    def error_pct(self) -> float:
        """How far the modelled figure is from BLS's, percent of BLS's."""
        return 100.0 * (self.modelled / self.published - 1.0)


class Variant(NamedTuple):
    label: str
    market_growth_pct: float
    rows: tuple[BacktestRow, ...]


def _row(soc: str, period: str) -> IndustryWage:
    for row in industry_wages().history(soc):
        if row.reference_period == period:
            return row
    raise KeyError(f"no {period} national wages for {soc}")


def backtest(market_growth_pct: float) -> tuple[BacktestRow, ...]:
    """Every percentile of the three occupations, May 2020 carried to May 2025 at
    ``market_growth_pct`` real growth a year and the CPI-U's actual rise, against BLS May 2025."""
    market = salary_model().market
    history = market_history()
    factor = pay_scale_factor(history.years, market_growth_pct, history.inflation_pct)
    rows: list[BacktestRow] = []
    for soc in OCCUPATIONS:
        start = _row(soc, market.from_period).percentiles()
        end = _row(soc, market.to_period).percentiles()
        assert start is not None and end is not None, f"BLS withheld a percentile for {soc}"
        for point, then, now in zip(PERCENTILE_POINTS, start, end, strict=True):
            rows.append(BacktestRow(soc, int(point), float(then), then * factor, float(now)))
    return tuple(rows)


def variants() -> tuple[Variant, Variant]:
    """The two runs: the default market growth, and zero real growth."""
    default = default_assumptions().market_growth_pct
    return (
        Variant("default growth", default, backtest(default)),
        Variant("no real growth", 0.0, backtest(0.0)),
    )


def occupation_history(soc: str) -> tuple[float, float, float, float]:
    """(median May 2020, median May 2025, nominal % a year, real % a year beyond the CPI-U)."""
    market = salary_model().market
    history = market_history()
    start, end = _row(soc, market.from_period).median, _row(soc, market.to_period).median
    assert start is not None and end is not None
    years = history.years
    nominal = 100.0 * ((end / start) ** (1 / years) - 1)
    real = 100.0 * (((end / start) / (history.cpi_to / history.cpi_from)) ** (1 / years) - 1)
    return float(start), float(end), nominal, real


def _pct(value: float, digits: int = 1) -> str:
    text = f"{value:+.{digits}f}%"
    # -0.0 and +0.0 are the same figure; print it without a sign
    return text[1:] if float(text[:-1]) == 0 else text


def _title(soc: str) -> str:
    return _row(soc, salary_model().market.to_period).title


def markdown() -> str:
    """The back-test as the method document prints it: the history, the table, the verdict."""
    history = market_history()
    default, flat = variants()
    lines = [
        f"CPI-U annual average {history.cpi_from_year}: {history.cpi_from:g}; "
        f"{history.cpi_to_year}: {history.cpi_to:g} "
        f"({_pct(history.inflation_pct, 2)} a year over {history.years} years).",
        "",
        f"| occupation | median {history.from_period} | median {history.to_period} "
        "| nominal a year | real a year |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for soc in OCCUPATIONS:
        start, end, nominal, real = occupation_history(soc)
        lines.append(
            f"| {soc} {_title(soc)} | ${start:,.0f} | ${end:,.0f} "
            f"| {_pct(nominal, 2)} | {_pct(real, 2)} |"
        )
    lines += [
        "",
        f"| occupation | percentile | {history.from_period} | modelled, {default.label} "
        f"({_pct(default.market_growth_pct, 2)}) | error | modelled, {flat.label} | error "
        f"| BLS {history.to_period} |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for a, b in zip(default.rows, flat.rows, strict=True):
        lines.append(
            f"| {a.soc} | P{a.percentile} | ${a.may2020:,.0f} | ${a.modelled:,.0f} "
            f"| {_pct(a.error_pct)} | ${b.modelled:,.0f} | {_pct(b.error_pct)} "
            f"| ${a.published:,.0f} |"
        )
    for run in (default, flat):
        worst = max(run.rows, key=lambda row: abs(row.error_pct))
        medians = [row for row in run.rows if row.percentile == 50]
        worst_median = max(medians, key=lambda row: abs(row.error_pct))
        lines += [
            "",
            f"With {run.label}: the largest error is {_pct(worst.error_pct)} "
            f"({worst.soc} P{worst.percentile}); the largest at the median is "
            f"{_pct(worst_median.error_pct)} ({worst_median.soc}).",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown())
