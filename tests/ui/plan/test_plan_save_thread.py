"""Autosave off the UI thread (issue 19): the timer's write runs in a worker thread, edits made
while it is in flight are written next, closing waits for it and loses nothing, a failure in the
worker shows the same banner as before, and the window's own saves are recognised by the file
watch without reading the file back.

The seam is a :class:`PlanStore` subclass put in the controller's place: it records the thread
each save runs in and can hold a save "in flight" until the test lets it go.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import OpenTab, key, select
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.operations import add_milestone
from ptplanner.core.storage import safe_read
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.errors import SaveError
from ptplanner.core.storage.store import PlanStore
from ptplanner.ui.tabs.plan import controller as controller_module
from ptplanner.ui.tabs.plan import plan_sync
from ptplanner.ui.tabs.plan.file_watch import SETTLE_MS
from ptplanner.ui.tabs.plan.tab import PlanTab

WAIT_MS = 10_000


@dataclass
class Saves:
    """What the recording store saw, and the switches a test turns."""

    threads: list[int] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    entered: threading.Event = field(default_factory=threading.Event)
    gate: threading.Event = field(default_factory=threading.Event)
    fail_with: str | None = None

    def hold(self) -> None:
        """Saves from now on wait at the start until :meth:`release`."""
        self.gate.clear()
        self.entered.clear()

    def release(self) -> None:
        self.gate.set()


@pytest.fixture
def saves(monkeypatch: pytest.MonkeyPatch) -> Iterator[Saves]:
    record = Saves()
    record.gate.set()

    class RecordingStore(PlanStore):
        def save(self, plan: Plan) -> None:
            record.threads.append(threading.get_ident())
            record.plans.append(plan)
            record.entered.set()
            assert record.gate.wait(WAIT_MS / 1000)
            if record.fail_with is not None:
                raise SaveError(record.fail_with)
            super().save(plan)

    monkeypatch.setattr(controller_module, "PlanStore", RecordingStore)
    yield record
    record.release()  # never leave a worker waiting on the gate


def on_disk(plan_path: Path) -> Plan:
    return parse_plan(plan_path.read_bytes())


def disk_title(plan_path: Path, milestone_id: str) -> str:
    return on_disk(plan_path).get(milestone_id).title


def rename(qtbot: QtBot, tab: PlanTab, milestone_id: str, title: str) -> None:
    """Type a new title into the details panel, as a person does."""
    select(qtbot, tab, milestone_id)
    edit = tab.details.fields.title_edit
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, title)
    key(qtbot, edit, Qt.Key.Key_Return)


def saved_label(tab: PlanTab) -> str:
    return tab.header.save_label.text()


def test_an_autosave_writes_in_a_worker_thread(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path, saves: Saves
) -> None:
    tab = open_tab()
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Space)  # done

    qtbot.waitUntil(lambda: on_disk(plan_path).get("emr").status is Status.DONE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: saved_label(tab) == "All changes saved", timeout=WAIT_MS)
    assert saves.threads
    assert threading.get_ident() not in saves.threads


def test_edits_made_while_a_save_is_in_flight_are_saved_next(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path, saves: Saves
) -> None:
    tab = open_tab()
    saves.hold()
    rename(qtbot, tab, "emr", "Learn WebPT")
    qtbot.waitUntil(saves.entered.is_set, timeout=WAIT_MS)  # the first write is in flight
    assert tab.controller.autosave.busy
    rename(qtbot, tab, "late", "Send the CV to two clinics")
    rename(qtbot, tab, "ged", "Finish the GED")
    assert saved_label(tab) == "Saving…"

    saves.release()

    qtbot.waitUntil(lambda: len(saves.plans) >= 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: saved_label(tab) == "All changes saved", timeout=WAIT_MS)
    assert saves.plans[0].get("emr").title == "Learn WebPT"
    assert saves.plans[0].get("late").title == "Send the résumé"  # not in the first write
    assert disk_title(plan_path, "emr") == "Learn WebPT"
    assert disk_title(plan_path, "late") == "Send the CV to two clinics"
    assert disk_title(plan_path, "ged") == "Finish the GED"
    # Two edits waiting for the worker made one write, not one each.
    assert len(saves.plans) == 2
    assert threading.get_ident() not in saves.threads


def test_closing_during_a_save_in_flight_waits_and_loses_nothing(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path, saves: Saves
) -> None:
    tab = open_tab()
    saves.hold()
    rename(qtbot, tab, "emr", "Learn WebPT")
    qtbot.waitUntil(saves.entered.is_set, timeout=WAIT_MS)
    rename(qtbot, tab, "late", "Send the CV today")  # not yet written anywhere
    # The write in flight finishes a moment after the person closes the window.
    threading.Timer(0.3, saves.release).start()

    assert tab.controller.close_ok(tab)

    assert tab.controller.closed
    assert not tab.controller.autosave.busy
    assert disk_title(plan_path, "emr") == "Learn WebPT"
    assert disk_title(plan_path, "late") == "Send the CV today"
    # The lock went only after the last write: another window can now take the plan.
    with PlanStore(plan_path) as other:
        assert not other.load().read_only


def test_a_save_error_in_the_worker_shows_the_same_banner(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path, saves: Saves
) -> None:
    tab = open_tab()
    saves.fail_with = "ptplanner cannot write to the folder (read-only)."
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Space)

    qtbot.waitUntil(lambda: "save" in {w.banner.key for w in tab.banner_widgets()}, timeout=WAIT_MS)
    banner = next(w for w in tab.banner_widgets() if w.banner.key == "save")
    assert "cannot write to the folder (read-only)" in banner.label.text()
    assert "tries again every 30 seconds" in banner.label.text()
    assert saved_label(tab) == "Not saved – retrying"
    assert on_disk(plan_path).get("emr").status is not Status.DONE
    assert threading.get_ident() not in saves.threads

    saves.fail_with = None
    retry = next(b for b in banner.buttons if b.text() == "Retry now")
    QTest.mouseClick(retry, Qt.MouseButton.LeftButton)
    assert "save" not in {w.banner.key for w in tab.banner_widgets()}
    assert saved_label(tab) == "All changes saved"
    assert on_disk(plan_path).get("emr").status is Status.DONE


def test_a_worker_save_that_finds_another_version_merges_it(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path, saves: Saves
) -> None:
    tab = open_tab()
    tab.controller.sync.watch.pause()  # only the worker's identity check can notice
    laptop = add_milestone(on_disk(plan_path), Milestone(id="laptop", title="From the laptop"))
    temp = plan_path.parent / ".syncthing.plan.json.tmp"
    temp.write_text(laptop.plan.model_dump_json(), encoding="utf-8")
    os.replace(temp, plan_path)
    rename(qtbot, tab, "emr", "Learn WebPT")

    qtbot.waitUntil(lambda: "laptop" in on_disk(plan_path).ids(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: saved_label(tab) == "All changes saved", timeout=WAIT_MS)
    assert disk_title(plan_path, "emr") == "Learn WebPT"
    assert tab.controller.milestone("laptop") is not None
    assert threading.get_ident() not in saves.threads[:1]


def test_the_file_watch_knows_its_own_saves_without_reading_them(
    qtbot: QtBot, open_tab: OpenTab, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab()
    reads: list[Path] = []
    real_read = safe_read.read_regular_file

    def recording_read(path: Path, limit: int) -> bytes:
        reads.append(path)
        return real_read(path, limit)

    monkeypatch.setattr(plan_sync, "read_regular_file", recording_read)
    seen_changes: list[None] = []
    tab.controller.sync.watch.changed.connect(lambda: seen_changes.append(None))
    rename(qtbot, tab, "emr", "Learn WebPT")
    qtbot.waitUntil(lambda: disk_title(plan_path, "emr") == "Learn WebPT", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(seen_changes), timeout=WAIT_MS)  # the watch saw our write
    qtbot.wait(SETTLE_MS * 2)
    assert reads == []

    # Another program's change is still read, and reloaded.
    laptop = add_milestone(on_disk(plan_path), Milestone(id="laptop", title="From the laptop"))
    temp = plan_path.parent / ".syncthing.plan.json.tmp"
    temp.write_text(laptop.plan.model_dump_json(), encoding="utf-8")
    os.replace(temp, plan_path)
    qtbot.waitUntil(lambda: tab.controller.milestone("laptop") is not None, timeout=WAIT_MS)
    assert reads
