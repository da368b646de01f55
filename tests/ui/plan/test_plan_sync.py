"""One plan on two computers, in the window (issue 22): a sync tool replaces plan.json while the
Plan tab has it open. Without edits here the tab reloads; with edits both sides are merged and
saved, collisions asked in a dialog, the merge one undo step; our own saves are not "changes".

The sync tool is played as Syncthing does it: the other computer's plan is written to a temporary
file in the folder and renamed over plan.json.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from plan_tab_helpers import CTRL, OpenTab, sample_plan, select, titles
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.plan.operations import add_milestone, update_milestone
from ptplanner.core.storage.codec import parse_plan
from ptplanner.ui.tabs.plan.collision_dialog import CollisionDialog
from ptplanner.ui.tabs.plan.plan_sync import RELOADED
from ptplanner.ui.tabs.plan.tab import PlanTab

pytest.importorskip("PySide6")

WAIT_MS = 10_000


def sync_in(plan_path: Path, plan: Plan) -> None:
    """The other computer's plan arrives: a temporary file renamed over plan.json."""
    temp = plan_path.parent / ".syncthing.plan.json.tmp"
    temp.write_text(plan.model_dump_json(), encoding="utf-8")
    os.replace(temp, plan_path)


def on_disk(plan_path: Path) -> Plan:
    return parse_plan(plan_path.read_bytes())


def disk_titles(plan_path: Path) -> list[str]:
    return [m.title for m, *_ in on_disk(plan_path).walk()]


def laptop_plan(base: Plan, title: str = "Added on the laptop") -> Plan:
    return add_milestone(base, Milestone(id="laptop", title=title)).plan


def title_of(tab: PlanTab, milestone_id: str) -> str:
    milestone = tab.controller.milestone(milestone_id)
    assert milestone is not None
    return milestone.title


def messages_of(tab: PlanTab) -> list[str]:
    seen: list[str] = []
    tab.controller.message.connect(lambda _level, text: seen.append(text))
    return seen


def backed_up_titles(plan_path: Path) -> list[set[str]]:
    found = []
    for path in (plan_path.parent / "backups").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        found.append({m["title"] for m in data.get("milestones", [])})
    return found


def test_an_outside_change_without_edits_here_is_reloaded(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path
) -> None:
    tab = open_tab()
    select(qtbot, tab, "emr")
    seen = messages_of(tab)
    laptop = laptop_plan(on_disk(plan_path))

    sync_in(plan_path, laptop)

    qtbot.waitUntil(lambda: "Added on the laptop" in titles(tab), timeout=WAIT_MS)
    assert any(text == RELOADED for text in seen)
    assert tab.current_id() == "emr"  # the selected step is still selected
    assert tab.controller.save_status() == "All changes saved"
    qtbot.wait(1200)  # an autosave would have run by now
    assert on_disk(plan_path) == laptop  # nothing written back over it


def test_outside_change_and_edits_here_are_merged_and_both_kept(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path
) -> None:
    tab = open_tab()
    controller = tab.controller
    sync_in(plan_path, laptop_plan(on_disk(plan_path)))
    assert controller.add_milestone("Added here") is not None  # before the watch has reported

    qtbot.waitUntil(lambda: "Added on the laptop" in titles(tab), timeout=WAIT_MS)
    assert "Added here" in titles(tab)
    qtbot.waitUntil(lambda: controller.save_status() == "All changes saved", timeout=WAIT_MS)
    saved = disk_titles(plan_path)
    assert "Added here" in saved
    assert "Added on the laptop" in saved
    # The laptop's version, replaced by the merge, is kept in backups.
    assert any(
        "Added on the laptop" in t and "Added here" not in t for t in backed_up_titles(plan_path)
    )


def test_an_autosave_that_finds_the_file_changed_merges_instead_of_overwriting(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path
) -> None:
    tab = open_tab()
    controller = tab.controller
    controller.sync.watch.pause()  # the watch has not noticed yet: the save's own check must
    assert controller.add_milestone("Added here") is not None
    sync_in(plan_path, laptop_plan(on_disk(plan_path)))

    assert controller.save_now()

    saved = disk_titles(plan_path)
    assert "Added here" in saved
    assert "Added on the laptop" in saved
    assert "Added on the laptop" in titles(tab)
    assert controller.save_status() == "All changes saved"


