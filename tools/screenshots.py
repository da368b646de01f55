"""Screenshots of the four tabs at 1280x800 for the README, AppStream metadata and review.

Runs the real window offscreen against a throw-away profile (a ready plan with some progress) so
the pictures never show anyone's own plan. Writes docs/screenshots/{overview,day,salary,plan}.png
and three more of the Salary tab for review: ``salary-default.png`` (a new user: the default
profile and the ready plan as it comes), ``salary-30-years.png`` (the same over 30 years, where
the plan's later roles show) and ``salary-promotion.png`` (two years in, a promotion three years
from now). Pass ``--dark`` to also write ``*-dark.png`` (Fusion's dark scheme) into build/shots/.

    python tools/screenshots.py [--dark]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    from ptplanner.core.plan.model import Plan
    from ptplanner.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("overview", "day", "salary", "plan")
SALARY_SHOTS = ("salary-default", "salary-30-years", "salary-promotion")
FEATURE_SHOTS = ("compare", "offer", "related-jobs", "plan-progress")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dark", action="store_true", help="also take dark-scheme shots")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=(*NAMES, *SALARY_SHOTS, *FEATURE_SHOTS),
        metavar="NAME",
        help="write only these shots (default: all)",
    )
    args = parser.parse_args()
    wanted = set(args.only or (*NAMES, *SALARY_SHOTS, *FEATURE_SHOTS))

    profile = Path(tempfile.mkdtemp(prefix="ptplanner-shots-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PTPLANNER_DATA_DIR"] = str(profile / "data")
    os.environ["PTPLANNER_CONFIG_DIR"] = str(profile / "config")

    from ptplanner.core.plan.model import Status
    from ptplanner.core.plan.operations import set_status
    from ptplanner.core.plan.template import ready_plan
    from ptplanner.core.storage.store import PlanStore

    today = date.today()
    plan = ready_plan(today)
    # Show a plan in progress: the first two top-level steps done.
    for node in list(plan.walk())[:2]:
        plan = set_status(plan, node.milestone.id, Status.DONE, today).plan
    with PlanStore() as store:
        store.load(new_plan=lambda: plan)
        store.save(plan)

    from ptplanner.ui.app import make_application
    from ptplanner.ui.main_window import MainWindow
    from ptplanner.ui.theme import apply_colour_scheme

    app = make_application()
    schemes = [("", "light")]
    if args.dark:
        schemes.append(("-dark", "dark"))
    args.out.mkdir(parents=True, exist_ok=True)
    for suffix, scheme in schemes:
        window = MainWindow()
        window.settings.colour_scheme = scheme  # type: ignore[assignment]
        apply_colour_scheme(scheme)
        window.resize(1280, 800)
        window.show()
        salary = None
        for index, name in enumerate(NAMES):
            window.tabs.setCurrentIndex(index)
            page = window.page(name)
            if name == "salary" and salary is None:
                salary = page
                scenario = window.scenario
                scenario.update(location="Boston-Cambridge-Newton, MA-NH", years_experience=2.0)
                scenario.pin("Boston, private PT clinic, 2 years")
                # A comparison worth a picture: the same person at a hospital, with a CMAA.
                scenario.update(
                    employer_type="hospital", certifications={"cmaa"}, skills={"emr", "insurance"}
                )
            for _ in range(10):
                app.processEvents()
            if name not in wanted:
                continue
            folder = args.out if not suffix else ROOT / "build" / "shots"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{name}{suffix}.png"
            window.grab().save(str(target))
            print(f"wrote {target}")
        if not suffix:
            feature_shots(window, app, args.out, today, wanted)
            salary_shots(window, app, args.out, today, wanted)
        window.close()
    return 0


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def save(widget: QWidget, folder: Path, name: str) -> None:
    target = folder / f"{name}.png"
    widget.grab().save(str(target))
    print(f"wrote {target}")


def focus_close(dialog: QDialog) -> None:
    """Focus the Close button, so no text cursor blinks in a place box in the picture."""
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    if box is not None:
        close = box.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setFocus()


def feature_shots(
    window: MainWindow, app: QApplication, folder: Path, today: date, wanted: set[str]
) -> None:
    """Compare places, Check an offer, the Overview's Related jobs and the Plan's progress."""
    from ptplanner.ui.tabs.overview.tab import OverviewTab
    from ptplanner.ui.tabs.salary.compare_dialog import CompareDialog
    from ptplanner.ui.tabs.salary.offer_dialog import OfferDialog
    from ptplanner.ui.tabs.salary.place_picker import set_place
    from ptplanner.ui.tabs.salary.tab import SalaryTab

    salary = window.page("salary")
    assert isinstance(salary, SalaryTab)
    if "compare" in wanted:
        window.tabs.setCurrentIndex(NAMES.index("salary"))
        salary.open_compare()
        dialog = salary.compare_dialog
        assert isinstance(dialog, CompareDialog)
        for picker, place in zip(dialog.pickers, ("Boston", "Houston", "Phoenix"), strict=False):
            set_place(picker, place)
        dialog.refresh()
        # Tall enough for the table's ten rows, wide enough for each source on one line.
        dialog.resize(1180, 500)
        focus_close(dialog)
        settle(app)
        dialog.table.resizeRowsToContents()  # rows wrapped at the first width stay tall
        settle(app)
        save(dialog, folder, "compare")
        dialog.close()
    if "offer" in wanted:
        window.tabs.setCurrentIndex(NAMES.index("salary"))
        salary.open_offer()
        offers = salary.offer_dialog
        assert isinstance(offers, OfferDialog)
        first, second = offers.forms
        set_place(first.place_box, "Boston")
        first.pay_edit.setText("23.50/hour")
        first.bonus_spin.setValue(2)
        first.match_spin.setValue(4)
        first.health_spin.setValue(6000)
        first.days_spin.setValue(20)
        set_place(second.place_box, "Houston")
        second.pay_edit.setText("46,000/year")
        for form in offers.forms:
            form.check_button.click()
        offers.resize(1000, 625)
        focus_close(offers)
        settle(app)
        save(offers, folder, "offer")
        offers.close()
    if "related-jobs" in wanted:
        window.tabs.setCurrentIndex(NAMES.index("overview"))
        settle(app)
        overview = window.page("overview")
        assert isinstance(overview, OverviewTab)
        overview.scroll_to_section("related_jobs")
        settle(app)
        save(window, folder, "related-jobs")
    if "plan-progress" in wanted:
        window.tabs.setCurrentIndex(NAMES.index("plan"))
        controller = window.plan_controller
        assert controller is not None
        controller.replace_plan(plan_with_progress(today), "Steps done over the past months")
        controller.save_now()
        settle(app)
        save(window, folder, "plan-progress")


def plan_with_progress(today: date) -> Plan:
    """The ready plan as made seven months ago, each step due by next month done about a week
    before its target date (the ones without a date a few weeks apart), so the chart climbs."""
    from ptplanner.core.plan.model import Status
    from ptplanner.core.plan.operations import set_status
    from ptplanner.core.plan.template import ready_plan

    plan = ready_plan(today - timedelta(days=210))
    leaves = [node.milestone for node in plan.walk() if not node.milestone.children]
    undated = iter(today - timedelta(weeks=weeks) for weeks in (27, 20, 12))
    for leaf in leaves:
        target = leaf.target_date
        if target is None:
            day = next(undated, None)
        elif target <= today + timedelta(days=30):
            day = min(target - timedelta(days=7), today - timedelta(days=2))
        else:
            continue
        if day is not None:
            plan = set_status(plan, leaf.id, Status.DONE, day).plan
    return plan


def salary_shots(
    window: MainWindow, app: QApplication, folder: Path, today: date, wanted: set[str]
) -> None:
    """The Salary tab as a new user sees it, over 30 years, and with a promotion."""
    from ptplanner.core.plan.salary_link import PlanEffects, plan_effects
    from ptplanner.core.plan.template import ready_plan
    from ptplanner.core.projection import Event
    from ptplanner.core.salary.inputs import SalaryInputs

    window.tabs.setCurrentIndex(NAMES.index("salary"))
    scenario = window.scenario
    scenario.unpin()
    new_user = plan_effects(ready_plan(today), today)
    promotion = Event(
        year=today.year + 3, kind="promotion", label=f"Lead coordinator ({today.year + 3})"
    )
    shots = (
        ("salary-default", SalaryInputs(), 10, new_user),
        ("salary-30-years", SalaryInputs(), 30, new_user),
        (
            "salary-promotion",
            SalaryInputs(years_experience=2),
            10,
            PlanEffects(events=(promotion,)),
        ),
    )
    for name, profile, years, effects in shots:
        if name not in wanted:
            continue
        scenario.update(**profile.model_dump())
        scenario.set_years(years)
        scenario.set_plan_effects(effects)
        for _ in range(10):
            app.processEvents()
        target = folder / f"{name}.png"
        window.grab().save(str(target))
        print(f"wrote {target}")


if __name__ == "__main__":
    sys.exit(main())
