"""Saving checks what it wrote cheaply (issue 19): by size and hash of the bytes read back, never
by parsing the plan again; a short write never replaces the plan; the store knows its own file
afterwards from a stat alone, and a file put there by someone else it does not."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.plan.operations import add_milestone
from ptplanner.core.plan.template import ready_plan
from ptplanner.core.storage.disk_check import file_identity
from ptplanner.core.storage.errors import SaveError
from ptplanner.core.storage.store import PlanStore

TODAY = date(2026, 11, 25)


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return tmp_path / "plans" / "plan.json"


def test_saves_never_parse_the_plan_again(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with PlanStore(plan_path) as store:
        store.load()
        store.save(ready_plan(TODAY))

        def no_parsing(*_args: Any, **_kwargs: Any) -> Plan:
            raise AssertionError("the plan's bytes were parsed during a save")

        monkeypatch.setattr(Plan, "model_validate_json", no_parsing)
        first = add_milestone(store.last_saved or Plan(), Milestone(title="Shadow a coordinator"))
        store.save(first.plan)  # right after the last save: the identity check hashes the bytes
        second = add_milestone(first.plan, Milestone(title="Call two clinics"))
        store.save(second.plan)
        monkeypatch.undo()
    with PlanStore(plan_path) as again:
        titles = [m.title for m in again.load().plan.milestones]
    assert titles[-2:] == ["Shadow a coordinator", "Call two clinics"]


def test_a_short_write_never_replaces_the_plan(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with PlanStore(plan_path) as store:
        store.load()
        store.save(ready_plan(TODAY))
        before = plan_path.read_bytes()
        real_fdopen = os.fdopen

        class ShortWrites(io.BufferedRandom):
            def write(self, data: Any) -> int:
                return super().write(bytes(data)[:-7])  # a disk that quietly drops the end

        def short_fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = real_fdopen(fd, mode, *args, **kwargs)
            if "b" in mode and "+" in mode:
                assert isinstance(handle, io.BufferedRandom)
                return ShortWrites(handle.detach())
            return handle

        monkeypatch.setattr(os, "fdopen", short_fdopen)
        with pytest.raises(SaveError, match="not the size it should be"):
            store.save(Plan(title="Never half saved"))
        monkeypatch.undo()
    assert plan_path.read_bytes() == before
    assert not list(plan_path.parent.glob(".plan.json.*.tmp"))


def test_the_store_knows_its_own_file_from_a_stat(plan_path: Path) -> None:
    with PlanStore(plan_path) as store:
        store.load()
        store.save(ready_plan(TODAY))
        assert store.is_known_version(file_identity(plan_path))

        # A sync tool's replacement: a new file renamed over the plan.
        other = plan_path.parent / ".sync.tmp"
        other.write_bytes(plan_path.read_bytes())
        os.replace(other, plan_path)
        assert not store.is_known_version(file_identity(plan_path))
