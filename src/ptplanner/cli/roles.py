"""``ptplanner projection --list-roles``: the career ladder's rungs, what BLS pays for each and
what each usually asks for, so a person can pick ``--role`` and ``--event YEAR:promotion:ROLE``.
"""

from __future__ import annotations

import csv
import io
import json
from typing import NamedTuple

from ptplanner.core.format import money
from ptplanner.core.report.model import BLS_NOTE
from ptplanner.core.salary.ladder import ladder, rung_pay
from ptplanner.core.sources import source_catalog

AREA, EMPLOYER = "National", "private_clinic"
"""Where the listed pay is for: the whole country, in PT offices (NAICS 621340)."""


class RoleLine(NamedTuple):
    id: str
    title: str
    soc_code: str
    occupation: str
    p25: float
    median: float
    p75: float
    prerequisites: str


def role_lines() -> tuple[RoleLine, ...]:
    """Every rung, lowest first, with BLS's national pay for the job in PT offices."""
    from ptplanner.core.content import overview

    occupations = {r.id: r.soc_title for r in overview().career_ladder}
    lines = []
    for job in ladder():
        _, p25, median, p75, _ = rung_pay(job.id, AREA, EMPLOYER).percentiles
        lines.append(
            RoleLine(
                job.id,
                job.title,
                job.soc_code,
                occupations.get(job.id, ""),
                p25,
                median,
                p75,
                job.prerequisites,
            )
        )
    return tuple(lines)


def _source() -> str:
    bls = source_catalog().get("bls_oews_2025")
    return (
        f"{bls.short}: national pay for each job in PT offices (NAICS 621340), "
        f"{bls.reference_date} dollars. {BLS_NOTE}"
    )


def format_roles(output: str) -> str:
    """The ladder as ``output`` ("table", "csv" or "json") asks."""
    lines = role_lines()
    if output == "json":
        payload = {
            "roles": [
                {
                    "id": r.id,
                    "title": r.title,
                    "bls_occupation": {"code": r.soc_code, "title": r.occupation},
                    "bls_pay_pt_offices": {
                        "p25": round(r.p25),
                        "median": round(r.median),
                        "p75": round(r.p75),
                    },
                    "usual_prerequisites": r.prerequisites,
                    "prerequisites_enforced": False,
                }
                for r in lines
            ],
            "source": _source(),
        }
        return json.dumps(payload, indent=2) + "\n"
    if output == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            (
                "id",
                "title",
                "bls_code",
                "bls_occupation",
                "p25",
                "median",
                "p75",
                "usual_prerequisites",
                "source",
            )
        )
        for r in lines:
            writer.writerow(
                (
                    r.id,
                    r.title,
                    r.soc_code,
                    r.occupation,
                    round(r.p25),
                    round(r.median),
                    round(r.p75),
                    r.prerequisites,
                    _source(),
                )
            )
        return out.getvalue()
    width = max(len(r.id) for r in lines)
    out = io.StringIO()
    out.write(
        "Roles on the career ladder, lowest first (use the id with --role and "
        "--event YEAR:promotion:ID)\n\n"
    )
    indent = " " * (width + 2)
    for r in lines:
        out.write(f"{r.id.ljust(width)}  {r.title}\n")
        out.write(f"{indent}BLS {r.soc_code} {r.occupation}\n")
        out.write(
            f"{indent}BLS pay in PT offices: 25th percentile {money(r.p25)}, median "
            f"{money(r.median)}, 75th percentile {money(r.p75)}\n"
        )
        out.write(f"{indent}Usual prerequisites (shown, not enforced): {r.prerequisites}\n\n")
    out.write(f"Source: {_source()}\n")
    return out.getvalue()
