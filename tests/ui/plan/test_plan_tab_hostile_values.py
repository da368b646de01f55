"""Hostile values in the plan (issue 18) as the window meets them: a far-off date written by an
older ptplanner, and step titles that look like HTML in the banners."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import TODAY, OpenTab
from PySide6.QtCore import Qt

from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.storage.store import PlanStore
from ptplanner.ui.tabs.plan import controller as controller_module
from ptplanner.ui.tabs.plan.controller import PlanController

FAR_PLAN = {
    "schema_version": 1,
    "title": "Written by an older ptplanner",
    "created": "2024-01-01T00:00:00Z",
    "modified": "2024-01-01T00:00:00Z",
    "milestones": [
        {
            "id": "far-step",
            "title": "Far",
            "target_date": "9999-12-31",
            "salary_link": {"kind": "certification", "value": "cmaa"},
        },
    ],
}


def write_far_plan(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(FAR_PLAN), encoding="utf-8")


def test_a_plan_with_a_date_after_2200_opens_with_a_notice(plan_path: Path) -> None:
    write_far_plan(plan_path)
    controller = PlanController(plan_path, today=lambda: TODAY)
    try:
        assert not controller.read_only
        assert controller.plan.get("far-step").target_date is None
        banner = controller.banner("load")
        assert banner is not None
        assert "'Far'" in banner.text
        assert "9999-12-31" in banner.text
    finally:
        controller.close()


def test_a_controller_that_fails_to_build_releases_the_plan_lock(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_far_plan(plan_path)

    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(controller_module, "PlanIndex", broken)
    with pytest.raises(RuntimeError, match="boom"):
        PlanController(plan_path, today=lambda: TODAY)
    with PlanStore(plan_path) as store:
        assert not store.load().read_only  # the lock was given back


@pytest.mark.parametrize(
    "title",
    [
        "<b>Pay</b> <a href='https://example.com'>your fee here</a>",
        "<img src='x'>Renew CMAA",
    ],
)
def test_the_due_date_banner_shows_step_titles_as_plain_text(open_tab: OpenTab, title: str) -> None:
    plan = Plan(milestones=(Milestone(title=title, target_date=TODAY + timedelta(days=3)),))
    tab = open_tab(plan)
    shown = [w for w in tab.banner_area.widgets() if title[:20] in w.label.text()]
    assert shown, [w.label.text() for w in tab.banner_area.widgets()]
    for widget in tab.banner_area.widgets():
        assert widget.label.textFormat() is Qt.TextFormat.PlainText
