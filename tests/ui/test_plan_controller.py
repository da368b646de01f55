"""The plan controller: undo, autosave, recovery, read-only, failed saves, files and notices.

Each test opens a real plan file in a temporary folder and drives the controller the way the
window does (menu actions, the undo stack, the close question); file and message dialogs are
patched or answered from a timer so nothing blocks.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from fit_checks import MenuWindow
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
from ptplanner.core.plan.salary_link import plan_effects
from ptplanner.core.storage import atomic_io
from ptplanner.core.storage.errors import SaveError
from ptplanner.core.storage.import_export import export_plan_json
from ptplanner.core.storage.store import PlanStore
from ptplanner.ui.tabs.plan.backup_dialog import BackupDialog
from ptplanner.ui.tabs.plan.controller import PlanController
from ptplanner.ui.tabs.salary.tab import SalaryTab

TODAY = date(2026, 11, 25)

MakeController = Callable[..., PlanController]
"""The ``make_controller`` fixture: a controller on ``path`` (default: the test's plan file)."""


@pytest.fixture
def make_controller(qapp: QApplication, plan_path: Path) -> Iterator[MakeController]:
    # qapp: the controller's timers need an application, also when this test runs alone.
    made: list[PlanController] = []

    def make(path: Path | None = None, today: date = TODAY) -> PlanController:
        controller = PlanController(path or plan_path, today=lambda: today)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.close()


@pytest.fixture
def controller(make_controller: MakeController) -> PlanController:
    return make_controller()


def write_plan(path: Path, plan: Plan) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan.model_dump_json(), encoding="utf-8")


def small_plan() -> Plan:
    return Plan(
        milestones=(
            Milestone(id="a", title="Learn WebPT", target_date=TODAY + timedelta(days=40)),
            Milestone(
                id="cmaa",
                title="CMAA certification",
                salary_link=SalaryLink.parse("certification:cmaa"),
                renews_every_months=24,
                children=(Milestone(id="study", title="Study for the exam"),),
            ),
        )
    )


