"""Reading the print service's answers (:mod:`ptplanner.core.print_queue`): ``lpstat``, ``lp``
and ``lpoptions`` outputs as CUPS 2.4 prints them in the C locale."""

from __future__ import annotations

import pytest

from ptplanner.core.print_queue import (
    Completed,
    PrintError,
    parse_lp,
    parse_lpstat,
    parse_paper,
    scheduler_stopped,
)

IDLE = Completed(0, "printer PDF is idle.  enabled since Sun Dec  6 17:01:02 2026\n")
PRINTING = Completed(0, "printer PDF now printing PDF-3.  enabled since Sun Dec  6 17:01:02 2026\n")
STOPPED = Completed(
    0, "printer PDF disabled since Sun Dec  6 17:05:10 2026 -\n\tPaused by the office\n"
)
ACCEPTING = Completed(0, "PDF accepting requests since Sun Dec  6 17:01:02 2026\n")
REJECTING = Completed(
    0, "PDF not accepting requests since Sun Dec  6 17:06:00 2026 -\n\tRejecting Jobs\n"
)
GONE = Completed(1, "", 'lpstat: Invalid destination name in list "PDF".\n')
DOWN = Completed(1, "", "lpstat: Bad file descriptor\n")
NO_SCHEDULER = Completed(1, "", "lpstat: Unable to connect to server: Connection refused\n")


@pytest.mark.parametrize(
    ("printer", "accepting", "state", "reason"),
    [
        (IDLE, ACCEPTING, "ready", ""),
        (PRINTING, ACCEPTING, "ready", ""),
        (STOPPED, ACCEPTING, "stopped", "Paused by the office"),
        (IDLE, REJECTING, "rejecting", "Rejecting Jobs"),
        (STOPPED, REJECTING, "rejecting", "Rejecting Jobs"),
        (GONE, GONE, "missing", 'lpstat: Invalid destination name in list "PDF".'),
        (DOWN, DOWN, "no_service", "lpstat: Bad file descriptor"),
        (NO_SCHEDULER, NO_SCHEDULER, "no_service", NO_SCHEDULER.stderr.strip()),
        (Completed(0, ""), Completed(0, ""), "missing", ""),
    ],
)
def test_lpstat_states(printer: Completed, accepting: Completed, state: str, reason: str) -> None:
    status = parse_lpstat("PDF", printer, accepting)
    assert (status.state, status.reason) == (state, reason)
    assert status.takes_jobs is (state == "ready")


def test_a_queue_whose_name_starts_another_is_not_confused() -> None:
    other = Completed(0, "PDF2 not accepting requests since Sun Dec  6 17:06:00 2026 -\n\tx\n")
    assert parse_lpstat("PDF", IDLE, Completed(0, ACCEPTING.stdout + other.stdout)).state == "ready"


def test_messages_name_the_printer() -> None:
    assert parse_lpstat("PDF", IDLE, REJECTING).message("PDF") == (
        "PDF is not accepting jobs (Rejecting Jobs)."
    )
    assert parse_lpstat("PDF", STOPPED, ACCEPTING).message("PDF") == (
        "PDF is stopped (Paused by the office): a job waits there until it is resumed."
    )


def test_lp_accepted_job_id() -> None:
    assert parse_lp(Completed(0, "request id is PDF-12 (1 file(s))\n")) == "PDF-12"


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (Completed(1, "", "lp: The printer or class does not exist.\n"), "no such printer"),
        (
            Completed(1, "", 'lp: Destination "PDF" is not accepting jobs.\n'),
            "the printer is not accepting jobs",
        ),
        (Completed(1, "", "lp: Error - No default destination.\n"), "there is no default printer"),
        (Completed(1, "", "lp: Error - scheduler not responding.\n"), "not running"),
        (Completed(1, "", "lp: Bad file descriptor\n"), "not running"),
        # Exit status 0 without a request id is not an accepted job.
        (Completed(0, ""), "did not accept the job (no answer)"),
    ],
)
def test_lp_refusals_are_one_line(answer: Completed, said: str) -> None:
    with pytest.raises(PrintError) as raised:
        parse_lp(answer)
    assert said in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("output", "paper"),
    [
        ("PageSize/Media Size: Letter Legal *A4 Executive\n", "A4"),
        ("ColorModel/Output Mode: *Gray RGB\nPageSize/Page Size: *Letter A4 Legal\n", "Letter"),
        ("PageSize/Media Size: *na_letter_8.5x11in iso_a4_210x297mm\n", "Letter"),
        ("PageSize/Media Size: *Legal Letter\n", None),
        ("", None),
    ],
)
def test_queue_paper_from_lpoptions(output: str, paper: str | None) -> None:
    assert parse_paper(Completed(0, output)) == paper
    assert parse_paper(Completed(1, output)) is None


def test_scheduler_state_from_lpstat_r() -> None:
    assert scheduler_stopped(Completed(0, "scheduler is not running\n"))
    assert not scheduler_stopped(Completed(0, "scheduler is running\n"))
