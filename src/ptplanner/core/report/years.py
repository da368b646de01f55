"""The year-by-year part of a report: planned changes in words, the year table, the comparison.

Every figure is shown in the report's dollars (the first year's, or nominal), and the table's
caption and headers say which.
"""

from __future__ import annotations

from collections.abc import Sequence

from ptplanner.core.format import lower_first, money, signed_money
from ptplanner.core.locations import find_area
from ptplanner.core.projection import Dollars, Event, Projection, YearRow
from ptplanner.core.report.model import (
    ComparisonLine,
    Money,
    YearColumn,
    YearFigures,
    YearTable,
    dollars_label,
)
from ptplanner.core.salary.model import salary_model

NO_FIGURE = "—"
NOT_WORKING = "Not working yet"
"""The role cell of a year before the plan's first job (the Salary tab says the same)."""


def event_text(event: Event) -> str:
    """A planned change as a reader would say it ("Earn CMAA", not the engine's "earn cmaa")."""
    if event.label:
        return event.label
    model = salary_model()
    try:
        if event.kind == "certification":
            return f"Earn {event.value.upper()}"
        if event.kind == "education":
            return f"Finish {lower_first(model.education_level(event.value).label)}"
        if event.kind == "employer_type":
            return f"Switch to {lower_first(model.employer(event.value).label)}"
        if event.kind == "location":
            return f"Move to {find_area(event.value).name}"
        if event.kind == "skill":
            skill = next(s for s in model.skills if s.id == event.value)
            return f"Learn {skill.label.split(' (')[0]}"
        if event.kind == "role":
            return f"Start as {lower_first(model.rung(event.value).title)}"
        if event.kind == "promotion":
            if not event.value:
                return "Promotion to the next role"
            return f"Promotion to {lower_first(model.rung(event.value).title)}"
    except (StopIteration, LookupError, ValueError):
        pass  # an id this version does not know: fall back to the engine's wording
    return event.describe().capitalize()


def when_text(event: Event) -> str:
    """When a planned change happens: "Mar 2027", or "2027" when the month is not known."""
    if event.month is None:
        return str(event.year)
    return f"{_MONTHS[event.month - 1]} {event.year}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def role_cell(row: YearRow) -> str:
    """The job of a year: "PT care coordinator, entry level", "Office manager"."""
    if not row.working:
        return NOT_WORKING
    if row.stage and row.stage != row.role_title:
        return f"{row.role_title}, {lower_first(row.stage)}"
    return row.role_title


def _money(row: YearRow, deflator: float) -> Money:
    return Money(
        low=row.low / deflator,
        typical=row.typical / deflator,
        high=row.high / deflator,
        cash_pay=row.cash_pay / deflator,
        total_compensation=row.total_compensation / deflator,
        bls_p10=row.bls_p10 / deflator,
        bls_p90=row.bls_p90 / deflator,
    )


def _changes(row: YearRow, happened: Sequence[Event]) -> tuple[str, ...]:
    """The year's changes in a reader's words, keeping what the engine noted about each (an
    event that changed nothing says so)."""
    out = []
    notes = list(row.events)
    for event in happened:
        said = event.describe()
        note = next((n for n in notes if n.startswith(said)), said)
        if note in notes:
            notes.remove(note)
        out.append(event_text(event) + note[len(said) :])
    return tuple(out)


def year_figures(projection: Projection, dollars: Dollars) -> tuple[YearFigures, ...]:
    """Each year's figures, its changes in the order ``project()`` applies them."""
    pending = list(projection.request.ordered_events())
    out: list[YearFigures] = []
    for row in projection.rows:
        happened = [e for e in pending if e.year <= row.year]
        pending = pending[len(happened) :]
        nominal, real = _money(row, 1.0), _money(row, row.deflator)
        out.append(
            YearFigures(
                year=row.year,
                experience=row.experience,
                years_in_role=row.years_in_role,
                role_id=row.role,
                role=row.role_title,
                role_cell=role_cell(row),
                stage=row.stage,
                working=row.working,
                nominal=nominal,
                real=real,
                shown=real if dollars == "today" else nominal,
                changes=_changes(row, happened),
            )
        )
    return tuple(out)


def experience_text(row: YearFigures) -> str:
    """Years of experience, and years in the role when they differ: "12 (2 in role)"."""
    if row.years_in_role != row.experience:
        return f"{row.experience:g} ({row.years_in_role:g} in role)"
    return f"{row.experience:g}"


