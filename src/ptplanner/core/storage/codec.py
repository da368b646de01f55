"""Bytes of a plan file to a :class:`~ptplanner.core.plan.model.Plan`, whatever its version.

:func:`parse_plan` reads a current file on pydantic's fast path and otherwise works out whether
the bytes are older (migrated), newer (:class:`NewerPlanError`) or damaged
(:class:`CorruptPlanError`, with the reason in words); :func:`dump_plan` makes the bytes of a
plan file. :func:`gc_paused` keeps the garbage collector out of the way while a big plan is built.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterator

from pydantic import ValidationError

from ptplanner.core.plan.model import SCHEMA_VERSION, Milestone, Plan, depth_first
from ptplanner.core.storage.errors import CorruptPlanError, NewerPlanError
from ptplanner.core.storage.migrations import RawPlan, migrate, schema_version_of

MAX_PLAN_BYTES = 64 * 1024 * 1024
"""The one size limit for a plan's bytes: loading ``plan.json``, importing a JSON or CSV file.

Steps at their maximum field lengths could need more than a gigabyte, so no limit both stops a
hostile file from eating memory and fits every plan the model allows. Instead the writers keep
to it: the store refuses to save, and export to write, more than this, so every file ptplanner
writes can be opened and imported again. A plan of the import limit's 20,000 steps, each
with a few lines of notes, is about 12 MiB as JSON; a plan of 100,000 steps with short notes
(the largest the benchmarks use) about 35 MiB.
"""


def raw_from_bytes(data: bytes) -> RawPlan:
    """The JSON object in ``data``; CorruptPlanError if it is not JSON or not an object."""
    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptPlanError("it is not valid JSON (it may be cut short)") from error
    except ValueError as error:  # a number past Python's 4,300-digit conversion limit
        raise CorruptPlanError("it holds a number too long to read") from error
    except RecursionError as error:
        raise CorruptPlanError("it is nested too deeply") from error
    if not isinstance(raw, dict):
        raise CorruptPlanError("it does not contain a plan")
    return raw


def first_validation_error(error: ValidationError) -> str:
    """The first problem pydantic found, in plain words (core.messages), for a one-line message."""
    from ptplanner.core.messages import plain_message

    return plain_message(error)


@contextlib.contextmanager
def gc_paused(*, then_freeze: bool = False) -> Iterator[None]:
    """The cyclic garbage collector held off while a burst of lasting objects is built.

    Parsing a 10,000-step plan makes ~50,000 objects. With the collector on, every 700 new
    objects start a collection that walks the young ones again, and the burst ends in a full
    collection of the whole program: together nearly as long as the parse. Plans hold no
    reference cycles, so nothing is missed (garbage is freed by reference counting) and the
    collector simply carries on afterwards. Nested uses leave it to the outermost.

    ``then_freeze`` is for what stays for the rest of the session (the app's open plan and its
    index): on leaving, everything alive is frozen (``gc.freeze()``) and later collections skip
    it. Otherwise the first full collection after a big load walks it all, a pause that landed
    in the middle of the Plan tab's first paint (bench/README.md has the measurements). Frozen
    objects are still freed by reference counting when dropped; only cyclic garbage already
    waiting at that moment would stay, and at start-up there is next to none.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if then_freeze:
            gc.freeze()
        gc.enable()


def parse_plan_and_version(data: bytes) -> tuple[Plan, int]:
    """Bytes of a plan file -> (Plan, the file's own schema version).

    Raises CorruptPlanError or NewerPlanError.
    """
    with gc_paused():
        plan, version = _parse_bytes(data)
        share_field_name_sets(plan)
        return plan, version


