"""The read-only second window (issue 15): while another ptplanner process has the plan, this
window follows what that one saves (it used to show the plan as it was when it opened); once that
process closes, the read-only banner naming it goes, the plan is as it was left there, and the
window can edit it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from plan_tab_helpers import OpenTab, sample_plan, titles
from pytestqt.qtbot import QtBot

pytest.importorskip("PySide6")

WAIT_MS = 15_000

# Another ptplanner process: takes the plan, then does what it is told line by line.
_OTHER_WINDOW = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from ptplanner.core.plan.model import Milestone
    from ptplanner.core.plan.operations import add_milestone
    from ptplanner.core.storage.store import PlanStore
    store = PlanStore(Path(sys.argv[1]))
    plan = store.load().plan
    print("locked", os.getpid(), flush=True)
    for line in sys.stdin:
        if line.startswith("add "):
            title = line[4:].strip()
            plan = add_milestone(plan, Milestone(title=title)).plan
            store.save(plan)
            print("saved", flush=True)
        elif line.startswith("close"):
            break
    store.close()
    """
)


class OtherWindow:
    """A second ptplanner process holding the plan's lock."""

    def __init__(self, plan_path: Path) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-c", _OTHER_WINDOW, str(plan_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.child.stdin is not None
        assert self.child.stdout is not None
        word, pid = self.child.stdout.readline().split()
        assert word == "locked"
        self.pid = int(pid)

    def tell(self, line: str, answer: str) -> None:
        assert self.child.stdin is not None
        assert self.child.stdout is not None
        self.child.stdin.write(line + "\n")
        self.child.stdin.flush()
        assert self.child.stdout.readline().strip() == answer

    def close(self) -> None:
        self.child.communicate("close\n", timeout=60)


@pytest.fixture
def other_window(plan_path: Path) -> Iterator[OtherWindow]:
    plan_path.parent.mkdir(parents=True, exist_ok=True)
    plan_path.write_text(sample_plan().model_dump_json(), encoding="utf-8")
    other = OtherWindow(plan_path)
    yield other
    if other.child.poll() is None:
        other.child.kill()
        other.child.communicate(timeout=30)


def test_the_read_only_window_follows_the_other_then_takes_over_when_it_closes(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path, other_window: OtherWindow
) -> None:
    tab = open_tab(None)
    controller = tab.controller
    controller.lock_retry.setInterval(100)
    banner = controller.banner("read_only")
    assert controller.read_only
    assert banner is not None
    assert f"process {other_window.pid}" in banner.text

    # The other window saves: this one shows it, still read-only.
    other_window.tell("add Saved in the other window", "saved")
    qtbot.waitUntil(lambda: "Saved in the other window" in titles(tab), timeout=WAIT_MS)
    assert controller.read_only
    assert not tab.toolbar.buttons["add"].isEnabled()

    # It saves again and closes at once: this window takes over with the plan as it was left.
    other_window.tell("add Last step there", "saved")
    other_window.close()
    qtbot.waitUntil(lambda: not controller.read_only, timeout=WAIT_MS)
    assert controller.banner("read_only") is None
    assert not any(f"process {other_window.pid}" in b.text for b in controller.banners())
    assert "Saved in the other window" in titles(tab)
    assert "Last step there" in titles(tab)
    assert tab.toolbar.buttons["add"].isEnabled()
    assert controller.save_status() == "All changes saved"

    assert controller.add_milestone("Added here") is not None
    assert controller.save_now()
    saved = plan_path.read_text(encoding="utf-8")
    assert "Last step there" in saved
    assert "Added here" in saved
