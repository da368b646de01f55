"""Where every milestone of a plan sits: integer keys with parent, row, depth and children.

:class:`PlanIndex` is built in one pass over the plan. The Plan tab's tree model, its timeline,
the header's counts and the plan controller all read the same index instead of walking the plan
each on their own. When the tree's shape changes (``PlanChange.structural``) a new index is
spliced from the one before (:mod:`~ptplanner.core.plan.index_splice`); a field edit swaps in
the new milestone objects along one path (:meth:`PlanIndex.refresh`).
"""

from collections.abc import Iterator, Sequence
from datetime import date
from typing import NamedTuple

from ptplanner.core.plan.model import MAX_DEPTH, Milestone, Plan, Status, milestone_kinds

_NO_CHILDREN: list[int] = []
"""The sub-steps of every leaf: one shared list (never changed), not 9,000 empty ones that the
garbage collector would have to walk."""


Parts = tuple[
    list[str], list[Milestone], list[int], list[int], list[int], list[list[int]], list[int]
]
"""ids, milestones, parent, row, depth, children and roots of some top-level steps."""


def build_parts(steps: Sequence[Milestone], first_key: int, first_row: int) -> Parts:
    """The index entries of the top-level ``steps`` and everything below them, in preorder,
    the first at key ``first_key`` and top-level row ``first_row``."""
    ids: list[str] = []
    milestones: list[Milestone] = []
    parent: list[int] = []
    row: list[int] = []
    depth: list[int] = []
    children: list[list[int]] = []
    roots: list[int] = []
    # Bound appends and plain recursion (at most MAX_DEPTH deep) rather than a loop over a
    # stack of tuples: this runs on every open, over every step (bench/README.md).
    add_id, add_milestone = ids.append, milestones.append
    add_parent, add_row, add_depth = parent.append, row.append, depth.append
    add_children = children.append

    def visit(
        siblings: Sequence[Milestone], parent_key: int, level: int, into: list[int], first: int
    ) -> None:
        for position, milestone in enumerate(siblings, first):
            key = first_key + len(ids)
            into.append(key)
            add_id(milestone.id)
            add_milestone(milestone)
            add_parent(parent_key)
            add_row(position)
            add_depth(level)
            if milestone.children:
                kids: list[int] = []
                add_children(kids)
                visit(milestone.children, key, level + 1, kids, 0)
            else:
                add_children(_NO_CHILDREN)

    visit(steps, -1, 1, roots, first_row)
    return ids, milestones, parent, row, depth, children, roots


class Splice(NamedTuple):
    """How an index spliced from ``old`` (:mod:`~ptplanner.core.plan.index_splice`) lines up
    with it.

    Keys below ``start`` are the same steps in both; an old key ``k >= old_end`` is the same
    step as new key ``k + delta``; new keys in ``[start, new_end)`` are new (old keys in
    ``[start, old_end)`` are gone).
    """

    old: "PlanIndex"
    start: int
    old_end: int
    new_end: int

    @property
    def delta(self) -> int:
        return self.new_end - self.old_end


