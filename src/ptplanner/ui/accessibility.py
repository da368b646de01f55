"""What a screen reader hears: value labels named "caption: value", plain-text descriptions and
spoken announcements, shared by every tab.

Qt names a label after its text unless it has an accessible name; a label given a fixed name
("Typical base pay") is then heard by its caption alone and its figure never. A value label is
named here "caption: value" instead, and renamed whenever its text changes.

Qt also takes a widget's accessible description from its tooltip when none is set, so a rich
tooltip is read out as raw HTML; :func:`set_tip` sets the tooltip and a plain-text description
together.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleEvent, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QWidget

try:  # Qt 6.8+; an older Qt gets the name-change fallback below
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - the supported PySide6 (6.11+) has it
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

CAPTION_PROPERTY = "a11yCaption"  # the caption a value label is named with
ANNOUNCEMENT_PROPERTY = "a11yAnnouncement"  # the last thing announced from a widget


def plain_text(text: str) -> str:
    """``text`` as words to be spoken: rich text (HTML) reduced to plain lines, others unchanged."""
    if "<" not in text:
        return text
    return QTextDocumentFragment.fromHtml(text).toPlainText().strip()


def spoken_name(caption: str, text: str) -> str:
    """ "Typical base pay, 2026: $38,575" (the caption alone while there is no value)."""
    value = " ".join(plain_text(text).split())
    return f"{caption}: {value}" if value else caption


def name_with_value(label: QLabel, caption: str) -> str:
    """Name ``label`` "caption: its text" so both are heard, and remember the caption.

    Call :func:`refresh_name` (or set the text with :func:`set_value`) after each change of
    text; setting the name again tells a screen reader the value changed. Returns the name.
    """
    label.setProperty(CAPTION_PROPERTY, caption)
    return refresh_name(label)


def refresh_name(label: QLabel) -> str:
    """Rename a label named by :func:`name_with_value` after its text; returns the name."""
    caption = label.property(CAPTION_PROPERTY)
    if not isinstance(caption, str):
        return label.accessibleName()
    name = spoken_name(caption, label.text())
    if label.accessibleName() != name:
        label.setAccessibleName(name)  # Qt posts NameChanged, so the new value is heard
    return name


def set_value(label: QLabel, text: str) -> None:
    """Set a value label's text and its "caption: value" name together."""
    label.setText(text)
    refresh_name(label)


def set_tip(widget: QWidget, tip: str) -> None:
    """Set a (possibly rich) tooltip and the same words as a plain-text description."""
    widget.setToolTip(tip)
    widget.setAccessibleDescription(plain_text(tip))


def plain_descriptions(root: QWidget) -> None:
    """Give every widget under ``root`` with a rich tooltip and no description a plain one.

    For tooltips set once at construction; a tooltip that changes later goes through
    :func:`set_tip`.
    """
    for widget in [root, *root.findChildren(QWidget)]:
        tip = widget.toolTip()
        if tip and not widget.accessibleDescription() and "<" in tip:
            widget.setAccessibleDescription(plain_text(tip))


def announce(widget: QObject, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say ``text`` (a result, a problem) without moving the focus.

    ``assertive`` interrupts what is being read (for errors); otherwise it waits its turn. The
    text is also kept on the widget (see :func:`last_announcement`) for tests to check.
    """
    widget.setProperty(ANNOUNCEMENT_PROPERTY, text)
    if QAccessibleAnnouncementEvent is not None:
        event = QAccessibleAnnouncementEvent(widget, text)
        event.setPoliteness(
            QAccessible.AnnouncementPoliteness.Assertive
            if assertive
            else QAccessible.AnnouncementPoliteness.Polite
        )
        QAccessible.updateAccessibility(event)
    else:  # pragma: no cover - a name change is what older screen readers pick up
        if isinstance(widget, QWidget):
            widget.setAccessibleName(text)
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))


def last_announcement(widget: QObject) -> str:
    """The last text :func:`announce` said from ``widget`` ("" if none)."""
    value = widget.property(ANNOUNCEMENT_PROPERTY)
    return value if isinstance(value, str) else ""
