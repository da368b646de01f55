"""``ptplanner projection``'s three outputs, each rendered from the one report model.

The aligned table is for reading in a terminal; CSV and JSON are for spreadsheets and scripts
and keep their columns and keys from release to release (new ones are added after them). The
table shows money in the dollars ``--dollars`` picks and says which; CSV and JSON keep their old
nominal and inflation-adjusted figures and add the chosen dollars under names that say which.
All three name their sources and dates (the table in its footer and breakdown, CSV in a
``sources`` column, JSON in a ``sources`` list): the same sources the printout lists, from
:attr:`Report.sources`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence

from ptplanner.core.compare import HOURS_PER_YEAR
from ptplanner.core.report.model import HeadlineKey, Money, Report, Today


def sources_line(report: Report) -> str:
    """The report's sources by name, in order: "BLS OEWS, May 2025; BEA ...; ..."."""
    return "; ".join(source.short for source in report.sources)


def notices(report: Report) -> str:
    """What the sources ask to be said wherever their figures are: BLS's notice, then each
    attribution a licence requires (O*NET's CC BY)."""
    attributions = [source.attribution for source in report.sources if source.attribution]
    return " ".join([report.bls_note, *attributions])


def price_level_text(today: Today) -> str:
    """The BEA price level and whose it is, saying so when the area borrows its state's."""
    if today.price_level_is_fallback:
        return (
            f"BEA price level {today.price_level:.1f}, that of {today.price_level_from}: "
            "BEA publishes none for this area"
        )
    return f"BEA price level {today.price_level:.1f}"


def format_table(report: Report) -> str:
    today = report.today
    out = io.StringIO()
    out.write(f"{report.title}\n{report.subtitle}\n")
    for fact in report.facts:
        out.write(f"  {fact.label}: {fact.value}\n")
    out.write(
        f"\nThis year ({today.year}, BLS {today.data_date} pay carried to {today.year}): "
        f"typical {_headline(today, 'typical')}, range {_headline(today, 'range')}, "
        f"total compensation {_headline(today, 'total')}\n"
    )
    cash = {line.key: line.text for line in today.compensation}
    out.write(
        f"  Cash pay {cash['cash']} (base, bonus, profit sharing) + employer-paid benefits "
        f"{cash['benefits']} (401(k) match, health cover, stipend)\n"
        f"  {today.paid_leave_note}\n"
    )
    if today.cost_of_living_adjusted is not None:
        out.write(
            f"In national-average prices ({price_level_text(today)}): "
            f"{_headline(today, 'cost_of_living')}\n"
        )
    out.write("\nWhy:\n")
    for item in today.breakdown:
        out.write(f"  {item.amount:>+10,.0f}  {item.label}  [{item.citation}]\n")
    out.write(f"  {today.typical:>10,.0f}  {today.breakdown_total.label}\n\n")
    table = report.year_table
    out.write(f"Year by year. {table.caption}\n")
    headers = [column.short for column in table.columns]
    widths = [max(len(h), *(len(r[i]) for r in table.rows)) for i, h in enumerate(headers)]
    numeric = [column.numeric for column in table.columns]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if right else cell.ljust(width)
            for cell, width, right in zip(cells, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip() + "\n"

    out.write(line(headers))
    out.write(line(["-" * w for w in widths]))
    for row in table.rows:
        out.write(line(row))
    out.write(f"{table.note}\n\nAssumptions:\n")
    for fact in report.assumptions:
        out.write(f"  {fact.label}: {fact.value}\n")
    out.write(f"{report.growth_note}\n")
    out.write(
        f"Sources: {sources_line(report)}. Occupation: BLS {report.occupation}. {notices(report)}\n"
    )
    return out.getvalue()


def _headline(today: Today, key: HeadlineKey) -> str:
    """A headline figure with its hourly equal beside it: "$45,055 ($21.66 an hour)"."""
    headline = next(h for h in today.headlines if h.key == key)
    return f"{headline.value} ({headline.hourly})" if headline.hourly else headline.value


CSV_COLUMNS = (
    "year",
    "experience",
    "stage",
    "base_low",
    "base_typical",
    "base_high",
    "total_compensation",
    "base_typical_inflation_adjusted",
    "total_compensation_inflation_adjusted",
    "events",
    "sources",
)
"""The columns of earlier releases, in their order and meaning (money nominal, ``*_inflation_
adjusted`` in the first year's dollars): spreadsheets built on them keep working."""
CSV_ADDED = ("role", "years_in_role", "working", "cash_pay")
"""Columns added with the career model, after the old ones (nominal like them)."""
SHOWN = (
    ("base_low", "low"),
    ("base_typical", "typical"),
    ("base_high", "high"),
    ("cash_pay", "cash_pay"),
    ("total_compensation", "total_compensation"),
)
"""The figures repeated last in the dollars ``--dollars`` asks for, their header naming them."""


HOURLY = (("hourly_low", "low"), ("hourly_typical", "typical"), ("hourly_high", "high"))
"""Base pay an hour (annual / 2,080), in the same dollars as :data:`SHOWN`, after them."""


def csv_columns(report: Report) -> tuple[str, ...]:
    """Every column; the last ones are named for their dollars: "base_typical_2026_dollars"."""
    unit = report.dollars_label.replace(" ", "_")
    shown = (f"{name}_{unit}" for name, _ in (*SHOWN, *HOURLY))
    return (*CSV_COLUMNS, *CSV_ADDED, *shown)


def format_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_columns(report))
    # A spreadsheet keeps rows, not footers: every row names what its figures come from.
    sources = f"{sources_line(report)}. {notices(report)}"
    for row in report.rows:
        nominal, real = row.nominal, row.real
        writer.writerow(
            [
                row.year,
                f"{row.experience:g}",
                row.stage,
                round(nominal.low),
                round(nominal.typical),
                round(nominal.high),
                round(nominal.total_compensation),
                round(real.typical),
                round(real.total_compensation),
                "; ".join(row.changes),
                sources,
                row.role_cell,
                f"{row.years_in_role:g}",
                "yes" if row.working else "no",
                round(nominal.cash_pay),
                *(round(getattr(row.shown, field)) for _, field in SHOWN),
                *(Today.per_hour(getattr(row.shown, field)) for _, field in HOURLY),
            ]
        )
    return out.getvalue()


