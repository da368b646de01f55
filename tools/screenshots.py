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
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ptplanner.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("overview", "day", "salary", "plan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dark", action="store_true", help="also take dark-scheme shots")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()

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
                scenario.pin("Boston, 2 yrs, no certification")
                scenario.update(certifications={"cmaa"}, skills={"emr", "insurance"})
            for _ in range(10):
                app.processEvents()
            folder = args.out if not suffix else ROOT / "build" / "shots"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{name}{suffix}.png"
            window.grab().save(str(target))
            print(f"wrote {target}")
        if not suffix:
            salary_shots(window, app, args.out, today)
        window.close()
    return 0


def salary_shots(window: MainWindow, app: QApplication, folder: Path, today: date) -> None:
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
