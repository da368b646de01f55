"""Figures kept per top-level step, matched by object identity: :class:`RootParts`.

An edit copies only the milestones on the path to what it changed, so after an edit every
top-level step it left alone is the very same object as before. A tally of a 100,000-step plan
(progress, pay effects, overdue steps) can then read again only the top-level steps that are new
objects, and find them without a loop in Python over all of them: the steps at both ends that
are unchanged are skipped in C, and only the stretch between is compared by ``id()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import compress, count
from operator import is_not
from typing import Generic, TypeVar

from ptplanner.core.plan.model import Milestone

P = TypeVar("P")


def unchanged_ends(old: Sequence[Milestone], new: Sequence[Milestone]) -> tuple[int, int]:
    """How many top-level steps at the start and at the end of ``new`` are the very same
    objects as in ``old`` (the two runs never overlap), found in C rather than a Python loop."""
    shorter = min(len(old), len(new))
    head = next(compress(count(), map(is_not, new, old)), shorter)
    tail = next(compress(count(), map(is_not, reversed(new), reversed(old))), shorter)
    return head, min(tail, shorter - head)


class RootParts(Generic[P]):
    """One part (made by ``make``) per top-level step, kept while the step is the same object."""

    def __init__(self, make: Callable[[Milestone], P]) -> None:
        self._make = make
        self._parts: dict[int, P] = {}
        # The steps the parts were made from: holding them keeps every key's id() theirs.
        self._roots: Sequence[Milestone] = ()

    def update(self, roots: Sequence[Milestone]) -> tuple[list[P], list[P]]:
        """Follow ``roots``; returns the parts of the steps that went and of those that came."""
        old = self._roots
        if roots is old:
            return [], []
        # The steps at both ends that are the same objects as before (all but the edited ones,
        # for most edits), found in C; only the stretch between them is compared by id.
        head, tail = unchanged_ends(old, roots)
        before = {id(root) for root in old[head : len(old) - tail]}
        after = {id(root): root for root in roots[head : len(roots) - tail]}
        parts, make = self._parts, self._make
        gone = [parts.pop(key) for key in before - after.keys()]
        came: list[P] = []
        for key in after.keys() - before:
            part = parts[key] = make(after[key])
            came.append(part)
        self._roots = roots
        return gone, came

    def in_order(self) -> Iterator[P]:
        """The parts in the order of the top-level steps (one per step, even a repeated one)."""
        return map(self._parts.__getitem__, map(id, self._roots))

    def __len__(self) -> int:
        return len(self._parts)