class PlanIndex:
    """Integer keys for every milestone with parent, row and children; built in one pass.

    Keys are preorder positions, so ``ids[key]`` is the display order of a fully expanded tree.
    """

    __slots__ = (
        "_counts",
        "_kinds",
        "children",
        "depth",
        "ids",
        "key_of",
        "milestones",
        "parent",
        "roots",
        "row",
        "splice",
    )

    def __init__(self, plan: Plan) -> None:
        ids, milestones, parent, row, depth, children, roots = build_parts(plan.milestones, 0, 0)
        self.ids = ids
        self.milestones = milestones
        self.parent = parent
        self.row = row
        self.depth = depth
        self.children = children
        self.roots = roots
        self.key_of = dict(zip(ids, range(len(ids)), strict=True))
        self._kinds: tuple[date, list[str]] | None = None
        self._counts: dict[int, tuple[int, int]] = {}
        self.splice: Splice | None = None
        """Where this index was spliced from
        (:func:`~ptplanner.core.plan.index_splice.splice_index`); None for a full build."""

    def kinds(self, today: date) -> list[str]:
        """How each row is drawn, by key: "done", "skipped", "overdue", "due_soon" or "open".

        The core's rules (:func:`~ptplanner.core.plan.model.milestone_kinds`), worked out once
        per day and kept current; the header's overdue count, the timeline and the status filter
        all read these.
        """
        if self._kinds is None or self._kinds[0] != today:
            self._kinds = today, list(milestone_kinds(self.milestones, today))
        return self._kinds[1]

    def leaf_counts(self) -> dict[int, tuple[int, int]]:
        """(done, counted) leaves of every top-level step and every step with sub-steps.

        The same numbers as :meth:`Milestone.leaf_counts`, from the last key to the first (a
        step's sub-steps come after it in preorder, so they are counted before it): the header
        and the progress column need them all on the first paint, and this costs about half as
        much as a recursive walk below each top-level step (see bench/README.md).
        """
        children = self.children
        closed, skipped = Status.DONE, Status.SKIPPED
        statuses = [milestone.status for milestone in self.milestones]
        # Every step as if it were a leaf first (comprehensions: most steps are), then the
        # steps with sub-steps from the bottom up.
        counted = [0 if status is skipped else 1 for status in statuses]
        done = [1 if status is closed else 0 for status in statuses]
        parents = [key for key, kids in enumerate(children) if kids]
        for key in reversed(parents):
            status = statuses[key]
            if status is skipped:
                counted[key] = 0
                continue
            kids = children[key]
            below = counted[key] = sum([counted[kid] for kid in kids])
            done[key] = below if status is closed else sum([done[kid] for kid in kids])
        found = {key: (done[key], counted[key]) for key in self.roots}
        found.update((key, (done[key], counted[key])) for key in parents)
        return found

    def carry_counts(self, old: "PlanIndex") -> None:
        """Take over ``old``'s leaf counts of the top-level steps that are the very same objects
        here (after a structural edit, all but the one or two it touched): the header's count of
        a 100,000-step plan then reads again only those."""
        old_counts, old_key_of, old_milestones = old._counts, old.key_of, old.milestones
        if not old_counts:
            return
        for key in self.roots:
            old_key = old_key_of.get(self.ids[key])
            if old_key is not None and old_milestones[old_key] is self.milestones[key]:
                counts = old_counts.get(old_key)
                if counts is not None:
                    self._counts[key] = counts

    def step_counts(self, key: int) -> tuple[int, int]:
        """(done, counted) leaves of one step (see :meth:`Milestone.leaf_counts`), kept until
        it or one of its sub-steps changes (:meth:`refresh`)."""
        counts = self._counts.get(key)
        if counts is None:
            counts = self._counts[key] = self.milestones[key].leaf_counts()
        return counts

    def plan_counts(self) -> tuple[int, int]:
        """(done, counted) leaves of the whole plan, as :meth:`Plan.leaf_counts`; after a field
        edit only the top-level step it touched is counted again."""
        if not self._counts:
            # A new index: count every step in one pass.
            self._counts = self.leaf_counts()
        done = counted = 0
        for key in self.roots:
            step_done, step_counted = self.step_counts(key)
            done += step_done
            counted += step_counted
        return done, counted

    def __len__(self) -> int:
        return len(self.ids)

    def siblings(self, parent_key: int) -> list[int]:
        return self.roots if parent_key < 0 else self.children[parent_key]

    def ancestors(self, key: int) -> Iterator[int]:
        """The keys above ``key``, nearest first."""
        parent = self.parent[key]
        while parent >= 0:
            yield parent
            parent = self.parent[parent]

    def path(self, key: int) -> list[int]:
        """Rows from the top level down to ``key``."""
        rows = [self.row[key]]
        rows.extend(self.row[a] for a in self.ancestors(key))
        rows.reverse()
        return rows

    def path_of(self, milestone_id: str) -> list[int] | None:
        """Rows from the top level down to a milestone, or None if it is not in the plan."""
        key = self.key_of.get(milestone_id)
        return None if key is None else self.path(key)

    def place(self, milestone_id: str) -> tuple[str | None, int] | None:
        """(parent id, row) of a milestone, or None if it is not in the plan."""
        key = self.key_of.get(milestone_id)
        if key is None:
            return None
        parent = self.parent[key]
        return (self.ids[parent] if parent >= 0 else None), self.row[key]

    def shifted(self, milestone_id: str, direction: str) -> tuple[str | None, int | None] | None:
        """(new parent id, new index) of a step moved one place, or None where it cannot go.

        ``direction``: "up" or "down" among its siblings, "in" (to the end of the sub-steps of
        the step above it) or "out" (just after its parent). An index of None means the end.
        """
        key = self.key_of.get(milestone_id)
        if key is None:
            return None
        parent_key, row = self.parent[key], self.row[key]
        parent_id = self.ids[parent_key] if parent_key >= 0 else None
        if direction == "up":
            return (parent_id, row - 1) if row > 0 else None
        if direction == "down":
            return (parent_id, row + 1) if row < len(self.siblings(parent_key)) - 1 else None
        if direction == "in":
            return (self.ids[self.siblings(parent_key)[row - 1]], None) if row > 0 else None
        if direction == "out" and parent_key >= 0:
            grandparent = self.parent[parent_key]
            return (self.ids[grandparent] if grandparent >= 0 else None), self.row[parent_key] + 1
        return None

    def refresh(self, plan: Plan, milestone_id: str) -> list[int]:
        """Re-read one milestone and its ancestors from ``plan`` (after a field edit).

        An edit copies every milestone on the path from the root, so the ancestors' objects are
        new too; returns the keys refreshed, the edited one first.
        """
        key = self.key_of.get(milestone_id)
        if key is None:
            return []
        rows = self.path(key)
        chain: list[Milestone] = []
        node = plan.milestones[rows[0]]
        chain.append(node)
        for position in rows[1:]:
            node = node.children[position]
            chain.append(node)
        keys = [key, *self.ancestors(key)]
        for k, milestone in zip(keys, reversed(chain), strict=True):
            self.milestones[k] = milestone
            self._counts.pop(k, None)
        if self._kinds is not None:
            day, kinds = self._kinds
            for k in keys:
                kinds[k] = milestone_kinds((self.milestones[k],), day)[0]
        return keys

    def subtree(self, key: int) -> Iterator[int]:
        stack = [key]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(self.children[current])

    def height(self, key: int) -> int:
        """Levels in the subtree of ``key`` (1 for a step without sub-steps)."""
        base = self.depth[key]
        return max(self.depth[k] for k in self.subtree(key)) - base + 1

    def can_move_under(self, key: int, parent_key: int) -> bool:
        """Whether step ``key`` may become a sub-step of ``parent_key`` (-1: the top level).

        Not into itself or its own sub-steps, and not deeper than the plan allows.
        """
        if parent_key == key or (parent_key >= 0 and key in self.ancestors(parent_key)):
            return False
        parent_depth = self.depth[parent_key] if parent_key >= 0 else 0
        return parent_depth + self.height(key) <= MAX_DEPTH
