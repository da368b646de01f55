"""The report model: every figure, sentence and source a printed projection states.

Plain named tuples, built by :func:`ptplanner.core.report.build.build_report`: immutable and
typed like frozen dataclasses, but far cheaper to define, which matters to a command line that
starts for every projection. Text is already formatted (through :mod:`ptplanner.core.format`) so
every renderer says it the same way; the raw numbers sit beside it for what needs them (the
chart, CSV and JSON). Section headings, column headers of the fixed tables and the layout belong
to the renderers.

Money over the years is shown in one kind of dollars per report (:attr:`Report.dollars`): the
first year's (inflation taken out, the default) or nominal (as paid each year); every title,
header and caption that shows such figures names which, from :attr:`Report.dollars_label`.
"""

from datetime import date
from typing import TYPE_CHECKING, Literal, NamedTuple

from ptplanner.core.projection import Dollars, ProjectionRequest

if TYPE_CHECKING:
    from ptplanner.core.plan.progress import ProgressHistory

TITLE = "Salary projection — PT Care Coordinator"
"""The report's title: first line of the printout and of ``ptplanner projection``'s table."""

BLS_NOTE = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data have "
    "been retrieved from BLS.gov."
)
"""The notice BLS asks for wherever its figures are republished."""


def dollars_label(dollars: Dollars, first_year: int) -> str:
    """ "2026 dollars" or "nominal dollars": what every header and caption of money names."""
    return f"{first_year} dollars" if dollars == "today" else "nominal dollars"


class Fact(NamedTuple):
    """A labelled value: "Location: Texas", "Inflation: 2.6% a year"."""

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
    hourly: str = ""
    """The same figure an hour, BLS's way (annual / 2,080): "$22.08 an hour"; "" for "n/a"."""


CompensationKind = Literal["item", "subtotal", "total"]


class CompensationLine(NamedTuple):
    """One line of this year's total compensation, a year: an item, a subtotal or the total."""

    key: str
    """The engine's name for the item (``base``, ``bonus``...), ``cash`` and ``benefits`` for
    the subtotals, ``total`` for the sum."""
    label: str
    amount: float
    text: str
    kind: CompensationKind = "item"


class BreakdownLine(NamedTuple):
    """One step from the national median to this year's typical base pay, and its source."""

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
    """This year's estimate for the profile, the same figures as the first year of the table:
    headline figures, compensation and the breakdown."""

    year: int
    area_name: str
    role_title: str
    stage_label: str
    data_date: str
    """The BLS reference period the pay levels are carried from ("May 2025")."""
    percentile: float
    low: float
    typical: float
    high: float
    cash_pay: float
    """Base pay, bonus and profit sharing."""
    benefits: float
    """What the employer pays for on top: 401(k) match, health cover, stipend."""
    total_compensation: float
    cost_of_living_adjusted: float | None
    price_level: float | None
    price_level_from: str | None
    price_level_is_fallback: bool
    headlines: tuple[Headline, ...]
    compensation: tuple[CompensationLine, ...]
    """Cash items, their subtotal, benefit items, their subtotal, then the total."""
    paid_leave_note: str
    """Why paid leave is not a line of its own: it is inside base pay."""
    breakdown: tuple[BreakdownLine, ...]
    breakdown_intro: str
    breakdown_total: Fact

    @staticmethod
    def per_hour(annual: float) -> float:
        """An annual amount as hourly pay, to the cent: BLS's year of 2,080 paid hours."""
        from ptplanner.core.compare import HOURS_PER_YEAR

        return round(annual / HOURS_PER_YEAR, 2)

    """The line that closes the breakdown: "= Typical base pay in 2026", "$41,239"."""


class Money(NamedTuple):
    """A year's pay figures in one kind of dollars."""

    low: float
    typical: float
    high: float
    cash_pay: float
    total_compensation: float
    bls_p10: float
    bls_p90: float
    """BLS's 10th to 90th percentile of the year's role in the area, carried to the year."""


