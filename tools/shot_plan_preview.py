"""Render the Plan tab to PNGs for a look before a release.

The tab is shown offscreen in a window of 1280x800 and of 1024x700 with the real window's menu
bar, tab bar and status bar around it (so it gets the room it has in the app), in the default
light Fusion palette and a dark one, in the states a person meets: the ready plan with some steps
done and some overdue (with the launch notice), a step selected in the details editor, steps with
other salary links (a promotion, a long area name), a search, the backup list, the empty state, a
read-only second window, a failed-save warning, and a 10,000-step plan. PNGs go to
``build/shots/`` (git-ignored) or ``--out``. Plans live in a throw-away folder, never the user's.

Run: ``.venv/bin/python tools/shot_plan_preview.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
from ptplanner.core.plan.operations import set_status
from ptplanner.core.plan.template import ready_plan
from ptplanner.core.storage.errors import SaveError
from ptplanner.ui.tabs.plan.backup_dialog import BackupDialog
from ptplanner.ui.tabs.plan.controller import PlanController
from ptplanner.ui.tabs.plan.tab import PlanTab
from ptplanner.ui.theme import dark_palette

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1280, 800), (1024, 700))
TODAY = date(2026, 11, 25)
STARTED = date(2026, 5, 20)
PROMOTION_TITLE = "Become the lead coordinator"
MOVE_TITLE = "Move north for a clinic job"
"""The ready plan was made six months before TODAY, so some steps are done and some overdue."""


def lived_in_plan() -> Plan:
    """The ready plan six months on: a few steps done, one in progress, some overdue."""
    plan = ready_plan(STARTED)
    by_title = {node.milestone.title: node.milestone for node in plan.walk()}
    done = (
        "Finish high school or a GED",
        "Study for the CMAA exam",
        "Book the CMAA exam",
        "Work through an EMR training course or product demo",
    )
    for title in done:
        plan = set_status(plan, by_title[title].id, Status.DONE, STARTED + timedelta(days=60)).plan
    plan = set_status(plan, by_title["Associate degree (optional)"].id, Status.SKIPPED, TODAY).plan
    plan = set_status(plan, by_title["Learn ICD-10 and CPT basics"].id, "in_progress", TODAY).plan
    # Links the ready plan does not use: a promotion (no value) and the longest BLS area name.
    extra = (
        Milestone(
            title=PROMOTION_TITLE,
            target_date=date(2029, 3, 1),
            salary_link=SalaryLink.parse("promotion"),
        ),
        Milestone(
            title=MOVE_TITLE,
            target_date=date(2030, 6, 1),
            salary_link=SalaryLink.parse(
                "location:North Valley-Northern Mountains Region of California nonmetropolitan area"
            ),
        ),
    )
    return plan.model_copy(update={"milestones": plan.milestones + extra})


def big_plan() -> Plan:
    groups = tuple(
        Milestone(
            title=f"Area {g + 1}: practice block",
            target_date=TODAY + timedelta(days=7 * g),
            children=tuple(
                Milestone(
                    title=f"Exercise {g + 1}.{i + 1}",
                    status=Status.DONE if i % 4 == 0 else Status.NOT_STARTED,
                    target_date=TODAY + timedelta(days=7 * g + i - 40),
                )
                for i in range(99)
            ),
        )
        for g in range(100)
    )
    return Plan(milestones=groups)


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.repaint()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


class Scene:
    """A plan file in its own folder and a controller + tab on it, in a window of ``size``."""

    def __init__(self, folder: Path, plan: Plan | None, size: tuple[int, int]) -> None:
        from ptplanner.ui.main_window import TAB_TITLES

        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "plan.json"
        if plan is not None:
            self.path.write_text(plan.model_dump_json(), encoding="utf-8")
        self.controller = PlanController(self.path, today=lambda: TODAY)
        self.tab = PlanTab(self.controller)
        # The chrome of the real window (menus, document-mode tabs, a status bar) without
        # building the other tabs: the Plan tab gets exactly the room it has in the app.
        self.window = QMainWindow()
        for menu in ("&File", "&Edit", "&View", "&Help"):
            self.window.menuBar().addMenu(menu)
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        for title in TAB_TITLES[:-1]:
            tabs.addTab(QLabel(), title)
        tabs.addTab(self.tab, TAB_TITLES[-1])
        tabs.setCurrentWidget(self.tab)
        self.window.setCentralWidget(tabs)
        self.window.statusBar().showMessage("Figures: BLS OEWS May 2025 and the career guide")
        self.window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
        self.window.resize(*size)
        self.window.show()
        QApplication.processEvents()

    def close(self) -> None:
        self.controller.close()
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()


def shoot(out: Path, stem: str, size: tuple[int, int], work: Path, full: bool) -> None:
    scene = Scene(work / f"{stem}-ready", lived_in_plan(), size)
    save(scene.window, out / f"plan-{stem}.png")
    if full:
        scene.tab.select_milestone(
            next(m.id for m in scene.controller.plan.milestones if m.title == "CMAA certification")
        )
        scene.tab.tree.setFocus()
        save(scene.window, out / f"plan-{stem}-selected.png")
        for title, name in ((PROMOTION_TITLE, "promotion"), (MOVE_TITLE, "location")):
            scene.tab.select_milestone(
                next(m.id for m in scene.controller.plan.milestones if m.title == title)
            )
            save(scene.window, out / f"plan-{stem}-{name}.png")
        scene.tab.set_search("exam")
        save(scene.window, out / f"plan-{stem}-search.png")
        scene.tab.set_search("")
        scene.tab.show_attention()
        save(scene.window, out / f"plan-{stem}-attention.png")
        scene.tab.clear_filters()

        # Two saves make two backups; the dialog lists them with a preview.
        first = scene.controller.plan.milestones[2]
        scene.controller.update_milestone(first.id, title="Bachelor's degree in health admin")
        scene.controller.save_now()
        scene.controller.update_milestone(first.id, notes="Look at evening programmes")
        scene.controller.save_now()
        dialog = BackupDialog(scene.controller.files.backups(), scene.tab)
        dialog.select_row(1)
        dialog.show()
        save(dialog, out / f"plan-{stem}-backups.png")
        dialog.close()
        dialog.deleteLater()

        second = Scene(work / f"{stem}-ready", None, size)  # same file: read-only
        save(second.window, out / f"plan-{stem}-readonly.png")
        second.close()

        def disk_full(plan: Plan) -> None:
            raise SaveError(
                "The disk is full, so your plan was not saved. It is still open; free some "
                "space and ptplanner will save it again."
            )

        scene.controller.store.save = disk_full  # type: ignore[method-assign]
        scene.controller.dismiss_banner("due")
        scene.tab.select_milestone(scene.controller.plan.milestones[1].id)
        scene.tab.toggle_done()
        scene.controller.save_now()
        save(scene.window, out / f"plan-{stem}-savefailed.png")
    scene.close()

    empty = Scene(work / f"{stem}-empty", Plan(), size)
    save(empty.window, out / f"plan-{stem}-empty.png")
    empty.close()

    if full:
        big = Scene(work / f"{stem}-big", big_plan(), size)
        big.tab.tree.expand(big.tab.model.index(0, 0))
        save(big.window, out / f"plan-{stem}-10000.png")
        big.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "shots")
    parser.add_argument("--quick", action="store_true", help="main states only")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    light = app.style().standardPalette()
    schemes: list[tuple[str, QPalette]] = [("light", light), ("dark", dark_palette())]
    with tempfile.TemporaryDirectory(prefix="ptplanner-shots-") as tmp:
        work = Path(tmp)
        os.environ["PTPLANNER_DATA_DIR"] = str(work / "data")
        for scheme, palette in schemes:
            app.setPalette(palette)
            for width, height in SIZES:
                stem = f"{scheme}-{width}x{height}"
                shoot(out, stem, (width, height), work, full=not args.quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
