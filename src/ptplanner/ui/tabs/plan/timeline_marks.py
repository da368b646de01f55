"""Where the Plan timeline's markers go, without painting them: the steps with a date
gathered by day and kind, then merged by the pixel their day lands on and stacked in lanes.

A step's day on the timeline is :func:`mark_date`: the day it was done once it is done, else
its target date.

Gathered once per plan, then kept up to date: a field edit looks again at the steps it changed
(:func:`update_marks`), a structural edit at the steps between those it left in place
(:func:`spliced_marks`, following the index's splice).

Plain Python on a :class:`~ptplanner.core.plan.index.PlanIndex`; the widget
(:mod:`~ptplanner.ui.tabs.plan.timeline`) paints what this places.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ptplanner.core.plan.model import Milestone, Status

if TYPE_CHECKING:
    from ptplanner.core.plan.index import PlanIndex

KIND_CODES = ("done", "due_soon", "open", "overdue", "skipped")
"""Kinds as small numbers, so that a marker's pixel, level and kind make one sortable int (in
this order on one pixel: top-level steps first, then by kind, which decides the lanes)."""
CODE_OF = {kind: code for code, kind in enumerate(KIND_CODES)}
NESTED = 8
"""Added to the kind's code for a sub-step (drawn smaller than a top-level step)."""
_DAY_FACTOR = 16
"""A day and a kind code make one int: ordinal * _DAY_FACTOR + code (codes stay below it)."""


def mark_date(milestone: Milestone) -> date | None:
    """The day a step is marked on: when it was done, for a done step that says so (a step
    done early or late belongs where it happened), else its target date (None: no marker)."""
    if milestone.status is Status.DONE and milestone.done_date is not None:
        return milestone.done_date
    return milestone.target_date


def marker_radius(code: int) -> float:
    """A top-level step's marker is bigger than a sub-step's."""
    return 3.5 if code >= NESTED else 5.0


class Bucket(NamedTuple):
    """Markers that land on the same pixel, lane and kind: drawn once, listed in the tooltip."""

    x: int
    y: int
    code: int
    """The kind's code, plus NESTED for sub-steps."""
    keys: list[int]

    @property
    def radius(self) -> float:
        return marker_radius(self.code)

    @property
    def kind(self) -> str:
        return KIND_CODES[self.code % NESTED]


@dataclass
class Marks:
    """The steps with a day on the timeline (:func:`mark_date`), in plan order: their keys,
    dates and kind codes."""

    keys: list[int]
    ordinals: list[int]
    codes: list[int]
    days: list[tuple[int, list[int]]] = field(default_factory=list)
    """(date ordinal * 16 + kind code, the keys of those steps in plan order), ascending: the
    steps gathered by day and kind once per plan, so that a redraw (each resize) only merges
    days that share a pixel instead of sorting every step again."""
    by_day: dict[int, list[int]] = field(default_factory=dict)
    """``days`` as a dict, for :func:`update_marks`."""

    def overdue_count(self) -> int:
        overdue = CODE_OF["overdue"]
        return self.codes.count(overdue) + self.codes.count(overdue + NESTED)


def _in_order(by_day: dict[int, list[int]]) -> list[tuple[int, list[int]]]:
    """``by_day``'s items by day: its keys are sorted alone, as plain ints, rather than the
    (int, list) pairs (a big plan has some 20,000 days, sorted again after each edit)."""
    return [(day, by_day[day]) for day in sorted(by_day)]


def gather_marks(source: PlanIndex | None, today: date) -> Marks:
    """The marks of every step of ``source`` with a :func:`mark_date`, seen on ``today``."""
    if source is None:
        return Marks([], [], [])
    marks = _gather_keys(source, today, 0, len(source))
    marks.days = _in_order(marks.by_day)
    return marks


def _gather_keys(source: PlanIndex, today: date, start: int, end: int) -> Marks:
    """The marks of the steps with keys in ``[start, end)``, with ``by_day`` (not ``days``)."""
    # Flat comprehensions, not a tuple per step: this runs after every edit.
    kinds, depth = source.kinds(today), source.depth
    dates = [mark_date(m) for m in source.milestones[start:end]]
    marks = Marks([], [], [])
    marks.keys = [start + k for k, day in enumerate(dates) if day is not None]
    marks.ordinals = [day.toordinal() for day in dates if day is not None]
    marks.codes = [CODE_OF[kinds[k]] + (NESTED if depth[k] != 1 else 0) for k in marks.keys]
    by_day = marks.by_day
    for key, ordinal, code in zip(marks.keys, marks.ordinals, marks.codes, strict=True):
        by_day.setdefault(ordinal * _DAY_FACTOR + code, []).append(key)
    return marks


