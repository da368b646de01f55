"""Three-way merge of two versions of one plan, by milestone id, field by field.

When a plan in a synced folder was changed on two computers, ``base`` is the version both started
from (what this computer last loaded or saved), ``ours`` is this computer's version and ``theirs``
the other one (the file the sync tool brought in, or its conflict copy). The rules:

* A field changed on one side only takes that side; the same change on both sides is no
  collision; different changes to the same field of the same step are a :class:`Collision`, and
  the merged plan provisionally takes *ours* until :func:`resolve` is given a choice.
* A step added on either side is kept, after the same sibling as on that side.
* A step deleted on one side and untouched on the other is deleted. Deleted on one side and
  changed on the other (or with a sub-step changed or added there), it is kept, as a collision.
* A move (new parent or new place among siblings) takes the side that moved.
* Plan-level fields (title, ...) merge the same way; ``modified`` takes the later time.

A step's place is stored as (parent, the sibling before it); for a step that existed in the base,
"the sibling before it" skips steps added since, so two sides adding after the same step do not
look like two moves of the step that follows. Pure and deterministic: the same three plans always
give the same result. Merging with an unchanged side returns the other side exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Literal

from ptplanner.core.plan.model import MAX_DEPTH, Milestone, Plan, SalaryLink

Side = Literal["ours", "theirs"]
PLAN_KEY = ""
"""The ``milestone_id`` of a collision in a plan-level field (the plan's title, ...)."""
DELETED_OR_CHANGED = "deleted on one side, changed on the other"
PLACE = "place in the plan"

_FIELD_WORDS = {
    "title": "title",
    "notes": "notes",
    "status": "status",
    "target_date": "target date",
    "done_date": "done date",
    "salary_link": "pay link",
    "why": "why it matters",
    "pay_effect": "effect on pay",
    "renews_every_months": "renews every (months)",
}
_PLAN_FIELD_WORDS = {"title": "plan title", "created": "date the plan was started"}
# Not merged field by field: the tree is rebuilt from places, modified is the later save time.
_MILESTONE_SKIP = frozenset({"id", "children"})
_PLAN_SKIP = frozenset({"milestones", "modified", "schema_version"})

_UNSET = object()
_UNSET_ID = "\0unset"
_Place = tuple[str | None, str | None]
"""(parent id, id of the sibling before it) with None for the top level / the first place."""


@dataclass(frozen=True)
class Collision:
    """The same field of the same step changed differently on both sides."""

    milestone_id: str
    """The step's id, or :data:`PLAN_KEY` for a plan-level field."""
    field: str
    """The field in user words ("title", "target date", :data:`DELETED_OR_CHANGED`, ...)."""
    ours: str
    """This computer's value, as shown to a user."""
    theirs: str
    """The other computer's value, as shown to a user."""
    title: str
    """The step's title (this computer's where it has one), or the plan's title."""

    @property
    def key(self) -> tuple[str, str]:
        """What :func:`resolve` takes a choice for: (milestone_id, field)."""
        return self.milestone_id, self.field


@dataclass(frozen=True)
class MergeResult:
    plan: Plan
    """The merged plan; every collision takes *ours* (or the choice given to :func:`resolve`)."""
    collisions: tuple[Collision, ...]
    added: int
    """Steps added on the other side and kept."""
    changed: int
    """Steps changed (or moved) on the other side, with at least one change taken."""
    removed: int
    """Steps deleted on the other side and deleted here too."""
    base: Plan
    ours: Plan
    theirs: Plan

    def summary(self, where: str = "on the other computer") -> str:
        """What the merge did, in plain words, for a status line or the command line;
        ``where`` names the other side ("in the copy" for a conflict copy)."""
        parts: list[str] = []
        for count, what in (
            (self.added, "added"),
            (self.changed, "changed"),
            (self.removed, "removed"),
        ):
            if count and not parts:
                noun = "step" if count == 1 else "steps"
                parts.append(f"{count} {noun} {what} {where}")
            elif count:
                parts.append(f"{count} {what}")
        text = ", ".join(parts)
        if self.collisions:
            count = len({c.milestone_id for c in self.collisions})
            noun = "step" if count == 1 else "steps"
            fields = ", ".join(sorted({c.field for c in self.collisions}))
            both = f"{count} {noun} changed on both: {fields}"
            text = f"{text}; {both}" if text else both
        text = text or f"No changes {where}"
        return text + "."


def merge_plans(base: Plan, ours: Plan, theirs: Plan) -> MergeResult:
    """Merge ``ours`` and ``theirs``, both edited from ``base`` (see module docs)."""
    return _Merger(base, ours, theirs, {}).run()


def resolve(result: MergeResult, choices: Mapping[tuple[str, str], Side]) -> Plan:
    """The merged plan with each collision settled by ``choices`` (key: :attr:`Collision.key`);
    a collision without a choice keeps *ours*."""
    return _Merger(result.base, result.ours, result.theirs, choices).run().plan


# --- the work ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    milestone: Milestone
    place: _Place
    index: int
    """Position in display order over the whole plan, for deterministic tie-breaks."""


def _index(plan: Plan, common: set[str]) -> dict[str, _Entry]:
    """Each step's entry. The place of a step in ``common`` (on all three sides) names the
    sibling before it in ``common`` too, so a step added or deleted on one side does not look
    like a move of the steps that follow it."""
    entries: dict[str, _Entry] = {}
    counter = 0

    def visit(children: tuple[Milestone, ...], parent: str | None) -> None:
        nonlocal counter
        before_any: str | None = None
        before_old: str | None = None
        for child in children:
            old = child.id in common
            entries[child.id] = _Entry(child, (parent, before_old if old else before_any), counter)
            counter += 1
            before_any = child.id
            if old:
                before_old = child.id
            visit(child.children, child.id)

    visit(plan.milestones, None)
    return entries


def _fields(milestone: Milestone) -> dict[str, Any]:
    return {
        name: getattr(milestone, name)
        for name in type(milestone).model_fields
        if name not in _MILESTONE_SKIP
    }


def _shown(value: object) -> str:
    if value is None or value == "":
        return "(none)"
    if isinstance(value, SalaryLink):
        from ptplanner.core.plan.link_choices import link_label

        return link_label(value)
    if isinstance(value, Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _Merger:
    def __init__(
        self, base: Plan, ours: Plan, theirs: Plan, choices: Mapping[tuple[str, str], Side]
    ) -> None:
        self.plans = {"base": base, "ours": ours, "theirs": theirs}
        self.choices = choices
        common = base.ids() & ours.ids() & theirs.ids()
        self.base = _index(base, common)
        self.ours = _index(ours, common)
        self.theirs = _index(theirs, common)
        self.collisions: list[Collision] = []
        self.added = self.changed = self.removed = 0

    def _pick(self, key: tuple[str, str], base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
        """(merged value, whether the other side's change was taken)."""
        if ours == theirs or theirs == base:
            return ours, False
        if ours == base:
            return theirs, True
        # A real collision; remembered with the values as a user sees them.
        chosen = self.choices.get(key, "ours")
        return (theirs, True) if chosen == "theirs" else (ours, False)

    def _collide(self, key: tuple[str, str], ours: str, theirs: str, title: str) -> None:
        self.collisions.append(Collision(key[0], key[1], ours, theirs, title))

    def _merge_field(
        self, key: tuple[str, str], title: str, base: Any, ours: Any, theirs: Any
    ) -> tuple[Any, bool]:
        if ours != theirs and ours != base and theirs != base:
            self._collide(key, _shown(ours), _shown(theirs), title)
        return self._pick(key, base, ours, theirs)

    def run(self) -> MergeResult:
        fields: dict[str, dict[str, Any]] = {}
        places: dict[str, _Place] = {}
        from_theirs: set[str] = set()
        order: dict[str, tuple[int, int, int]] = {}
        deleted_or_changed: dict[str, Side] = {}  # step -> the side that deleted it
        for sid in self._all_ids():
            base, ours, theirs = self.base.get(sid), self.ours.get(sid), self.theirs.get(sid)
            if ours is None and theirs is None:
                continue  # deleted on both sides
            if base is not None and (ours is None or theirs is None):
                kept = ours or theirs
                assert kept is not None
                deleter: Side = "ours" if ours is None else "theirs"
                if not self._changed(base, kept):
                    if deleter == "theirs":
                        self.removed += 1
                    continue
                deleted_or_changed[sid] = deleter
            elif base is None and ours is None:
                self.added += 1
            entry_ours = ours or theirs
            entry_theirs = theirs or ours
            assert entry_ours is not None and entry_theirs is not None
            base_entry = base or entry_ours
            title = entry_ours.milestone.title
            merged: dict[str, Any] = {}
            took = False
            base_fields = _fields(base_entry.milestone)
            if base is None and ours is not None and theirs is not None:
                # The same id added on both sides (a copied plan): any difference collides.
                base_fields = dict.fromkeys(base_fields, _UNSET)
                base_entry = _Entry(base_entry.milestone, (_UNSET_ID, _UNSET_ID), -1)
            ours_fields, theirs_fields = (
                _fields(entry_ours.milestone),
                _fields(entry_theirs.milestone),
            )
            for name, base_value in base_fields.items():
                key = (sid, _FIELD_WORDS.get(name, name.replace("_", " ")))
                merged[name], took_field = self._merge_field(
                    key, title, base_value, ours_fields[name], theirs_fields[name]
                )
                took = took or took_field
            place, took_place = self._merge_place(sid, title, base_entry, entry_ours, entry_theirs)
            on_all_sides = base is not None and ours is not None and theirs is not None
            if on_all_sides and (took or took_place):
                self.changed += 1
            if took_place:
                from_theirs.add(sid)
            fields[sid] = merged
            places[sid] = place
            order[sid] = (
                0 if ours is not None else 1,
                ours.index if ours is not None else 0,
                theirs.index if theirs is not None else 0,
            )
        self._keep_ancestors(places, fields, order, deleted_or_changed)
        self._settle_deleted(places, fields, deleted_or_changed)
        self._fix_cycles(places, from_theirs)
        tree = self._build(fields, places, order)
        plan = self._merge_plan_fields(tree)
        self.collisions.sort(
            key=lambda c: (
                c.milestone_id != PLAN_KEY,
                order.get(c.milestone_id, (0, 0, 0)),
                c.field,
            )
        )
        return MergeResult(
            plan,
            tuple(self.collisions),
            self.added,
            self.changed,
            self.removed,
            self.plans["base"],
            self.plans["ours"],
            self.plans["theirs"],
        )

    def _all_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for entries in (self.ours, self.theirs, self.base):
            for sid in entries:
                seen.setdefault(sid, None)
        return list(seen)

    def _changed(self, base: _Entry, kept: _Entry) -> bool:
        return _fields(base.milestone) != _fields(kept.milestone) or base.place[0] != kept.place[0]

    def _place_words(self, place: _Place, entries: dict[str, _Entry]) -> str:
        parent, before = place

        def name(sid: str) -> str:
            entry = entries.get(sid) or self.base.get(sid) or self.ours.get(sid)
            return f"'{entry.milestone.title}'" if entry else "a removed step"

        where = f"under {name(parent)}" if parent else "at the top level"
        return f"{where}, after {name(before)}" if before else f"{where}, first"

    def _merge_place(
        self, sid: str, title: str, base: _Entry, ours: _Entry, theirs: _Entry
    ) -> tuple[_Place, bool]:
        key = (sid, PLACE)
        if ours.place != theirs.place and ours.place != base.place and theirs.place != base.place:
            self._collide(
                key,
                self._place_words(ours.place, self.ours),
                self._place_words(theirs.place, self.theirs),
                title,
            )
        value, took = self._pick(key, base.place, ours.place, theirs.place)
        return value, took

    def _keep_ancestors(
        self,
        places: dict[str, _Place],
        fields: dict[str, dict[str, Any]],
        order: dict[str, tuple[int, int, int]],
        deleted_or_changed: dict[str, Side],
    ) -> None:
        """A step deleted on one side whose sub-steps live on (changed or added on the other)
        comes back, with the side that still has it, so nothing is left without a parent."""
        for sid in list(places):
            parent = places[sid][0]
            while parent is not None and parent not in places:
                source = self.ours.get(parent) or self.theirs.get(parent)
                if source is None:  # gone from both sides: hang it on the base parent chain
                    source = self.base[parent]
                fields[parent] = _fields(source.milestone)
                places[parent] = source.place
                order[parent] = (0 if parent in self.ours else 1, source.index, source.index)
                deleted_or_changed[parent] = "theirs" if parent in self.ours else "ours"
                parent = places[parent][0]

    def _settle_deleted(
        self,
        places: dict[str, _Place],
        fields: dict[str, dict[str, Any]],
        deleted_or_changed: dict[str, Side],
    ) -> None:
        for sid, deleter in sorted(deleted_or_changed.items(), key=lambda item: item[0]):
            if sid not in places:
                continue
            kept = self.ours.get(sid) or self.theirs.get(sid) or self.base[sid]
            key = (sid, DELETED_OR_CHANGED)
            ours_word = "deleted" if deleter == "ours" else "changed"
            theirs_word = "deleted" if deleter == "theirs" else "changed"
            self._collide(key, ours_word, theirs_word, kept.milestone.title)
            # Unlike other collisions the default keeps the step: nothing is lost unasked.
            if self.choices.get(key) == deleter:
                self._drop(sid, places, fields)

    def _drop(self, sid: str, places: dict[str, _Place], fields: dict[str, dict[str, Any]]) -> None:
        doomed = {sid}
        grew = True
        while grew:
            more = {other for other, place in places.items() if place[0] in doomed} - doomed
            grew = bool(more)
            doomed |= more
        for gone in doomed:
            places.pop(gone, None)
            fields.pop(gone, None)

    def _fix_cycles(self, places: dict[str, _Place], from_theirs: set[str]) -> None:
        """Moves on both sides can make a step its own ancestor or nest too deep; such a step
        goes back to its place on this computer."""
        while True:
            bad = self._bad_step(places)
            if bad is None:
                return
            culprit = next((sid for sid in bad if sid in from_theirs and sid in self.ours), None)
            if culprit is None:
                culprit = next(sid for sid in bad if sid in self.ours)
            places[culprit] = self.ours[culprit].place
            from_theirs.discard(culprit)

    def _bad_step(self, places: dict[str, _Place]) -> list[str] | None:
        for start in places:
            chain = [start]
            parent = places[start][0]
            while parent is not None:
                if parent in chain or len(chain) > MAX_DEPTH:
                    return chain
                chain.append(parent)
                parent = places[parent][0] if parent in places else None
        return None

    def _build(
        self,
        fields: dict[str, dict[str, Any]],
        places: dict[str, _Place],
        order: dict[str, tuple[int, int, int]],
    ) -> tuple[Milestone, ...]:
        by_parent: dict[str | None, list[str]] = {}
        for sid in sorted(places, key=lambda s: order[s]):
            by_parent.setdefault(places[sid][0], []).append(sid)

        def anchor(sid: str, members: set[str]) -> str | None:
            before = places[sid][1]
            seen: set[str] = set()
            # A sibling-before that is gone or elsewhere: follow its own place on the side
            # that still knows it, until a sibling here (or the start) is found.
            while before is not None and before not in members and before not in seen:
                seen.add(before)
                entry = self.ours.get(before) or self.theirs.get(before) or self.base.get(before)
                before = entry.place[1] if entry else None
            return before if before in members else None

        def children(parent: str | None) -> tuple[Milestone, ...]:
            members = by_parent.get(parent, [])
            member_set = set(members)
            after: dict[str | None, list[str]] = {}
            for sid in members:
                after.setdefault(anchor(sid, member_set), []).append(sid)
            for claimants in after.values():
                # Steps new since the base were inserted between the anchor and the old step
                # that claims the same anchor, so they come first.
                claimants.sort(key=lambda s: (s in self.base, order[s]))
            placed: list[str] = []
            done: set[str] = set()
            stack = list(reversed(after.get(None, [])))
            while stack:
                sid = stack.pop()
                if sid in done:
                    continue
                done.add(sid)
                placed.append(sid)
                stack.extend(reversed(after.get(sid, [])))
            placed.extend(sid for sid in members if sid not in done)  # defensive: no anchor
            return tuple(self._milestone(sid, fields[sid], children(sid)) for sid in placed)

        return children(None)

    def _milestone(
        self, sid: str, values: dict[str, Any], children: tuple[Milestone, ...]
    ) -> Milestone:
        source = self.ours.get(sid) or self.theirs.get(sid) or self.base[sid]
        # model_copy: every value comes from a valid plan, so no validation to repeat.
        return source.milestone.model_copy(update={**values, "children": children})

    def _merge_plan_fields(self, milestones: tuple[Milestone, ...]) -> Plan:
        base, ours, theirs = self.plans["base"], self.plans["ours"], self.plans["theirs"]
        update: dict[str, Any] = {"milestones": milestones}
        for name in type(ours).model_fields:
            if name in _PLAN_SKIP:
                continue
            key = (PLAN_KEY, _PLAN_FIELD_WORDS.get(name, name.replace("_", " ")))
            update[name], _ = self._merge_field(
                key, ours.title, getattr(base, name), getattr(ours, name), getattr(theirs, name)
            )
        modified, _ = self._pick(("", ""), base.modified, ours.modified, theirs.modified)
        if ours.modified != base.modified and theirs.modified != base.modified:
            modified = max(ours.modified, theirs.modified)
        update["modified"] = modified
        return ours.model_copy(update=update)