def on_disk(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def attached(qtbot: QtBot, controller: PlanController) -> MenuWindow:
    """A window with the plan's menu actions and status-bar messages, as the app has them."""
    window = MenuWindow()
    qtbot.addWidget(window)
    window.show_plan(controller)
    return window


def action(window: MenuWindow, text: str) -> QAction:
    found = [a for a in window.file_menu.actions() if a.text().replace("&", "") == text]
    assert found, [a.text() for a in window.file_menu.actions()]
    return found[0]


# --- first run, autosave, undo -------------------------------------------------------------------


def test_first_run_starts_from_the_ready_plan_and_writes_it(
    qtbot: QtBot, controller: PlanController, plan_path: Path
) -> None:
    assert controller.load_result.is_new
    titles = [m.title for m in controller.plan.milestones]
    assert "CMAA certification" in titles
    assert controller.plan.count() > 20
    qtbot.waitUntil(plan_path.exists, timeout=3000)
    assert on_disk(plan_path)["title"] == controller.plan.title
    # Written in the autosave's worker thread: the status follows at the next event-loop turn.
    qtbot.waitUntil(lambda: controller.save_status() == "All changes saved", timeout=3000)


def test_autosave_writes_an_edit_shortly_after(
    qtbot: QtBot, controller: PlanController, plan_path: Path
) -> None:
    new_id = controller.add_milestone("Shadow a coordinator for a day")
    assert new_id is not None
    assert controller.has_unsaved_changes
    qtbot.waitUntil(
        lambda: plan_path.exists() and "Shadow a coordinator" in plan_path.read_text(), timeout=3000
    )
    qtbot.waitUntil(lambda: not controller.has_unsaved_changes, timeout=3000)  # worker's result


def test_undo_text_mirrors_the_change_and_noops_push_nothing(controller: PlanController) -> None:
    first = controller.plan.milestones[0]
    assert controller.update_milestone(first.id, title="Finish my GED")
    assert controller.undo_stack.undoText() == "Edit milestone 'Finish my GED'"
    count = controller.undo_stack.count()
    assert controller.update_milestone(first.id, title="Finish my GED")  # same title: no-op
    assert controller.undo_stack.count() == count
    controller.undo()
    assert controller.plan.milestones[0].title == first.title
    controller.redo()
    assert controller.plan.milestones[0].title == "Finish my GED"


def test_adding_then_typing_the_title_is_one_undo_step(controller: PlanController) -> None:
    before = controller.plan
    new_id = controller.add_step(None)
    assert new_id is not None
    controller.update_milestone(new_id, title="Call three clinics")
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Add milestone 'Call three clinics'"
    controller.undo()
    assert controller.plan == before
    controller.redo()
    assert controller.plan.get(new_id).title == "Call three clinics"


def test_refused_edits_say_why_and_change_nothing(controller: PlanController) -> None:
    messages: list[tuple[str, str]] = []
    controller.message.connect(lambda level, text: messages.append((level, text)))
    parent = controller.plan.milestones[3]
    child = parent.children[0]
    before = controller.plan
    assert not controller.move_milestone(parent.id, child.id)
    assert controller.plan == before
    assert messages
    assert messages[-1][0] == "error"
    banner = controller.banner("error")
    assert banner is not None
    assert "cannot be moved under itself" in banner.text


def test_opening_a_plan_leaves_the_garbage_collector_as_it_found_it(
    make_controller: MakeController, plan_path: Path
) -> None:
    # The load pauses the collector while it builds the plan; afterwards it runs again, and
    # what the load built is frozen: later collections skip it.
    write_plan(plan_path, small_plan())
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    before = len(gc.get_objects())
    controller = make_controller()
    assert controller.plan.count() == 3
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before  # everything alive, the plan and its index with it
    assert not any(obj is controller.plan for obj in gc.get_objects())  # none left to walk
    controller.close()
    gc.unfreeze()
    gc.disable()
    try:
        make_controller()
        assert not gc.isenabled()  # someone else's pause is not ended by the load
    finally:
        gc.enable()


# --- the salary link -----------------------------------------------------------------------------


def test_marking_cmaa_done_emits_effects_with_cmaa(
    qtbot: QtBot, make_controller: MakeController, plan_path: Path
) -> None:
    write_plan(plan_path, small_plan())
    controller = make_controller()
    assert "cmaa" not in controller.salary_effects().certifications
    with qtbot.waitSignal(controller.salary_effects_changed, timeout=1000) as blocker:
        assert controller.set_status("cmaa", Status.DONE)
    effects = blocker.args[0]
    assert effects == plan_effects(controller.plan, TODAY)
    assert "cmaa" in effects.certifications
    # Marking a credential done schedules its renewal two years on.
    renewal = [m for m in controller.plan.milestones if m.title == "Renew CMAA certification"]
    assert renewal
    assert renewal[0].target_date == date(2028, 11, 25)


def test_a_planned_link_with_a_target_date_is_an_event_in_that_year(
    qtbot: QtBot, make_controller: MakeController, plan_path: Path
) -> None:
    write_plan(plan_path, small_plan())
    controller = make_controller()
    with qtbot.waitSignal(controller.salary_effects_changed, timeout=1000) as blocker:
        controller.update_milestone("cmaa", target_date=date(2027, 5, 1))
    events = blocker.args[0].events
    assert [(e.year, e.kind, e.value) for e in events] == [(2027, "certification", "cmaa")]
    # No signal when the effects do not change (an unrelated title edit).
    with qtbot.assertNotEmitted(controller.salary_effects_changed):
        controller.update_milestone("a", title="Learn WebPT well")


def test_a_planned_promotion_is_a_promotion_event_until_it_is_done(
    qtbot: QtBot, make_controller: MakeController, plan_path: Path
) -> None:
    write_plan(plan_path, small_plan())
    controller = make_controller()
    with qtbot.waitSignal(controller.salary_effects_changed, timeout=1000) as blocker:
        controller.update_milestone(
            "a", target_date=date(2029, 2, 1), salary_link=SalaryLink.parse("promotion")
        )
    promotions = [e for e in blocker.args[0].events if e.kind == "promotion"]
    assert [(e.year, e.value, e.label) for e in promotions] == [
        (2029, "", "Learn WebPT (promotion, Feb 2029)")
    ]
    # Done, the promotion has happened: no raise still to come.
    with qtbot.waitSignal(controller.salary_effects_changed, timeout=1000) as blocker:
        controller.set_status("a", Status.DONE)
    assert not [e for e in blocker.args[0].events if e.kind == "promotion"]
    assert controller.undo_stack.canUndo()
    controller.undo_stack.undo()
    assert [e.kind for e in controller.salary_effects().events].count("promotion") == 1


# --- recovery, read-only, failed saves -----------------------------------------------------------


def test_a_corrupt_plan_file_is_kept_and_a_backup_loaded(
    make_controller: MakeController, plan_path: Path
) -> None:
    write_plan(plan_path, small_plan())
    with PlanStore(plan_path) as store:  # a save makes a backup of the good file
        store.load()
        store.save(small_plan().model_copy(update={"title": "Second version"}))
    plan_path.write_bytes(b'{"schema_version": 1, "title": "cut sho')
    controller = make_controller()
    result = controller.load_result
    assert result.moved_aside is not None
    assert result.moved_aside.exists()
    assert result.moved_aside.read_bytes().startswith(b'{"schema_version": 1, "title": "cut sho')
    banner = controller.banner("load")
    assert banner is not None
    assert str(result.moved_aside) in banner.text
    assert str(result.restored_from) in banner.text
    assert [m.id for m in controller.plan.milestones] == ["a", "cmaa"]


def test_a_second_controller_on_the_same_plan_is_read_only(
    make_controller: MakeController, plan_path: Path
) -> None:
    write_plan(plan_path, small_plan())
    first = make_controller()
    second = make_controller()
    assert not first.read_only
    assert second.read_only
    banner = second.banner("read_only")
    assert banner is not None
    assert "Another ptplanner window" in banner.text
    assert not banner.dismissible
    before = second.plan
    assert second.add_milestone("Should not be added") is None
    assert not second.set_status("a", Status.DONE)
    assert second.plan == before
    assert second.undo_stack.count() == 0
    assert second.close_ok(None)


def test_a_failed_save_keeps_the_edit_warns_and_retries(
    qtbot: QtBot, make_controller: MakeController, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_plan(plan_path, small_plan())
    controller = make_controller()
    real_save = controller.store.save

    def disk_full(plan: Plan) -> None:
        raise SaveError("The disk is full, so your plan was not saved.")

    monkeypatch.setattr(controller.store, "save", disk_full)
    controller.autosave.set_retry_interval(200)
    warnings: list[str] = []
    controller.message.connect(lambda level, text: warnings.append(text))
    controller.update_milestone("a", title="Learn WebPT and Epic")
    qtbot.waitUntil(lambda: controller.banner("save") is not None, timeout=3000)
    banner = controller.banner("save")
    assert banner is not None
    assert "disk is full" in banner.text
    assert [label for label, _slot in banner.actions] == ["Retry now", "Export a copy…"]
    assert any("disk is full" in text for text in warnings)
    assert controller.plan.get("a").title == "Learn WebPT and Epic"  # the edit is kept
    assert controller.has_unsaved_changes
    assert controller.save_status() == "Not saved – retrying"
    assert "Learn WebPT and Epic" not in plan_path.read_text()

    monkeypatch.setattr(controller.store, "save", real_save)  # space freed: the retry succeeds
    qtbot.waitUntil(lambda: controller.banner("save") is None, timeout=3000)
    assert "Learn WebPT and Epic" in plan_path.read_text()
    assert not controller.has_unsaved_changes


def test_quitting_with_a_failing_save_asks_and_never_drops_edits_silently(
    qtbot: QtBot,
    make_controller: MakeController,
    plan_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    write_plan(plan_path, small_plan())
    controller = make_controller()

    def read_only_folder(plan: Plan) -> None:
        raise SaveError("ptplanner cannot write to the folder.")

    monkeypatch.setattr(controller.store, "save", read_only_folder)
    controller.update_milestone("a", title="Edited before quitting")

    answers = iter(["cancel"])
    monkeypatch.setattr(controller, "ask_unsaved", lambda parent: next(answers))
    assert not controller.close_ok(None)  # Cancel: the window stays open, the edit too
    assert controller.plan.get("a").title == "Edited before quitting"

    copy = tmp_path / "copy.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy), ""))
    )
    answers = iter(["retry", "export"])
    assert controller.close_ok(None)  # Retry fails again, then Export a copy… and quit
    assert "Edited before quitting" in copy.read_text()
    # The lock is released: another window can now open the plan for editing.
    assert not make_controller().read_only


def test_the_unsaved_question_offers_four_choices(
    qtbot: QtBot, make_controller: MakeController, plan_path: Path
) -> None:
    write_plan(plan_path, small_plan())
    controller = make_controller()
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(b.text() for b in box.buttons())
        quit_button = next(b for b in box.buttons() if b.text() == "Quit without saving")
        assert isinstance(quit_button, QPushButton)
        quit_button.click()

    QTimer.singleShot(0, answer)
    assert controller.ask_unsaved(None) == "discard"
    assert set(seen) == {"Retry", "Export a copy…", "Quit without saving", "Cancel"}


# --- File menu: export, import, restore ----------------------------------------------------------


def test_export_and_import_round_trip_through_the_file_menu(
    qtbot: QtBot,
    make_controller: MakeController,
    plan_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_plan(plan_path, small_plan())
    controller = make_controller()
    window = attached(qtbot, controller)
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    assert texts.index("Restore from backup…") < texts.index("Quit")
    for expected in ("Export plan…", "Export milestones as CSV…", "Import plan…"):
        assert expected in texts

    json_path = tmp_path / "exported"
    csv_path = tmp_path / "milestones.csv"
    targets = iter([str(json_path), str(csv_path)])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (next(targets), ""))
    )
    action(window, "Export plan…").trigger()
    action(window, "Export milestones as CSV…").trigger()
    exported = json_path.with_suffix(".json")
    assert "CMAA certification" in exported.read_text()
    assert csv_path.read_text().startswith("id,parent_id,title")

    original = controller.plan
    controller.remove_milestone("cmaa")
    opened = iter([str(exported), str(csv_path)])
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (next(opened), ""))
    )
    action(window, "Import plan…").trigger()
    assert controller.plan.milestones == original.milestones
    assert controller.undo_stack.undoText() == "Import plan from exported.json"
    banner = controller.banner("import")
    assert banner is not None
    assert banner.level == "info"
    controller.undo()  # the import itself is undoable
    assert [m.id for m in controller.plan.milestones] == ["a"]

    action(window, "Import plan…").trigger()  # the CSV holds every field too
    assert controller.plan.milestones == original.milestones


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.json", b'{"schema_version": 1, "milestones": [{"title": '),
        ("newer.json", json.dumps({"schema_version": 99, "milestones": []}).encode()),
        ("deep.json", b'{"milestones": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"),
        ("huge.json", b" " * (6 * 1024 * 1024)),
        ("loop.csv", b"id,parent_id,title\r\na,b,One\r\nb,a,Two\r\n"),
        ("binary.csv", b"\xff\xfe\x00garbage"),
    ],
)
def test_bad_huge_or_hostile_imports_are_refused_and_change_nothing(
    make_controller: MakeController, plan_path: Path, tmp_path: Path, name: str, content: bytes
) -> None:
    write_plan(plan_path, small_plan())
    controller = make_controller()
    bad = tmp_path / name
    bad.write_bytes(content)
    before = controller.plan
    assert not controller.files.import_file(bad)
    assert controller.plan == before
    assert controller.undo_stack.count() == 0
    banner = controller.banner("import")
    assert banner is not None
    assert banner.level == "error"
    assert banner.text.startswith("Nothing was imported:")
    assert banner.text.endswith("Your plan is unchanged.")


