"""The Plan tab as a screen reader hears it: value labels say caption and value and stay current,
results and failed saves are announced, every control names what it sets, sub-steps say whose
they are, and the details panel is no focus stop of its own."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import OpenTab, key, row_of, select
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Plan
from ptplanner.ui.accessibility import last_announcement
from ptplanner.ui.tabs.plan.tab import PlanTab


def spoken(widget: QWidget) -> str:
    """The name Qt gives a screen reader for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def label_for(root: QWidget, widget: QWidget) -> QLabel:
    """The visible label whose buddy is ``widget``."""
    labels = [label for label in root.findChildren(QLabel) if label.buddy() is widget]
    assert len(labels) == 1, widget.accessibleName()
    return labels[0]


def test_the_header_says_caption_and_value_and_follows_the_plan(qtbot: QtBot, tab: PlanTab) -> None:
    header = tab.header
    assert spoken(header.title_label) == f"Plan title: {tab.controller.plan.title}"
    before = spoken(header.counts_label)
    assert before == f"Progress: {header.counts_label.text()}"
    assert spoken(header.save_label) == "Save status: All changes saved"
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Space)  # marks it done
    assert spoken(header.counts_label) != before
    assert spoken(header.counts_label) == f"Progress: {header.counts_label.text()}"


def test_a_failed_save_is_announced_once(
    qtbot: QtBot, tab: PlanTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ptplanner.core.storage.errors import SaveError

    def fail(plan: Plan) -> None:
        raise SaveError("ptplanner cannot write to the folder (read-only).")

    monkeypatch.setattr(tab.controller.store, "save", fail)
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Space)
    save_label = tab.header.save_label
    qtbot.waitUntil(lambda: last_announcement(save_label) != "", timeout=3000)
    assert last_announcement(save_label) == save_label.text() == "Not saved – retrying"
    assert spoken(save_label) == "Save status: Not saved – retrying"


def test_the_filter_result_is_spoken_and_announced(qtbot: QtBot, tab: PlanTab) -> None:
    tab.set_search("CMAA")
    label = tab.filter_result.label
    assert label.isVisible()
    assert label.text().startswith("3 of 6 steps match")
    assert spoken(label) == f"Filter result: {label.text()}"
    assert last_announcement(label) == label.text()
    tab.set_search("nothing like this")
    assert last_announcement(label) == "No steps match; 6 are hidden."


def test_the_status_filter_and_the_link_value_have_visible_labels(
    qtbot: QtBot, tab: PlanTab
) -> None:
    # On Linux a combo box is named after its current choice: only a label says what it sets.
    status = label_for(tab, tab.toolbar.status_filter)
    assert status.isVisible()
    assert status.text().replace("&", "") in tab.toolbar.status_filter.accessibleName()
    select(qtbot, tab, "cmaa")  # linked to a certification: the value row shows
    fields = tab.details.fields
    value = label_for(tab, fields.link_value_combo)
    assert value.isVisible()
    assert fields.link_value_combo.isVisible()
    assert value.text().replace("&", "") == fields.link_value_combo.accessibleName()
    select(qtbot, tab, "emr")  # no link: neither shows
    assert not value.isVisible()
    assert not fields.link_value_combo.isVisible()


def test_sub_steps_say_whose_they_are(tab: PlanTab) -> None:
    role = Qt.ItemDataRole.AccessibleTextRole
    assert (
        row_of(tab, "study")
        .data(role)
        .startswith("Study for the CMAA exam, sub-step of CMAA certification, not started")
    )
    assert "sub-step" not in row_of(tab, "cmaa").data(role)


def test_why_and_pay_effect_are_heard_with_their_captions(qtbot: QtBot, open_tab: OpenTab) -> None:
    from plan_tab_helpers import sample_plan

    plan = sample_plan()
    cmaa = plan.get("cmaa").model_copy(update={"why": "Employers ask for it."})
    tab = open_tab(plan.model_copy(update={"milestones": (plan.milestones[0], cmaa)}))
    select(qtbot, tab, "cmaa")
    fields = tab.details.fields
    assert spoken(fields.why_label) == "Why it matters: Employers ask for it."
    assert fields.pay_label.text()
    assert spoken(fields.pay_label) == f"Pay effect: {fields.pay_label.text()}"


def test_details_take_no_focus_of_their_own_and_dates_explain_their_parts(tab: PlanTab) -> None:
    assert tab.details.focusPolicy() == Qt.FocusPolicy.NoFocus
    for edit in (tab.details.fields.target_edit, tab.details.fields.done_edit):
        description = edit.accessibleDescription()
        assert "Left and Right arrows" in description
        assert "Up and Down" in description