def year_table(
    rows: tuple[YearFigures, ...],
    pinned: tuple[YearFigures, ...] | None,
    dollars: Dollars,
    start_year: int,
) -> YearTable:
    """The year-by-year table of the current scenario, with the pinned one's pay beside it."""
    unit = dollars_label(dollars, start_year)
    # A no-break space keeps "(2026 $)" together when a header wraps on paper.
    short_unit = f"({start_year}\u00a0$)" if dollars == "today" else "(nominal\u00a0$)"
    pinned_by_year = {row.year: row for row in pinned} if pinned is not None else {}
    has_events = any(r.changes for r in rows) or any(r.changes for r in pinned_by_year.values())
    columns = [
        YearColumn("year", "Year", "Year", numeric=False),
        YearColumn("experience", "Exp. (yrs)", "Exp", numeric=True),
        YearColumn("role", "Role", "Role", numeric=False),
        YearColumn("low", f"Base low {short_unit}", "Low", numeric=True),
        YearColumn("typical", f"Base typical {short_unit}", "Typical", numeric=True),
        YearColumn("high", f"Base high {short_unit}", "High", numeric=True),
        YearColumn("total", f"Total comp. {short_unit}", "Total comp", numeric=True),
    ]
    if pinned is not None:
        columns += [
            YearColumn(
                "pinned_typical", f"Pinned typical {short_unit}", "Pinned typical", numeric=True
            ),
            YearColumn(
                "pinned_total", f"Pinned total comp. {short_unit}", "Pinned total", numeric=True
            ),
        ]
    if has_events:
        columns.append(YearColumn("changes", "Planned changes", "Changes", numeric=False))
    cells: list[tuple[str, ...]] = []
    for row in rows:
        shown = row.shown
        line = [
            str(row.year),
            experience_text(row),
            row.role_cell,
            money(shown.low),
            money(shown.typical),
            money(shown.high),
            money(shown.total_compensation),
        ]
        other = pinned_by_year.get(row.year)
        if pinned is not None:
            line += (
                [money(other.shown.typical), money(other.shown.total_compensation)]
                if other is not None
                else [NO_FIGURE, NO_FIGURE]
            )
        if has_events:
            changes = list(row.changes)
            if other is not None and other.changes:
                changes.append("Pinned: " + "; ".join(other.changes))
            line.append("; ".join(changes))
        cells.append(tuple(line))
    if dollars == "today":
        caption = f"Pay in {unit}: inflation taken out, so only real changes move it."
    else:
        caption = "Pay in nominal dollars: the amounts paid each year, inflation included."
    if len(rows) > 1:  # "--years 15" gives 16 rows: say why
        caption += f" {len(rows)} rows: {rows[0].year} and the {len(rows) - 1} years after it."
    note = (
        f"Money in {unit}. Total comp.: cash pay (base, bonus, profit sharing) plus "
        "employer-paid benefits (401(k) match, health cover, stipend); paid leave is inside "
        "base pay. Exp.: years of experience (years in the current role when different)."
    )
    if any(not row.working for row in rows):
        note += (
            f" {NOT_WORKING}: the years before your plan's first job, showing what the job "
            "pays then; experience counts from the first job."
        )
    return YearTable(caption=caption, columns=tuple(columns), rows=tuple(cells), note=note)


def comparison_lines(
    mine: Projection, theirs: Projection, dollars: Dollars
) -> tuple[ComparisonLine, ...]:
    """This year's and the final year's pay side by side (in the report's dollars), and the
    years both cover added up."""
    unit = dollars_label(dollars, mine.rows[0].year)

    def shown(row: YearRow, value: float) -> float:
        return value if dollars == "nominal" else value / row.deflator

    mine_rows = {row.year: row for row in mine.rows}
    their_rows = {row.year: row for row in theirs.rows}
    final, first = mine.final, mine.rows[0]
    theirs_final = their_rows.get(final.year)
    metrics: list[tuple[str, float | None, float | None]] = [
        (f"Typical base pay in {first.year}", mine.today.typical, theirs.today.typical),
        (
            f"Total compensation in {first.year}",
            mine.today.compensation.total,
            theirs.today.compensation.total,
        ),
        (
            f"Typical base pay in {final.year} ({unit})",
            shown(final, final.typical),
            shown(theirs_final, theirs_final.typical) if theirs_final is not None else None,
        ),
        (
            f"Total compensation in {final.year} ({unit})",
            shown(final, final.total_compensation),
            shown(theirs_final, theirs_final.total_compensation)
            if theirs_final is not None
            else None,
        ),
    ]
    common = sorted(set(mine_rows) & set(their_rows))
    if common:
        metrics.append(
            (
                f"Total compensation, {common[0]}–{common[-1]} combined ({unit})",
                sum(shown(mine_rows[y], mine_rows[y].total_compensation) for y in common),
                sum(shown(their_rows[y], their_rows[y].total_compensation) for y in common),
            )
        )
    return tuple(
        ComparisonLine(
            label=label,
            current=NO_FIGURE if a is None else money(a),
            pinned=NO_FIGURE if b is None else money(b),
            difference=NO_FIGURE if a is None or b is None else signed_money(b - a),
        )
        for label, a, b in metrics
    )
