"""The question asked when the plan's latest changes cannot be saved before the window closes."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_unsaved(parent: QWidget | None, reason: str) -> str:
    """Retry, export a copy, quit without saving or stay: "retry", "export", "discard" or
    "cancel". ``reason``: why the last save failed, shown under the question."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Your plan is not saved")
    box.setText("Your latest changes to the plan could not be saved.")
    box.setInformativeText(reason)
    retry = box.addButton("Retry", QMessageBox.ButtonRole.AcceptRole)
    export = box.addButton("Export a copy…", QMessageBox.ButtonRole.ActionRole)
    discard = box.addButton("Quit without saving", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is retry:
        return "retry"
    if clicked is export:
        return "export"
    if clicked is discard:
        return "discard"
    return "cancel"
