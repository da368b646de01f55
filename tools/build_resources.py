"""Rebuild the BLS and BEA data files in ``resources/`` from the public tables in ``tools/tables/``.

A new BLS or BEA release is a data change: drop the new CSV into ``tools/tables/`` (same columns,
``# Source:`` first line), point ``TABLES`` below at it if its name changed, and run

    python tools/build_resources.py

The output is deterministic (sorted, fixed number format) so a re-run with the same tables leaves
``git diff`` empty. O*NET tables are converted by ``tools/build_onet.py``.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TABLES = ROOT / "tools" / "tables"
OUT = ROOT / "resources"

OEWS_AREA_TABLES = {
    "43-6013": "oews_may2025_43-6013_states_metros.csv",
    "43-4171": "oews_may2025_43-4171_states_metros.csv",
    "11-9111": "oews_may2025_11-9111_states_metros.csv",
}
OEWS_NATIONAL_SUMMARY = "oews_national_summary_2020_2025.csv"
OEWS_PT_OFFICES = "oews_may2025_naics621340_all_occupations.csv"
BEA_STATES = "bea_rpp_states_2021_2023.csv"
BEA_METROS = "bea_rpp_metros_2021_2023.csv"
CPI = "cpi_u_annual_averages_2010_2025.csv"
PROJECTIONS = "bls_employment_projections_selected.csv"
ECEC = "ecec_and_salary_budgets.csv"

PERCENTILES = ("p10", "p25", "median", "p75", "p90")


def read_table(name: str) -> tuple[str, list[dict[str, str]]]:
    """The table's ``# Source`` line (without the marker) and its rows."""
    path = TABLES / name
    with path.open(encoding="utf-8", newline="") as handle:
        first = handle.readline().rstrip("\n")
        if not first.startswith("#"):
            raise SystemExit(f"{name}: the first line must be the '# Source:' line")
        rows = list(csv.DictReader(handle))
    source_line = re.sub(r"^#\s*(Source:\s*)?", "", first)
    return source_line, rows


def number(text: str) -> float | None:
    """A published number, or None for BLS's not-released codes ("-", "*", "#", blank)."""
    cleaned = text.strip().replace(",", "")
    if cleaned in {"", "-", "*", "#", "**"}:
        return None
    return float(cleaned)


def whole(text: str) -> int | None:
    value = number(text)
    return None if value is None else round(value)


def write(name: str, payload: dict[str, Any]) -> None:
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(text):,} bytes)")


def _column(key: str) -> str:
    """The OEWS column suffix for a percentile key: "p10" -> "pct10", "median" -> "median"."""
    return "median" if key == "median" else "pct" + key[1:]


def build_area_wages() -> None:
    for soc, table in OEWS_AREA_TABLES.items():
        source_line, rows = read_table(table)
        areas = []
        title = ""
        for row in rows:
            title = title or row.get("occupation_title", "")
            areas.append(
                {
                    "code": row["area_code"],
                    "kind": {"national": "national", "state": "state"}.get(
                        row["area_type"], "metro"
                    ),
                    "name": row["area_name"],
                    "state_fips": row["state_fips"],
                    "employment": whole(row["employment"]),
                    "mean": whole(row["a_mean"]),
                    **{
                        key: whole(row[f"a_{'median' if key == 'median' else 'pct' + key[1:]}"])
                        for key in PERCENTILES
                    },
                    **{
                        f"hourly_{key}": number(
                            row[f"h_{'median' if key == 'median' else 'pct' + key[1:]}"]
                        )
                        for key in PERCENTILES
                    },
                    "jobs_per_1000": number(row["jobs_per_1000"]),
                    "location_quotient": number(row["location_quotient"]),
                    "footnotes": row["footnote_codes"] or None,
                }
            )
        write(
            f"wages/oews_2025_{soc}.json",
            {
                "schema_version": 1,
                "source": "bls_oews_2025",
                "source_line": source_line,
                "date": "May 2025",
                "soc_code": soc,
                "areas": areas,
            },
        )


def build_industry_wages() -> None:
    summary_line, summary = read_table(OEWS_NATIONAL_SUMMARY)
    offices_line, offices = read_table(OEWS_PT_OFFICES)
    national = [
        {
            "reference_period": row["reference_period"],
            "soc_code": row["soc_code"],
            "title": row["occupation_title"],
            "naics": row["naics"],
            "industry": row["industry"],
            "employment": whole(row["employment"]),
            "mean": whole(row["annual_mean"]),
            "p10": whole(row["annual_p10"]),
            "p25": whole(row["annual_p25"]),
            "median": whole(row["annual_median"]),
            "p75": whole(row["annual_p75"]),
            "p90": whole(row["annual_p90"]),
        }
        for row in summary
    ]
    pt_offices = [
        {
            "soc_code": row["soc_code"],
            "title": row["occupation_title"],
            "display_level": int(row["display_level"]),
            "employment": whole(row["employment"]),
            "mean": whole(row["a_mean"]),
            "p10": whole(row["a_pct10"]),
            "p25": whole(row["a_pct25"]),
            "median": whole(row["a_median"]),
            "p75": whole(row["a_pct75"]),
            "p90": whole(row["a_pct90"]),
        }
        for row in offices
    ]
    write(
        "wages/oews_industries.json",
        {
            "schema_version": 1,
            "national": {
                "source": "bls_oews_history",
                "date": "May 2020 - May 2025",
                "source_line": summary_line,
                "rows": national,
            },
            "pt_offices": {
                "source": "bls_oews_2025",
                "source_line": offices_line,
                "date": "May 2025",
                "naics": "621340",
                "rows": pt_offices,
            },
        },
    )


