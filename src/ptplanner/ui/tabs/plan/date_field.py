"""A date field that takes a date typed the way people write one, or says plainly why not.

Qt's date edit reads typing part by part against its display format ("Mar 6, 2027"): a person who
selects the whole field and types "2027-03-15" or "3/15/2027" got some other day without a word.
:class:`TypedDateEdit` keeps the parts (arrow keys, Up and Down, the calendar) but once a person
types over the selection it collects the text freely and reads it on Enter, Tab or leaving the
field with :func:`parse_typed_date`: ISO, the locale's short and long forms, month names in
either order. Text that is no date is refused: the field goes back to the date it had, and
:attr:`TypedDateEdit.refused` says what was typed so the panel can show a message.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})$")
_TOKENS = re.compile(r"[^\W\d_]+\.?|\d+")


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _as_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _full_year(year: int, digits: int) -> int:
    # Two-digit years are this century's: nobody plans a step for 1927.
    return 2000 + year if digits <= 2 else year


def _month_number(word: str, locale: QLocale) -> int | None:
    word = word.rstrip(".").casefold()
    if len(word) < 3:
        return None
    for number in range(1, 13):
        names = {
            ENGLISH_MONTHS[number - 1],
            locale.monthName(number, QLocale.FormatType.LongFormat).casefold(),
            locale.standaloneMonthName(number, QLocale.FormatType.LongFormat).casefold(),
        }
        if any(name.startswith(word) for name in names):
            return number
    return None


def _month_first(locale: QLocale) -> bool:
    """Whether the locale writes the month before the day in numbers (3/15/2027)."""
    if locale.language() == QLocale.Language.C:
        return True  # the app's own dates read "Mar 15, 2027"
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return short.find("M") < short.find("d")


def _numeric(text: str, locale: QLocale) -> date | None:
    found = _NUMERIC.match(text)
    if found is None:
        return None
    first, second, year_text = found.groups()
    year = _full_year(int(year_text), len(year_text))
    month, day = (int(first), int(second))
    if not _month_first(locale):
        month, day = day, month
    # The other order only when the locale's is impossible (a 15th month) and it is not.
    return _day(year, month, day) or _day(year, day, month)


def _with_month_name(text: str, locale: QLocale) -> date | None:
    """ "Mar 15, 2027", "March 15 2027", "15 March 2027", "Fri, 15 Mar 2027"."""
    month: int | None = None
    numbers: list[str] = []
    for token in _TOKENS.findall(text):
        if token.isdigit():
            numbers.append(token)
            continue
        number = _month_number(token, locale)
        if number is not None and month is None:
            month = number
        elif number is not None:
            return None  # two month names
    if month is None or len(numbers) != 2:
        return None
    years = [n for n in numbers if len(n) == 4]
    if len(years) != 1 or any(len(n) > 2 for n in numbers if n is not years[0]):
        return None
    day_text = next(n for n in numbers if n is not years[0])
    return _day(int(years[0]), month, int(day_text))


def _locale_forms(text: str, locale: QLocale) -> date | None:
    for form in (
        QLocale.FormatType.LongFormat,
        QLocale.FormatType.ShortFormat,
        QLocale.FormatType.NarrowFormat,
    ):
        parsed = locale.toDate(text, form, 2000)
        if parsed.isValid():
            return _as_date(parsed)
    return None


def parse_typed_date(text: str, locale: QLocale | None = None) -> date | None:
    """The date ``text`` names, or None if it names none (or an impossible one, as Feb 30).

    Reads ISO (2027-03-15), numbers in the locale's order (3/15/2027 in the US), the locale's
    own short and long forms, and a month name with a day and a four-digit year in any order.
    """
    locale = locale or QLocale()
    text = " ".join(text.split())
    if not text:
        return None
    iso = _ISO.match(text)
    if iso is not None:
        return _day(*(int(part) for part in iso.groups()))
    return _locale_forms(text, locale) or _numeric(text, locale) or _with_month_name(text, locale)


class TypedDateEdit(QDateEdit):
    """A date edit that also takes a whole date typed over its text (see the module)."""

    refused = Signal(str)
    """The text typed that is no date in the field's range; the field kept its date."""

    accepted = Signal()
    """A typed date was taken (the panel clears a message about an earlier one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typing = False

    # --- free typing ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        line = self.lineEdit()
        whole = line.hasSelectedText() and line.selectedText() == line.text()
        if text and text.isprintable() and plain and (self._typing or whole):
            # Typing over the whole field: take the text as written, read it on commit. (Typing
            # into one selected part still goes part by part, as Qt does it.)
            if not self._typing:
                # Qt's date edit puts its text back in its parts on every cursor move; while a
                # whole date is typed it must not hear of it (it does again on commit).
                self._typing = True
                line.blockSignals(True)
            line.insert(text)
            event.accept()
            return
        if self._typing and event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            if event.key() == Qt.Key.Key_Backspace:
                line.backspace()
            else:
                line.del_()
            event.accept()
            return
        if self._typing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit_typed()
        elif self._typing and event.key() == Qt.Key.Key_Escape:
            self._restore()
        super().keyPressEvent(event)

    def validate(self, input: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._typing:
            # Anything may be on its way to a date; it is read on commit.
            state = QValidator.State.Intermediate
            if parse_typed_date(input) is not None:
                state = QValidator.State.Acceptable
            return state, input, pos
        return super().validate(input, pos)

    def focusNextPrevChild(self, next: bool) -> bool:
        if self._typing:
            # Tab leaves the field with the date typed, rather than stepping through the parts
            # of a text that has none.
            self.commit_typed()
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._typing:
            self.commit_typed()
        super().focusOutEvent(event)

    # --- reading what was typed ------------------------------------------------------------

    def commit_typed(self) -> None:
        """Read the typed text: set its date, or refuse it and show the date kept."""
        if not self._typing:
            return
        text = self.lineEdit().text()
        self._typing = False
        self.lineEdit().blockSignals(False)
        parsed = parse_typed_date(text)
        low, high = _as_date(self.minimumDate()), _as_date(self.maximumDate())
        if parsed is not None and low < parsed <= high:
            self.setDate(QDate(parsed.year, parsed.month, parsed.day))
            self._restore()  # shown in the field's own format, even if the date is unchanged
            self.accepted.emit()
            return
        self._restore()
        self.refused.emit(text.strip())

    def _restore(self) -> None:
        self._typing = False
        self.lineEdit().blockSignals(False)
        blank = self.date() == self.minimumDate() and self.specialValueText()
        self.lineEdit().setText(blank or self.textFromDateTime(self.dateTime()))

    def set_invalid(self, invalid: bool, colour: str = "") -> None:
        """Mark the field (a red frame) while a message below it says what was refused."""
        self.setProperty("invalid", invalid or None)
        self.setStyleSheet(f"QDateEdit {{ border: 2px solid {colour}; }}" if invalid else "")
