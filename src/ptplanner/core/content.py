"""The knowledge base behind the Overview tab: the role in the project's own words, cited.

:func:`overview` loads ``resources/content/overview.json``: duties, skills, certifications, EMR
systems, employer types, the career ladder and the job outlook, validated and cached. The
worked day of "A day in the life" is in :mod:`ptplanner.core.day`, O*NET's data in
:mod:`ptplanner.core.onet`.

Every shown number is a cited :class:`~ptplanner.core.sources.Figure` or :class:`FigureRange`;
every text item carries at least one :class:`~ptplanner.core.sources.Cited`. Related jobs name
their relation to the coordinator's path by a :class:`JobRelation` id, so the words are data.
:func:`search_overview` is the pure helper behind the overview tab's search box.
"""

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, Literal, NamedTuple, get_args

from pydantic import BaseModel, Field, model_validator

from ptplanner.core.knowledge import OccupationWage, employment_projections, industry_wages
from ptplanner.core.resources import load_model
from ptplanner.core.sources import (
    ID_PATTERN,
    SOC_PATTERN,
    Cited,
    Figure,
    Strict,
    require_unique,
)

OVERVIEW_RESOURCE = "content/overview.json"

ROLE_SOC = "43-6013"
"""The BLS/O*NET occupation the role maps to: Medical Secretaries and Administrative Assistants."""

Id = str
SocCode = str

SkillKind = Literal["technical", "soft"]
WageBand = Literal["p10_p25", "p25_p75", "p75_p90"]
"""Which OEWS percentile band stands for a career rung (the UI reads the wages by soc_code)."""

# Sections of the overview that search_overview() reports on, in display order.
OverviewSection = Literal[
    "duties",
    "skills",
    "certifications",
    "emr_systems",
    "employers",
    "career_ladder",
    "related_jobs",
    "outlook",
]
OVERVIEW_SECTIONS: tuple[OverviewSection, ...] = get_args(OverviewSection)


# --------------------------------------------------------------------------- shared pieces


class CitedText(Cited):
    """A sentence or two in the project's own words, with the source of its facts."""

    text: str = Field(min_length=1)


class FigureRange(Cited):
    """A cited range such as "$45,000-$50,000"; ``open_ended`` means "or more" / "+"."""

    low: float
    high: float
    unit: Literal["USD/year", "USD/hour", "percent", "years"]
    label: str = Field(min_length=1)
    open_ended: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> "FigureRange":
        if self.low > self.high:
            raise ValueError(f"range {self.label!r}: low {self.low} is above high {self.high}")
        return self


# --------------------------------------------------------------------------- overview


