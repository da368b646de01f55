"""PDF of a 30-year projection, in process: ``write_pdf_headless(project(...30 years...), path)``.

One warm-up write (it creates the QGuiApplication and loads fonts), then ``--repeats`` timed
writes into a private temporary folder. Prints one JSON line with the times in milliseconds.

    python bench/pdf_bench.py --repeats 5
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    from ptplanner.core.projection import ProjectionRequest, project
    from ptplanner.core.report.build import ReportInput
    from ptplanner.ui.report.pdf import write_pdf_headless

    folder = Path(tempfile.mkdtemp(prefix="ptplanner-bench-pdf-"))
    projection = ReportInput(project(ProjectionRequest(years=30)))
    start = time.perf_counter()
    pages = write_pdf_headless(projection, folder / "warm-up.pdf")
    warm_up = (time.perf_counter() - start) * 1000.0
    samples = []
    for i in range(args.repeats):
        start = time.perf_counter()
        write_pdf_headless(projection, folder / f"projection-{i}.pdf")
        samples.append((time.perf_counter() - start) * 1000.0)
    size = (folder / "projection-0.pdf").stat().st_size if samples else 0
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()
    print(json.dumps({"warm_up_ms": warm_up, "samples_ms": samples, "pages": pages, "bytes": size}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
