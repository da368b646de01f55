"""Write build/report-sample.pdf and PNGs of its first pages, to look at the printout by eye.

The sample is the fullest report there is: a 30-year projection with planned changes, a pinned
comparison scenario and a career packet with a plan that has done, overdue and upcoming steps.
Pages 1 and 2 are rendered with ``pdftoppm -r 80 -png`` (poppler-utils) next to the PDF.

    .venv/bin/python tools/render_report_sample.py [--page-size A4] [--pages 1-3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs

ROOT = Path(__file__).resolve().parent.parent


def sample_plan(today: date) -> Plan:
    def step(title: str, status: Status, days: int | None, **extra: object) -> Milestone:
        target = today + timedelta(days=days) if days is not None else None
        return Milestone.model_validate(
            {"title": title, "status": status, "target_date": target, **extra}
        )

    return Plan(
        title="My PT Care Coordinator plan",
        milestones=(
            step("Finish high school or a GED", Status.DONE, -400),
            step(
                "CMAA certification",
                Status.IN_PROGRESS,
                None,
                children=(
                    step("Buy the NHA study guide", Status.DONE, -60),
                    step("Book the exam", Status.NOT_STARTED, -9),
                    step(
                        "Pass the CMAA exam",
                        Status.NOT_STARTED,
                        45,
                        pay_effect="The career guide puts a certification at about $2,000 to "
                        "$5,000 a year more.",
                    ),
                ),
            ),
            step("Associate degree (optional)", Status.SKIPPED, 700),
            step("Learn WebPT scheduling and billing", Status.IN_PROGRESS, 20),
            step("Apply to hospital outpatient clinics", Status.NOT_STARTED, 120),
            step("CEHRS certification", Status.NOT_STARTED, 400),
            step("Ask for the senior coordinator role", Status.NOT_STARTED, None),
        ),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page-size", choices=("Letter", "A4"), default="Letter")
    parser.add_argument("--pages", default="1-2", help="first-last page to render as PNG")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "report-sample.pdf")
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    from ptplanner.core.report.build import ReportInput
    from ptplanner.ui.report.pdf import write_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    today = date.today()
    start = today.year
    current = project(
        ProjectionRequest(
            inputs=SalaryInputs(location="denver", certifications=frozenset({"cmaa"})),
            years=30,
            start_year=start,
            events=(
                Event(year=start + 1, kind="certification", value="cehrs"),
                Event(year=start + 3, kind="education", value="associate"),
                Event(year=start + 8, kind="promotion", label="Promotion to senior coordinator"),
            ),
        )
    )
    pinned = project(
        ProjectionRequest(
            inputs=SalaryInputs(location="boston", employer_type="hospital"),
            years=30,
            start_year=start,
        )
    )
    report = ReportInput(
        projection=current,
        comparison=pinned,
        comparison_label="Boston hospital",
        plan=sample_plan(today),
        career_packet=True,
        printed_on=today,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    pages = write_pdf(report, args.out, page_size=args.page_size)
    elapsed = time.perf_counter() - began
    print(f"wrote {args.out}: {pages} pages ({args.page_size}) in {elapsed * 1000:.0f} ms")
    del app

    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils); no PNGs", file=sys.stderr)
        return 0
    first, _, last = args.pages.partition("-")
    prefix = args.out.with_suffix("")
    for stale in prefix.parent.glob(f"{prefix.name}-*.png"):
        stale.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", first, "-l", last or first, str(args.out), prefix],
        check=True,
    )
    for png in sorted(prefix.parent.glob(f"{prefix.name}-*.png")):
        print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
