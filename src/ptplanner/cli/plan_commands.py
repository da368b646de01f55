"""The commands behind ``ptplanner plan``: loaded only when a plan command runs.

:mod:`ptplanner.cli.plan_parser` defines the parser and stays light, so ``ptplanner projection`` and
``ptplanner --help`` never import the plan model and storage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from ptplanner.cli.args import EXIT_USAGE, UsageError, shown_text
from ptplanner.cli.plan_listing import SHORT_ID, format_tree
from ptplanner.cli.plan_lock import busy_message
from ptplanner.core import paths
from ptplanner.core.format import whole_number
from ptplanner.core.messages import what_is_wrong
from ptplanner.core.plan.calendar import MAX_REMIND_DAYS, calendar_items, plan_to_ics
from ptplanner.core.plan.model import (
    Milestone,
    Plan,
    SalaryLink,
    Status,
    cleared_dates_notice,
    date_range_problem,
    step_count,
    tolerating_out_of_range_dates,
)
from ptplanner.core.plan.operations import PlanOpError, add_milestone, remove_milestone, set_status
from ptplanner.core.plan.template import empty_plan, ready_plan
from ptplanner.core.storage.atomic_io import atomic_write
from ptplanner.core.storage.codec import gc_paused
from ptplanner.core.storage.errors import PlanChangedOnDisk, PlanImportError, SaveError
from ptplanner.core.storage.import_export import (
    export_plan_csv,
    export_plan_json,
    import_plan_csv,
    import_plan_json,
    plan_to_csv,
    plan_to_json,
)
from ptplanner.core.storage.store import LoadResult, PlanStore

WRITER_LOCK_WAIT_S = 5.0
"""How long a command that changes the plan waits for another writer to finish before refusing."""

# --- running -----------------------------------------------------------------------------------


def run_plan_command(args: argparse.Namespace) -> int:
    """Run one ``ptplanner plan`` command; returns the exit status."""
    handler = _HANDLERS[getattr(args, "plan_command", None) or "list"]
    try:
        # A command is one short burst over the whole plan: with the collector on, each walk
        # over a big plan would also walk every step of it again and again for garbage cycles
        # that plans do not make.
        with gc_paused():
            try:
                handler(args)
            except PlanChangedOnDisk:
                # A sync tool replaced the plan between this command's load and save: do it
                # again on the new version (once; a second change in that moment is reported).
                handler(args)
    except (UsageError, PlanOpError, SaveError, PlanImportError) as error:
        text = " ".join(str(error).split())  # one line, whatever the message held
        print(f"ptplanner: error: {text}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `ptplanner plan list | head` closing the pipe is fine
        return 0
    return 0


def _plan_path(args: argparse.Namespace) -> Path:
    given = getattr(args, "plan_file", None)
    return Path(given).expanduser() if given else paths.plan_file()


def _save(store: PlanStore, plan: Plan) -> bool:
    """Save ``plan``; say on stderr what the save could not do besides. True if backed up."""
    store.save(plan)
    if store.backup_error:
        _warn(f"the plan was saved, but {store.backup_error}")
    if store.sync_error:
        _warn(store.sync_error)
    return store.backup_error is None


def _warn(text: str) -> None:
    print(f"ptplanner: warning: {' '.join(text.split())}", file=sys.stderr)


def _notes(result: LoadResult) -> None:
    for message in result.messages:
        print(f"ptplanner: note: {' '.join(message.split())}", file=sys.stderr)


@contextmanager
def _opened(args: argparse.Namespace, *, write: bool) -> Iterator[tuple[PlanStore, LoadResult]]:
    """The plan, for a command that changes it (``write``: takes the writer lock, waiting up to
    :data:`WRITER_LOCK_WAIT_S` for it) or only reads it (no lock, creates nothing)."""
    store = PlanStore(_plan_path(args), lock_wait=WRITER_LOCK_WAIT_S if write else 0.0)
    stand_ins: list[Plan] = []

    def stand_in() -> Plan:
        stand_ins.append(empty_plan())
        return stand_ins[-1]

    try:
        # A far-off date written by an older ptplanner is cleared and named, not fatal.
        with tolerating_out_of_range_dates() as cleared:
            result = store.load(stand_in, writer=write)
        if stand_ins and not result.is_new:
            # A plan file is there but could not be read (no permission, not a file, a newer
            # format): the empty stand-in must not be listed as "no steps" or exported over
            # a good file.
            reason = store.read_only_reason or "it could not be read"
            raise UsageError(f"not using the plan {store.path}: {reason}")
        if write and result.read_only and store.lock_busy:
            raise UsageError(busy_message(store.path, WRITER_LOCK_WAIT_S))
        if write and result.read_only:
            # The reason (newer format, unwritable folder) is the whole message.
            raise UsageError(store.read_only_reason or "the plan is open read-only")
        _notes(result)
        notice = cleared_dates_notice(cleared)
        if notice is not None:
            print(f"ptplanner: note: {notice}", file=sys.stderr)
        yield store, result
    finally:
        store.close()


def _parse_date(text: str, option: str) -> date:
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option}: {text!r} is not a date (use YYYY-MM-DD)") from None
    problem = date_range_problem(value)
    if problem is not None:
        raise UsageError(f"{option}: {problem}")
    return value


def _parse_link(text: str) -> SalaryLink:
    try:
        return SalaryLink.parse(text)
    except ValueError as error:
        message = str(error).splitlines()[0]
        if isinstance(error, ValidationError):
            message = what_is_wrong(error.errors()[0])
        raise UsageError(f"--link: {message}") from None


def resolve_id(plan: Plan, prefix: str) -> Milestone:
    """The one milestone whose id is, or starts with, ``prefix``; UsageError otherwise."""
    matches = plan.match_prefix(prefix)
    if not matches:
        raise UsageError(f"no step has an id starting with {prefix!r} (see 'ptplanner plan list')")
    if len(matches) > 1:
        shown = ", ".join(m.id[:SHORT_ID] for m in matches[:5])
        more = ", ..." if len(matches) > 5 else ""
        raise UsageError(f"id {prefix!r} is ambiguous: it starts {shown}{more}; give more of it")
    return matches[0]


def _cmd_list(args: argparse.Namespace) -> None:
    with _opened(args, write=False) as (store, result):
        from ptplanner.cli.plan_merge import print_conflict_copy_notes

        print_conflict_copy_notes(store.path, getattr(args, "plan_file", None))
        plan = result.plan
        if not plan.milestones:
            print(
                "Your plan has no steps yet. Start from the ready-made plan with "
                "'ptplanner plan init', or add a step with 'ptplanner plan add TITLE'."
            )
            return
        sys.stdout.write(format_tree(plan, date.today()))


def _cmd_add(args: argparse.Namespace) -> None:
    target = _parse_date(args.target, "--target") if args.target else None
    link = _parse_link(args.link) if args.link else None
    renews: int | None = None
    if args.renews_every is not None:
        renews = whole_number(args.renews_every)
        if renews is None:
            raise UsageError(
                f"--renews-every: {args.renews_every!r} is not a whole number of months"
            )
    try:
        milestone = Milestone(
            title=args.title,
            notes=args.notes,
            target_date=target,
            salary_link=link,
            renews_every_months=renews,
        )
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "value"
        option = {
            "title": "the title",
            "notes": "--notes:",
            "renews_every_months": "--renews-every:",
        }
        raise UsageError(f"{option.get(field, field + ':')} {what_is_wrong(first)}") from None
    with _opened(args, write=True) as (store, result):
        parent_id = resolve_id(result.plan, args.parent).id if args.parent else None
        change = add_milestone(result.plan, milestone, parent_id)
        _save(store, change.plan)
    print(f"Added '{milestone.title}' (id {milestone.id[:SHORT_ID]}).")


def _cmd_done(args: argparse.Namespace) -> None:
    today = date.today()
    with _opened(args, write=True) as (store, result):
        milestone = resolve_id(result.plan, args.id)
        change = set_status(result.plan, milestone.id, Status.DONE, today)
        if change.change.noop:
            print(f"'{milestone.title}' was already done.")
            return
        _save(store, change.plan)
        before = result.plan.ids()
        touched = [m for m in change.plan.flatten() if m.id in change.change.ids]
    print(f"Marked '{milestone.title}' done ({today.isoformat()}).")
    # Steps above that the parent done rule closed (nearest first), then any renewal steps.
    for parent in reversed([m for m in touched if m.id in before and m.id != milestone.id]):
        print(f"'{parent.title}' is done too: all its sub-steps are finished.")
    for renewal in [m for m in touched if m.id not in before]:
        due = renewal.target_date.isoformat() if renewal.target_date else "no date"
        print(f"Added '{renewal.title}' due {due} (id {renewal.id[:SHORT_ID]}).")


def _cmd_remove(args: argparse.Namespace) -> None:
    with _opened(args, write=True) as (store, result):
        milestone = resolve_id(result.plan, args.id)
        change = remove_milestone(result.plan, milestone.id)
        backed_up = _save(store, change.plan)
        backups = store.backup_dir
    subs = len(change.change.ids) - 1
    extra = f" and its {subs} sub-step{'s' if subs != 1 else ''}" if subs else ""
    kept = f" The previous plan is kept in {shown_text(str(backups))}." if backed_up else ""
    print(f"Removed '{milestone.title}'{extra}.{kept}")


def _format_for(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    name = str(args.file).lower()
    if name.endswith(".ics") and getattr(args, "plan_command", None) == "export":
        return "ics"
    return "csv" if name.endswith(".csv") else "json"


def _remind_days(args: argparse.Namespace) -> int:
    """``--remind-days``, else the reminder days of the app's settings."""
    if args.remind_days is None:
        from ptplanner.core.settings import load_settings

        return load_settings().reminder_days
    days = whole_number(args.remind_days)
    if days is None or not 0 <= days <= MAX_REMIND_DAYS:
        raise UsageError(
            f"--remind-days: {args.remind_days!r} is not a whole number of days "
            f"from 0 to {MAX_REMIND_DAYS}"
        )
    return days