class YearFigures(NamedTuple):
    """One year of one scenario, as numbers (the chart draws ``shown``)."""

    year: int
    experience: float
    years_in_role: float
    role_id: str
    """The rung's id, for machine-readable output ("office_manager")."""
    role: str
    """The rung's title ("Office manager")."""
    role_cell: str
    """The job of the year as the table says it ("PT care coordinator, entry level")."""
    stage: str
    working: bool
    """False for a year before the plan's first job."""
    nominal: Money
    """As paid that year."""
    real: Money
    """In the first year's dollars."""
    shown: Money
    """Whichever of the two the report shows (:attr:`Report.dollars`)."""
    changes: tuple[str, ...]
    """The changes taking effect this year as a reader says them ("Earn CMAA", "Start as
    office manager"), with what the engine noted (a promotion that changed nothing says so)."""


YearColumnKey = Literal[
    "year",
    "experience",
    "role",
    "low",
    "typical",
    "high",
    "total",
    "pinned_typical",
    "pinned_total",
    "changes",
]


class YearColumn(NamedTuple):
    key: YearColumnKey
    title: str
    """The header on paper: "Typical (2026 $)"."""
    short: str
    """The header in a terminal's narrower table, whose caption names the dollars: "Typical"."""
    numeric: bool


class YearTable(NamedTuple):
    """The year-by-year table: columns, one row of printed cells per year, and its footnote."""

    caption: str
    """What the figures are: "Pay in 2026 dollars (inflation taken out)."."""
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


class DoneStep(NamedTuple):
    """A finished step of the plan, as the career packet lists it."""

    title: str
    part_of: str
    done_on: str
    """ "Mar 3, 2026", or "date not recorded"."""


class PlanProgress(NamedTuple):
    """The career packet's first page: how far the plan has come and what is due."""

    summary: str
    """ "Test plan: 33% complete — 2 of 6 steps done (1 skipped, not counted)." """
    fraction: float
    """Done, from 0 to 1, for the progress bar."""
    overdue: tuple[PlanStep, ...]
    next_steps: tuple[PlanStep, ...]
    """The first open dated steps ahead, soonest first."""
    completed: tuple[DoneStep, ...]
    """The latest finished steps, oldest first (a parent the done rule finished included)."""
    completed_more: str
    """How many finished steps the list leaves out, or ""."""
    more: str
    """What the lists leave out ("3 more dated steps follow; ..."), or ""."""
    history: "ProgressHistory | None" = None
    """Steps done over time against the plan's targets, for the packet's progress chart."""


class Duty(NamedTuple):
    title: str
    description: str


class CertificationSummary(NamedTuple):
    abbreviation: str
    name: str
    issuer: str
    renewal: str


class LadderRung(NamedTuple):
    """One rung of the career ladder with BLS's pay for it beside the guide's."""

    number: str
    title: str
    occupation: str
    """The BLS occupation the rung is priced from ("BLS 43-6013 Medical Secretaries...")."""
    prerequisites: str
    """What the rung usually asks for: shown, never enforced."""
    bls_pay: str
    """BLS's middle half ("$36,750–$46,100") in the report's area, employer and dollars."""
    bls_median: str
    guide_pay: str
    """The guide's figure ("$56,000-$70,000+"; its date is in the note), or "the guide gives
    no figure"."""


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
    ladder_pay_header: str
    """The BLS pay column's header, naming its dollars: "BLS pay (2026 dollars)"."""
    ladder_note: str
    """Where the ladder's BLS pay is for, in which dollars, from which source and date."""
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
    dollars: Dollars
    """Which dollars money over the years is shown in."""
    dollars_label: str
    """ "2026 dollars" or "nominal dollars"."""
    running_header: str
    """What pages after the first repeat at their top: area and employer."""
    facts: tuple[Fact, ...]
    """The scenario: profile, role, projection span and planned changes (by date)."""
    today: Today
    rows: tuple[YearFigures, ...]
    year_table: YearTable
    assumptions: tuple[Fact, ...]
    growth_note: str
    """How pay is carried forward and inflation taken out."""
    pinned: Pinned | None
    """The pinned scenario printed inline (title, chart, year table, assumptions): set only
    when exactly one is pinned; several are each printed in their own comparison section."""
    career_packet: CareerPacket | None
    sources: tuple[CitedSource, ...]
    """Every source behind the report: the ones behind every projection first."""
    occupation: str
    """The BLS occupation code every wage figure is for."""
    bls_note: str = BLS_NOTE
    pins: tuple[Pinned, ...] = ()
    """Every pinned scenario (at most four), in the order they were pinned."""

    @property
    def has_events(self) -> bool:
        """True when any year of the current scenario has a planned change."""
        return any(row.changes for row in self.rows)
