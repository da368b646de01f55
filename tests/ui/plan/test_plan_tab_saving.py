"""Saving, recovery and read-only windows as the Plan tab shows them, and the empty plan's page."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import OpenTab, key, select, titles
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Plan, Status
from ptplanner.ui.tabs.plan.tab import PlanTab

# --- saving, recovery, read-only -----------------------------------------------------------------


def test_an_edit_reaches_the_disk_by_itself(qtbot: QtBot, tab: PlanTab, plan_path: Path) -> None:
    select(qtbot, tab, "emr")
    tab.details.fields.title_edit.setFocus()
    tab.details.fields.title_edit.selectAll()
    QTest.keyClicks(tab.details.fields.title_edit, "Learn WebPT scheduling")
    key(qtbot, tab.details.fields.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Learn WebPT scheduling" in plan_path.read_text(), timeout=3000)
    # Written in the autosave's worker thread: the status follows at the next event-loop turn.
    qtbot.waitUntil(lambda: tab.header.save_label.text() == "All changes saved", timeout=3000)


def test_a_corrupt_plan_shows_the_recovery_banner_and_keeps_the_file(
    open_tab: OpenTab, plan_path: Path
) -> None:
    plan_path.parent.mkdir(parents=True)
    plan_path.write_bytes(b"\x00\x00 not a plan")
    tab = open_tab(None)
    banners = {w.banner.key: w for w in tab.banner_widgets()}
    moved = tab.controller.load_result.moved_aside
    assert moved is not None
    assert moved.read_bytes() == b"\x00\x00 not a plan"
    assert str(moved) in banners["load"].label.text()
    assert "No usable backup" in banners["load"].label.text()


def test_a_second_window_is_read_only_with_editing_disabled(open_tab: OpenTab) -> None:
    first = open_tab()
    second = open_tab()
    assert not first.controller.read_only
    assert second.controller.read_only
    banners = {w.banner.key: w for w in second.banner_widgets()}
    assert "Another ptplanner window" in banners["read_only"].label.text()
    assert banners["read_only"].close_button is None
    for name in ("add", "add_sub", "delete", "up", "down", "indent", "outdent"):
        assert not second.toolbar.buttons[name].isEnabled(), name
    assert second.details.fields.title_edit.isReadOnly()
    assert second.details.fields.notes_edit.isReadOnly()
    for widget in (
        second.details.fields.status_combo,
        second.details.fields.target_edit,
        second.details.fields.link_kind_combo,
    ):
        assert not widget.isEnabled()
    assert not second.tree.dragEnabled()
    index = second.model.index_of("emr")
    assert not (second.model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled)
    assert first.toolbar.buttons["add"].isEnabled()


def test_a_failed_save_shows_a_warning_and_keeps_the_edit(
    qtbot: QtBot, tab: PlanTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ptplanner.core.storage.errors import SaveError

    real_save = tab.controller.store.save

    def fail(plan: Plan) -> None:
        raise SaveError("ptplanner cannot write to the folder (read-only).")

    monkeypatch.setattr(tab.controller.store, "save", fail)
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "save" in {w.banner.key for w in tab.banner_widgets()}, timeout=3000)
    banner = next(w for w in tab.banner_widgets() if w.banner.key == "save")
    assert "read-only" in banner.label.text()
    assert tab.header.save_label.text() == "Not saved – retrying"
    assert tab.controller.plan.get("emr").status is Status.DONE
    monkeypatch.setattr(tab.controller.store, "save", real_save)
    retry = next(b for b in banner.buttons if b.text() == "Retry now")
    QTest.mouseClick(retry, Qt.MouseButton.LeftButton)
    assert "save" not in {w.banner.key for w in tab.banner_widgets()}
    assert tab.header.save_label.text() == "All changes saved"


# --- empty state ---------------------------------------------------------------------------------


def test_the_empty_state_offers_the_ready_plan_or_an_empty_start(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    tab = open_tab(Plan())
    assert tab.stack.currentWidget() is tab.empty_page
    # The page counts the ready plan's steps as the plan's header will once it is chosen.
    offered = tab.empty_page.choice.text().split("ready plan (", 1)[1].split(" steps", 1)[0]
    QTest.mouseClick(tab.empty_page.ready_button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentWidget() is tab.editor_page
    assert "CMAA certification" in titles(tab)
    assert int(offered) == tab.controller.plan.leaf_counts()[1]
    assert tab.controller.undo_stack.undoText() == "Start from the ready plan"
    tab.controller.undo()
    assert tab.stack.currentWidget() is tab.empty_page
    QTest.mouseClick(tab.empty_page.empty_button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentWidget() is tab.editor_page
    assert tab.details.fields.title_edit.hasFocus()
    QTest.keyClicks(tab.details.fields.title_edit, "My own first step")
    key(qtbot, tab.details.fields.title_edit, Qt.Key.Key_Return)
    assert titles(tab) == ["My own first step"]