def _answer_dialog(keys: list[Qt.Key], seen: list[list[str]], closed: list[bool]) -> None:
    """Once the collision dialog is up, press ``keys`` in it as a person would. ``seen`` gets the
    texts of its choices; ``closed`` whether the keys closed it (if not, it is closed: a failing
    test, never a hang)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CollisionDialog) or not dialog.isActiveWindow():
            QTimer.singleShot(50, act)
            return
        seen.append([b.text() for b in (*dialog.ours_buttons, *dialog.theirs_buttons)])
        for k in keys:
            QTest.keyClick(dialog.focusWidget() or dialog, k)
        closed.append(not dialog.isVisible())
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(50, act)


def test_a_collision_is_asked_and_the_other_version_can_be_picked_then_undone(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path
) -> None:
    tab = open_tab()
    controller = tab.controller
    base = on_disk(plan_path)
    laptop = update_milestone(laptop_plan(base), "emr", title="Learn Epic (laptop)").plan
    assert controller.update_milestone("emr", title="Learn WebPT (desktop)")
    dialogs: list[list[str]] = []
    closed: list[bool] = []
    # Down moves from this window's version to the other one; Enter keeps the chosen versions.
    _answer_dialog([Qt.Key.Key_Down, Qt.Key.Key_Return], dialogs, closed)

    sync_in(plan_path, laptop)

    qtbot.waitUntil(lambda: "Added on the laptop" in titles(tab), timeout=WAIT_MS)
    assert closed == [True]
    assert len(dialogs) == 1
    assert dialogs[0] == [
        "This window: Learn WebPT (desktop)",
        "Other computer: Learn Epic (laptop)",
    ]
    assert title_of(tab, "emr") == "Learn Epic (laptop)"
    assert "Learn Epic (laptop)" in disk_titles(plan_path)

    # The merge is one undo step: Ctrl+Z gives back this window's plan as it was before it.
    tab.window().activateWindow()  # back from the dialog
    qtbot.waitUntil(tab.window().isActiveWindow, timeout=2000)
    select(qtbot, tab, "ged")
    QTest.keyClick(tab.tree, Qt.Key.Key_Z, CTRL)
    assert title_of(tab, "emr") == "Learn WebPT (desktop)"
    assert "Added on the laptop" not in titles(tab)
    assert controller.save_now()
    assert "Learn WebPT (desktop)" in disk_titles(plan_path)
    # Nothing is lost: the laptop's version is in backups.
    assert any("Learn Epic (laptop)" in t for t in backed_up_titles(plan_path))


def test_keeping_this_windows_versions_keeps_the_other_in_backups(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path
) -> None:
    tab = open_tab()
    controller = tab.controller
    laptop = update_milestone(on_disk(plan_path), "emr", title="Learn Epic (laptop)").plan
    assert controller.update_milestone("emr", title="Learn WebPT (desktop)")
    closed: list[bool] = []
    _answer_dialog([Qt.Key.Key_Escape], [], closed)

    sync_in(plan_path, laptop)

    qtbot.waitUntil(lambda: "Learn WebPT (desktop)" in disk_titles(plan_path), timeout=WAIT_MS)
    assert closed == [True]
    assert title_of(tab, "emr") == "Learn WebPT (desktop)"
    assert any("Learn Epic (laptop)" in t for t in backed_up_titles(plan_path))


def test_our_own_saves_are_not_taken_for_outside_changes(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path
) -> None:
    tab = open_tab()
    controller = tab.controller
    seen = messages_of(tab)
    for title in ("One", "Two", "Three"):
        assert controller.add_milestone(title) is not None
        assert controller.save_now()
        qtbot.wait(500)  # the watch reports each save's burst
    assert not any("reloaded" in text or "Merged" in text for text in seen)
    assert controller.undo_stack.count() == 3  # a reload would have cleared the history
    QTest.keyClick(tab.tree, Qt.Key.Key_Z, CTRL)
    assert "Three" not in titles(tab)


def test_a_read_only_tab_follows_the_saves_of_the_window_that_has_the_plan(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path
) -> None:
    """Issue 15: the read-only window no longer shows the plan as it was when it opened."""
    from ptplanner.core.storage.store import PlanStore

    writer = PlanStore(plan_path)
    plan_path.parent.mkdir(parents=True, exist_ok=True)
    writer.save(sample_plan())
    try:
        tab = open_tab(None)
        assert tab.controller.read_only
        writer.save(laptop_plan(writer.last_saved or sample_plan(), "Saved in the other window"))
        qtbot.waitUntil(lambda: "Saved in the other window" in titles(tab), timeout=WAIT_MS)
        assert tab.controller.read_only
        assert tab.controller.banner("read_only") is not None
    finally:
        writer.close()


def test_a_damaged_file_synced_in_is_set_aside_and_the_plan_kept(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path
) -> None:
    tab = open_tab()
    before = tab.controller.plan
    seen = messages_of(tab)
    temp = plan_path.parent / ".syncthing.plan.json.tmp"
    temp.write_text('{"schema_version": 1, "milestones": [', encoding="utf-8")
    os.replace(temp, plan_path)

    qtbot.waitUntil(lambda: any("damaged" in text for text in seen), timeout=WAIT_MS)
    assert tab.controller.plan.milestones == before.milestones
    assert on_disk(plan_path).milestones == before.milestones
    assert list(plan_path.parent.glob("plan.corrupt-*.json"))
