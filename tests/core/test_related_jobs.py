"""Related jobs in the knowledge base: the six jobs near the coordinator's, each found in the
PT-office table (NAICS 621340, May 2025) and in BLS projections where ptplanner has them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from ptplanner.core.content import (
    OVERVIEW_RESOURCE,
    Overview,
    overview,
    related_job_facts,
    search_overview,
)
from ptplanner.core.resources import resources_root

TABLES = Path(__file__).resolve().parents[2] / "tools" / "tables"
WANTED = {"31-2022", "31-2021", "43-4171", "43-3021", "31-9092", "43-1011"}


def _table(name: str, key: str) -> dict[str, list[dict[str, str]]]:
    with (TABLES / name).open(encoding="utf-8") as handle:
        handle.readline()  # the source line
        rows: dict[str, list[dict[str, str]]] = {}
        for row in csv.DictReader(handle):
            rows.setdefault(row[key], []).append(row)
        return rows


PT_OFFICES = _table("oews_may2025_naics621340_all_occupations.csv", "soc_code")
PROJECTIONS = _table("bls_employment_projections_selected.csv", "soc_code")


def test_the_list_is_the_six_jobs_the_issue_names() -> None:
    assert {job.soc_code for job in overview().related_jobs} == WANTED


@pytest.mark.parametrize("job", overview().related_jobs, ids=lambda job: job.id)
def test_pay_is_the_published_pt_office_row(job: object) -> None:
    from ptplanner.core.content import RelatedJob

    assert isinstance(job, RelatedJob)
    published = PT_OFFICES[job.soc_code][0]
    facts = related_job_facts(job)
    assert facts.pay is not None
    assert (facts.pay.p25, facts.pay.median, facts.pay.p75) == (
        float(published["a_pct25"]),
        float(published["a_median"]),
        float(published["a_pct75"]),
    )
    assert (facts.pay_cite.source, facts.pay_cite.date) == ("bls_oews_2025", "May 2025")


def test_entry_education_comes_from_the_latest_projections_or_is_absent() -> None:
    for job in overview().related_jobs:
        facts = related_job_facts(job)
        rows = PROJECTIONS.get(job.soc_code)
        if not rows:
            assert (facts.education, facts.training, facts.requirements_cite) == (None,) * 3
            continue
        latest = max(rows, key=lambda row: row["projection_period"])
        assert facts.education == latest["typical_entry_education"]
        assert facts.training == latest["on_the_job_training"]
        assert facts.requirements_cite is not None
        assert facts.requirements_cite.date == latest["projection_period"]
    receptionist = next(j for j in overview().related_jobs if j.soc_code == "43-4171")
    assert related_job_facts(receptionist).education == "High school diploma or equivalent"


def test_every_job_has_a_known_relation_and_each_relation_is_used() -> None:
    data = overview()
    used = {job.relation for job in data.related_jobs}
    assert used == {relation.id for relation in data.job_relations}
    assert {data.relation(r).label for r in used} == {"A way in", "A side step", "A next step"}


def test_an_unknown_relation_is_refused() -> None:
    path = Path(str(resources_root())) / OVERVIEW_RESOURCE
    data = json.loads(path.read_text("utf-8"))
    data["related_jobs"][0]["relation"] = "sideways"
    with pytest.raises(ValidationError, match="unknown relation 'sideways'"):
        Overview.model_validate(data)


def test_search_finds_related_jobs_by_their_relation_words() -> None:
    assert search_overview("next step")["related_jobs"] == ("office_supervisor",)
    assert search_overview("billing")["related_jobs"] == ("billing_clerk",)
    side_steps = {j.id for j in overview().related_jobs if j.relation == "side_step"}
    assert set(search_overview("side step")["related_jobs"]) == side_steps