class Duty(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    title: str
    description: str
    onet_task_ids: tuple[int, ...] = ()
    """O*NET task IDs of 43-6013 this duty corresponds to (see :func:`.onet.onet_task`)."""
    cites: tuple[Cited, ...] = Field(min_length=1)


class Skill(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    kind: SkillKind
    title: str
    description: str
    onet_skill_ids: tuple[str, ...] = ()
    """O*NET skill element ids (e.g. "2.A.1.d") of 43-6013 this skill draws on."""
    cites: tuple[Cited, ...] = Field(min_length=1)


class OnetSkillSelection(Cited):
    """The most important O*NET skills of one occupation, most important first."""

    soc_code: SocCode = Field(pattern=SOC_PATTERN)
    min_importance: float
    element_ids: tuple[str, ...] = Field(min_length=1)
    note: str


class Renewal(Cited):
    every_years: int = Field(gt=0)
    requirement: str


class Certification(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    abbreviation: str
    name: str
    issuer: str
    shows: str
    renewal: Renewal
    cites: tuple[Cited, ...] = Field(min_length=1)


class EmrSystem(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    name: str
    note: str
    cites: tuple[Cited, ...] = Field(min_length=1)


class Employer(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    title: str
    examples: str | None = None
    summary: str
    pros: tuple[str, ...] = Field(min_length=1)
    cons: tuple[str, ...] = Field(min_length=1)
    pay: FigureRange | None = None
    """The guide's pay range for this employer type, where it gives one."""
    pay_note: CitedText
    cites: tuple[Cited, ...] = Field(min_length=1)


class CareerRung(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    title: str
    soc_code: SocCode = Field(pattern=SOC_PATTERN)
    soc_title: str
    wage_band: WageBand = "p25_p75"
    """OEWS (NAICS 621340) percentile band that represents this rung; look wages up by soc_code."""
    what_changes: str
    typical_experience: str
    guide_pay: FigureRange | None = None
    cites: tuple[Cited, ...] = Field(min_length=1)


class JobRelation(Strict):
    """How a related job stands to the coordinator's path ("A way in"), in words shown as is."""

    id: Id = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1)
    meaning: str = Field(min_length=1)
    cites: tuple[Cited, ...] = Field(min_length=1)


class RelatedJob(Strict):
    """A job in the PT-office occupation table near the coordinator's (BLS pay looked up by
    ``soc_code``; entry education from BLS projections where ptplanner has them)."""

    id: Id = Field(pattern=ID_PATTERN)
    title: str
    soc_code: SocCode = Field(pattern=SOC_PATTERN)
    relation: Id
    """The id of a :class:`JobRelation`."""
    how: str = Field(min_length=1)
    cites: tuple[Cited, ...] = Field(min_length=1)


class OutlookDriver(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    title: str
    text: str
    cites: tuple[Cited, ...] = Field(min_length=1)


class Projection(Strict):
    """One employment projection for a decade, as published by its source."""

    id: Id = Field(pattern=ID_PATTERN)
    label: str
    period: str = Field(pattern=r"^\d{4}-\d{4}$")
    soc_code: SocCode = Field(pattern=SOC_PATTERN)
    growth: Figure
    annual_openings: Figure | None = None
    note: str


class OutlookNote(Strict):
    id: Id = Field(pattern=ID_PATTERN)
    title: str
    text: str
    cites: tuple[Cited, ...] = Field(min_length=1)


class OccupationMapping(Strict):
    """How the job title maps onto official statistics."""

    id: Id = Field(pattern=ID_PATTERN)
    soc_code: SocCode = Field(pattern=SOC_PATTERN)
    soc_title: str
    naics_code: str = Field(pattern=r"^\d{6}$")
    naics_title: str
    senior_overlap_soc_code: SocCode = Field(pattern=SOC_PATTERN)
    senior_overlap_soc_title: str
    text: str
    cites: tuple[Cited, ...] = Field(min_length=1)


class Outlook(Strict):
    summary: str
    drivers: tuple[OutlookDriver, ...] = Field(min_length=1)
    projections: tuple[Projection, ...] = Field(min_length=1)
    comparison: OutlookNote
    """Why the guide's growth figure and the BLS figures differ, and which is which."""
    mapping: OccupationMapping

    def items(self) -> tuple[OutlookDriver | Projection | OutlookNote | OccupationMapping, ...]:
        """Every searchable outlook item, in display order."""
        return (*self.drivers, *self.projections, self.comparison, self.mapping)


class Overview(Strict):
    schema_version: Literal[1]
    duties: tuple[Duty, ...] = Field(min_length=1)
    skills: tuple[Skill, ...] = Field(min_length=1)
    onet_top_skills: OnetSkillSelection
    certifications: tuple[Certification, ...] = Field(min_length=1)
    certification_pay_effect: FigureRange
    emr_systems: tuple[EmrSystem, ...] = Field(min_length=1)
    employers: tuple[Employer, ...] = Field(min_length=1)
    career_ladder: tuple[CareerRung, ...] = Field(min_length=1)
    """Rungs from the entry job to the top, in order."""
    job_relations: tuple[JobRelation, ...] = Field(min_length=1)
    related_jobs: tuple[RelatedJob, ...] = Field(min_length=1)
    """Jobs near the coordinator's, in display order."""
    outlook: Outlook

    @model_validator(mode="after")
    def _ids_unique(self) -> "Overview":
        for section in OVERVIEW_SECTIONS:
            require_unique((item.id for item in self.section_items(section)), section)
        require_unique((relation.id for relation in self.job_relations), "job_relations")
        known = {relation.id for relation in self.job_relations}
        for job in self.related_jobs:
            if job.relation not in known:
                raise ValueError(f"related job {job.id!r}: unknown relation {job.relation!r}")
        return self

    def section_items(self, section: OverviewSection) -> tuple[Any, ...]:
        """The items of one section; each has an ``id``."""
        if section == "outlook":
            return self.outlook.items()
        items: tuple[Any, ...] = getattr(self, section)
        return items

    def skill(self, skill_id: str) -> Skill:
        for skill in self.skills:
            if skill.id == skill_id:
                return skill
        raise KeyError(f"unknown skill {skill_id!r}")

    def relation(self, relation_id: str) -> JobRelation:
        for relation in self.job_relations:
            if relation.id == relation_id:
                return relation
        raise KeyError(f"unknown job relation {relation_id!r}")

    def rung(self, rung_id: str) -> CareerRung:
        for rung in self.career_ladder:
            if rung.id == rung_id:
                return rung
        raise KeyError(f"unknown career rung {rung_id!r}")


# --------------------------------------------------------------------------- loader


@cache
def overview() -> Overview:
    return load_model(OVERVIEW_RESOURCE, Overview)


# --------------------------------------------------------------------------- related jobs


class RelatedJobFacts(NamedTuple):
    """What the Overview shows of a related job besides its own text, each part with its source.

    ``pay`` is the job's BLS row in PT offices (None when the table lacks the code);
    ``education`` and ``training`` are BLS projections' latest entry requirements (None when
    ptplanner's projections table has no row for the code).
    """

    job: RelatedJob
    relation: JobRelation
    pay: OccupationWage | None
    pay_cite: Cited
    education: str | None
    training: str | None
    requirements_cite: Cited | None


def related_job_facts(job: RelatedJob) -> RelatedJobFacts:
    tables = industry_wages()
    pt = tables.pt_offices
    try:
        pay: OccupationWage | None = tables.in_pt_offices(job.soc_code)
    except KeyError:
        pay = None
    rows = employment_projections().for_occupation(job.soc_code)
    latest = rows[-1] if rows else None
    # The projections table writes "None" for "no on-the-job training"; say it in words.
    training = None
    if latest is not None:
        training = "none" if latest.training == "None" else latest.training
    return RelatedJobFacts(
        job=job,
        relation=overview().relation(job.relation),
        pay=pay,
        pay_cite=Cited(source=pt.source, date=pt.date),
        education=latest.entry_education if latest is not None else None,
        training=training,
        requirements_cite=(
            Cited(source=latest.source, date=latest.period) if latest is not None else None
        ),
    )


# --------------------------------------------------------------------------- search

_CITATION_KEYS = frozenset({"id", "source", "date"})


def iter_text(value: Any) -> Iterator[str]:
    """Every human-readable string inside a model or dumped value (ids and citations excluded)."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _CITATION_KEYS:
                yield from iter_text(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from iter_text(item)


def _words(query: str) -> list[str]:
    return [word for word in re.split(r"\s+", query.casefold().strip()) if word]


def search_overview(query: str) -> dict[OverviewSection, tuple[str, ...]]:
    """Ids of the overview items matching ``query``, per section (every section key is present).

    Case-insensitive substring search over all text of an item; with several words, an item
    matches when it contains every word. A blank query matches everything.
    """
    words = _words(query)
    data = overview()
    result: dict[OverviewSection, tuple[str, ...]] = {}
    for section in OVERVIEW_SECTIONS:
        hits: list[str] = []
        for item in data.section_items(section):
            haystack = "\n".join(iter_text(item)).casefold()
            if isinstance(item, RelatedJob):  # the relation's words, not just its id
                haystack += "\n" + "\n".join(iter_text(data.relation(item.relation))).casefold()
            if all(word in haystack for word in words):
                hits.append(item.id)
        result[section] = tuple(hits)
    return result
