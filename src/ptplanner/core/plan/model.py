"""The personal plan: a tree of milestones with status, dates and links to what moves pay.

These are immutable pydantic models. Edits never change a plan in place; the named operations
in :mod:`ptplanner.core.plan.operations` build a new plan and say what changed, which is what
makes undo exact and lets views share one plan object safely.

Rules the rest of the app relies on:

* Unknown keys are an error (``extra="forbid"``): an older ptplanner must refuse a file it does not
  fully understand rather than load it and silently drop data on the next save. Any new field
  therefore means a new ``schema_version`` and a migration in
  :mod:`ptplanner.core.storage.migrations`.
* Milestone ids are unique across the whole plan and nesting is at most :data:`MAX_DEPTH` levels.
* Target and done dates lie between :data:`EARLIEST_DATE` and :data:`LATEST_DATE`, the years the
  salary projection covers. A file written before that rule loads inside
  :func:`tolerating_out_of_range_dates`, which clears such a date and says so.
* Progress counts leaves: a step that is done counts all of its sub-steps as done, a skipped step
  drops out of the count together with its sub-steps.
"""

import re
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Literal, NamedTuple

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = 1
"""The plan file format this version of ptplanner writes."""

MAX_DEPTH = 8
"""Deepest allowed nesting; a top-level milestone is at depth 1."""

CERTIFICATION_IDS = frozenset({"cmaa", "cehrs", "cpct"})
EDUCATION_ORDER = ("hs", "associate", "bachelor")
EMPLOYER_TYPE_IDS = frozenset({"hospital", "private_clinic", "corporate_chain", "specialty_clinic"})
SKILL_IDS = frozenset({"emr", "billing_coding", "insurance", "excel"})
ROLE_ORDER = (
    "receptionist",
    "care_coordinator",
    "senior_coordinator",
    "office_manager",
    "practice_administrator",
)
"""The ids a link may name (education levels and career-ladder rungs lowest first), written out
rather than read from the salary model so that opening a plan loads no salary data;
tests/core/test_plan_profile.py checks them against the model."""
EDUCATION_IDS = frozenset(EDUCATION_ORDER)
ROLE_IDS = frozenset(ROLE_ORDER)

LinkKind = Literal[
    "certification", "education", "skill", "role", "location", "employer_type", "promotion"
]
LINK_KINDS: tuple[LinkKind, ...] = (
    "certification",
    "education",
    "skill",
    "role",
    "location",
    "employer_type",
    "promotion",
)
VALUELESS_LINK_KINDS: frozenset[str] = frozenset({"promotion"})
"""Link kinds that carry no value. ``promotion`` comes from plans made before role links: it
means "the next rung of the career ladder", so there is nothing to choose."""
_LINK_VALUES: dict[str, frozenset[str]] = {
    "certification": CERTIFICATION_IDS,
    "education": EDUCATION_IDS,
    "employer_type": EMPLOYER_TYPE_IDS,
    "skill": SKILL_IDS,
    "role": ROLE_IDS,
}


def new_id() -> str:
    """A fresh milestone id."""
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC)


# Unicode category Cc is exactly these two ranges; a regex is ~10x faster than unicodedata here.
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _no_control_chars(value: str) -> str:
    # A newline or tab in a title would break the one-line-per-step tree views and the CLI listing.
    if _CONTROL_CHARS.search(value):
        raise ValueError("must be a single line without control characters")
    return value


Title = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_control_chars),
]
MilestoneId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


CLOSED_STATUSES = frozenset({Status.DONE, Status.SKIPPED})
DUE_SOON_DAYS = 14
"""An open milestone due within this many days is "due soon" (and named in the launch notice)."""
MilestoneKind = Literal["done", "skipped", "overdue", "due_soon", "open"]

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2200, 12, 31)
"""The range of a step's target and done dates: the years a salary projection can cover."""

_cleared_dates: ContextVar[list[str] | None] = ContextVar("cleared_dates", default=None)


@contextmanager
def tolerating_out_of_range_dates() -> Iterator[list[str]]:
    """Within this block, a milestone date outside the range is cleared instead of refused.

    For opening a plan file an older ptplanner wrote without the range: one far-off date must
    not make the whole plan unreadable. Yields a list that fills with one sentence per date
    cleared, for the caller to show. A location link's area is not checked either (see
    :class:`SalaryLink`). New values (typed, imported) are never tolerated.
    """
    cleared: list[str] = []
    token = _cleared_dates.set(cleared)
    try:
        yield cleared
    finally:
        _cleared_dates.reset(token)


