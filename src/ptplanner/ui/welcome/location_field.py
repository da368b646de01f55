"""The welcome page's "Where you live" box: a place typed as people say it, with suggestions.

The Salary tab has a location box of its own, but a tab's widgets are its own (no package
imports a tab's), so this is a line edit with a completer over the same core search,
:func:`ptplanner.core.locations.find_area`, which also decides what a typed name means.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ptplanner.core.locations import LocationError, find_area, usable_areas


class LocationField(QLineEdit):
    """A line edit that resolves what was typed to one wage area (``area_name``), or says why not.

    ``resolved`` is emitted with the area's name, or an empty name and the reason.
    """

    resolved = Signal(str, str)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAccessibleName("Where you live")
        self.setPlaceholderText("A city, a state, or National")
        self.setClearButtonEnabled(True)
        names = QStringListModel([area.name for area in usable_areas()], self)
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.area_name: str | None = None
        self.problem = ""
        self.textChanged.connect(self._resolve)
        self._resolve(self.text())

    def _resolve(self, text: str) -> None:
        try:
            self.area_name, self.problem = find_area(text).name, ""
        except LocationError as error:
            self.area_name, self.problem = None, _sentence(str(error))
        self.resolved.emit(self.area_name or "", self.problem)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?")) else ".")
