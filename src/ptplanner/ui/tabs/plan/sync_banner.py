"""Sync tools' conflict copies beside the plan, shown on the Plan tab with an offer to merge.

On load and whenever the plan's folder changes, :class:`ConflictCopies` asks the store for
conflict copies (``plan.sync-conflict-….json``, ``plan (conflicted copy ….json``…). While there
is one, the tab shows a banner, "A conflict copy from Syncthing, 2 Dec 2026 10:15 sits beside
your plan.", with *Merge it* and *Show the file*. Merging takes the copy as the other side of the
same merge as a change on disk (:class:`~ptplanner.ui.tabs.plan.plan_sync.PlanSync`: collisions
asked, one undo step), then the store moves the copy into backups. A copy that cannot be read is
never merged: the store sets it aside and the banner says where it went.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from ptplanner.core.plan.model import Plan
from ptplanner.core.storage.conflict_copies import ConflictCopy
from ptplanner.core.storage.errors import StorageError
from ptplanner.core.storage.store import PlanStore
from ptplanner.ui.tabs.plan.notices import Banner
from ptplanner.ui.tabs.plan.plan_sync import PlanSync

BANNER_KEY = "conflict"
ERROR_KEY = "conflict_error"
"""A copy that could not be merged: its own banner, so finding no copies left keeps it up."""


class CopiesTarget(Protocol):
    store: PlanStore
    read_only: bool

    @property
    def closed(self) -> bool: ...

    @property
    def plan(self) -> Plan: ...

    def set_banner(self, banner: Banner) -> None: ...

    def dismiss_banner(self, key: str) -> None: ...

    def check_editable(self) -> bool: ...

    def notify(self, level: str, text: str) -> None: ...

    def flush(self) -> None: ...


class ConflictCopies(QObject):
    """The conflict-copy banner and its Merge and Show actions; see the module documentation."""

    def __init__(self, target: CopiesTarget, sync: PlanSync) -> None:
        super().__init__(sync)
        self._target = target
        self._sync = sync
        self.shown: ConflictCopy | None = None
        """The copy the banner offers (the oldest one), or None."""
        sync.extra_checks.append(self.check)
        # After the window is up, so the banner and any message have somewhere to go.
        QTimer.singleShot(0, self.check)

    def check(self) -> None:
        """Show (or take down) the banner for the conflict copies found now."""
        target = self._target
        if target.closed:
            return
        copies = target.store.conflict_copies()
        if not copies:
            self.shown = None
            target.dismiss_banner(BANNER_KEY)
            return
        copy = copies[0]
        if copy == self.shown:
            return
        self.shown = copy
        more = len(copies) - 1
        also = f" ({more} more after it)" if more else ""
        text = (
            f"{copy.describe()} sits beside your plan{also}: the version of your plan the sync "
            "tool could not put in place. Merge it to keep its changes too."
        )
        actions: tuple[tuple[str, Callable[[], object]], ...] = (
            ("Merge it", lambda: self.merge(copy)),
            ("Show the file", self.show_file),
        )
        if target.read_only:
            actions = actions[1:]  # only the window that can save may merge
        target.set_banner(Banner(BANNER_KEY, "notice", text, actions=actions, dismissible=True))

    def merge(self, copy: ConflictCopy) -> bool:
        """Merge ``copy`` into the plan and put it into backups; False if it was not merged."""
        target = self._target
        if not target.check_editable():
            return False
        target.flush()
        try:
            offered = target.store.merge_copy(copy.path, target.plan)
        except StorageError as error:
            # Damaged or unreadable: the store set it aside (the message says where), never merged.
            self.shown = None
            target.dismiss_banner(BANNER_KEY)
            target.set_banner(Banner(ERROR_KEY, "warning", str(error)))
            target.notify("warning", str(error))
            return False
        merged = self._sync.merge_in(
            offered.theirs,
            replaced=target.store.base,
            other=f"the other computer ({copy.tool})",
            base=offered.base,
        )
        if not merged:
            return False
        try:
            target.store.finish_copy(copy.path)
        except (OSError, StorageError) as error:
            target.notify(
                "warning", f"Merged, but the conflict copy stays beside the plan: {error}"
            )
        self.shown = None
        self.check()
        return True

    def show_file(self) -> None:
        """Open the plan's folder in the file manager, where the copy is."""
        folder: Path = self._target.store.directory
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
