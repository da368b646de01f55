"""What the plan tells the person: banners above the tree, and the launch notice of due steps.

Plain data and text (no Qt): the controller decides which banners are up, the Plan tab draws
them, and the window shows the notice's short form in its status bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from ptplanner.core.format import clip, short_date
from ptplanner.core.plan.model import DUE_SOON_DAYS, Milestone, attention

BANNER_ORDER = {
    "read_only": 0,
    "save": 1,
    "load": 2,
    "error": 3,
    "conflict_error": 4,
    "conflict": 5,
    "import": 6,
    "due": 7,
}
"""Banners top to bottom by key: what stops editing first, then what waits to be merged, the
launch notice last."""


@dataclass(frozen=True)
class Banner:
    """A message the Plan tab shows above the tree until it is dismissed or resolved."""

    key: str
    """One banner per key: a newer message of the same kind replaces the older one."""
    level: str
    """"info", "notice", "warning" or "error"."""
    text: str
    actions: tuple[tuple[str, Callable[[], object]], ...] = ()
    dismissible: bool = True


def due_notice(
    milestones: Sequence[Milestone], today: date, kinds: Sequence[str]
) -> tuple[str, str] | None:
    """(banner text, status-bar text) about steps overdue or due soon; None if there are none.

    ``kinds``: the milestones' kinds for ``today``, as the plan's index keeps them.
    """
    overdue, soon = attention(milestones, today, kinds=kinds)
    if not overdue and not soon:
        return None

    def listing(items: list[Milestone]) -> str:
        shown = [f"“{clip(m.title, 44)}” ({short_date(m.target_date)})" for m in items[:3]]
        if len(items) > 3:
            shown.append(f"{len(items) - 3} more")
        return ", ".join(shown)

    parts = []
    if overdue:
        parts.append(f"Overdue: {listing(overdue)}.")
    if soon:
        parts.append(f"Due within {DUE_SOON_DAYS} days: {listing(soon)}.")
    counts = []
    if overdue:
        counts.append(f"{len(overdue)} plan step{'s' if len(overdue) != 1 else ''} overdue")
    if soon:
        counts.append(f"{len(soon)} due within {DUE_SOON_DAYS} days")
    return " ".join(parts), ", ".join(counts) + " – see the Plan tab."
