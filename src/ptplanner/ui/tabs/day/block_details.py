"""The details panel of the "A day in the life" tab: everything about the selected block.

Its time and kind, what happens, the skills it uses (by the overview's skill titles) and the
O*NET tasks it matches, with their attribution and the block's source.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ptplanner.core import content
from ptplanner.core.day import DayBlock, DayTimeline
from ptplanner.core.onet import OnetData
from ptplanner.core.sources import Cited
from ptplanner.ui.accessibility import set_tip
from ptplanner.ui.tabs.day.time_text import duration_text
from ptplanner.ui.widgets import (
    Footnote,
    bullet_html,
    citation_text,
    citation_tooltip,
    make_label,
)


class BlockDetails(QWidget):
    """Everything about the selected block: time, kind, what happens, skills, O*NET tasks."""

    def __init__(
        self, timeline: DayTimeline, onet: OnetData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.onet = onet
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        top = QHBoxLayout()
        top.setSpacing(8)
        self.time_label = make_label("", "subheading")
        self.time_label.setWordWrap(False)
        top.addWidget(self.time_label)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("kindBadge")
        top.addWidget(self.kind_label, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        self.previous_button = QPushButton("◀ Earlier")
        self.previous_button.setAccessibleName("Previous block")
        self.previous_button.setToolTip("Select the block before this one (Left arrow)")
        self.next_button = QPushButton("Later ▶")
        self.next_button.setAccessibleName("Next block")
        self.next_button.setToolTip("Select the block after this one (Right arrow)")
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        layout.addLayout(top)

        self.title_label = make_label("", "heading")
        layout.addWidget(self.title_label)
        self.description_label = make_label("")
        layout.addWidget(self.description_label)

        self.skills_heading = make_label("Skills it uses", "subheading")
        self.skills_heading.setContentsMargins(0, 6, 0, 0)
        self.skills_label = make_label("", rich=True)
        layout.addWidget(self.skills_heading)
        layout.addWidget(self.skills_label)

        self.tasks_heading = make_label("Related O*NET tasks", "subheading")
        self.tasks_heading.setContentsMargins(0, 6, 0, 0)
        self.tasks_label = make_label("", rich=True)
        onet_cite = Cited(source=onet.source, date=onet.date)
        self.attribution_label = Footnote(
            f"{citation_text([onet_cite])}. {onet.attribution}", citation_tooltip([onet_cite])
        )
        layout.addWidget(self.tasks_heading)
        layout.addWidget(self.tasks_label)
        layout.addWidget(self.attribution_label)

        self.source_label = Footnote("")
        layout.addWidget(self.source_label)

    def show_block(self, block: DayBlock) -> None:
        style = self.timeline.style(block.kind)
        self.time_label.setText(
            f"{block.start}–{block.end} · {duration_text(block.duration_minutes)}"
        )
        self.kind_label.setText(style.label)
        # The kind's own colours (an accent chosen to read on light and dark backgrounds).
        self.kind_label.setStyleSheet(
            f"QLabel#kindBadge {{ background-color: {style.colour}; color: {style.text_colour};"
            " border-radius: 4px; padding: 2px 8px; }"
        )
        self.kind_label.setAccessibleName(f"Kind of work: {style.label}")
        self.title_label.setText(block.title)
        self.description_label.setText(block.description)

        skills = [self._skill_title(skill_id) for skill_id in block.skills]
        self.skills_label.setText(bullet_html(skills))
        for widget in (self.skills_heading, self.skills_label):
            widget.setVisible(bool(skills))

        tasks = []
        for task_id in block.onet_task_ids:
            try:
                statement = self.onet.occupation(content.ROLE_SOC).task(task_id).statement
            except KeyError:
                continue
            tasks.append(f"{statement} (O*NET task {task_id})")
        self.tasks_label.setText(bullet_html(tasks))
        for widget in (self.tasks_heading, self.tasks_label, self.attribution_label):
            widget.setVisible(bool(tasks))

        self.source_label.setText(citation_text([block]))
        set_tip(self.source_label, citation_tooltip([block]))

    @staticmethod
    def _skill_title(skill_id: str) -> str:
        try:
            return content.overview().skill(skill_id).title
        except KeyError:
            return skill_id.replace("_", " ")

    def text(self) -> str:
        """All text the panel shows right now, top to bottom (for tests and screen readers)."""
        parts = []
        for label in self.findChildren(QLabel):
            if label.isVisibleTo(self) and label.text():
                text = label.text()
                if label.textFormat() == Qt.TextFormat.RichText:
                    document = QTextDocument()
                    document.setHtml(text)
                    text = document.toPlainText().strip()
                parts.append(text)
        return "\n".join(parts)
