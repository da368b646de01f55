"""Build resources/onet.json from the O*NET tables in tools/tables/.

Reads the O*NET 29.3 task, skill, knowledge and detailed-work-activity tables (and the generalized
work activities of 43-6013) for the three occupations ptplanner uses and writes them as one JSON
file the app loads through ``ptplanner.core.content.onet()``. Each table's ``# Source:`` line is
kept in the output. The output is deterministic: fixed occupation order, rows sorted, indent=1,
trailing newline. Run from anywhere: ``python tools/build_onet.py``.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TABLES = REPO / "tools" / "tables"
OUTPUT = REPO / "resources" / "onet.json"

# In the order the app lists them: the role itself, the entry rung, the top rung.
OCCUPATIONS: tuple[str, ...] = ("43-6013", "43-4171", "11-9111")

TASKS = "onet29_3_tasks.csv"
SKILLS = "onet29_3_skills.csv"
KNOWLEDGE = "onet29_3_knowledge.csv"
DWAS = "onet29_3_detailed_work_activities.csv"
WORK_ACTIVITIES = "onet_work_activities_43-6013.csv"
TABLE_FILES: tuple[str, ...] = (TASKS, SKILLS, KNOWLEDGE, DWAS, WORK_ACTIVITIES)

SOURCE_ID = "onet_29_3"
SOURCE_DATE = "May 2025 release"
ATTRIBUTION = (
    "This product includes information from O*NET 29.3 Database by USDOL/ETA. "
    "Used under CC BY 4.0. O*NET(R) is a trademark of USDOL/ETA."
)
SOURCE_PREFIX = "# Source:"


def read_table(name: str) -> tuple[str, list[dict[str, str]]]:
    """The table's source line (without the ``# Source:`` prefix) and its rows."""
    path = TABLES / name
    with path.open("r", encoding="utf-8", newline="") as handle:
        first = handle.readline().rstrip("\r\n")
        if not first.startswith(SOURCE_PREFIX):
            raise ValueError(f"{name}: first line must start with {SOURCE_PREFIX!r}")
        rows = list(csv.DictReader(handle))
    return first[len(SOURCE_PREFIX) :].strip(), rows


def soc_of(onet_code: str) -> str:
    """'43-6013.00' -> '43-6013'."""
    return onet_code.split(".", 1)[0]


def number(text: str) -> float:
    return float(text.replace(",", ""))


def build() -> dict[str, Any]:
    sources: dict[str, str] = {}
    tables: dict[str, list[dict[str, str]]] = {}
    for name in TABLE_FILES:
        sources[name], tables[name] = read_table(name)

    occupations: list[dict[str, Any]] = []
    for soc in OCCUPATIONS:
        task_rows = [row for row in tables[TASKS] if soc_of(row["O*NET-SOC Code"]) == soc]
        skill_rows = [row for row in tables[SKILLS] if soc_of(row["onet_soc_code"]) == soc]
        knowledge_rows = [row for row in tables[KNOWLEDGE] if soc_of(row["onet_soc_code"]) == soc]
        dwa_rows = [row for row in tables[DWAS] if soc_of(row["onet_soc_code"]) == soc]
        wa_rows = [row for row in tables[WORK_ACTIVITIES] if soc_of(row["onet_soc_code"]) == soc]
        if not task_rows or not skill_rows:
            raise ValueError(f"no O*NET tasks or skills for {soc}")
        onet_codes = {row["O*NET-SOC Code"] for row in task_rows}
        titles = {row["Title"] for row in task_rows}
        if len(onet_codes) != 1 or len(titles) != 1:
            raise ValueError(f"{soc}: expected one O*NET-SOC code and title, got {onet_codes}")

        # Core before supplemental, then by task ID, so the order never depends on the CSV's.
        tasks = sorted(
            (
                {
                    "task_id": int(row["Task ID"]),
                    "statement": row["Task"].strip(),
                    "task_type": row["Task Type"],
                    "incumbents_responding": number(row["Incumbents Responding"]),
                    "date": row["Date"],
                    "domain_source": row["Domain Source"],
                }
                for row in task_rows
            ),
            key=lambda task: (task["task_type"] != "Core", task["task_id"]),
        )

        def rated(rows: list[dict[str, str]], dated: bool) -> list[dict[str, Any]]:
            items: list[dict[str, Any]] = []
            for row in rows:
                item: dict[str, Any] = {
                    "element_id": row["element_id"],
                    "name": row["element_name"],
                    "importance": number(row["importance_IM"]),
                    "level": number(row["level_LV"]),
                }
                if dated:
                    item["date"] = row["date"]
                    item["domain_source"] = row["domain_source"]
                items.append(item)
            # Most important first; ties broken by the stable O*NET element id.
            items.sort(key=lambda item: (-item["importance"], item["element_id"]))
            return items

        # Most linked tasks first, then by DWA id.
        dwa_rows.sort(key=lambda row: (-int(row["n_tasks_linked"]), row["dwa_id"]))
        dwas = [
            {
                "dwa_id": row["dwa_id"],
                "title": row["dwa_title"].strip(),
                "n_tasks_linked": int(row["n_tasks_linked"]),
            }
            for row in dwa_rows
        ]

        occupations.append(
            {
                "soc_code": soc,
                "onet_soc_code": onet_codes.pop(),
                "title": titles.pop(),
                "tasks": tasks,
                "skills": rated(skill_rows, dated=True),
                "knowledge": rated(knowledge_rows, dated=True),
                "detailed_work_activities": dwas,
                "work_activities": rated(wa_rows, dated=False),
            }
        )

    return {
        "schema_version": 1,
        "source": SOURCE_ID,
        "date": SOURCE_DATE,
        "attribution": ATTRIBUTION,
        "tables": [{"file": name, "source_line": sources[name]} for name in TABLE_FILES],
        "occupations": occupations,
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    text = render(build())
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO)} ({len(text)} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
