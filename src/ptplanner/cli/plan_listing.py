"""The text of ``ptplanner plan list``: the plan as an indented tree, one line per step.

Built in one walk over the plan, whatever its size: each step's done/counted leaves are summed
bottom-up once (the rules of :meth:`~ptplanner.core.plan.model.Milestone.leaf_counts`) instead
of being counted again under every step above it, and each distinct salary link is put in
words once.
"""

from __future__ import annotations

from datetime import date

from ptplanner.core.plan.link_choices import link_label
from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status

SHORT_ID = 8
"""Ids are shown this long, or longer where the plan needs more to tell them apart."""

STATUS_MARKS = {
    Status.NOT_STARTED: "[ ]",
    Status.IN_PROGRESS: "[~]",
    Status.DONE: "[x]",
    Status.SKIPPED: "[-]",
}


def short_id_length(ids: list[str]) -> int:
    """The shortest prefix length (at least 8) that tells all of ``ids`` apart."""
    length = SHORT_ID
    longest = max((len(i) for i in ids), default=SHORT_ID)
    while length < longest:
        if len({i[:length] for i in ids}) == len(ids):
            break
        length += 1
    return length


def _depth_first(plan: Plan) -> list[tuple[Milestone, int]]:
    """Every step with its depth (top level = 1), in display order."""
    found: list[tuple[Milestone, int]] = []
    stack = [(m, 1) for m in reversed(plan.milestones)]
    while stack:
        milestone, depth = stack.pop()
        found.append((milestone, depth))
        if milestone.children:
            below = depth + 1
            stack.extend((child, below) for child in reversed(milestone.children))
    return found


def _leaf_counts(rows: list[tuple[Milestone, int]]) -> dict[int, tuple[int, int]]:
    """(done, counted) leaves of every step, keyed by ``id()`` of the step."""
    counts: dict[int, tuple[int, int]] = {}
    done_status, skipped = Status.DONE, Status.SKIPPED
    # Sub-steps come after their step in display order, so backwards each is counted first.
    for milestone, _depth in reversed(rows):
        status = milestone.status
        if status is skipped:
            counts[id(milestone)] = (0, 0)
        elif not milestone.children:
            counts[id(milestone)] = (1 if status is done_status else 0, 1)
        else:
            done = counted = 0
            for child in milestone.children:
                child_done, child_counted = counts[id(child)]
                done += child_done
                counted += child_counted
            counts[id(milestone)] = (counted, counted) if status is done_status else (done, counted)
    return counts


def format_tree(plan: Plan, today: date) -> str:
    """The plan as ``plan list`` prints it: a header line, then one line per step."""
    rows = _depth_first(plan)
    counts = _leaf_counts(rows)
    done = counted = 0
    for milestone in plan.milestones:
        top_done, top_counted = counts[id(milestone)]
        done += top_done
        counted += top_counted
    progress = 100.0 * done / counted if counted else 0.0
    lines = [f"{plan.title}: {progress:.0f}% done ({done} of {counted} steps)"]
    width = short_id_length([m.id for m, _depth in rows])
    labels: dict[SalaryLink, str] = {}
    for m, depth in rows:
        details: list[str] = []
        if m.children:
            child_done, child_counted = counts[id(m)]
            details.append(f"{child_done}/{child_counted}")
        if m.status is Status.DONE and m.done_date:
            details.append(f"done {m.done_date.isoformat()}")
        elif m.target_date and not m.is_closed:
            late = " OVERDUE" if m.target_date < today else ""
            details.append(f"due {m.target_date.isoformat()}{late}")
        if m.status is Status.IN_PROGRESS:
            details.append("in progress")
        link = m.salary_link
        if link:
            label = labels.get(link)
            if label is None:
                label = labels[link] = link_label(link)
            details.append(f"pay link: {label}")
        suffix = f"  ({', '.join(details)})" if details else ""
        indent = "    " * (depth - 1)
        lines.append(f"{indent}{STATUS_MARKS[m.status]} {m.id[:width]}  {m.title}{suffix}")
    return "\n".join(lines) + "\n"