def share_field_name_sets(plan: Plan) -> None:
    """Let the steps of a plan just read share their sets of field names.

    pydantic gives every model it makes from JSON a set of the names of the fields the file
    gave (``model_fields_set``): for a step with eleven fields that set is larger than the
    step's own attribute dict, nearly half of what a loaded plan takes in memory, and all of a
    plan's steps hold equal ones. Steps are frozen, and pydantic copies the set before it adds
    to it (``model_copy``), so one set per distinct content serves them all.
    """
    setter = object.__setattr__
    shared: list[set[str]] = []
    for step in depth_first(plan.milestones):
        for model in (step, step.salary_link):
            if model is None:
                continue
            names = model.__pydantic_fields_set__
            for one in shared:
                if one == names:
                    setter(model, "__pydantic_fields_set__", one)
                    break
            else:
                shared.append(names)


def _parse_bytes(data: bytes) -> tuple[Plan, int]:
    try:
        # Fast path for the usual case, a current file: pydantic parses the bytes itself, about
        # twice as fast as json.loads + model_validate on a 10,000-step plan.
        return Plan.model_validate_json(data), SCHEMA_VERSION
    except ValidationError:
        pass  # older, newer or damaged: the slow path below works out which and says why
    raw = raw_from_bytes(data)
    version = schema_version_of(raw)
    if version > SCHEMA_VERSION:
        raise NewerPlanError(version, raw)
    raw = migrate(raw)
    try:
        return Plan.model_validate(raw), version
    except ValidationError as error:
        problem = f"it is not a valid plan ({first_validation_error(error)})"
        raise CorruptPlanError(problem) from error


def parse_plan(data: bytes) -> Plan:
    """Bytes of a plan file of this or an older version -> Plan.

    Raises CorruptPlanError or NewerPlanError.
    """
    return parse_plan_and_version(data)[0]


def dump_plan(plan: Plan) -> bytes:
    """The bytes of ``plan.json`` for ``plan`` (UTF-8 JSON, indented one space per level).

    Straight from pydantic-core's serializer to bytes: ``model_dump_json`` makes a str first,
    and encoding that copies the whole file once more. A big plan is serialised one top-level
    step at a time (:func:`_dump_in_pieces`), to exactly the same bytes.
    """
    if len(plan.milestones) < _PIECES_FROM:
        return Plan.__pydantic_serializer__.to_json(plan, indent=1)
    return _dump_in_pieces(plan)


_PIECES_FROM = 200
"""Plans with this many top-level steps or more are serialised step by step."""
_EMPTY_MILESTONES = b'\n "milestones": []'
"""The milestones key of a plan without steps: at the top level, one space in, on a line of its
own (a string value cannot hold a raw newline, so no title can look like this)."""


def _dump_in_pieces(plan: Plan) -> bytes:
    """:func:`dump_plan` of a big plan, one call into the serializer per top-level step.

    The autosave serialises in a worker thread, and one call into pydantic-core holds Python's
    global lock until it returns: for the whole file of a 100,000-step plan, the window could
    not run any Python (paint, keys) meanwhile. Between these small calls the lock changes hands.
    Each step's JSON is indented two levels deeper by prefixing every line break: JSON strings
    escape their newlines, so every raw newline byte is the serializer's layout.
    """
    shell = Plan.__pydantic_serializer__.to_json(
        plan.model_copy(update={"milestones": ()}), indent=1
    )
    at = shell.index(_EMPTY_MILESTONES) + len(_EMPTY_MILESTONES) - 1
    to_json = Milestone.__pydantic_serializer__.to_json
    pieces = [shell[:at]]
    for step in plan.milestones:
        pieces += (b",\n  ", to_json(step, indent=1).replace(b"\n", b"\n  "))
    pieces[1] = b"\n  "  # the first step follows the bracket, not a comma
    pieces += (b"\n ", shell[at:])
    return b"".join(pieces)  # once: each copy of the whole file holds the lock while it runs


def best_effort_newer(raw: RawPlan) -> Plan | None:
    """Show what we can of a newer file (read-only); None if its shape changed too much."""
    try:
        return Plan.model_validate({**raw, "schema_version": SCHEMA_VERSION})
    except ValidationError:
        return None
