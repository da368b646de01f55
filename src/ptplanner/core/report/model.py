"""The report model: every figure, sentence and source a printed projection states.

Plain named tuples, built by :func:`ptplanner.core.report.build.build_report`: immutable and
typed like frozen dataclasses, but far cheaper to define, which matters to a command line that
starts for every projection. Text is already formatted (through :mod:`ptplanner.core.format`) so
every renderer says it the same way; the raw numbers sit beside it for what needs them (the
chart, CSV and JSON). Section headings, column headers of the fixed tables and the layout belong
to the renderers.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, NamedTuple

from ptplanner.core.projection import ProjectionRequest

TITLE = "Salary projection — PT Care Coordinator"
"""The report's title: first line of the printout and of ``ptplanner projection``'s table."""

BLS_NOTE = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data have "
    "been retrieved from BLS.gov."
)
"""The notice BLS asks for wherever its figures are republished."""


class Fact(NamedTuple):
    """A labelled value: "Location: Texas", "Annual raise: 3.4% a year"."""

    label: str
    value: str


HeadlineKey = Literal["typical", "range", "total", "cost_of_living"]


class Headline(NamedTuple):
    """One of today's key figures, with the caption that says what it is."""

    key: HeadlineKey
    label: str
    value: str
    """The figure as printed: "$45,930", "$41,000 – $52,000" or "n/a"."""
    caption: str


class CompensationLine(NamedTuple):
    """One item of today's total compensation, a year."""

    key: str
    """The engine's name for the item (``base``, ``bonus``... and ``total`` for the sum)."""
    label: str
    amount: float
    text: str


class BreakdownLine(NamedTuple):
    """One step from the national median to today's typical base pay, and where it comes from."""

    factor: str
    label: str
    amount: float
    effect: str
    """The amount as printed: the starting figure plain, the steps signed ("+$1,543")."""
    source: str
    """The source's catalogue id."""
    source_name: str
    date: str
    citation: str
    """The source's name, with the date where the name lacks it."""
    detail: str
    guide_says: str | None


class Today(NamedTuple):
    """Today's estimate for the profile: headline figures, compensation and the breakdown."""

    area_name: str
    stage_label: str
    data_date: str
    """The BLS reference period of the pay levels ("May 2025")."""
    percentile: float
    low: float
    typical: float
    high: float
    total_compensation: float
    cost_of_living_adjusted: float | None
    price_level: float | None
    price_level_from: str | None
    price_level_is_fallback: bool
    headlines: tuple[Headline, ...]
    compensation: tuple[CompensationLine, ...]
    """Every item, then the total (``key == "total"``)."""
    breakdown: tuple[BreakdownLine, ...]
    breakdown_intro: str
    breakdown_total: Fact
    """The line that closes the breakdown: "= Typical base pay today", "$41,239"."""


class YearFigures(NamedTuple):
    """One year of one scenario, as numbers (the chart draws these)."""

    year: int
    experience: float
    stage: str
    low: float
    typical: float
    high: float
    total_compensation: float
    typical_real: float
    total_real: float
    bls_p10: float
    bls_p90: float
    events: tuple[str, ...]
    """The changes taking effect this year in the engine's words ("earn cmaa")."""
    changes: tuple[str, ...]
    """The same changes as a reader would say them ("Earn CMAA")."""


YearColumnKey = Literal[
    "year",
    "experience",
    "stage",
    "low",
    "typical",
    "high",
    "total",
    "typical_real",
    "pinned_typical",
    "pinned_total",
    "changes",
]


class YearColumn(NamedTuple):
    key: YearColumnKey
    title: str
    """The header on paper: "Typical (2026 $)"."""
    short: str
    """The header in a terminal's narrower table: "Typical*"."""
    numeric: bool


class YearTable(NamedTuple):
    """The year-by-year table: columns, one row of printed cells per year, and its footnote."""

    columns: tuple[YearColumn, ...]
    rows: tuple[tuple[str, ...], ...]
    """Cells in column order, one row per year of the current scenario."""
    note: str

    def column(self, key: YearColumnKey) -> int:
        """The index of a column; ValueError when the table has no such column."""
        for index, column in enumerate(self.columns):
            if column.key == key:
                return index
        raise ValueError(f"the year table has no {key!r} column")