def _money(figures: Money) -> dict[str, int]:
    return {
        "base_low": round(figures.low),
        "base_typical": round(figures.typical),
        "base_high": round(figures.high),
        "cash_pay": round(figures.cash_pay),
        "total_compensation": round(figures.total_compensation),
    }


def _hourly(today: Today) -> dict[str, float | int | None]:
    """Today's headline figures an hour (annual / 2,080), as the table shows them."""
    adjusted = today.cost_of_living_adjusted
    return {
        "hours_per_year": HOURS_PER_YEAR,
        "base_low": today.per_hour(today.low),
        "base_typical": today.per_hour(today.typical),
        "base_high": today.per_hour(today.high),
        "total_compensation": today.per_hour(today.total_compensation),
        "cost_of_living_adjusted": None if adjusted is None else today.per_hour(adjusted),
    }


def format_json(report: Report) -> str:
    today = report.today
    payload = {
        "scenario": json.loads(report.request.model_dump_json()),
        "dollars": report.dollars,
        "dollars_label": report.dollars_label,
        "today": {
            "year": today.year,
            "area": today.area_name,
            "role": report.request.inputs.role,
            "role_title": today.role_title,
            "stage": today.stage_label,
            "base_low": round(today.low),
            "base_typical": round(today.typical),
            "base_high": round(today.high),
            "cash_pay": round(today.cash_pay),
            "benefits": round(today.benefits),
            "total_compensation": round(today.total_compensation),
            "compensation": {
                line.key: round(line.amount, 2)
                for line in today.compensation
                if line.kind == "item"
            },
            "paid_leave": today.paid_leave_note,
            "cost_of_living_adjusted": None
            if today.cost_of_living_adjusted is None
            else round(today.cost_of_living_adjusted),
            "hourly": _hourly(today),
            "price_level": today.price_level,
            "price_level_from": today.price_level_from,
            "price_level_is_fallback": today.price_level_is_fallback,
            "breakdown": [
                {
                    "factor": item.factor,
                    "label": item.label,
                    "amount": item.amount,
                    "source": item.source,
                    "date": item.date,
                    "detail": item.detail,
                    "guide_says": item.guide_says,
                }
                for item in today.breakdown
            ],
            "data_date": today.data_date,
        },
        "rows": [
            {
                "year": row.year,
                "experience": row.experience,
                "years_in_role": row.years_in_role,
                "role": row.role_id,
                "role_title": row.role,
                "working": row.working,
                "stage": row.stage,
                **_money(row.nominal),
                "base_typical_inflation_adjusted": round(row.real.typical),
                "total_compensation_inflation_adjusted": round(row.real.total_compensation),
                "in_chosen_dollars": _money(row.shown),
                "events": list(row.changes),
            }
            for row in report.rows
        ],
        "assumptions": [{"label": fact.label, "value": fact.value} for fact in report.assumptions],
        "note": report.growth_note,
        "sources": [
            {
                "id": source.id,
                "name": source.short,
                "publisher": source.publisher,
                "title": source.title,
                "reference_date": source.reference_date,
                "licence": source.licence,
                "attribution": source.attribution,
            }
            for source in report.sources
        ],
        "bls_note": report.bls_note,
    }
    return json.dumps(payload, indent=2) + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {
    "table": format_table,
    "csv": format_csv,
    "json": format_json,
}
"""Each ``--format`` choice and what renders it."""
