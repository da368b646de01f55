"""``ptplanner projection --print [--printer NAME]`` against a fake print service: small ``lp``,
``lpstat`` and ``lpoptions`` scripts on PATH that behave like CUPS's (their answers are CUPS's
own, captured from a real cupsd) and keep what ``lp`` was sent."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

FAKE_CUPS = r"""#!/bin/sh
# A print service with one queue, Office_Laser, whose state is in $STATE_FILE.
state=$(cat "$FAKE_DIR/state" 2>/dev/null || echo ready)
if [ "$state" = down ]; then
    echo "$(basename "$0"): Bad file descriptor" >&2; exit 1
fi
if [ "$state" = stopped_scheduler ]; then
    # What CUPS 2.4 answers with cupsd stopped: every queue looks unknown.
    case "$(basename "$0") $1" in
        "lpstat -r") echo "scheduler is not running"; exit 0 ;;
        lpstat*) echo "lpstat: Invalid destination name in list \"$2\"." >&2; exit 1 ;;
        lp*) echo "lp: Error - The printer or class does not exist." >&2; exit 1 ;;
    esac
fi
case "$(basename "$0")" in
lpstat)
    name=$2
    if [ "$name" != Office_Laser ] || [ "$state" = gone ]; then
        echo "lpstat: Invalid destination name in list \"$name\"." >&2; exit 1
    fi
    if [ "$1" = -p ]; then
        if [ "$state" = stopped ]; then
            printf 'printer Office_Laser disabled since Sun Dec  6 17:01:02 2026 -\n\tPaused\n'
        else
            echo "printer Office_Laser is idle.  enabled since Sun Dec  6 17:01:02 2026"
        fi
    elif [ "$state" = rejecting ]; then
        printf 'Office_Laser not accepting requests since Sun Dec  6 17:01:02 2026 -\n'
        printf '\tRejecting Jobs\n'
    else
        echo "Office_Laser accepting requests since Sun Dec  6 17:01:02 2026"
    fi ;;
lpoptions)
    echo "PageSize/Media Size: Letter Legal *A4 Executive"
    echo "ColorModel/Output Mode: *RGB Gray" ;;
lp)
    dest=""
    while [ $# -gt 0 ]; do
        case "$1" in
            -d) dest=$2; shift 2 ;;
            -t) echo "$2" > "$FAKE_DIR/title"; shift 2 ;;
            *) shift ;;
        esac
    done
    if [ -z "$dest" ] && [ "$state" = nodefault ]; then
        echo "lp: Error - No default destination." >&2; exit 1
    fi
    [ -z "$dest" ] && dest=Office_Laser
    if [ "$dest" != Office_Laser ] || [ "$state" = gone ]; then
        echo "lp: The printer or class does not exist." >&2; exit 1
    fi
    if [ "$state" = rejecting ]; then
        echo "lp: Destination \"Office_Laser\" is not accepting jobs." >&2; exit 1
    fi
    cat > "$FAKE_DIR/job.pdf"
    echo "request id is Office_Laser-7 (1 file(s))" ;;
esac
"""


@pytest.fixture
def fake_cups(tmp_path: Path) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("lp", "lpstat", "lpoptions"):
        script = bin_dir / name
        script.write_text(FAKE_CUPS)
        script.chmod(0o755)
    return tmp_path


def run(
    fake: Path, state: str, *args: str, with_cups: bool = True
) -> subprocess.CompletedProcess[str]:
    (fake / "state").write_text(state)
    # Without CUPS: a PATH with no lp on it (whatever this machine has installed).
    path = f"{fake / 'bin'}{os.pathsep}{os.defpath}" if with_cups else str(fake / "empty")
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "QT_QPA_PLATFORM"}}
    env.update(PATH=path, FAKE_DIR=str(fake), HOME=str(fake))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "ptplanner",
            "projection",
            "--location",
            "boston",
            "--years",
            "3",
            "--print",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def pdf_pages_and_size(path: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = next(line for line in info.splitlines() if line.startswith("Pages:"))
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    return int(pages.split()[1]), size


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")
def test_print_pipes_the_pdf_to_lp_on_the_printers_paper(fake_cups: Path) -> None:
    result = run(fake_cups, "ready", "--printer", "Office_Laser")
    assert result.returncode == 0, result.stderr
    pages, size = pdf_pages_and_size(fake_cups / "job.pdf")
    assert size.endswith("(A4)")  # A4, the queue's starred PageSize
    assert (fake_cups / "title").read_text().strip() == "Salary projection - Boston, 3 years"
    assert result.stderr.strip().splitlines()[-1] == (
        f"sent {pages} page{'s' if pages != 1 else ''} on A4 paper to Office_Laser "
        "(job Office_Laser-7)"
    )
    assert "Boston-Cambridge-Newton" in result.stdout  # the report is printed as text too


def test_paper_option_wins_and_no_name_means_the_default_printer(fake_cups: Path) -> None:
    result = run(fake_cups, "ready", "--paper", "letter")
    assert result.returncode == 0, result.stderr
    assert "to the default printer (job Office_Laser-7)" in result.stderr
    info = subprocess.run(["pdfinfo", str(fake_cups / "job.pdf")], capture_output=True, text=True)
    assert "612 x 792" in info.stdout


@pytest.mark.parametrize(
    ("state", "args", "said"),
    [
        ("ready", ("--printer", "Nowhere"), "There is no printer called Nowhere."),
        ("gone", ("--printer", "Office_Laser"), "There is no printer called Office_Laser."),
        ("rejecting", ("--printer", "Office_Laser"), "Office_Laser is not accepting jobs"),
        ("rejecting", (), "the printer is not accepting jobs"),
        ("down", ("--printer", "Office_Laser"), "The print service is not running"),
        ("down", (), "the print service is not running"),
        ("nodefault", (), "there is no default printer"),
        ("stopped_scheduler", ("--printer", "Office_Laser"), "The print service is not running"),
        ("stopped_scheduler", (), "the print service is not running"),
    ],
)
def test_a_job_that_is_not_accepted_is_one_line_and_exit_2(
    fake_cups: Path, state: str, args: tuple[str, ...], said: str
) -> None:
    result = run(fake_cups, state, *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ptplanner: error: --print: not printed:")
    assert said in lines[0]
    assert not (fake_cups / "job.pdf").exists()


def test_no_print_service_installed(fake_cups: Path) -> None:
    result = run(fake_cups, "ready", with_cups=False)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "ptplanner: error: --print: not printed: no print service: the lp command (CUPS) is not "
        "installed"
    )


def test_a_stopped_queue_takes_the_job_and_says_it_waits(fake_cups: Path) -> None:
    result = run(fake_cups, "stopped", "--printer", "Office_Laser")
    assert result.returncode == 0, result.stderr
    assert (
        "Office_Laser is stopped (Paused): a job waits there until it is resumed" in result.stderr
    )
    assert (fake_cups / "job.pdf").read_bytes().startswith(b"%PDF")


def test_printer_without_print_is_refused(fake_cups: Path) -> None:
    result = run(fake_cups, "ready")  # sanity: works
    assert result.returncode == 0
    env = {**os.environ, "HOME": str(fake_cups)}
    refused = subprocess.run(
        [sys.executable, "-m", "ptplanner", "projection", "--printer", "Office_Laser"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "ptplanner: error: --printer: only applies to printing; add --print"
    )