class ComparisonLine(NamedTuple):
    """One figure of the side-by-side comparison with the pinned scenario."""

    label: str
    current: str
    pinned: str
    difference: str
    """Pinned minus current, signed; a dash when either side has no figure."""


class Pinned(NamedTuple):
    """The pinned scenario printed beside the current one."""

    name: str
    facts: tuple[Fact, ...]
    """The same labels, in the same order, as :attr:`Report.facts`."""
    rows: tuple[YearFigures, ...]
    assumptions: tuple[Fact, ...]
    growth_note: str
    """The pinned projection's growth note, introduced by its name."""
    comparison: tuple[ComparisonLine, ...]


class CitedSource(NamedTuple):
    """A catalogue source the report rests on, with its date and terms."""

    id: str
    short: str
    title: str
    publisher: str
    reference_date: str
    licence: str
    attribution: str | None


class PlanStep(NamedTuple):
    """An open step of the plan, as the career packet lists it."""

    title: str
    part_of: str
    """Its parents ("Part of: CMAA certification"), or "" for a top-level step."""
    target_date: str
    status: str
    overdue_by: str
    """How late it is ("12 days"), or "" when it is not overdue."""
    pay_effect: str


class PlanProgress(NamedTuple):
    """The career packet's first page: how far the plan has come and what is due."""

    summary: str
    """ "Test plan: 33% complete — 2 of 6 steps done (1 skipped, not counted)." """
    fraction: float
    """Done, from 0 to 1, for the progress bar."""
    overdue: tuple[PlanStep, ...]
    next_steps: tuple[PlanStep, ...]
    """The first open dated steps ahead, soonest first."""
    more: str
    """What the lists leave out ("3 more dated steps follow; ..."), or ""."""


class Duty(NamedTuple):
    title: str
    description: str


class CertificationSummary(NamedTuple):
    abbreviation: str
    name: str
    issuer: str
    renewal: str


class LadderRung(NamedTuple):
    number: str
    title: str
    occupation: str
    """The BLS occupation the rung maps to ("BLS 43-6013 Medical Secretaries...")."""
    typical_experience: str
    guide_pay: str


class OutlookLine(NamedTuple):
    label: str
    note: str
    period: str
    growth: str
    openings: str


class RoleSummary(NamedTuple):
    """The career packet's one-page summary of the role."""

    mapping: str
    """How the role maps to the BLS occupation the figures describe."""
    duties: tuple[Duty, ...]
    certifications: tuple[CertificationSummary, ...]
    certification_pay: str
    """What the guide says a certification is worth, in a sentence."""
    ladder: tuple[LadderRung, ...]
    outlook_summary: str
    outlook: tuple[OutlookLine, ...]


class CareerPacket(NamedTuple):
    plan: PlanProgress | None
    """None when no plan has been made yet."""
    role: RoleSummary


class Report(NamedTuple):
    """Everything one printed projection states, in the order it states it."""

    title: str
    subtitle: str
    printed_on: date
    request: ProjectionRequest
    """The projection's request, for the machine-readable outputs."""
    running_header: str
    """What pages after the first repeat at their top: area and employer."""
    facts: tuple[Fact, ...]
    """The scenario: profile, projection span and planned changes."""
    today: Today
    rows: tuple[YearFigures, ...]
    year_table: YearTable
    assumptions: tuple[Fact, ...]
    growth_note: str
    """How pay is carried forward and inflation taken out."""
    pinned: Pinned | None
    career_packet: CareerPacket | None
    sources: tuple[CitedSource, ...]
    """Every source behind the report: the ones behind every projection first."""
    occupation: str
    """The BLS occupation code every wage figure is for."""
    bls_note: str = BLS_NOTE

    @property
    def has_events(self) -> bool:
        """True when any year of the current scenario has a planned change."""
        return any(row.events for row in self.rows)
