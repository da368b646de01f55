"""Sync tools' conflict copies in the window (issue 22): a copy beside the plan, there at start or
arriving later, is named in a banner on the Plan tab; *Merge it* merges it and puts it into
backups; a damaged copy is set aside with a message and never merged."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_tab_helpers import OpenTab, sample_plan, titles
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.plan.operations import add_milestone
from ptplanner.ui.tabs.plan.banners import BannerWidget
from ptplanner.ui.tabs.plan.sync_banner import BANNER_KEY, ERROR_KEY
from ptplanner.ui.tabs.plan.tab import PlanTab

pytest.importorskip("PySide6")

WAIT_MS = 10_000
SYNCTHING = "plan.sync-conflict-20261202-101500-ABCDEFG.json"


def banner_widget(tab: PlanTab, key: str) -> BannerWidget | None:
    return next((w for w in tab.banner_widgets() if w.banner.key == key), None)


def click(widget: BannerWidget, text: str) -> None:
    button = next(b for b in widget.buttons if b.text() == text)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def other_computers_plan() -> Plan:
    return add_milestone(sample_plan(), Milestone(id="apart", title="Added while apart")).plan


@pytest.mark.parametrize(
    ("name", "tool"),
    [
        (SYNCTHING, "Syncthing"),
        ("plan (conflicted copy 2026-12-02).json", "Dropbox"),
        ("plan (Dana's conflicted copy 2026-12-02).json", "Dropbox"),
        ("plan (conflicted copy 2026-12-02 101500).json", "Nextcloud"),
        ("plan_conflict-20261202-101500.json", "Nextcloud"),
        ("plan-DESKTOP-7Q2.json", "OneDrive"),
    ],
)
def test_a_conflict_copy_there_at_start_is_named_in_a_banner(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path, name: str, tool: str
) -> None:
    plan_path.parent.mkdir(parents=True, exist_ok=True)
    (plan_path.parent / name).write_text(other_computers_plan().model_dump_json(), "utf-8")
    tab = open_tab()
    qtbot.waitUntil(lambda: banner_widget(tab, BANNER_KEY) is not None, timeout=WAIT_MS)
    widget = banner_widget(tab, BANNER_KEY)
    assert widget is not None
    assert f"A conflict copy from {tool}" in widget.label.text()
    assert "sits beside your plan" in widget.label.text()
    assert [b.text() for b in widget.buttons] == ["Merge it", "Show the file"]


def test_a_conflict_copy_that_appears_is_offered_and_merged_into_backups(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path
) -> None:
    tab = open_tab()
    controller = tab.controller
    assert controller.add_milestone("Added here") is not None
    assert controller.save_now()
    copy = plan_path.parent / SYNCTHING
    copy.write_text(other_computers_plan().model_dump_json(), "utf-8")

    qtbot.waitUntil(lambda: banner_widget(tab, BANNER_KEY) is not None, timeout=WAIT_MS)
    widget = banner_widget(tab, BANNER_KEY)
    assert widget is not None
    assert "Syncthing, 2 Dec 2026 10:15" in widget.label.text()
    click(widget, "Merge it")

    assert "Added while apart" in titles(tab)
    assert "Added here" in titles(tab)
    assert not copy.exists()  # put away in backups, not found again
    assert any(
        p.name.startswith("plan.sync-conflict") or "conflict" in p.name
        for p in (plan_path.parent / "backups").iterdir()
    )
    saved = plan_path.read_text(encoding="utf-8")
    assert "Added while apart" in saved
    assert "Added here" in saved
    qtbot.waitUntil(lambda: banner_widget(tab, BANNER_KEY) is None, timeout=WAIT_MS)
    # One undo step takes the merge back.
    controller.undo()
    assert "Added while apart" not in titles(tab)
    assert "Added here" in titles(tab)


def test_a_damaged_conflict_copy_is_set_aside_and_never_merged(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path
) -> None:
    tab = open_tab()
    before = tab.controller.plan
    copy = plan_path.parent / "plan (conflicted copy 2026-12-02).json"
    copy.write_text('{"schema_version": 1, "milestones": [', "utf-8")

    qtbot.waitUntil(lambda: banner_widget(tab, BANNER_KEY) is not None, timeout=WAIT_MS)
    widget = banner_widget(tab, BANNER_KEY)
    assert widget is not None
    click(widget, "Merge it")

    assert tab.controller.plan == before
    assert not copy.exists()
    warning = banner_widget(tab, ERROR_KEY)
    assert warning is not None
    assert "not merged" in warning.label.text()
    assert "backups" in warning.label.text()
    qtbot.wait(800)  # the folder changed: the warning stays, no copy is offered again
    assert banner_widget(tab, ERROR_KEY) is not None
    assert banner_widget(tab, BANNER_KEY) is None