def _cmd_export(args: argparse.Namespace) -> None:
    kind = _format_for(args)
    if kind != "ics" and (args.remind_days is not None or args.todos):
        option = "--remind-days" if args.remind_days is not None else "--todos"
        raise UsageError(f"{option} only goes with an iCalendar export (--format ics)")
    remind_days = _remind_days(args) if kind == "ics" else 0
    with _opened(args, write=False) as (_, result):
        plan = result.plan
    ics_text = ""
    if kind == "ics":
        ics_text = plan_to_ics(
            plan, kind="todo" if args.todos else "event", remind_days=remind_days
        )
    if args.file == "-":
        if kind == "ics":
            # The CRLF line ends are part of the format: written as bytes, never translated.
            sys.stdout.flush()
            sys.stdout.buffer.write(ics_text.encode("utf-8"))
            sys.stdout.buffer.flush()
        elif kind == "csv":
            sys.stdout.write(plan_to_csv(plan))
        else:
            sys.stdout.write(plan_to_json(plan).decode("utf-8") + "\n")
        return
    target = Path(args.file).expanduser()
    try:
        if target.is_dir():
            raise UsageError(f"{target} is a folder; give a file name")
        if not target.parent.is_dir():
            raise UsageError(f"cannot write {target}: no such folder {target.parent}")
    except OSError as error:  # a name too long, or a folder on the way that cannot be read
        raise UsageError(f"cannot write {target}: {error.strerror or error}") from None
    if kind == "ics":
        _write_ics(target, ics_text)
        items = len(calendar_items(plan))
        what = "to-dos" if args.todos else "calendar events"
        print(f"Wrote {items} {what} to {shown_text(str(target))} (iCalendar).")
        return
    writer: Callable[[Plan, Path], None] = export_plan_csv if kind == "csv" else export_plan_json
    writer(plan, target)
    # shown_text: a file name may be any bytes, stdout takes only text.
    print(f"Wrote {step_count(plan)} steps to {shown_text(str(target))} ({kind.upper()}).")


