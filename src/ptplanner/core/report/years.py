"""The year-by-year part of a report: planned changes in words, the year table, the comparison."""

from __future__ import annotations

from ptplanner.core.format import money, signed_money
from ptplanner.core.locations import find_area
from ptplanner.core.projection import Event, Projection
from ptplanner.core.report.model import (
    ComparisonLine,
    YearColumn,
    YearFigures,
    YearTable,
)
from ptplanner.core.salary.model import salary_model

NO_FIGURE = "—"


def event_text(event: Event) -> str:
    """A planned change as a reader would say it ("Earn CMAA", not the engine's "earn cmaa")."""
    if event.label:
        return event.label
    model = salary_model()
    try:
        if event.kind == "certification":
            return f"Earn {event.value.upper()}"
        if event.kind == "education":
            return f"Finish {model.education_level(event.value).label.lower()}"
        if event.kind == "employer_type":
            return f"Switch to {model.employer(event.value).label.lower()}"
        if event.kind == "location":
            return f"Move to {find_area(event.value).name}"
    except (StopIteration, LookupError, ValueError):
        pass  # an id this version does not know: fall back to the engine's wording
    return event.describe().capitalize()


def year_figures(projection: Projection) -> tuple[YearFigures, ...]:
    """Each year's figures, with its changes grouped by year the way ``project()`` groups them."""
    pending = sorted(projection.request.events, key=lambda e: e.year)
    out: list[YearFigures] = []
    for row in projection.rows:
        happened = [e for e in pending if e.year <= row.year]
        pending = [e for e in pending if e.year > row.year]
        out.append(
            YearFigures(
                year=row.year,
                experience=row.experience,
                stage=row.stage,
                low=row.low,
                typical=row.typical,
                high=row.high,
                total_compensation=row.total_compensation,
                typical_real=row.typical_real,
                total_real=row.total_real,
                bls_p10=row.bls_p10,
                bls_p90=row.bls_p90,
                events=row.events,
                changes=tuple(event_text(e) for e in happened),
            )
        )
    return tuple(out)


def year_table(
    rows: tuple[YearFigures, ...], pinned: tuple[YearFigures, ...] | None, start_year: int
) -> YearTable:
    """The year-by-year table of the current scenario, with the pinned one's pay beside it."""
    pinned_by_year = {row.year: row for row in pinned} if pinned is not None else {}
    has_events = any(r.events for r in rows) or any(r.events for r in pinned_by_year.values())
    columns = [
        YearColumn("year", "Year", "Year", numeric=False),
        YearColumn("experience", "Exp. (yrs)", "Exp", numeric=True),
        YearColumn("stage", "Stage", "Stage", numeric=False),
        YearColumn("low", "Base low", "Low", numeric=True),
        YearColumn("typical", "Base typical", "Typical", numeric=True),
        YearColumn("high", "Base high", "High", numeric=True),
        YearColumn("total", "Total comp.", "Total comp", numeric=True),
        # A no-break space keeps "(2026 $)" together when the header wraps.
        YearColumn("typical_real", f"Typical ({start_year}\u00a0$)", "Typical*", numeric=True),
    ]
    if pinned is not None:
        columns += [
            YearColumn("pinned_typical", "Pinned typical", "Pinned typical", numeric=True),
            YearColumn("pinned_total", "Pinned total comp.", "Pinned total comp", numeric=True),
        ]
    if has_events:
        columns.append(YearColumn("changes", "Planned changes", "Events", numeric=False))
    cells: list[tuple[str, ...]] = []
    for row in rows:
        line = [
            str(row.year),
            f"{row.experience:g}",
            row.stage,
            money(row.low),
            money(row.typical),
            money(row.high),
            money(row.total_compensation),
            money(row.typical_real),
        ]
        other = pinned_by_year.get(row.year)
        if pinned is not None:
            line += (
                [money(other.typical), money(other.total_compensation)]
                if other is not None
                else [NO_FIGURE, NO_FIGURE]
            )
        if has_events:
            changes = list(row.changes)
            if other is not None and other.changes:
                changes.append("Pinned: " + "; ".join(other.changes))
            line.append("; ".join(changes))
        cells.append(tuple(line))
    note = (
        f"Typical ({start_year} $): typical base pay with inflation taken out, in {start_year} "
        "dollars. Total comp.: base pay plus bonus, employer 401(k) match, health cover, paid "
        "time off, stipend and profit sharing."
    )
    return YearTable(columns=tuple(columns), rows=tuple(cells), note=note)


def comparison_lines(mine: Projection, theirs: Projection) -> tuple[ComparisonLine, ...]:
    """Today's and the final year's pay side by side, and the years both cover added up."""
    mine_rows = {row.year: row for row in mine.rows}
    their_rows = {row.year: row for row in theirs.rows}
    final = mine.final.year
    theirs_final = their_rows.get(final)
    metrics: list[tuple[str, float | None, float | None]] = [
        ("Typical base pay today", mine.today.typical, theirs.today.typical),
        (
            "Total compensation today",
            mine.today.compensation.total,
            theirs.today.compensation.total,
        ),
        (
            f"Typical base pay in {final}",
            mine.final.typical,
            theirs_final.typical if theirs_final is not None else None,
        ),
        (
            f"Total compensation in {final}",
            mine.final.total_compensation,
            theirs_final.total_compensation if theirs_final is not None else None,
        ),
    ]
    common = sorted(set(mine_rows) & set(their_rows))
    if common:
        metrics.append(
            (
                f"Total compensation, {common[0]}–{common[-1]} combined",
                sum(mine_rows[y].total_compensation for y in common),
                sum(their_rows[y].total_compensation for y in common),
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
