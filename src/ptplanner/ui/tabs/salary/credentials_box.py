"""The certification and skill boxes of the inputs panel, with what the plan supplies ticked.

A certification or skill the person's plan marks done counts in the projection whether or not
its box was ticked here; a box left unticked would say otherwise. So such a box shows ticked,
with "(from your plan)" on a line under it (beside it, a long skill's name would be cut off in a
narrow window), and cannot be unticked here: its tooltip sends the person to the plan step, the
one place that changes it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

FROM_PLAN = "(from your plan)"
PLAN_TIP = (
    "Your plan marks this step done, so it counts here.\n"
    "To change it, change the step in the Plan tab\n"
    '(or untick "Include my plan\'s milestones").'
)


class CredentialChecks(QGroupBox):
    """A check box per choice (id, label, description); ``checks`` maps id to box."""

    def __init__(
        self,
        title: str,
        kind: str,
        choices: Sequence[tuple[str, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        layout = QVBoxLayout(self)
        self.kind = kind
        self.checks: dict[str, QCheckBox] = {}
        self.plan_marks: dict[str, QLabel] = {}
        self._tips: dict[str, str] = {}
        for key, label, description in choices:
            check = QCheckBox(label)
            check.setAccessibleName(f"{kind.capitalize()} {label}")
            self.checks[key] = check
            self._tips[key] = description
            layout.addWidget(check)
            mark = QLabel(FROM_PLAN)
            mark.setIndent(24)
            mark.setProperty("role", "footnote")
            mark.hide()
            self.plan_marks[key] = mark
            layout.addWidget(mark)
            if description:
                check.setToolTip(description)
                # The full name wraps in a caption under the box: a long box label would clip.
                caption = QLabel(description)
                caption.setWordWrap(True)
                caption.setIndent(24)
                caption.setProperty("role", "footnote")
                layout.addWidget(caption)

    def person_ticked(self) -> set[str]:
        """What the person ticked: the boxes the plan fills are not theirs."""
        return {k for k, c in self.checks.items() if c.isChecked() and c.isEnabled()}

    def show_held(self, held: Collection[str], from_plan: Collection[str]) -> None:
        """Tick what is held; mark what the plan supplies and keep it from being unticked."""
        for key, check in self.checks.items():
            planned = key in from_plan
            check.setChecked(key in held or planned)
            check.setEnabled(not planned)
            check.setAccessibleDescription(FROM_PLAN if planned else self._tips[key])
            self.plan_marks[key].setVisible(planned)
            tip = "\n\n".join(t for t in (self._tips[key], PLAN_TIP if planned else "") if t)
            if check.toolTip() != tip:
                check.setToolTip(tip)
