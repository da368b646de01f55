"""The career ladder: its rungs, and what each pays in an area at a kind of employer.

Each rung is a job with its own BLS occupation (receptionist 43-4171, coordinator and lead
43-6013, office manager 43-1011, practice administrator 11-9111). A rung's pay distribution in
an area is BLS's national distribution for the job in the employer's industry (OEWS May 2025:
PT offices or hospitals), scaled by the area's pay level for the job: its median over the
national median. The industry sets the shape (PT offices pay managers in a far narrower band
than hospitals do), the area sets the level. Where BLS publishes no area figures for the job
(office managers, and areas whose figures were withheld), the area's level for coordinators
stands in, and the note says so.
"""

from functools import cache, lru_cache
from typing import NamedTuple

from ptplanner.core.knowledge import AreaWage, AreaWageTable, area_wages, industry_wages
from ptplanner.core.locations import find_area
from ptplanner.core.resources import ResourceError
from ptplanner.core.salary.model import Rung, salary_model

Percentiles = tuple[float, float, float, float, float]


class RungPay(NamedTuple):
    """A rung's pay distribution (P10, P25, median, P75, P90) in an area, May-2025 dollars."""

    rung_id: str
    percentiles: Percentiles
    area_median: float
    """The area's median for the occupation across all industries (the newcomer cap's ceiling)."""
    scale: float
    """The area's wage level for coordinators against the nation's (scales the guide's dollars)."""
    note: str


def ladder() -> tuple[Rung, ...]:
    """The rungs, lowest first."""
    return salary_model().ladder


def rung_ids() -> tuple[str, ...]:
    return tuple(rung.id for rung in ladder())


def rung(rung_id: str) -> Rung:
    """The rung with this id; KeyError names the ladder for an unknown one."""
    return salary_model().rung(rung_id)


def rung_index(rung_id: str) -> int:
    return rung_ids().index(rung_id)


def next_rung(rung_id: str) -> Rung | None:
    """The rung above, or None at the top."""
    index = rung_index(rung_id) + 1
    rungs = ladder()
    return rungs[index] if index < len(rungs) else None


@cache
def _area_table(soc_code: str) -> AreaWageTable | None:
    try:
        return area_wages(soc_code)
    except ResourceError:  # BLS area tables are kept for three occupations only
        return None


def _area_row(table: AreaWageTable, area: AreaWage) -> AreaWage | None:
    return next((row for row in table.areas if row.code == area.code), None)


def industry_percentiles(soc_code: str, naics: str) -> tuple[Percentiles, str]:
    """National May 2025 percentiles for the occupation in an industry, and the industry used.

    Office managers (43-1011) are published here for PT offices only: other employers use them.
    """
    tables = industry_wages()
    for row in tables.national.rows:
        if row.soc_code == soc_code and row.naics == naics and row.reference_period == "May 2025":
            values = row.percentiles()
            if values is not None:
                return _floats(values), row.industry
    pt = tables.in_pt_offices(soc_code).percentiles()
    assert pt is not None, f"no PT-office wages for {soc_code}"
    return _floats(pt), "PT offices (the only industry ptplanner has for this job)"


def _floats(values: tuple[int, int, int, int, int]) -> Percentiles:
    p10, p25, median, p75, p90 = (float(v) for v in values)
    return p10, p25, median, p75, p90


def coordinator_scale(area: AreaWage) -> float:
    """The area's median for coordinators over the national median."""
    table = area_wages(salary_model().occupation)
    area_values, national_values = area.percentiles(), table.national().percentiles()
    assert area_values is not None and national_values is not None
    return area_values[2] / national_values[2]


@lru_cache(maxsize=4096)
def rung_pay(rung_id: str, area_name: str, employer_type: str) -> RungPay:
    """The rung's pay distribution in ``area_name`` at ``employer_type``, with how it was built:
    BLS's national distribution for the job at that kind of employer, scaled by the area's pay
    level for the job (its median over the national median)."""
    model = salary_model()
    job = model.rung(rung_id)
    area = find_area(area_name)
    naics = model.employer(employer_type).naics
    industry, industry_name = industry_percentiles(job.soc_code, naics)
    scale = coordinator_scale(area)
    table = _area_table(job.soc_code)
    row = _area_row(table, area) if table is not None else None
    own = row.median if row is not None else None
    national = table.national().median if table is not None else None
    if own is not None and national is not None:
        level, area_median = own / national, float(own)
        whose = f"its median for the job ({level:.2f})"
    else:
        level = scale
        area_median = industry[2] * scale
        whose = f"its pay level for coordinators ({scale:.2f}); BLS publishes no area figure here"
    p10, p25, median, p75, p90 = (value * level for value in industry)
    if area.kind == "national":
        note = f"BLS national pay for the job in {industry_name}."
    else:
        note = f"BLS national pay for the job in {industry_name}, scaled to {area.name} by {whose}."
    return RungPay(rung_id, (p10, p25, median, p75, p90), area_median, scale, note)


def national_median(soc_code: str) -> tuple[float, str]:
    """The occupation's national median across all industries (or in PT offices where that is
    all ptplanner has), and which of the two it is."""
    table = _area_table(soc_code)
    if table is not None:
        values = table.national().percentiles()
        assert values is not None
        return float(values[2]), "all industries"
    pt = industry_wages().in_pt_offices(soc_code).median
    assert pt is not None
    return float(pt), "PT offices"
