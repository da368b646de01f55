"""What a plan command says when another ptplanner program is changing the plan.

The store's own message speaks to a second window ("this one is read-only until that one
closes"); a command has no window and no read-only mode, so it says who holds the plan, read
from the lock file, and what to do: close the window, or let the other command finish.
"""

from __future__ import annotations

from pathlib import Path

from ptplanner.core.storage.lock import holder_program, plan_lock_owner


def busy_message(plan_path: Path, waited_s: float) -> str:
    """One line for a command that could not take the plan's writer lock within ``waited_s``."""
    pid, host = plan_lock_owner(plan_path)
    program = holder_program(pid, host)
    process = f"process {pid}" if pid else ""
    if host and pid and program is None:
        process += f" on {host}"
    shown = f" ({process})" if process else ""
    if program == "window":
        return (
            f"the plan is open in the ptplanner window{shown}, so it was not changed; make the "
            "change there, or close the window and run this command again"
        )
    if program is not None:
        return (
            f"the command '{program}'{shown} was still changing the plan after {waited_s:g} "
            "seconds, so it was not changed; run this command again when that one has finished"
        )
    return (
        f"another ptplanner program{shown} has the plan open for changes, so it was not changed; "
        "close the ptplanner window, or wait for the other command to finish, and run this "
        "command again"
    )
