"""``ptplanner plan ...``: read and edit the saved plan from a terminal.

The commands go through the same core as the window
(:mod:`ptplanner.core.plan.operations` for edits,
:class:`~ptplanner.core.storage.store.PlanStore` for the file), so a change made here gets the
same validation, backups and locking: while a window has the plan open, edits here are refused and
reading still works. Ids may be shortened to any unique prefix, as with git. Every error is one
line on stderr starting ``ptplanner: error:`` with exit status 2; a traceback is a bug. Qt is
never imported.
"""

from __future__ import annotations

import argparse

from ptplanner.cli.args import OneLineErrorParser, Subcommands, add_paper_option, text_argument

PLAN_EXAMPLES = """\
examples:
  ptplanner plan init                       start from the ready-made plan
  ptplanner plan list
  ptplanner plan add "Study for the CMAA exam" --parent 3f2a --target 2026-09-01
  ptplanner plan add "CMAA" --link certification:cmaa --renews-every 24
  ptplanner plan add "Office manager" --link role:office_manager --target 2036-01-15
  ptplanner plan done 3f2a
  ptplanner plan export plan.csv
  ptplanner plan export milestones.ics --remind-days 14   for a calendar app
  ptplanner plan --plan-file /media/usb/plan.json list
  ptplanner plan merge "plan (conflicted copy 2026-12-02).json" --take theirs
"""


# --- the parser --------------------------------------------------------------------------------


def _plan_file_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--plan-file",
        metavar="PATH",
        default=default,
        help="use this plan file instead of the one in your user data folder "
        "(for a portable copy); backups go in a 'backups' folder next to it",
    )


def add_plan_parser(subparsers: Subcommands) -> None:
    """Add ``plan`` and its commands to the top-level ``ptplanner`` parser."""
    plan = subparsers.add_parser(
        "plan",
        help="list and edit your plan",
        description="List and edit your plan. With no command, lists it.",
        epilog=PLAN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _plan_file_option(plan, None)
    plan.set_defaults(func=run_plan, plan_command="list")
    commands: argparse._SubParsersAction[OneLineErrorParser] = plan.add_subparsers(
        dest="plan_command", metavar="COMMAND", parser_class=OneLineErrorParser
    )

    # --plan-file is accepted after the command too; SUPPRESS keeps an earlier one from being reset.
    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = commands.add_parser(
            name, help=help_text, description=help_text[0].upper() + help_text[1:] + "."
        )
        _plan_file_option(parser, argparse.SUPPRESS)
        return parser

    command("list", "print the plan as a tree with status, dates and progress")

    add = command("add", "add a step")
    # Text options are type=text_argument: bytes that are not UTF-8 are refused as they are read.
    add.add_argument("title", type=text_argument, help="what the step is")
    add.add_argument(
        "--parent", type=text_argument, metavar="ID", help="make it a sub-step of this step"
    )
    add.add_argument("--target", type=text_argument, metavar="YYYY-MM-DD", help="target date")
    add.add_argument("--notes", type=text_argument, default="", help="free notes")
    add.add_argument(
        "--link",
        type=text_argument,
        metavar="KIND:VALUE",
        help="what it changes in the salary estimate: role:receptionist|care_coordinator|"
        "senior_coordinator|office_manager|practice_administrator (start in that role on the "
        "target date; see 'ptplanner projection --list-roles'), certification:cmaa|cehrs|cpct, "
        "skill:emr|billing_coding|insurance|excel, education:hs|associate|bachelor, "
        "employer_type:hospital|private_clinic|corporate_chain|specialty_clinic, "
        "location:AREA, or promotion (the next role up)",
    )
    add.add_argument(
        "--renews-every",
        type=text_argument,
        metavar="MONTHS",
        help="for a credential that expires: when marked done, a renewal step is added",
    )

    done = command("done", "mark a step done (a renewing credential gets its renewal step)")
    done.add_argument("id", type=text_argument, help="the step's id or a unique start of it")

    remove = command("remove", "remove a step and its sub-steps")
    remove.add_argument("id", type=text_argument, help="the step's id or a unique start of it")

    export = command(
        "export", "write the plan to a JSON, CSV or iCalendar file ('-' for the screen)"
    )
    export.add_argument("file")
    export.add_argument(
        "--format",
        choices=("json", "csv", "ics", "pdf"),
        help="default: from the file name (.csv, .ics), else json; ics is for calendar apps",
    )
    export.add_argument(
        "--remind-days",
        type=text_argument,
        metavar="N",
        help="with ics: each open step's reminder comes N days before it is due "
        "(0 = on the day; default: the app's setting, 7 unless changed)",
    )
    export.add_argument(
        "--todos",
        action="store_true",
        help="with ics: write to-dos (for task apps) instead of all-day events",
    )

    # The plan printout (issue 17b): written by cli/plan_pdf.py, which main() routes to.
    add_paper_option(export, "with pdf: paper size (default: the one used where you live)")

    imp = command("import", "replace the plan with one from a file (the old one is backed up)")
    imp.add_argument("file")
    imp.add_argument(
        "--format", choices=("json", "csv"), help="default: from the file name, else json"
    )

    merge = command(
        "merge", "merge a sync tool's conflict copy into the plan (the copy is kept in backups)"
    )
    merge.add_argument("file", help="the conflict copy ('ptplanner plan list' names any it finds)")
    merge.add_argument(
        "--take",
        choices=("ours", "theirs"),
        help="where both changed the same thing, keep this computer's version (ours) or the "
        "copy's (theirs); without it such a merge stops and lists them, writing nothing",
    )

    init = command("init", "start a plan from the ready-made PT Care Coordinator plan")
    init.add_argument("--empty", action="store_true", help="start with an empty plan instead")
    init.add_argument(
        "--force", action="store_true", help="replace an existing plan (it is backed up first)"
    )


def run_plan(args: argparse.Namespace) -> int:
    """Run one ``ptplanner plan`` command; returns the exit status."""
    from ptplanner.cli.plan_commands import run_plan_command

    return run_plan_command(args)
