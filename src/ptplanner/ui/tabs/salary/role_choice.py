"""The "Current role" choice: the career ladder's rungs, each with its BLS occupation and usual
prerequisites in its tooltip (shown for information; ptplanner never enforces them)."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from ptplanner.core.knowledge import industry_wages
from ptplanner.core.salary.ladder import ladder
from ptplanner.core.salary.model import Rung
from ptplanner.core.sources import source_catalog
from ptplanner.ui.fitting import FittedComboBox

TIP_WIDTH = 64  # characters a tooltip line holds: Qt does not wrap plain-text tooltips


def rung_tip(job: Rung) -> str:
    """What a rung is, in BLS's terms, and what it usually takes."""
    occupation = industry_wages().in_pt_offices(job.soc_code).title
    source = source_catalog().get(job.prerequisites_source).short
    lines = [
        job.title,
        f"BLS occupation: {job.soc_code} {occupation}",
        *textwrap.wrap(f"Usually takes ({source}): {job.prerequisites}", TIP_WIDTH),
    ]
    if "not required" not in job.prerequisites:
        lines.append("Shown, not required: ptplanner does not check these.")
    return "\n".join(lines)


def role_combo(parent: QWidget | None = None) -> FittedComboBox:
    """A combo box of the ladder's rungs, lowest first; each item's data is the rung's id."""
    combo = FittedComboBox(parent)
    combo.setAccessibleName("Current role")
    for at, job in enumerate(ladder()):
        combo.addItem(job.title, job.id)
        combo.setItemData(at, rung_tip(job), Qt.ItemDataRole.ToolTipRole)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def current_rung_tip(combo: QComboBox) -> str:
    """The tooltip of the rung on show."""
    tip = combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
    return str(tip or "")