def _write_ics(target: Path, text: str) -> None:
    """Write the calendar atomically, refusing a device or a folder; one line if it fails."""
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror or error}") from None


def _cmd_import(args: argparse.Namespace) -> None:
    source = Path(args.file).expanduser()
    kind = _format_for(args)
    # Read and check the file before touching the plan: a refused import changes nothing.
    with _opened(args, write=True) as (store, result):
        if kind == "csv":
            imported = import_plan_csv(source, base=result.plan)
        else:
            imported = import_plan_json(source)
        backed_up = _save(store, imported)
        backups = store.backup_dir
    kept = (
        f" The previous plan is kept in {shown_text(str(backups))}."
        if backed_up and not result.is_new
        else ""
    )
    print(f"Imported {step_count(imported)} steps from {shown_text(str(source))}.{kept}")


def _cmd_init(args: argparse.Namespace) -> None:
    with _opened(args, write=True) as (store, result):
        if not result.is_new and result.plan.milestones and not args.force:
            raise UsageError(
                f"a plan with {step_count(result.plan)} steps already exists at {store.path}; "
                "use --force to replace it (it is backed up first)"
            )
        plan = empty_plan() if args.empty else ready_plan(date.today())
        _save(store, plan)
    kind = "an empty plan" if args.empty else f"the ready-made plan ({step_count(plan)} steps)"
    print(f"Started {kind} in {shown_text(str(store.path))}. See it with 'ptplanner plan list'.")


def _cmd_merge(args: argparse.Namespace) -> None:
    from ptplanner.cli.plan_merge import merge_command

    merge_command(args, _opened, _save)


_HANDLERS: dict[str, Callable[[argparse.Namespace], None]] = {
    "list": _cmd_list,
    "add": _cmd_add,
    "done": _cmd_done,
    "remove": _cmd_remove,
    "export": _cmd_export,
    "import": _cmd_import,
    "init": _cmd_init,
    "merge": _cmd_merge,
}
