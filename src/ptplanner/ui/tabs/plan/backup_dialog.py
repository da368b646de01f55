"""Restore from backup: the list of saved versions of the plan, with a preview of each.

The controller reads the backups (:class:`BackupSummary`); the dialog only shows them and says
which one the person picked.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.format import STATUS_LABELS, short_date
from ptplanner.core.plan.model import Plan, step_count
from ptplanner.core.storage.backups import BackupInfo
from ptplanner.ui.fitting import fit_to_screen


@dataclass(frozen=True)
class BackupSummary:
    """A saved version of the plan as the list shows it: its file, and its plan if it reads."""

    info: BackupInfo
    plan: Plan | None
    problem: str | None = None

    @property
    def count(self) -> int | None:
        return step_count(self.plan) if self.plan is not None else None


class BackupDialog(QDialog):
    """Saved versions of the plan, newest first, with a preview of the one selected."""

    def __init__(self, backups: list[BackupSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.resize(900, 520)
        self.backups = backups
        layout = QVBoxLayout(self)
        intro = QLabel(
            "ptplanner keeps a copy of your plan each time it saves over it. Pick a version "
            "to see what it holds; restoring it can be undone with Edit ▸ Undo."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QTreeWidget()
        self.list.setAccessibleName("Backups")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(["Saved", "Size", "Steps"])
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # a few dozen rows at most: measuring them is free
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for summary in backups:
            info = summary.info
            count = summary.count
            item = QTreeWidgetItem(
                [
                    info.saved_at.strftime("%Y-%m-%d %H:%M:%S")
                    + (f" ({info.tag})" if info.tag else ""),
                    _size(info.size),
                    "unreadable" if count is None else str(count),
                ]
            )
            item.setToolTip(0, str(info.path))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.list.addTopLevelItem(item)
        splitter.addWidget(self.list)

        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        preview_layout.addWidget(self.summary)
        self.preview = QTreeWidget()
        self.preview.setAccessibleName("Backup preview")
        self.preview.setHeaderLabels(["Step", "Status", "Target date"])
        preview_header = self.preview.header()
        preview_header.setStretchLastSection(False)
        preview_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        preview_header.resizeSection(1, 96)
        preview_header.resizeSection(2, 110)
        preview_layout.addWidget(self.preview)
        splitter.addWidget(preview_box)
        splitter.setSizes([330, 560])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            "Restore this version", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)

        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        if backups:
            self.select_row(0)
        else:
            self.summary.setText(
                "There are no backups yet: one is made each time the plan is saved."
            )
        self._show_selected()
        # Within the screen at 1024x768 or a scale of 150%: the list and preview scroll.
        fit_to_screen(self)

    def select_row(self, row: int) -> None:
        item = self.list.topLevelItem(row)
        if item is not None:
            self.list.setCurrentItem(item)

    def selected(self) -> BackupSummary | None:
        item = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(item) if item is not None else -1
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def selected_path(self) -> Path | None:
        summary = self.selected()
        return summary.info.path if summary is not None and summary.plan is not None else None

    def _show_selected(self) -> None:
        summary = self.selected()
        self.preview.clear()
        self.restore_button.setEnabled(summary is not None and summary.plan is not None)
        if summary is None:
            return
        if summary.plan is None:
            self.summary.setText(summary.problem or "This backup cannot be read.")
            return
        plan = summary.plan
        done, counted = plan.leaf_counts()  # counted: the step_count of every list
        self.summary.setText(
            f"<b>{escape(plan.title)}</b><br>{summary.info.saved_at:%A %d %B %Y, %H:%M} · "
            f"{done} of {counted} steps done"
        )
        items: dict[str | None, QTreeWidgetItem] = {}
        limit = 2000  # a preview, not an editor: enough to recognise the version
        for n, node in enumerate(plan.walk()):
            if n >= limit:
                break
            m = node.milestone
            item = QTreeWidgetItem([m.title, STATUS_LABELS[m.status], short_date(m.target_date)])
            parent = items.get(node.parent_id)
            if parent is None:
                self.preview.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[m.id] = item
        self.preview.expandToDepth(0)


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"
