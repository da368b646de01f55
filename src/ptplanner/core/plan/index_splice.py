"""A plan's index after a structural edit, spliced from the index before it.

An edit copies only the path from the root to what it changed, so the plan after an add, a
remove, a move, their undo or most replacements shares nearly all of its top-level step
objects with the plan before. :func:`splice_index` finds the top-level steps the two share at
the start and at the end (by identity), indexes again only the steps between them and shifts
the keys of those after them: the keys stay preorder positions, as in a full build.
"""

from __future__ import annotations

from ptplanner.core.plan.index import _NO_CHILDREN, PlanIndex, Splice, build_parts
from ptplanner.core.plan.model import Plan, milestone_kinds
from ptplanner.core.plan.root_parts import unchanged_ends

FULL_BUILD_BELOW = 4
"""When the steps kept at both ends are fewer than 1/4 of the plan (a step moved from the
start to the end, a plan replaced), the index is built again in full: the splice would redo
nearly all of it anyway."""


def splice_index(old: PlanIndex, plan: Plan) -> PlanIndex:
    """The index of ``plan``, equal to ``PlanIndex(plan)``, reusing what ``old`` (the index
    of an earlier version of the plan) says about the top-level steps both share at either
    end. ``old`` is left as it was, apart from forgetting where it was spliced from itself
    (so that a long run of edits does not keep every earlier index alive)."""
    tops = plan.milestones
    old_roots = old.roots
    old_tops = [old.milestones[key] for key in old_roots]
    before, after = unchanged_ends(old_tops, tops)
    size = len(old)
    start = old_roots[before] if before < len(old_roots) else size
    old_end = old_roots[len(old_roots) - after] if after else size
    kept = start + size - old_end
    old.splice = None
    if kept * FULL_BUILD_BELOW < size:
        index = PlanIndex(plan)
        index.carry_counts(old)
        index.splice = Splice(old, 0, size, len(index))
        return index

    ids, milestones, parent, row, depth, children, roots = build_parts(
        tops[before : len(tops) - after], start, before
    )
    new_end = start + len(ids)
    delta = new_end - old_end
    tail_roots = old_roots[len(old_roots) - after :]
    tail_parent = old.parent[old_end:]
    tail_children = old.children[old_end:]
    if delta:
        tail_parent = [key + delta if key >= 0 else key for key in tail_parent]
        tail_children = [
            [key + delta for key in kids] if kids else _NO_CHILDREN for kids in tail_children
        ]
        tail_roots = [key + delta for key in tail_roots]
    tail_row = old.row[old_end:]
    row_delta = len(tops) - len(old_tops)
    if row_delta:
        # Only the top-level steps after the edit change rows, not their sub-steps.
        for key in old_roots[len(old_roots) - after :]:
            tail_row[key - old_end] += row_delta

    index = PlanIndex.__new__(PlanIndex)
    index.ids = old.ids[:start] + ids + old.ids[old_end:]
    index.milestones = old.milestones[:start] + milestones + old.milestones[old_end:]
    index.parent = old.parent[:start] + parent + tail_parent
    index.row = old.row[:start] + row + tail_row
    index.depth = old.depth[:start] + depth + old.depth[old_end:]
    # The lists of sub-steps before the edit are shared with ``old``: neither ever changes them.
    index.children = old.children[:start] + children + tail_children
    index.roots = old_roots[:before] + roots + tail_roots
    key_of = old.key_of.copy()
    for gone in old.ids[start:old_end]:
        del key_of[gone]
    key_of.update(zip(ids, range(start, new_end), strict=True))
    if delta:
        key_of.update(zip(index.ids[new_end:], range(new_end, len(index.ids)), strict=True))
    index.key_of = key_of
    index._kinds = None
    if old._kinds is not None:
        day, kinds = old._kinds
        index._kinds = day, kinds[:start] + list(milestone_kinds(milestones, day)) + kinds[old_end:]
    index._counts = {
        (key if key < start else key + delta): counts
        for key, counts in old._counts.items()
        if key < start or key >= old_end
    }
    index.splice = Splice(old, start, old_end, new_end)
    return index