def cleared_dates_notice(cleared: Sequence[str], shown: int = 3) -> str | None:
    """One message for the dates :func:`tolerating_out_of_range_dates` cleared (None if none)."""
    if not cleared:
        return None
    more = len(cleared) - shown
    tail = f" And {more} more date{'s' if more != 1 else ''} like these." if more > 0 else ""
    return " ".join(cleared[:shown]) + tail


def date_range_problem(value: date) -> str | None:
    """Why ``value`` cannot be a step's date, or None when it can."""
    if EARLIEST_DATE <= value <= LATEST_DATE:
        return None
    return (
        f"{value.isoformat()} is outside the dates ptplanner plans for "
        f"({EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()})"
    )


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SalaryLink(_Frozen):
    """Ties a milestone to one input of the salary estimate (a certification, a degree, a skill,
    a role on the career ladder, ...), or to a promotion: a move to the next rung."""

    kind: LinkKind
    value: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] = ""
    """Empty exactly for the kinds in :data:`VALUELESS_LINK_KINDS`. A location is stored as the
    area's full name, whatever unique part of it was typed."""

    @field_validator("value")
    @classmethod
    def _known_area(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("kind") != "location" or not value:
            return value
        if _cleared_dates.get() is not None:
            # Opening a file: an area a newer BLS release dropped must not make the plan
            # unreadable, and opening the plan need not load the wage tables.
            return value
        # Imported here: the wage tables load only when a location link is typed or imported.
        from ptplanner.core.locations import find_area

        # The full name, so the link keeps meaning this area even if a later area table has a
        # second match for the part that was typed ("boston" is "Boston-Cambridge-Newton,
        # MA-NH"); it is also what the details editor lists. LocationError is a ValueError.
        return find_area(value).name

    @model_validator(mode="after")
    def _known_value(self) -> "SalaryLink":
        if self.kind in VALUELESS_LINK_KINDS:
            # Refused rather than ignored: a value here is a typo or a file from elsewhere, and
            # keeping it would make two equal promotions compare unequal.
            if self.value:
                raise ValueError(f"a {self.kind} link takes no value (got {self.value!r})")
            return self
        if not self.value:
            article = "an" if self.kind[0] in "aeiou" else "a"
            raise ValueError(f"{article} {self.kind} link needs a value")
        allowed = _LINK_VALUES.get(self.kind)
        if allowed is not None and self.value not in allowed:
            choices = ", ".join(sorted(allowed))
            raise ValueError(f"unknown {self.kind} {self.value!r} (expected one of: {choices})")
        return self

    @classmethod
    def parse(cls, text: str) -> "SalaryLink":
        """Build a link from ``kind:value`` text, e.g. ``certification:cmaa``, or ``promotion``."""
        kind, sep, value = text.partition(":")
        kind = kind.strip()
        if not sep and kind not in VALUELESS_LINK_KINDS:
            raise ValueError(
                f"link {text!r} must look like kind:value (e.g. certification:cmaa) or be promotion"
            )
        if kind not in LINK_KINDS:
            kinds = ", ".join(LINK_KINDS)
            raise ValueError(f"unknown link kind {kind!r} (expected one of: {kinds})")
        return cls.model_validate({"kind": kind, "value": value})

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}" if self.value else self.kind


