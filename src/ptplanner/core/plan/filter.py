"""Which steps of a plan a search and a status filter show: the matches and their parents.

Plain Python over a :class:`~ptplanner.core.plan.index.PlanIndex`, so the Plan tab's tree model
filters a 10,000-step plan in one loop over precomputed lowercase search keys instead of asking
a Qt proxy model about every row. Parents of matches stay shown, as they would with a recursive
proxy filter, so a match is always seen where it sits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from itertools import compress

from ptplanner.core.plan.index import PlanIndex
from ptplanner.core.plan.model import CLOSED_STATUSES, Milestone

STATUS_FILTERS: tuple[tuple[str, str], ...] = (
    ("all", "All steps"),
    ("open", "Open (not done or skipped)"),
    ("attention", "Overdue or due soon"),
    ("overdue", "Overdue"),
    ("not_started", "Not started"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("skipped", "Skipped"),
)
"""Status filter choices: (key, label). "attention" is what the launch notice lists."""

_NONE: list[int] = []
"""The sub-steps shown of a leaf or a hidden step (shared, never changed)."""


def search_words(text: str) -> tuple[str, ...]:
    """The words of a search, case-folded: a step matches when it holds every one."""
    return tuple(text.casefold().split())


def search_key(milestone: Milestone) -> str:
    """The text a search looks in: the title and the notes, case-folded."""
    return f"{milestone.title}\n{milestone.notes}".casefold()


def status_flags(index: PlanIndex, status: str, today: date) -> list[bool]:
    """Whether each milestone has ``status``, a key of :data:`STATUS_FILTERS` other than "all"."""
    if status == "open":
        return [m.status not in CLOSED_STATUSES for m in index.milestones]
    if status in {"overdue", "attention"}:
        wanted = {"overdue", "due_soon"} if status == "attention" else {"overdue"}
        return [kind in wanted for kind in index.kinds(today)]
    return [m.status.value == status for m in index.milestones]


def filter_steps(
    index: PlanIndex,
    words: tuple[str, ...],
    status: str,
    today: date,
    search_keys: Sequence[str] | None = None,
) -> FilteredSteps:
    """Match every step once, then keep the parents of matches.

    ``search_keys``: :func:`search_key` of every milestone by key, when the caller keeps them
    (they are worked out here otherwise, and only if there are ``words``).
    """
    count = len(index)
    matches: list[bool] | None = None
    if status != "all":
        matches = status_flags(index, status, today)
    texts: Sequence[str] = ()
    if words:
        texts = search_keys or [search_key(m) for m in index.milestones]
    # One pass per word: "word in text" over a list is several times faster than all(...).
    for word in words:
        if matches is None:
            matches = [word in text for text in texts]
        else:
            matches = [ok and word in text for ok, text in zip(matches, texts, strict=True)]
    if matches is None:
        matches = [True] * count
    shown = list(matches)
    parent = index.parent
    # Keys are in display order, so an ancestor is always marked before its descendants
    # reach it: each walk up stops at the first row already shown.
    for key in compress(range(count), matches):
        up = parent[key]
        while up >= 0 and not shown[up]:
            shown[up] = True
            up = parent[up]
    return FilteredSteps(shown, sum(matches))


class StepFilter:
    """A search and a status filter over a plan's index, each result worked out once.

    Keeps the search keys of every step between searches (a field edit updates only the steps it
    touched), and the last result asked for: a count shown while typing is then free to show.
    """

    __slots__ = ("_search_keys", "_version", "_worked_out", "status", "words")

    def __init__(self) -> None:
        self.words: tuple[str, ...] = ()
        """The words of the search (:func:`search_words`): a step must hold every one."""
        self.status = "all"
        """A key of :data:`STATUS_FILTERS`."""
        self._search_keys: list[str] | None = None
        self._version = 0
        """Bumped whenever the plan or the day changes: a result worked out before is stale."""
        self._worked_out: tuple[tuple[object, ...], FilteredSteps | None] | None = None

    def plan_changed(self) -> None:
        """The plan or the day changed: results worked out before no longer hold."""
        self._version += 1

    def new_index(self) -> None:
        """The plan has a new index (its shape changed): forget the search keys by key."""
        self._search_keys = None

    def steps_changed(self, index: PlanIndex, keys: Iterable[int]) -> None:
        """These steps of ``index`` were edited in place: read their search text again."""
        search_keys = self._search_keys
        if search_keys is not None:
            for key in keys:
                search_keys[key] = search_key(index.milestones[key])

    def result(
        self, index: PlanIndex, today: date, words: tuple[str, ...], status: str
    ) -> FilteredSteps | None:
        """What ``words`` and ``status`` show; None when they show every step.

        Kept until the plan changes, so asking again for the same filter is free.
        """
        if not words and status == "all":
            return None
        key = (self._version, words, status)
        if self._worked_out is None or self._worked_out[0] != key:
            self._worked_out = key, self.compute(index, today, words, status)
        return self._worked_out[1]

    def compute(
        self, index: PlanIndex, today: date, words: tuple[str, ...], status: str
    ) -> FilteredSteps:
        """What ``words`` and ``status`` show, worked out now (:func:`filter_steps`)."""
        if words and self._search_keys is None:
            self._search_keys = [search_key(m) for m in index.milestones]
        return filter_steps(index, words, status, today, self._search_keys if words else None)


class FilteredSteps:
    """Which steps a filter shows; the row lists for a view are made only when asked for."""

    __slots__ = ("_lists", "matching", "shown", "shown_count")

    def __init__(self, shown: list[bool], matching: int) -> None:
        self.shown = shown
        """Whether each step is shown, by key."""
        self.shown_count = sum(shown)
        self.matching = matching
        """Steps that match themselves (the rest of those shown are their parents)."""
        self._lists: tuple[list[int], list[list[int]], list[int]] | None = None

    def lists(self, index: PlanIndex) -> tuple[list[int], list[list[int]], list[int]]:
        """(top-level keys, sub-step keys per key, row of each key or -1) among those shown."""
        if self._lists is None:
            shown = self.shown
            roots = [key for key in index.roots if shown[key]]
            kids = [
                [child for child in children if shown[child]] if children and shown[key] else _NONE
                for key, children in enumerate(index.children)
            ]
            rows = [-1] * len(shown)
            for siblings in (roots, *(k for k in kids if k)):
                for row, key in enumerate(siblings):
                    rows[key] = row
            self._lists = roots, kids, rows
        return self._lists
