"""``ptplanner plan merge FILE`` and the conflict-copy notes of ``ptplanner plan list``.

A sync tool that saw the plan changed on two computers keeps one version as ``plan.json`` and the
other as a conflict copy beside it (:mod:`ptplanner.core.storage.conflict_copies`). ``plan list``
names any such copy; ``plan merge`` merges one into the plan by milestone id
(:mod:`ptplanner.core.plan.merge`): changes that do not collide are taken silently, and a field
changed differently on both sides stops the merge, listed, unless ``--take ours|theirs`` says which
side wins. The merged copy goes into ``backups/``.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from ptplanner.cli.args import UsageError, shown_text
from ptplanner.core.plan.merge import Collision, MergeResult, resolve
from ptplanner.core.plan.model import Plan
from ptplanner.core.storage.conflict_copies import find_conflict_copies
from ptplanner.core.storage.errors import ConflictCopyError
from ptplanner.core.storage.store import LoadResult, PlanStore

Opened = Callable[..., AbstractContextManager[tuple[PlanStore, LoadResult]]]


def conflict_copy_notes(plan_path: Path, plan_file_option: str | None) -> list[str]:
    """One sentence per conflict copy beside the plan, saying how to merge it."""
    option = f" --plan-file {shlex.quote(plan_file_option)}" if plan_file_option else ""
    return [
        f"{copy.describe()}, sits beside your plan: merge it with "
        f"'ptplanner plan{option} merge {shlex.quote(shown_text(str(copy.path)))}'."
        for copy in find_conflict_copies(plan_path)
    ]


def print_conflict_copy_notes(plan_path: Path, plan_file_option: str | None) -> None:
    for note in conflict_copy_notes(plan_path, plan_file_option):
        print(f"ptplanner: note: {note}", file=sys.stderr)


def _collision_line(collision: Collision) -> str:
    what = "the plan" if not collision.milestone_id else f"'{collision.title}'"
    return f"  {what}, {collision.field}: here {collision.ours}; in the copy {collision.theirs}"


def merge_command(
    args: argparse.Namespace, opened: Opened, save: Callable[[PlanStore, Plan], bool]
) -> None:
    """Merge the file ``args.file`` into the plan (see module docs)."""
    source = Path(args.file).expanduser()
    with opened(args, write=True) as (store, result):
        if os.path.realpath(source) == os.path.realpath(store.path):
            raise UsageError(f"{source} is the plan itself; give the conflict copy to merge")
        try:
            merged: MergeResult = store.merge_copy(source, ours=result.plan)
        except ConflictCopyError as error:
            raise UsageError(str(error)) from None
        if merged.collisions and not args.take:
            summary = merged.summary("in the copy")
            print(f"{summary} Nothing was written. Changed on both sides:")
            for collision in merged.collisions:
                print(_collision_line(collision))
            count = len(merged.collisions)
            raise UsageError(
                f"{count} {'thing was' if count == 1 else 'things were'} changed on both sides; "
                "run the merge again with "
                "--take ours (keep this computer's) or --take theirs (take the copy's)"
            )
        choices = {collision.key: args.take for collision in merged.collisions}
        save(store, resolve(merged, choices) if choices else merged.plan)
        moved: Path | None = None
        if os.path.realpath(source.parent) == os.path.realpath(store.directory):
            try:
                moved = store.finish_copy(source)
            except OSError as error:
                print(
                    f"ptplanner: warning: the copy could not be moved into backups "
                    f"({error.strerror}); it is still at {shown_text(str(source))}",
                    file=sys.stderr,
                )
    summary = merged.summary("in the copy")
    print(f"Merged {shown_text(source.name)} into your plan: {summary}")
    if merged.collisions:
        side = "this computer's" if args.take == "ours" else "the copy's"
        print(f"Where both changed the same thing, {side} version was kept.")
    if moved is not None:
        print(f"The copy was moved to {shown_text(str(moved))}.")