class Milestone(_Frozen):
    """One step of the plan, possibly with sub-steps."""

    id: MilestoneId = Field(default_factory=new_id)
    title: Title
    notes: Annotated[str, StringConstraints(max_length=10_000)] = ""
    status: Status = Status.NOT_STARTED
    target_date: date | None = None
    done_date: date | None = None
    salary_link: SalaryLink | None = None
    why: Annotated[str, StringConstraints(max_length=2_000)] | None = None
    """Why the step matters, in a sentence or two."""
    pay_effect: Annotated[str, StringConstraints(max_length=500)] | None = None
    """What the step does to pay, as text that names its source."""
    renews_every_months: Annotated[int, Field(ge=1, le=120)] | None = None
    """Set for credentials that expire; marking the step done schedules its renewal."""
    children: "tuple[Milestone, ...]" = ()

    @field_validator("target_date", "done_date")
    @classmethod
    def _date_in_range(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is None:
            return None
        problem = date_range_problem(value)
        if problem is None:
            return value
        cleared = _cleared_dates.get()
        if cleared is None:
            raise ValueError(problem)
        what = "target" if info.field_name == "target_date" else "done"
        title = info.data.get("title", "a step")
        cleared.append(f"The {what} date of '{title}' is left out: {problem}.")
        return None

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def walk(
        self, depth: int = 1, parent_id: str | None = None, index: int = 0
    ) -> "Iterator[Node]":
        """This milestone and everything under it, depth first, in display order."""
        # An explicit stack rather than nested generators keeps this cheap for 10,000-step plans.
        stack: list[tuple[Milestone, int, str | None, int]] = [(self, depth, parent_id, index)]
        while stack:
            milestone, level, parent, index = stack.pop()
            yield Node(milestone, level, parent, index)
            children = milestone.children
            if children:
                below, own_id = level + 1, milestone.id
                stack.extend(
                    (children[i], below, own_id, i) for i in range(len(children) - 1, -1, -1)
                )

    def leaf_counts(self) -> tuple[int, int]:
        """(done, counted) leaves under this step, with the done/skipped rules of the module."""
        if self.status is Status.SKIPPED:
            return 0, 0
        if not self.children:
            return (1 if self.status is Status.DONE else 0), 1
        done = counted = 0
        for child in self.children:
            child_done, child_counted = child.leaf_counts()
            done += child_done
            counted += child_counted
        if self.status is Status.DONE:
            # Ticking the parent closes the step even if its sub-steps were never ticked.
            return counted, counted
        return done, counted

    def progress(self) -> float:
        """Percent complete (0-100) from the sub-steps; a step with none is 0 or 100."""
        done, counted = self.leaf_counts()
        if counted == 0:
            return 100.0 if self.status is Status.DONE else 0.0
        return 100.0 * done / counted


class Node(NamedTuple):
    """A milestone with its place in the tree, as produced by :meth:`Plan.walk`."""

    milestone: Milestone
    depth: int
    parent_id: str | None
    position: int
    """Index among its siblings."""


def _default_title() -> str:
    return "My PT Care Coordinator plan"


class Plan(_Frozen):
    """The whole plan as saved in ``plan.json``."""

    schema_version: Literal[1] = 1
    title: Title = Field(default_factory=_default_title)
    created: datetime = Field(default_factory=utc_now)
    modified: datetime = Field(default_factory=utc_now)
    milestones: tuple[Milestone, ...] = ()

    @model_validator(mode="after")
    def _ids_unique_and_depth_bounded(self) -> "Plan":
        # Level by level with comprehensions rather than a loop per milestone: this runs on
        # every load of a 10,000-step plan (about twice as fast).
        ids: list[str] = []
        level = list(self.milestones)
        depth = 1
        while level:
            if depth > MAX_DEPTH:
                raise ValueError(f"milestones are nested deeper than {MAX_DEPTH} levels")
            ids.extend([milestone.id for milestone in level])
            level = [child for milestone in level for child in milestone.children]
            depth += 1
        if len(set(ids)) != len(ids):
            seen: set[str] = set()
            for milestone_id in ids:
                if milestone_id in seen:
                    raise ValueError(f"milestone id {milestone_id!r} is used more than once")
                seen.add(milestone_id)
        return self

    # --- walking and finding -------------------------------------------------------------------

    def walk(self) -> Iterator[Node]:
        """Every milestone with its depth (top level = 1), parent id and index, in display order."""
        for index, milestone in enumerate(self.milestones):
            yield from milestone.walk(1, None, index)

    def flatten(self) -> list[Milestone]:
        """Every milestone, depth first, in display order."""
        # No Node per step: the due-date scans and the salary link run this on every open and
        # edit, and this loop is about ten times faster than walk() on a 10,000-step plan.
        return depth_first(self.milestones)

    def count(self) -> int:
        return len(self.flatten())

    def node(self, milestone_id: str) -> Node | None:
        for node in self.walk():
            if node.milestone.id == milestone_id:
                return node
        return None

    def find(self, milestone_id: str) -> Milestone | None:
        found = self.node(milestone_id)
        return found.milestone if found else None

    def get(self, milestone_id: str) -> Milestone:
        """The milestone with this id; KeyError if there is none."""
        found = self.find(milestone_id)
        if found is None:
            raise KeyError(milestone_id)
        return found

    def ids(self) -> set[str]:
        return {milestone.id for milestone in self.flatten()}

    def match_prefix(self, prefix: str) -> list[Milestone]:
        """Milestones whose id starts with ``prefix`` (an exact id wins outright)."""
        wanted = prefix.strip().lower()
        if not wanted:
            return []
        matches: list[Milestone] = []
        for milestone in self.flatten():
            if milestone.id.lower() == wanted:
                return [milestone]
            if milestone.id.lower().startswith(wanted):
                matches.append(milestone)
        return matches

    # --- progress ------------------------------------------------------------------------------

    def leaf_counts(self) -> tuple[int, int]:
        """(done, counted) leaves over the whole plan."""
        done = counted = 0
        for milestone in self.milestones:
            milestone_done, milestone_counted = milestone.leaf_counts()
            done += milestone_done
            counted += milestone_counted
        return done, counted

    def progress(self) -> float:
        """Percent complete: done leaves / (all leaves - skipped ones); 0 for an empty plan."""
        done, counted = self.leaf_counts()
        return 100.0 * done / counted if counted else 0.0


def depth_first(roots: Sequence[Milestone]) -> list[Milestone]:
    """``roots`` and every step under them, depth first, in display order."""
    found: list[Milestone] = []
    stack = list(reversed(roots))
    while stack:
        milestone = stack.pop()
        found.append(milestone)
        if milestone.children:
            stack.extend(reversed(milestone.children))
    return found


def step_count(plan: Plan) -> int:
    """How many steps a plan has, wherever a number of steps is shown.

    The steps a person ticks off: those without sub-steps (a step with sub-steps is done by
    doing them), not counting skipped ones. It is the "of N" in "3 of N steps done", so the
    Plan tab's header, the restore dialog, the welcome page and ``ptplanner plan list`` and
    ``export`` all give the same N for the same plan.
    """
    return plan.leaf_counts()[1]


def milestone_kinds(
    milestones: Sequence[Milestone], today: date, days: int = DUE_SOON_DAYS
) -> list[MilestoneKind]:
    """Each milestone's kind: done, skipped, overdue, due_soon (within ``days`` days) or open.

    The one place these rules live: the launch notice and the Plan tab's rows, header, filter and
    timeline all read them. Written as one plain loop: it runs over every step of the plan.
    """
    done, skipped = Status.DONE, Status.SKIPPED
    horizon = today + timedelta(days=days)
    kinds: list[MilestoneKind] = []
    add = kinds.append
    for milestone in milestones:
        status = milestone.status
        if status is done:
            add("done")
        elif status is skipped:
            add("skipped")
        else:
            target = milestone.target_date
            if target is None or target > horizon:
                add("open")
            elif target < today:
                add("overdue")
            else:
                add("due_soon")
    return kinds


def attention(
    milestones: Sequence[Milestone],
    today: date,
    days: int = DUE_SOON_DAYS,
    kinds: Sequence[MilestoneKind | str] | None = None,
) -> tuple[list[Milestone], list[Milestone]]:
    """(overdue, due soon) among ``milestones``, each soonest first.

    ``kinds``: their :func:`milestone_kinds` for ``today`` and ``days``, when the caller keeps
    them already. Stable sorts: steps due the same day keep their order in the plan.
    """
    if kinds is None:
        kinds = milestone_kinds(milestones, today, days)
    overdue = [m for m, kind in zip(milestones, kinds, strict=True) if kind == "overdue"]
    soon = [m for m, kind in zip(milestones, kinds, strict=True) if kind == "due_soon"]
    overdue.sort(key=_target_of)
    soon.sort(key=_target_of)
    return overdue, soon


def _target_of(milestone: Milestone) -> date:
    assert milestone.target_date is not None
    return milestone.target_date


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of shorter months (Jan 31 + 1 = Feb 28)."""
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    next_month_start = date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month_start - timedelta(days=1)).day
    return date(year, month, min(day.day, last_day))
