"""Moving a plan in and out of files other than ``plan.json``: JSON and CSV import and export.

Import is size-, count- and depth-limited and never touches the current plan: it returns a new
plan or raises :class:`~ptplanner.core.storage.errors.PlanImportError`. Export writes atomically
and raises :class:`~ptplanner.core.storage.errors.SaveError`. The CSV has one row per milestone
(:data:`CSV_COLUMNS`), parents before their sub-steps; on import rows may come in any order.

A spreadsheet reads a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
as a formula (``=HYPERLINK(...)`` from an imported plan would be live), so the export puts an
apostrophe before such a cell, as spreadsheets themselves do to mark text: ``-5`` is written
``'-5``. Import takes that apostrophe off again, so importing an export gives back every
field exactly; see :func:`csv_cell` and :func:`cell_from_csv`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ptplanner.core.format import whole_number
from ptplanner.core.plan.model import (
    MAX_DEPTH,
    SCHEMA_VERSION,
    VALUELESS_LINK_KINDS,
    Milestone,
    Plan,
    Status,
    new_id,
)
from ptplanner.core.plan.template import empty_plan
from ptplanner.core.storage.atomic_io import atomic_write
from ptplanner.core.storage.codec import (
    MAX_PLAN_BYTES,
    first_validation_error,
    parse_plan,
    raw_from_bytes,
)
from ptplanner.core.storage.errors import (
    CorruptPlanError,
    NewerPlanError,
    PlanImportError,
    SaveError,
)
from ptplanner.core.storage.migrations import schema_version_of
from ptplanner.core.storage.safe_read import RefusedFileError, read_regular_file

MAX_IMPORT_MILESTONES = 20_000
MAX_IMPORT_DEPTH = MAX_DEPTH

CSV_COLUMNS = (
    "id",
    "parent_id",
    "title",
    "status",
    "target_date",
    "done_date",
    "notes",
    "link_kind",
    "link_value",
    # Appended so a CSV round trip keeps every field; a CSV without them imports fine.
    "why",
    "pay_effect",
    "renews_every_months",
)


# --- limits and messages -----------------------------------------------------------------------


def _export_message(error: OSError, path: Path) -> str:
    return f"Could not write {path}: {error.strerror or error}."


def _read_limited(path: Path, what: str) -> bytes:
    # The limit plan.json has too (MAX_PLAN_BYTES): what ptplanner saved or exported imports.
    try:
        return read_regular_file(path, MAX_PLAN_BYTES)
    except RefusedFileError as refused:
        raise PlanImportError(f"{path} {refused}; ptplanner will not import it.") from refused
    except OSError as error:
        raise PlanImportError(f"Cannot read {what} {path}: {error.strerror or error}.") from error


def _write_export(path: Path, data: bytes) -> None:
    if len(data) > MAX_PLAN_BYTES:
        # A file that could not be imported back is no export at all.
        raise SaveError(
            f"Not written: {path} would be {len(data) / 1024 / 1024:.1f} MiB, over the "
            f"{MAX_PLAN_BYTES // 1024 // 1024} MiB ptplanner can import again."
        )
    try:
        atomic_write(path, data)
    except OSError as error:
        raise SaveError(_export_message(error, path)) from error


def _check_limits(milestones: object) -> None:
    """Count and depth limits on a raw milestone list, before the validator builds objects."""
    count = 0
    stack: list[tuple[object, int]] = [(milestones, 1)]
    while stack:
        items, depth = stack.pop()
        if not isinstance(items, list):
            continue  # wrong shapes are for validation to report
        for item in items:
            count += 1
            if count > MAX_IMPORT_MILESTONES:
                raise PlanImportError(
                    f"The file has more than {MAX_IMPORT_MILESTONES:,} milestones; "
                    "ptplanner will not import it."
                )
            if depth > MAX_IMPORT_DEPTH:
                raise PlanImportError(
                    f"The file nests steps more than {MAX_IMPORT_DEPTH} levels deep; "
                    "ptplanner will not import it."
                )
            if isinstance(item, dict):
                stack.append((item.get("children", item.get("items")), depth + 1))


# --- JSON --------------------------------------------------------------------------------------


def import_plan_json(path: Path) -> Plan:
    """Read a plan exported as JSON (or any plan file). The current plan is not touched."""
    path = Path(path)
    data = _read_limited(path, "the file")
    try:
        raw = raw_from_bytes(data)
        version = schema_version_of(raw)
    except CorruptPlanError as error:
        raise PlanImportError(f"{path} is not a ptplanner plan: {error}.") from error
    if version > SCHEMA_VERSION:
        raise PlanImportError(
            f"{path} was made by a newer version of ptplanner (format {version}); update "
            "ptplanner to import it."
        )
    _check_limits(raw.get("milestones", raw.get("items")))
    try:
        return parse_plan(data)
    except (CorruptPlanError, NewerPlanError) as error:
        raise PlanImportError(f"{path} is not a ptplanner plan: {error}.") from error


def plan_to_json(plan: Plan) -> bytes:
    """The plan as indented JSON in the plan file format, for export."""
    return plan.model_dump_json(indent=2).encode("utf-8")


def export_plan_json(plan: Plan, path: Path) -> None:
    """Write the plan as JSON (the plan file format), atomically; raises SaveError."""
    _write_export(Path(path), plan_to_json(plan))


# --- CSV ---------------------------------------------------------------------------------------


def plan_to_csv(plan: Plan) -> str:
    """One row per milestone, parents before their sub-steps (see :data:`CSV_COLUMNS`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for node in plan.walk():
        m = node.milestone
        cells = [
            m.id,
            node.parent_id or "",
            m.title,
            m.status.value,
            m.target_date.isoformat() if m.target_date else "",
            m.done_date.isoformat() if m.done_date else "",
            m.notes,
            m.salary_link.kind if m.salary_link else "",
            m.salary_link.value if m.salary_link else "",
            m.why or "",
            m.pay_effect or "",
            "" if m.renews_every_months is None else str(m.renews_every_months),
        ]
        writer.writerow([csv_cell(cell) for cell in cells])
    return buffer.getvalue()


# What makes a spreadsheet read a cell as a formula (OWASP's "CSV injection" list).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _looks_escaped_or_formula(value: str) -> bool:
    # Apostrophes are skipped so that a text that really starts with "'=" gets one more on
    # export and keeps its own on import: the round trip is exact for every text.
    return value.lstrip("'").startswith(_FORMULA_STARTS)


def csv_cell(value: str) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if _looks_escaped_or_formula(value) else value


def cell_from_csv(cell: str) -> str:
    """The text :func:`csv_cell` was given; any other cell as it is (``'Tis`` stays)."""
    return cell[1:] if cell.startswith("'") and _looks_escaped_or_formula(cell) else cell


def export_plan_csv(plan: Plan, path: Path) -> None:
    """Write the plan as CSV (see :func:`plan_to_csv`), atomically; raises SaveError."""
    _write_export(Path(path), plan_to_csv(plan).encode("utf-8"))


@dataclass
class _CsvRow:
    line: int
    fields: dict[str, Any]
    parent_id: str | None
    children: list[str] = field(default_factory=list)


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    # strict: an unterminated quote is an error, not a field that silently swallows the rest.
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
        unknown = [name for name in header if name not in CSV_COLUMNS]
        if unknown or "title" not in header:
            problem = f"unknown column {unknown[0]!r}" if unknown else "no 'title' column"
            expected = ", ".join(CSV_COLUMNS)
            raise PlanImportError(f"The CSV file has {problem}; expected: {expected}.")
        for row in reader:
            if None in row:  # more cells than headers
                raise PlanImportError(f"Line {reader.line_num} of the CSV file has extra cells.")
            yield reader.line_num, {key: cell_from_csv(value or "") for key, value in row.items()}
    except csv.Error as error:
        # line_num is only advanced for rows read whole, so it names the last good line.
        problem = f"The CSV file is malformed after line {reader.line_num}: {error}."
        raise PlanImportError(problem) from error


def _csv_fields(line: int, row: dict[str, str]) -> dict[str, Any]:
    def text(name: str) -> str:
        return row.get(name, "").strip()

    link_kind, link_value = text("link_kind"), text("link_value")
    # A promotion link is a kind without a value (a value given with it is refused by SalaryLink).
    if bool(link_kind) != bool(link_value) and link_kind not in VALUELESS_LINK_KINDS:
        raise PlanImportError(
            f"Line {line}: link_kind and link_value must be given together "
            "(only a promotion has no link_value)."
        )
    renews = text("renews_every_months")
    months = whole_number(renews)
    if renews and months is None:
        raise PlanImportError(f"Line {line}: renews_every_months must be a whole number.")
    return {
        "title": row.get("title", ""),
        "status": text("status") or Status.NOT_STARTED.value,
        "target_date": text("target_date") or None,
        "done_date": text("done_date") or None,
        "notes": row.get("notes", ""),
        "salary_link": {"kind": link_kind, "value": link_value} if link_kind else None,
        "why": row.get("why") or None,
        "pay_effect": row.get("pay_effect") or None,
        "renews_every_months": months,
    }


def plan_from_csv(text: str, *, base: Plan | None = None) -> Plan:
    """Build a plan from CSV text; rows may come in any order, blank ids get new ones.

    The title and timestamps come from ``base`` (a fresh empty plan if None).
    """
    rows = _read_csv_rows(text)
    roots = _link_children(rows)
    _check_tree_shape(rows, roots)
    milestones = tuple(_build_milestone(rows, root) for root in roots)
    base = base or empty_plan()
    try:
        return Plan.model_validate({**dict(base), "milestones": milestones})
    except ValidationError as error:
        problem = f"The CSV file is not a valid plan: {first_validation_error(error)}."
        raise PlanImportError(problem) from error


def _read_csv_rows(text: str) -> dict[str, _CsvRow]:
    """The CSV's rows by milestone id, in file order, each row's fields checked."""
    rows: dict[str, _CsvRow] = {}
    for line, row in _csv_rows(text):
        if len(rows) >= MAX_IMPORT_MILESTONES:
            raise PlanImportError(
                f"The CSV file has more than {MAX_IMPORT_MILESTONES:,} milestones; "
                "ptplanner will not import it."
            )
        milestone_id = row.get("id", "").strip() or new_id()
        if milestone_id in rows:
            raise PlanImportError(f"Line {line}: the id {milestone_id!r} is used twice.")
        parent_id = row.get("parent_id", "").strip() or None
        rows[milestone_id] = _CsvRow(line, _csv_fields(line, row), parent_id)
    return rows


def _link_children(rows: dict[str, _CsvRow]) -> list[str]:
    """Fill in each row's children (in file order); returns the ids of the top-level rows."""
    roots: list[str] = []
    for milestone_id, entry in rows.items():
        if entry.parent_id is None:
            roots.append(milestone_id)
        elif entry.parent_id in rows:
            rows[entry.parent_id].children.append(milestone_id)
        else:
            raise PlanImportError(
                f"Line {entry.line}: parent_id {entry.parent_id!r} is not an id in the file."
            )
    return roots


def _check_tree_shape(rows: dict[str, _CsvRow], roots: list[str]) -> None:
    """Refuse a tree nested too deep, or rows no root reaches (parent loops)."""
    reached = 0
    stack = [(root, 1) for root in roots]
    while stack:
        milestone_id, depth = stack.pop()
        reached += 1
        if depth > MAX_IMPORT_DEPTH:
            raise PlanImportError(
                f"The CSV file nests steps more than {MAX_IMPORT_DEPTH} levels deep."
            )
        stack.extend((child, depth + 1) for child in rows[milestone_id].children)
    if reached != len(rows):
        raise PlanImportError("Some rows of the CSV file are their own parents (a loop).")


def _build_milestone(rows: dict[str, _CsvRow], milestone_id: str) -> Milestone:
    entry = rows[milestone_id]
    # Recursion depth is at most MAX_IMPORT_DEPTH: _check_tree_shape ran first.
    children = tuple(_build_milestone(rows, child) for child in entry.children)
    try:
        return Milestone.model_validate({"id": milestone_id, **entry.fields, "children": children})
    except ValidationError as error:
        raise PlanImportError(f"Line {entry.line}: {first_validation_error(error)}.") from error


def import_plan_csv(path: Path, *, base: Plan | None = None) -> Plan:
    """Read milestones from a CSV file (as written by :func:`export_plan_csv`)."""
    path = Path(path)
    data = _read_limited(path, "the CSV file")
    try:
        text = data.decode("utf-8-sig")  # spreadsheet programs often add a byte-order mark
    except UnicodeDecodeError as error:
        raise PlanImportError(f"{path} is not UTF-8 text.") from error
    return plan_from_csv(text, base=base)
