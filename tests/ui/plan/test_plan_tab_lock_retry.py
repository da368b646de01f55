"""A Plan tab read-only because another process had the plan becomes editable once it lets go
(issue 18): the controller retries the lock, reloads the plan as saved there, lifts read-only."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from plan_tab_helpers import OpenTab, sample_plan
from pytestqt.qtbot import QtBot

pytest.importorskip("PySide6")

_HOLD_THEN_ADD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from ptplanner.core.plan.model import Milestone
    from ptplanner.core.plan.operations import add_milestone
    from ptplanner.core.storage.store import PlanStore
    store = PlanStore(Path(sys.argv[1]))
    result = store.load()
    assert not result.read_only, store.read_only_reason
    print("locked", flush=True)
    sys.stdin.readline()  # held until the test says go
    if sys.argv[2] == "add":
        store.save(add_milestone(result.plan, Milestone(id="other", title="From elsewhere")).plan)
    store.close()
    print("released", flush=True)
    """
)


class LockHolder:
    """A child process holding the plan's lock until :meth:`release`."""

    def __init__(self, plan_path: Path, then: str) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-c", _HOLD_THEN_ADD, str(plan_path), then],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.child.stdout is not None
        assert self.child.stdout.readline().strip() == "locked"

    def release(self) -> None:
        out, _ = self.child.communicate("go\n", timeout=60)
        assert out.strip() == "released"


HoldLock = Callable[[Path, str], LockHolder]
"""The ``hold_lock`` fixture: a child holding ``path``'s lock, which then closes or adds a step."""


@pytest.fixture
def hold_lock(plan_path: Path) -> Iterator[HoldLock]:
    plan_path.parent.mkdir(parents=True, exist_ok=True)
    plan_path.write_text(sample_plan().model_dump_json(), encoding="utf-8")
    holders: list[LockHolder] = []

    def start(path: Path, then: str) -> LockHolder:
        holders.append(LockHolder(path, then))
        return holders[-1]

    yield start
    for holder in holders:
        if holder.child.poll() is None:
            holder.child.kill()
            holder.child.communicate(timeout=30)


@pytest.mark.parametrize("then", ["close", "add"])
def test_a_read_only_tab_becomes_editable_when_the_lock_frees(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path, hold_lock: HoldLock, then: str
) -> None:
    holder = hold_lock(plan_path, then)
    tab = open_tab(None)
    controller = tab.controller
    assert controller.read_only
    assert not tab.toolbar.buttons["add"].isEnabled()
    assert tab.details.fields.title_edit.isReadOnly()
    assert controller.banner("read_only") is not None
    controller.lock_retry.setInterval(50)
    messages: list[str] = []
    controller.message.connect(lambda _level, text: messages.append(text))

    qtbot.wait(300)
    assert controller.read_only  # still held: retrying changes nothing

    holder.release()
    qtbot.waitUntil(lambda: not controller.read_only, timeout=15_000)
    assert controller.banner("read_only") is None
    assert tab.toolbar.buttons["add"].isEnabled()
    assert not tab.details.fields.title_edit.isReadOnly()
    assert tab.tree.dragEnabled()
    assert "Read-only" not in controller.save_status()
    assert any("edit it here now" in text for text in messages)
    titles = [m.title for m in controller.plan.milestones]
    assert ("From elsewhere" in titles) == (then == "add")

    assert controller.add_milestone("Added here") is not None
    assert controller.save_now()
    saved = plan_path.read_text(encoding="utf-8")
    assert "Added here" in saved
    assert ("From elsewhere" in saved) == (then == "add")
