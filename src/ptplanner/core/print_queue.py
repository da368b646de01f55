"""The system print service (CUPS) seen from outside Qt: is a queue taking jobs, and handing it a
PDF with ``lp``.

Qt reports a print job as done even when the queue refused it, so the window asks ``lpstat``
first, and ``ptplanner projection --print`` sends the exported PDF with ``lp`` and trusts only
its "request id is ..." answer. The parsers are pure (tested on captured outputs); the two
runners only call the commands, in the C locale so the words parsed are always English.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

QueueState = Literal["ready", "stopped", "rejecting", "missing", "no_service", "unknown"]

Runner = Callable[[Sequence[str], bytes | None], "Completed"]


@dataclass(frozen=True)
class Completed:
    """What a command said: its exit status and its output."""

    returncode: int
    stdout: str
    stderr: str = ""


@dataclass(frozen=True)
class QueueStatus:
    """Whether a queue takes jobs, and if not, why (in the print service's words)."""

    state: QueueState
    reason: str = ""

    @property
    def takes_jobs(self) -> bool:
        """Ready, or not known to be otherwise (no ``lpstat`` to ask)."""
        return self.state in ("ready", "unknown")

    def message(self, printer: str) -> str:
        """One sentence for the user, naming the printer."""
        why = f" ({self.reason})" if self.reason else ""
        return {
            "ready": f"{printer} is ready.",
            "unknown": f"The state of {printer} is not known.",
            "stopped": f"{printer} is stopped{why}: a job waits there until it is resumed.",
            "rejecting": f"{printer} is not accepting jobs{why}.",
            "missing": f"There is no printer called {printer}.",
            "no_service": "The print service is not running.",
        }[self.state]


class PrintError(Exception):
    """A job the print service did not accept; ``str()`` is one line for the user."""


_MISSING = ("invalid destination", "does not exist", "unknown destination", "no such")
_NO_SERVICE = (
    "unable to connect",
    "scheduler is not running",
    "scheduler not responding",
    "connection refused",
    "bad file descriptor",
    "no such file or directory",
)


def _service_problem(text: str) -> QueueState | None:
    lowered = text.lower()
    if any(word in lowered for word in _NO_SERVICE):
        return "no_service"
    if any(word in lowered for word in _MISSING):
        return "missing"
    return None


def _reason(output: str) -> str:
    """The indented reason line CUPS prints under a stopped or rejecting queue."""
    for line in output.splitlines()[1:]:
        stripped = line.strip()
        if stripped and line[:1].isspace():
            return stripped
    return ""


def parse_lpstat(name: str, printer: Completed, accepting: Completed) -> QueueStatus:
    """The queue's state from ``lpstat -p NAME`` and ``lpstat -a NAME`` (C locale)."""
    for result in (printer, accepting):
        problem = _service_problem(result.stderr + result.stdout)
        if result.returncode != 0 or problem is not None:
            return QueueStatus(problem or "unknown", result.stderr.strip())
    quoted = re.escape(name)
    if re.search(rf"^{quoted} not accepting requests", accepting.stdout, re.MULTILINE):
        return QueueStatus("rejecting", _reason(accepting.stdout))
    if re.search(rf"^printer {quoted} disabled", printer.stdout, re.MULTILINE):
        return QueueStatus("stopped", _reason(printer.stdout))
    accepts = re.search(rf"^{quoted} accepting requests", accepting.stdout, re.MULTILINE)
    enabled = re.search(rf"^printer {quoted} (is idle|now printing|enabled)", printer.stdout, re.M)
    if accepts and enabled:
        return QueueStatus("ready")
    if not printer.stdout.strip() and not accepting.stdout.strip():
        return QueueStatus("missing")
    return QueueStatus("unknown")


def parse_lp(result: Completed) -> str:
    """The job id from ``lp``'s answer ("request id is Office_Laser-12 (1 file(s))");
    raises :class:`PrintError` with one line when the job was not accepted."""
    match = re.search(r"request id is (\S+)", result.stdout)
    if result.returncode == 0 and match:
        return match.group(1)
    said = " ".join((result.stderr or result.stdout).split())
    said = re.sub(r"^lp:\s*", "", said)
    problem = _service_problem(said)
    if problem == "no_service":
        raise PrintError(f"the print service is not running ({said})")
    if problem == "missing":
        raise PrintError(f"no such printer ({said})")
    if "not accepting" in said.lower():
        raise PrintError(f"the printer is not accepting jobs ({said})")
    if "no default destination" in said.lower():
        raise PrintError("there is no default printer; name one with --printer NAME")
    raise PrintError(f"the print service did not accept the job ({said or 'no answer'})")


def _run(args: Sequence[str], data: bytes | None) -> Completed:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    result = subprocess.run(
        list(args), input=data, capture_output=True, env=env, timeout=30, check=False
    )
    return Completed(
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def scheduler_stopped(answer: Completed) -> bool:
    """``lpstat -r`` says the scheduler is not running (CUPS then reports every queue as
    missing, which would blame the printer's name)."""
    return "not running" in answer.stdout + answer.stderr


def _scheduler_down(run: Runner) -> bool:
    try:
        return scheduler_stopped(run(["lpstat", "-r"], None))
    except (OSError, subprocess.TimeoutExpired):
        return False


def query_queue(name: str, run: Runner = _run) -> QueueStatus:
    """Ask CUPS about ``name``; ``unknown`` where there is no ``lpstat`` (not CUPS)."""
    if shutil.which("lpstat") is None:
        return QueueStatus("unknown")
    try:
        printer = run(["lpstat", "-p", name], None)
        accepting = run(["lpstat", "-a", name], None)
    except (OSError, subprocess.TimeoutExpired) as error:
        return QueueStatus("no_service", str(error))
    status = parse_lpstat(name, printer, accepting)
    if status.state == "missing" and _scheduler_down(run):
        return QueueStatus("no_service")
    return status


def send_with_lp(data: bytes, title: str, printer: str | None, run: Runner = _run) -> str:
    """Send a PDF to ``printer`` (the default one when None) with ``lp``; returns the job id."""
    if shutil.which("lp") is None:
        raise PrintError("no print service: the lp command (CUPS) is not installed")
    args = ["lp", "-t", title] + (["-d", printer] if printer else [])
    try:
        answer = run(args, data)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PrintError(f"the print service did not answer ({error})") from None
    try:
        return parse_lp(answer)
    except PrintError:
        if shutil.which("lpstat") is not None and _scheduler_down(run):
            raise PrintError("the print service is not running (lpstat -r)") from None
        raise


def parse_paper(lpoptions: Completed) -> Literal["Letter", "A4"] | None:
    """The queue's default paper from ``lpoptions -l`` (the starred ``PageSize``), if it is
    one the report is laid out for."""
    if lpoptions.returncode != 0:
        return None
    match = re.search(r"^(?:PageSize|media)/[^:]*:.*?\*(\S+)", lpoptions.stdout, re.MULTILINE)
    if match is None:
        return None
    size = match.group(1).lower()
    if size.startswith(("a4", "iso_a4")):
        return "A4"
    if size.startswith(("letter", "na_letter")):
        return "Letter"
    return None


def queue_paper(printer: str | None, run: Runner = _run) -> Literal["Letter", "A4"] | None:
    """The default paper of ``printer`` (the default printer when None), or None if unknown."""
    if shutil.which("lpoptions") is None:
        return None
    args = ["lpoptions"] + (["-p", printer] if printer else []) + ["-l"]
    try:
        return parse_paper(run(args, None))
    except (OSError, subprocess.TimeoutExpired):
        return None
