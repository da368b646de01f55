"""The knowledge base of the Overview and "A day in the life" tabs and its O*NET data.

Covers ptplanner.core.content (the overview), ptplanner.core.day (the worked day) and
ptplanner.core.onet.

Checks citations against the source catalogue, the shape of the worked day, every cross-reference
(O*NET task and skill ids, skill ids, SOC codes), the figures against the public tables they came
from, the search helper, strict schemas, the colour hints, and that no text copies the guide.
"""

from __future__ import annotations

import copy
import csv
import importlib.util
import itertools
import math
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from ptplanner.core import content
from ptplanner.core.content import Overview, overview, search_overview
from ptplanner.core.day import DAY_KINDS, DAY_RESOURCE, DayTimeline, day_timeline, minutes
from ptplanner.core.onet import ONET_RESOURCE, OnetData, onet, onet_task, top_onet_skills
from ptplanner.core.resources import load_json, resource_path
from ptplanner.core.sources import Cited, Figure, source_catalog

REPO = Path(__file__).resolve().parents[2]
TABLES = REPO / "tools" / "tables"


# --------------------------------------------------------------------------- helpers


def walk_models(value: Any) -> Iterator[BaseModel]:
    """Every pydantic model nested inside ``value`` (itself included)."""
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from walk_models(getattr(value, name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from walk_models(item)


def all_strings(value: Any) -> Iterator[str]:
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from all_strings(item)


def read_table(name: str) -> list[dict[str, str]]:
    with (TABLES / name).open(encoding="utf-8", newline="") as handle:
        first = handle.readline()
        assert first.startswith("# Source:")
        return list(csv.DictReader(handle))


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_onet", REPO / "tools" / "build_onet.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DOCUMENTS = pytest.mark.parametrize(
    "loader", [overview, day_timeline, onet], ids=lambda f: f.__name__
)


# --------------------------------------------------------------------------- citations


@DOCUMENTS
def test_every_citation_names_a_catalogued_source_and_its_date(loader: Any) -> None:
    catalog = source_catalog()
    cited = [model for model in walk_models(loader()) if isinstance(model, Cited)]
    assert cited, "expected cited items"
    for item in cited:
        assert item.source in catalog.ids(), item
        assert item.date == catalog.get(item.source).reference_date, item


def test_every_figure_is_cited() -> None:
    figures = [m for m in walk_models(overview()) if isinstance(m, Figure | content.FigureRange)]
    assert len(figures) >= 9
    for figure in figures:
        assert figure.source
        assert figure.date
        assert figure.label


def test_certification_pay_effect_is_the_guides_open_ended_range() -> None:
    effect = overview().certification_pay_effect
    assert (effect.low, effect.high, effect.open_ended) == (2000, 5000, True)
    assert (effect.source, effect.unit) == ("guide", "USD/year")


def test_employer_pay_ranges_are_the_guides() -> None:
    employers = {employer.id: employer for employer in overview().employers}
    hospital, clinic = employers["hospital"].pay, employers["private_clinic"].pay
    assert hospital is not None
    assert (hospital.low, hospital.high) == (45000, 50000)
    assert clinic is not None
    assert (clinic.low, clinic.high) == (38000, 55000)
    assert employers["corporate_chain"].pay is None
    assert employers["specialty_clinic"].pay is None
    for employer in employers.values():
        assert employer.pay_note.source == "guide"
        if employer.pay is not None:
            assert employer.pay.source == "guide"


def test_certifications_renew_every_two_years_per_nha() -> None:
    for certification in overview().certifications:
        assert certification.renewal.every_years == 2
        assert certification.renewal.source == "nha"
        assert "NHA" in certification.issuer


# --------------------------------------------------------------------------- exact id sets


def test_certification_employer_and_skill_ids_are_exact() -> None:
    data = overview()
    assert [c.id for c in data.certifications] == ["cmaa", "cehrs", "cpct"]
    assert {e.id for e in data.employers} == {
        "hospital",
        "private_clinic",
        "corporate_chain",
        "specialty_clinic",
    }
    technical = {s.id for s in data.skills if s.kind == "technical"}
    soft = {s.id for s in data.skills if s.kind == "soft"}
    assert technical == {"emr", "billing_coding", "insurance", "excel"}
    assert soft == {"empathy", "communication", "problem_solving", "attention_to_detail"}


def test_duties_cover_the_six_core_responsibilities() -> None:
    assert [d.id for d in overview().duties] == [
        "scheduling",
        "insurance",
        "communication",
        "records",
        "billing",
        "operations",
    ]


def test_emr_systems_are_the_four_the_guide_names() -> None:
    assert [e.name for e in overview().emr_systems] == ["WebPT", "Clinicient", "Epic", "Cerner"]


def test_career_ladder_order_and_codes() -> None:
    ladder = overview().career_ladder
    assert [(r.id, r.soc_code) for r in ladder] == [
        ("receptionist", "43-4171"),
        ("care_coordinator", "43-6013"),
        ("senior_coordinator", "43-6013"),
        ("office_manager", "43-1011"),
        ("practice_administrator", "11-9111"),
    ]
    senior = overview().rung("senior_coordinator")
    assert senior.wage_band == "p75_p90"
    assert senior.guide_pay is not None
    assert (senior.guide_pay.low, senior.guide_pay.high) == (56000, 70000)
    assert senior.guide_pay.open_ended


def test_every_rung_has_a_wage_row_in_the_naics_621340_table() -> None:
    published = {
        row["soc_code"]: row for row in read_table("oews_may2025_naics621340_all_occupations.csv")
    }
    for rung in overview().career_ladder:
        row = published[rung.soc_code]
        assert row["occupation_title"] == rung.soc_title
        assert row["a_median"] not in {"", "-", "*", "#"}


# --------------------------------------------------------------------------- outlook


def test_projections_match_the_bls_table() -> None:
    rows = {
        (row["projection_period"], row["soc_code"]): row
        for row in read_table("bls_employment_projections_selected.csv")
    }
    outlook = overview().outlook
    projections = {p.id: p for p in outlook.projections}
    guide = projections["guide_2022_2032"]
    assert (guide.growth.value, guide.growth.source) == (8, "guide")
    for pid, source in (("bls_2022_2032", "bls_ep_2022"), ("bls_2024_2034", "bls_ep_2024")):
        projection = projections[pid]
        row = rows[(projection.period, projection.soc_code)]
        assert projection.growth.source == source
        assert projection.growth.value == float(row["employment_pct_change"])
        assert projection.annual_openings is not None
        assert projection.annual_openings.source == source
        assert projection.annual_openings.value == float(row["annual_avg_openings_thousands"])
    assert projections["bls_2022_2032"].growth.value == 6.7
    assert projections["bls_2024_2034"].growth.value == 4.2
    assert projections["bls_2024_2034"].annual_openings is not None
    assert projections["bls_2024_2034"].annual_openings.value == 85.9
    assert {c.source for c in outlook.comparison.cites} >= {"guide", "bls_ep_2022", "bls_ep_2024"}
    assert {d.id for d in outlook.drivers} == {
        "aging_population",
        "insurance_coverage",
        "outpatient_shift",
    }


def test_occupation_mapping() -> None:
    mapping = overview().outlook.mapping
    assert (mapping.soc_code, mapping.naics_code, mapping.senior_overlap_soc_code) == (
        "43-6013",
        "621340",
        "11-9111",
    )


# --------------------------------------------------------------------------- the worked day


def test_day_covers_the_working_day_without_gaps_or_overlaps() -> None:
    day = day_timeline()
    blocks = day.blocks
    assert day.day_start == "08:00"
    assert blocks[0].start == "08:00"
    assert day.day_end == "17:00"
    assert blocks[-1].end == day.day_end
    assert 10 <= len(blocks) <= 14
    for before, after in itertools.pairwise(blocks):
        assert before.end == after.start
    for block in blocks:
        assert block.duration_minutes > 0
    total = sum(block.duration_minutes for block in blocks)
    assert total == minutes(day.day_end) - minutes(day.day_start)
    # Follows the guide's outline: lunch 12-1, every 08:00-17:00 minute covered exactly once,
    # the till balanced as the last patient leaves, just before five.
    lunch = [b for b in blocks if b.kind == "break"]
    assert [(b.start, b.end) for b in lunch] == [("12:00", "13:00")]
    covered = [m for b in blocks for m in range(b.start_minutes, b.end_minutes)]
    assert len(covered) == len(set(covered))
    assert set(range(8 * 60, 17 * 60)) <= set(covered)


def test_day_uses_every_kind_and_styles_each_once() -> None:
    day = day_timeline()
    assert {block.kind for block in day.blocks} == set(DAY_KINDS)
    assert sorted(style.kind for style in day.kinds) == sorted(DAY_KINDS)
    assert set(DAY_KINDS) == {
        "front_desk",
        "phone",
        "insurance",
        "scheduling",
        "records",
        "billing",
        "planning",
        "break",
    }
    for block in day.blocks:
        assert block.source == "guide"
        assert day.style(block.kind).label


def _shifted(edit: str) -> dict[str, Any]:
    raw: dict[str, Any] = copy.deepcopy(load_json(DAY_RESOURCE))
    blocks = raw["blocks"]
    if edit == "gap":
        blocks[1]["start"] = "08:20"
    elif edit == "overlap":
        blocks[1]["start"] = "08:10"
    elif edit == "short":
        blocks[-1]["end"] = "17:20"
    elif edit == "backwards":
        blocks[0]["end"] = "07:59"
    elif edit == "missing_kind":
        raw["kinds"] = raw["kinds"][:-1]
    return raw


@pytest.mark.parametrize("edit", ["gap", "overlap", "short", "backwards", "missing_kind"])
def test_day_validator_rejects_broken_timelines(edit: str) -> None:
    with pytest.raises(ValidationError):
        DayTimeline.model_validate(_shifted(edit))


def test_day_skills_exist_in_the_overview() -> None:
    skill_ids = {skill.id for skill in overview().skills}
    used = {skill for block in day_timeline().blocks for skill in block.skills}
    assert used <= skill_ids
    assert used == skill_ids, f"skills never used in the day: {skill_ids - used}"


# --------------------------------------------------------------------------- O*NET


def test_every_referenced_onet_task_exists_for_43_6013() -> None:
    role = onet().occupation("43-6013")
    known = {task.task_id for task in role.tasks}
    referenced = [t for duty in overview().duties for t in duty.onet_task_ids]
    referenced += [t for block in day_timeline().blocks for t in block.onet_task_ids]
    assert referenced
    assert set(referenced) <= known
    assert onet_task(788).statement == "Complete insurance or other claim forms."
    with pytest.raises(KeyError):
        onet_task(1)


def test_onet_skill_references_and_top_skills() -> None:
    role = onet().occupation("43-6013")
    known = {skill.element_id for skill in role.skills}
    for skill in overview().skills:
        assert set(skill.onet_skill_ids) <= known
    selection = overview().onet_top_skills
    expected = [s.element_id for s in role.skills if s.importance >= selection.min_importance]
    assert list(selection.element_ids) == expected
    resolved = top_onet_skills()
    assert resolved[0].name == "Speaking"
    assert [s.importance for s in resolved] == sorted(
        (s.importance for s in resolved), reverse=True
    )


def test_onet_data_has_three_occupations_with_tasks_and_sources() -> None:
    data = onet()
    assert [o.soc_code for o in data.occupations] == ["43-6013", "43-4171", "11-9111"]
    for occupation in data.occupations:
        assert occupation.tasks
        assert occupation.skills
        assert occupation.knowledge
        assert occupation.detailed_work_activities
    assert len(data.occupation("43-6013").work_activities) == 41
    assert data.attribution == source_catalog().get("onet_29_3").attribution
    assert [t.file for t in data.tables] == [
        "onet29_3_tasks.csv",
        "onet29_3_skills.csv",
        "onet29_3_knowledge.csv",
        "onet29_3_detailed_work_activities.csv",
        "onet_work_activities_43-6013.csv",
    ]
    for table in data.tables:
        first = (TABLES / table.file).read_text(encoding="utf-8").splitlines()[0]
        assert first == "# Source: " + table.source_line


def test_onet_json_is_what_the_builder_produces() -> None:
    builder = load_builder()
    expected = builder.render(builder.build())
    assert resource_path(ONET_RESOURCE).read_text(encoding="utf-8") == expected
    assert expected.endswith("}\n")


def test_onet_tasks_match_the_table() -> None:
    rows = read_table("onet29_3_tasks.csv")
    for occupation in onet().occupations:
        mine = {(t.task_id, t.statement) for t in occupation.tasks}
        table = {
            (int(r["Task ID"]), r["Task"])
            for r in rows
            if r["O*NET-SOC Code"] == occupation.onet_soc_code
        }
        assert mine == table


# --------------------------------------------------------------------------- search


def test_search_finds_the_insurance_duty() -> None:
    result = search_overview("authorization")
    assert "insurance" in result["duties"]
    assert search_overview("AUTHORIZATION") == result


def test_search_for_nonsense_finds_nothing() -> None:
    result = search_overview("zzzz")
    assert set(result) == set(content.OVERVIEW_SECTIONS)
    assert all(ids == () for ids in result.values())


def test_search_blank_matches_everything_and_words_are_anded() -> None:
    everything = search_overview("  ")
    assert everything["certifications"] == ("cmaa", "cehrs", "cpct")
    assert "guide_vs_bls" in everything["outlook"]
    assert search_overview("webpt")["emr_systems"] == ("webpt",)
    assert search_overview("oracle health")["emr_systems"] == ("cerner",)
    assert search_overview("ehr epic zzzz")["emr_systems"] == ()
    assert "senior_coordinator" in search_overview("8 years")["career_ladder"]
    # Citation source ids are not searchable text.
    assert search_overview("bls_ep_2024")["outlook"] == ()


# --------------------------------------------------------------------------- strict schemas


def _with_extra(raw: dict[str, Any], path: list[str | int]) -> dict[str, Any]:
    raw = copy.deepcopy(raw)
    node: Any = raw
    for key in path:
        node = node[key]
    node["unexpected"] = 1
    return raw


@pytest.mark.parametrize(
    ("name", "model", "path"),
    [
        (content.OVERVIEW_RESOURCE, Overview, []),
        (content.OVERVIEW_RESOURCE, Overview, ["duties", 0]),
        (content.OVERVIEW_RESOURCE, Overview, ["certifications", 1, "renewal"]),
        (content.OVERVIEW_RESOURCE, Overview, ["outlook", "projections", 1, "growth"]),
        (DAY_RESOURCE, DayTimeline, []),
        (DAY_RESOURCE, DayTimeline, ["blocks", 3]),
        (ONET_RESOURCE, OnetData, ["occupations", 0, "tasks", 0]),
    ],
)
def test_extra_keys_are_rejected(name: str, model: type[BaseModel], path: list[str | int]) -> None:
    raw = load_json(name)
    model.model_validate(raw)  # the real file is valid
    with pytest.raises(ValidationError, match="unexpected"):
        model.model_validate(_with_extra(raw, path))


def test_unknown_citation_shape_and_frozen_models() -> None:
    raw = copy.deepcopy(load_json(content.OVERVIEW_RESOURCE))
    del raw["duties"][0]["cites"]
    with pytest.raises(ValidationError):
        Overview.model_validate(raw)
    with pytest.raises(ValidationError):
        overview().duties[0].title = "changed"  # type: ignore[misc]


def test_core_content_never_imports_qt() -> None:
    code = (
        "import sys, ptplanner.core.content as c, ptplanner.core.day as d, "
        "ptplanner.core.onet as o; c.overview(); d.day_timeline(); o.onet(); "
        "qt = {'PySide6', 'shiboken6', 'pyqtgraph'}; "
        "bad = [m for m in sys.modules if m.split('.')[0] in qt]; "
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --------------------------------------------------------------------------- colour hints


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    r, g, b = (_linear(int(hex_colour[i : i + 2], 16)) for i in (1, 3, 5))
    return r, g, b


def _luminance(hex_colour: str) -> float:
    r, g, b = _rgb(hex_colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# Machado, Oliveira & Fernandes (2009) simulation matrices, severity 1.0, linear RGB.
_CVD = {
    "normal": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "protan": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deutan": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritan": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _lab(hex_colour: str, vision: str) -> tuple[float, float, float]:
    rgb = _rgb(hex_colour)
    r, g, b = (
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
        for row in _CVD[vision]
    )
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_kind_colours_are_readable_and_colour_blind_distinct() -> None:
    styles = day_timeline().kinds
    for style in styles:
        assert _contrast(style.colour, style.text_colour) >= 4.5, style
        assert _contrast(style.colour, "#FFFFFF") >= 2.0, style  # light theme
        assert _contrast(style.colour, "#1E1E1E") >= 2.5, style  # dark theme
    for vision in _CVD:
        for a, b in itertools.combinations(styles, 2):
            distance = math.dist(_lab(a.colour, vision), _lab(b.colour, vision))
            assert distance >= 15, (vision, a.kind, b.kind, round(distance, 1))