def build_price_parities() -> None:
    states_line, states = read_table(BEA_STATES)
    metros_line, metros = read_table(BEA_METROS)

    def rows(table: list[dict[str, str]]) -> list[dict[str, Any]]:
        return [
            {
                "fips": row["geo_fips"],
                "name": row["geo_name"],
                "rpp": number(row["rpp_all_items_2023"]),
                "rpp_housing": number(row["rpp_housing_2023"]),
            }
            for row in table
        ]

    write(
        "bea_price_parities.json",
        {
            "schema_version": 1,
            "source": "bea_rpp_2023",
            "date": "2023",
            "source_lines": [states_line, metros_line],
            "states": rows(states),
            "metros": rows(metros),
        },
    )


def build_cpi() -> None:
    source_line, rows = read_table(CPI)
    write(
        "bls_cpi.json",
        {
            "schema_version": 1,
            "source": "bls_cpi_u",
            "date": f"{rows[0]['year']}-{rows[-1]['year']} annual averages",
            "source_line": source_line,
            "years": [
                {
                    "year": int(row["year"]),
                    "all_items": number(row["cpi_u_all_items"]),
                    "pct_change": number(row["pct_change_all_items"]),
                    "medical_care": number(row["cpi_u_medical_care"]),
                }
                for row in rows
            ],
        },
    )


def build_projections() -> None:
    source_line, rows = read_table(PROJECTIONS)
    write(
        "bls_projections.json",
        {
            "schema_version": 1,
            "source_line": source_line,
            "rows": [
                {
                    "source": "bls_ep_" + row["projection_period"][:4],
                    "period": row["projection_period"],
                    "soc_code": row["soc_code"],
                    "occupation": row["occupation"],
                    "employment_base_thousands": number(row["employment_base_thousands"]),
                    "employment_target_thousands": number(row["employment_target_thousands"]),
                    "change_thousands": number(row["employment_change_thousands"]),
                    "pct_change": number(row["employment_pct_change"]),
                    "openings_thousands": number(row["annual_avg_openings_thousands"]),
                    "median_wage": whole(row["median_annual_wage"]),
                    "wage_year": int(row["wage_year"]),
                    "entry_education": row["typical_entry_education"],
                    "training": row["on_the_job_training"],
                }
                for row in rows
            ],
        },
    )


def _percent_pairs(text: str) -> list[float]:
    return [float(value) for value in re.findall(r"(\d+(?:\.\d+)?)%", text)]


def build_benefit_costs() -> None:
    """Employer benefit costs for office and administrative support workers, and pay budgets.

    The ECEC rows hold several numbers in one text cell; only the rows the engine uses are parsed,
    and a change in their wording stops the build instead of guessing.
    """
    source_line, rows = read_table(ECEC)
    group = "Private industry - Office and administrative support occupations"
    detail = next(r for r in rows if r["measure"] == "ECEC benefit detail" and r["group"] == group)
    share = next(
        r for r in rows if r["measure"] == "ECEC wages / benefits share" and r["group"] == group
    )
    wages_match = re.search(r"wages (\d+\.\d+)", share["value"])
    if wages_match is None:
        raise SystemExit("ECEC wages row changed shape; update build_benefit_costs()")
    wages = float(wages_match.group(1))
    parts: dict[str, float] = {}
    for name, key in (
        ("paid leave", "paid_leave"),
        ("supplemental pay", "supplemental_pay"),
        ("insurance", "insurance"),
        ("retirement", "retirement"),
        ("legally required", "legally_required"),
    ):
        found = re.search(rf"{name} (\d+\.\d+)", detail["value"])
        if found is None:
            raise SystemExit(f"ECEC detail row lacks {name!r}; update build_benefit_costs()")
        parts[key] = float(found.group(1))
    budgets = []
    for row in rows:
        if row["status"] != "secondary" or "2026" not in row["reference_period"]:
            continue
        figures = _percent_pairs(row["value"])
        periods = row["reference_period"]
        if "/" in row["measure"]:
            # "total / merit" rows give both figures for one period: the total comes first.
            index = 0
        else:
            period_parts = re.split(r"[/;]", periods)
            index = next(i for i, part in enumerate(period_parts) if "2026" in part)
        if len(figures) <= index:
            raise SystemExit(f"salary-budget row {row['group']!r} changed shape")
        merit = figures[1] if "/" in row["measure"] and len(figures) > 1 else None
        budgets.append(
            {
                "measure": row["measure"],
                "group": row["group"],
                "reference_period": periods,
                "pct_2026": figures[index],
                "merit_pct_2026": merit,
                "reported_by": row["source_url"],
            }
        )
    write(
        "bls_benefit_costs.json",
        {
            "schema_version": 1,
            "source_line": source_line,
            "ecec": {
                "source": "bls_ecec_2026q1",
                "date": detail["reference_period"],
                "group": group,
                "wages_per_hour": wages,
                "per_hour": parts,
            },
            "salary_budgets_2026": {
                "source": "salary_budgets_2026",
                "date": "2026 projected",
                "rows": budgets,
            },
        },
    )


def main() -> int:
    build_area_wages()
    build_industry_wages()
    build_price_parities()
    build_cpi()
    build_projections()
    build_benefit_costs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