def test_restore_from_backup_brings_back_an_older_version_undoably(
    qtbot: QtBot, make_controller: MakeController, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_plan(plan_path, small_plan())
    controller = make_controller()
    window = attached(qtbot, controller)
    controller.update_milestone("a", title="Version two")
    assert controller.save_now()
    controller.update_milestone("a", title="Version three")
    assert controller.save_now()
    # Backups hold the plan as it was before each save: the original, then "Version two".
    summaries = controller.files.backups()
    assert [s.plan.get("a").title for s in summaries if s.plan] == ["Version two", "Learn WebPT"]
    # Steps as the header counts them: "Learn WebPT" and "Study for the exam", not the parent.
    assert all(s.count == 2 for s in summaries)

    shown: list[list[str]] = []

    def choose_older(dialog: BackupDialog) -> int:
        rows = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
        shown.append([row.text(2) for row in rows if row is not None])
        dialog.select_row(1)
        first_step = dialog.preview.topLevelItem(0)
        assert first_step is not None
        assert first_step.text(0) == "Learn WebPT"
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(BackupDialog, "exec", choose_older)
    action(window, "Restore from backup…").trigger()
    assert shown == [["2", "2"]]
    assert controller.plan.get("a").title == "Learn WebPT"
    assert "Learn WebPT" in plan_path.read_text()  # restoring saves at once
    assert controller.undo_stack.undoText().startswith("Restore backup from ")
    controller.undo()
    assert controller.plan.get("a").title == "Version three"


def test_undo_and_redo_live_in_the_edit_menu_with_their_shortcuts(
    qtbot: QtBot, controller: PlanController
) -> None:
    window = attached(qtbot, controller)
    undo, redo = window.edit_menu.actions()[-2:]
    assert undo.shortcut().toString() == "Ctrl+Z"
    assert [s.toString() for s in redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert not undo.isEnabled()
    first = controller.plan.milestones[0]
    controller.set_status(first.id, Status.IN_PROGRESS)
    assert undo.isEnabled()
    assert undo.text() == f"&Undo Mark '{first.title}' in progress"
    undo.trigger()
    assert controller.plan.milestones[0].status == "not_started"
    assert redo.isEnabled()
    redo.trigger()
    assert controller.plan.milestones[0].status == "in_progress"


# --- the launch notice ---------------------------------------------------------------------------


def test_the_launch_notice_lists_overdue_and_due_soon_steps(
    qtbot: QtBot, make_controller: MakeController, plan_path: Path
) -> None:
    plan = Plan(
        milestones=(
            Milestone(title="Book the CMAA exam", target_date=TODAY - timedelta(days=3)),
            Milestone(title="Update my résumé", target_date=TODAY + timedelta(days=10)),
            Milestone(title="Far away", target_date=TODAY + timedelta(days=200)),
            Milestone(
                title="Done already", target_date=TODAY - timedelta(days=30), status=Status.DONE
            ),
        )
    )
    write_plan(plan_path, plan)
    controller = make_controller()
    banner = controller.banner("due")
    assert banner is not None
    assert banner.level == "notice"
    assert "Overdue: “Book the CMAA exam” (Nov 22, 2026)." in banner.text
    assert "Due within 14 days: “Update my résumé” (Dec 5, 2026)." in banner.text
    assert "Far away" not in banner.text
    assert "Done already" not in banner.text
    window = attached(qtbot, controller)
    assert window.statusBar().currentMessage() == (
        "1 plan step overdue, 1 due within 14 days – see the Plan tab."
    )
    assert QApplication.activeModalWidget() is None  # a quiet notice, not a dialog


def test_no_notice_when_nothing_is_due(make_controller: MakeController, plan_path: Path) -> None:
    write_plan(plan_path, small_plan())
    controller = make_controller()
    assert controller.banner("due") is None
    assert controller.notice is None


def test_a_plan_from_a_newer_ptplanner_opens_read_only(
    make_controller: MakeController, plan_path: Path
) -> None:
    raw = json.loads(small_plan().model_dump_json())
    raw["schema_version"] = 2
    plan_path.parent.mkdir(parents=True, exist_ok=True)
    plan_path.write_text(json.dumps(raw), encoding="utf-8")
    controller = make_controller()
    assert controller.read_only
    banner = controller.banner("read_only")
    assert banner is not None
    assert "newer version" in banner.text
    assert not controller.files.import_file(plan_path)
    assert json.loads(plan_path.read_text())["schema_version"] == 2  # never rewritten


def test_export_failure_is_reported_not_raised(controller: PlanController, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "plan.json"
    assert not controller.files.export_json(missing)
    banner = controller.banner("error")
    assert banner is not None
    assert str(missing) in banner.text


def test_importing_the_same_plan_adds_no_undo_step(
    controller: PlanController, tmp_path: Path
) -> None:
    path = tmp_path / "p.json"
    export_plan_json(controller.plan, path)
    assert controller.files.import_file(path)
    assert controller.undo_stack.count() == 0


# --- inside the real main window ---------------------------------------------------------------


def test_the_main_window_wires_the_plan_tab_menus_and_quit(qtbot: QtBot) -> None:
    from ptplanner.core import paths
    from ptplanner.ui.main_window import MainWindow
    from ptplanner.ui.tabs.plan.tab import PlanTab

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.plan_controller is not None, timeout=3000)
    controller = window.plan_controller
    assert controller is not None
    tab = window.page("plan")
    assert isinstance(tab, PlanTab)
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    assert texts.index("Import plan…") < texts.index("Quit")
    assert [a.text() for a in window.edit_menu.actions()][-2:] == ["&Undo", "&Redo"]
    # Printing reads the controller's plan; the Salary tab gets the plan's effects.
    assert window.report().plan is controller.plan
    assert window.scenario.plan_effects == controller.salary_effects()

    new_id = controller.add_milestone("Written just before quitting")
    assert new_id is not None
    window.close()  # closeEvent -> close_ok: the pending autosave is flushed, the lock released
    assert "Written just before quitting" in paths.plan_file().read_text()
    other = PlanController(paths.plan_file())
    try:
        assert not other.read_only
    finally:
        other.close()


def test_a_role_picked_in_the_plan_tab_shows_in_the_salary_tab(qtbot: QtBot) -> None:
    from fit_checks import open_main_window
    from PySide6.QtCore import Qt

    from ptplanner.core.projection import project
    from ptplanner.core.salary.ladder import rung_index
    from ptplanner.ui.tabs.plan.tab import PlanTab

    ctrl = Qt.KeyboardModifier.ControlModifier
    window = open_main_window(qtbot)
    # Someone already working: a later role step is a promotion, not the first job.
    window.scenario.update(years_experience=3)
    qtbot.keyClick(window, Qt.Key.Key_4, ctrl)
    tab = window.page("plan")
    assert isinstance(tab, PlanTab)
    qtbot.waitUntil(tab.isVisible, timeout=3000)  # a built tab shows at the next event loop
    try:
        if tab.stack.currentWidget() is not tab.editor_page:
            qtbot.mouseClick(tab.empty_page.empty_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.mouseClick(tab.toolbar.buttons["add"], Qt.MouseButton.LeftButton)
        fields = tab.details.fields
        qtbot.keyClicks(fields.title_edit, "Become the lead coordinator")
        qtbot.keyClick(fields.title_edit, Qt.Key.Key_Return)
        qtbot.mouseClick(fields.no_date_check, Qt.MouseButton.LeftButton, pos=QPoint(6, 8))
        fields.link_kind_combo.setFocus()
        qtbot.keyClicks(fields.link_kind_combo, "Rol")
        fields.link_value_combo.setFocus()
        qtbot.keyClicks(fields.link_value_combo, "Sen")
        step = tab.controller.milestone(tab.current_id())
        assert step is not None
        assert step.target_date is not None
        assert str(step.salary_link) == "role:senior_coordinator"
        label = f"Become the lead coordinator ({step.target_date:%b %Y})"

        qtbot.keyClick(window, Qt.Key.Key_3, ctrl)  # the Salary tab
        salary = window.page("salary")
        assert isinstance(salary, SalaryTab)
        qtbot.waitUntil(lambda: label in salary.context_label.text(), timeout=3000)
        assert "From your plan:" in salary.context_label.text()
        # From the step's year the projection is in the lead coordinator's job, and the move
        # never cuts pay.
        request = window.scenario.request()
        mine = [e for e in request.events if e.label == label]
        assert [(e.kind, e.value) for e in mine] == [("role", "senior_coordinator")]
        others = tuple(e for e in request.events if e.label != label)
        without = project(request.model_copy(update={"events": others}))
        with_plan = window.scenario.projection()
        year = max(step.target_date.year, date.today().year)
        lead = rung_index("senior_coordinator")
        for row, base in zip(with_plan.rows, without.rows, strict=True):
            if row.year < year:
                assert (row.role, row.typical) == (base.role, base.typical), row.year
            else:
                assert rung_index(row.role) >= lead, row.year
                assert row.typical >= base.typical, row.year
            assert (label in row.events) == (row.year == year)
    finally:
        window.close()


def test_a_save_whose_folder_flush_fails_is_saved_with_a_warning(
    controller: PlanController, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file was replaced; only the folder's flush failed: a warning, nothing left to retry."""
    warnings: list[str] = []
    controller.message.connect(
        lambda level, text: warnings.append(text) if level == "warning" else None
    )

    def fail(_folder: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic_io, "fsync_dir", fail)
    assert controller.add_milestone("Saved once") is not None
    assert controller.save_now()
    assert not controller.store.has_unsaved_changes
    assert any("the plan was saved" in text for text in warnings), warnings
