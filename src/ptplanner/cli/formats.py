"""``ptplanner projection``'s three outputs, each rendered from the one report model.

The aligned table is for reading in a terminal; CSV and JSON are for spreadsheets and scripts
and keep their columns and keys from release to release. All three name their sources and dates
(the table in its footer and breakdown, CSV in a ``sources`` column, JSON in a ``sources`` list):
the same sources the printout lists, from :attr:`Report.sources`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence

from ptplanner.core.report.model import HeadlineKey, Report, Today


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
    out.write(f"{report.title}\n")
    for fact in report.facts:
        out.write(f"  {fact.label}: {fact.value}\n")
    out.write(
        f"\nToday (BLS {today.data_date} pay levels): typical {_headline(today, 'typical')}, "
        f"range {_headline(today, 'range')}, total compensation {_headline(today, 'total')}\n"
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
    out.write(f"\n* inflation-adjusted. {report.growth_note}\n")
    out.write(
        f"Sources: {sources_line(report)}. Occupation: BLS {report.occupation}. {notices(report)}\n"
    )
    return out.getvalue()


def _headline(today: Today, key: HeadlineKey) -> str:
    return next(h.value for h in today.headlines if h.key == key)


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


def format_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    # A spreadsheet keeps rows, not footers: every row names what its figures come from.
    sources = f"{sources_line(report)}. {notices(report)}"
    for row in report.rows:
        writer.writerow(
            [
                row.year,
                f"{row.experience:g}",
                row.stage,
                round(row.low),
                round(row.typical),
                round(row.high),
                round(row.total_compensation),
                round(row.typical_real),
                round(row.total_real),
                "; ".join(row.events),
                sources,
            ]
        )
    return out.getvalue()


def format_json(report: Report) -> str:
    today = report.today
    payload = {
        "scenario": json.loads(report.request.model_dump_json()),
        "today": {
            "area": today.area_name,
            "stage": today.stage_label,
            "base_low": round(today.low),
            "base_typical": round(today.typical),
            "base_high": round(today.high),
            "total_compensation": round(today.total_compensation),
            "compensation": {
                line.key: round(line.amount, 2)
                for line in today.compensation
                if line.key != "total"
            },
            "cost_of_living_adjusted": None
            if today.cost_of_living_adjusted is None
            else round(today.cost_of_living_adjusted),
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
                "stage": row.stage,
                "base_low": round(row.low),
                "base_typical": round(row.typical),
                "base_high": round(row.high),
                "total_compensation": round(row.total_compensation),
                "base_typical_inflation_adjusted": round(row.typical_real),
                "total_compensation_inflation_adjusted": round(row.total_real),
                "events": list(row.events),
            }
            for row in report.rows
        ],
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