def spliced_marks(marks: Marks, source: PlanIndex, today: date) -> Marks:
    """The marks of ``source``, an index spliced (``source.splice``) from the one ``marks``
    were gathered from on ``today``: those before and after the edit are kept (the latter with
    their keys shifted), only the steps in between are looked at again.

    The same as ``gather_marks(source, today)``. ``marks`` is changed in place and returned
    (a big plan's 20,000 days are not copied: copies that stay alive make the garbage collector
    walk them again and again), or replaced when the edit touched most of the plan.
    """
    splice = source.splice
    assert splice is not None
    start, old_end, new_end = splice.start, splice.old_end, splice.new_end
    if (new_end - start) * 2 > len(source):
        return gather_marks(source, today)
    delta = new_end - old_end
    middle = _gather_keys(source, today, start, new_end)
    keys, by_day, days = marks.keys, marks.by_day, marks.days
    first, last = bisect_left(keys, start), bisect_left(keys, old_end)
    # Only the days that held a step of the old middle lose keys (and may end up empty).
    touched = {
        ordinal * _DAY_FACTOR + code
        for ordinal, code in zip(marks.ordinals[first:last], marks.codes[first:last], strict=True)
    }
    keys[first:] = middle.keys + ([key + delta for key in keys[last:]] if delta else keys[last:])
    marks.ordinals[first:last] = middle.ordinals
    marks.codes[first:last] = middle.codes
    for day in touched:
        day_keys = by_day[day]
        del day_keys[bisect_left(day_keys, start) : bisect_left(day_keys, old_end)]
        if not day_keys:
            del by_day[day]
            del days[bisect_left(days, (day,))]
    if delta:
        for day_keys in by_day.values():
            if day_keys[-1] >= old_end:
                at = bisect_left(day_keys, old_end)
                day_keys[at:] = [key + delta for key in day_keys[at:]]
    for day, day_keys in middle.by_day.items():
        present = by_day.get(day)
        if present is None:
            by_day[day] = day_keys
            insort(days, (day, day_keys))
        else:
            # The middle's keys are one run between the kept keys before and after it.
            at = bisect_left(present, day_keys[0])
            present[at:at] = day_keys
    return marks


def update_marks(marks: Marks, source: PlanIndex, today: date, keys: Iterable[int]) -> bool:
    """Bring ``marks`` (gathered from ``source`` on ``today``) up to date after a field edit
    of the steps ``keys`` (the tree's shape unchanged); True if any marker moved or changed.

    Only those steps are looked at again, not every step of the plan.
    """
    kinds, depth = source.kinds(today), source.depth
    moved = False
    for key in keys:
        day = mark_date(source.milestones[key])
        new = (
            None
            if day is None
            else (day.toordinal(), CODE_OF[kinds[key]] + NESTED * (depth[key] != 1))
        )
        at = bisect_left(marks.keys, key)
        present = at < len(marks.keys) and marks.keys[at] == key
        old = (marks.ordinals[at], marks.codes[at]) if present else None
        if new == old:
            continue
        moved = True
        if old is not None:
            slot = old[0] * _DAY_FACTOR + old[1]
            day_keys = marks.by_day[slot]
            day_keys.remove(key)
            if not day_keys:
                del marks.by_day[slot]
            del marks.keys[at], marks.ordinals[at], marks.codes[at]
        if new is not None:
            marks.keys.insert(at, key)
            marks.ordinals.insert(at, new[0])
            marks.codes.insert(at, new[1])
            insort(marks.by_day.setdefault(new[0] * _DAY_FACTOR + new[1], []), key)
    if moved:
        marks.days = _in_order(marks.by_day)
    return moved


def place_buckets(
    marks: Marks, left: float, scale: float, start: int, lane_y: list[int]
) -> list[Bucket]:
    """Merge the marks by pixel and stack them in lanes.

    Day ``start`` (an ordinal) is at x = ``left`` and each day ``scale`` pixels on; ``lane_y``
    are the lanes' heights, the first lane tried first. Markers on one pixel, of one level and
    kind, share a bucket; buckets are placed in the order of their earliest step (by date,
    level and kind), each in the first lane where it does not overlap the one before, else in
    the last lane.
    """
    merged: dict[int, tuple[int, list[int]]] = {}
    for day, day_keys in marks.days:
        ordinal, code = divmod(day, _DAY_FACTOR)
        slot = round(left + scale * (ordinal - start)) * _DAY_FACTOR + code
        found = merged.get(slot)
        if found is None:
            merged[slot] = (day, list(day_keys))
        else:
            found[1].extend(day_keys)
    # Keys are positions in the plan: sorted, a bucket lists its steps in plan order.
    groups = [(first, slot, sorted(keys)) for slot, (first, keys) in merged.items()]
    groups.sort()
    lane_count = len(lane_y)
    lane_end = [-1e9] * lane_count
    buckets = []
    for _first, slot, group in groups:
        x, code = divmod(slot, _DAY_FACTOR)
        radius = marker_radius(code)
        lane = lane_count - 1
        for i, last in enumerate(lane_end):
            if x - radius - 2 > last:
                lane = i
                break
        lane_end[lane] = max(lane_end[lane], x + radius)
        buckets.append(Bucket(x, lane_y[lane], code, group))
    return buckets
