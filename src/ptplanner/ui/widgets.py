"""Small widgets and formats shared by the tabs: money and range text, citation footnotes with
their source tooltips, muted captions that stay readable in light and dark schemes, and cards.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Literal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.content import (
    FigureRange,
)
from ptplanner.core.format import money
from ptplanner.core.sources import Cited, Figure, source_catalog

# --------------------------------------------------------------------------- formatting


_PER = {"USD/year": " a year", "USD/hour": " an hour"}


def range_text(value: FigureRange) -> str:
    """A cited range as a reader writes it: "$2,000–$5,000+ a year", "15–25%"."""
    plus = "+" if value.open_ended else ""
    if value.unit in _PER:
        return f"{money(value.low)}–{money(value.high)}{plus}{_PER[value.unit]}"
    if value.unit == "percent":
        return f"{value.low:g}–{value.high:g}%{plus}"
    return f"{value.low:g}–{value.high:g}{plus} years"


def figure_text(value: Figure) -> str:
    """One cited number with its unit: "4.2%", "85.9 thousand", "$41,420 a year"."""
    if value.unit == "percent":
        return f"{value.value:g}%"
    if value.unit == "thousands":
        return f"{value.value:g} thousand"
    if value.unit in _PER:
        return money(value.value) + _PER[value.unit]
    if value.unit == "count":
        return f"{value.value:,.0f}"
    if value.unit == "years":
        return f"{value.value:g} years"
    return f"{value.value:g}"


def _unique_cites(cites: Iterable[Cited]) -> list[Cited]:
    seen: set[tuple[str, str]] = set()
    unique: list[Cited] = []
    for cite in cites:
        if (cite.source, cite.date) not in seen:
            seen.add((cite.source, cite.date))
            unique.append(cite)
    return unique


def _names_date(short: str, date: str) -> bool:
    """Whether a source's short name already says the date ("BLS OEWS, May 2025").

    A period counts as named when its first year is there in full and the later ones at least
    by their last two digits ("2022-32" names "2022-2032").
    """
    if date in short:
        return True
    years = re.findall(r"\d{4}", date)
    return bool(years) and years[0] in short and all(year[2:] in short for year in years[1:])


def citation_text(cites: Iterable[Cited], prefix: str = "Source") -> str:
    """The footnote line: "Source: BLS OEWS, May 2025" (the date is added when not in the name)."""
    catalog = source_catalog()
    parts = []
    for cite in _unique_cites(cites):
        source = catalog.get(cite.source)
        parts.append(
            source.short if _names_date(source.short, cite.date) else f"{source.short}, {cite.date}"
        )
    label = prefix if len(parts) == 1 else f"{prefix}s"
    return f"{label}: " + "; ".join(parts)


def citation_tooltip(cites: Iterable[Cited], extra: str = "") -> str:
    """Rich-text tooltip with each source's full title, publisher, date and licence."""
    catalog = source_catalog()
    blocks = []
    for cite in _unique_cites(cites):
        source = catalog.get(cite.source)
        lines = [
            f"<b>{html.escape(source.title)}</b>",
            html.escape(f"{source.publisher} · {cite.date}"),
            html.escape(f"Licence: {source.licence}"),
        ]
        if source.attribution:
            lines.append(html.escape(source.attribution))
        blocks.append("<br>".join(lines))
    if extra:
        blocks.append(html.escape(extra))
    return "<p style='white-space:pre-wrap'>" + "<br><br>".join(blocks) + "</p>"


def mix(first: QColor, second: QColor, amount: float) -> QColor:
    """``amount`` of ``first`` blended into ``second`` (opaque)."""
    rest = 1.0 - amount
    return QColor(
        round(first.red() * amount + second.red() * rest),
        round(first.green() * amount + second.green() * rest),
        round(first.blue() * amount + second.blue() * rest),
    )


def muted_colour(palette: QPalette) -> QColor:
    # 62% text on the window colour: visibly secondary yet above 4.5:1 contrast on both the
    # window and the (lighter or darker) card background, in light and dark schemes alike.
    return mix(
        palette.color(QPalette.ColorRole.WindowText),
        palette.color(QPalette.ColorRole.Window),
        0.62,
    )


def check_box_palette(palette: QPalette) -> QPalette:
    """``palette`` for drawing check boxes, with a window colour that gives them an outline.

    Fusion outlines a check box in the window colour darkened by 40%: on a dark window that is
    about the colour of the box itself, and the box all but disappears. A check box paints
    nothing else on screen in the window colour (its background is its parent's), and neither
    does an item view's cell.
    """
    adjusted = QPalette(palette)
    adjusted.setColor(QPalette.ColorRole.Window, QColor("#a0a0a8"))
    return adjusted


def bullet_html(items: Sequence[str]) -> str:
    """Escaped items as a hanging-indent bullet list (a table: QLabel lists indent 40 px)."""
    rows = "".join(
        f"<tr><td style='padding-right:6px'>•</td><td>{html.escape(item)}</td></tr>"
        for item in items
    )
    return f"<table cellspacing='0' cellpadding='1'>{rows}</table>"


# --------------------------------------------------------------------------- small widgets


LabelRole = Literal["body", "title", "heading", "subheading", "big"]
_ROLE_FONT: dict[str, tuple[float, bool]] = {
    "body": (1.0, False),
    "title": (1.12, True),
    "subheading": (1.08, True),
    "heading": (1.5, True),
    "big": (1.9, True),
}


def make_label(
    text: str, role: LabelRole = "body", *, rich: bool = False, selectable: bool = False
) -> QLabel:
    """A word-wrapped label; plain text unless ``rich`` (escape data then).

    Not mouse-selectable unless asked: a selectable label keeps a text document of its own,
    which across the Overview's few hundred labels doubled the time the tab takes to show and
    cost megabytes. Cards offer "Copy text" on right-click instead (see :class:`Card`).
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    scale, bold = _ROLE_FONT[role]
    if scale != 1.0 or bold:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    if role in ("heading", "subheading"):
        label.setAccessibleName(text)
    return label


class MutedLabel(QLabel):
    """Secondary text (footnotes, kickers) in a grey derived from the live palette.

    The colour is re-derived by :func:`tint_muted` whenever the tab's palette changes, so a switch
    between light and dark schemes keeps it readable.
    """

    def __init__(self, text: str, tooltip: str = "", *, small: bool = True) -> None:
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        if small:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 0.88)
            self.setFont(font)
        if tooltip:
            self.setToolTip(tooltip)


class Footnote(MutedLabel):
    """The source-and-date line under a figure or text."""


def footnote(cites: Iterable[Cited], extra: str = "") -> Footnote:
    cites = list(cites)
    text = citation_text(cites)
    if extra:
        text = f"{text} · {extra}"
    return Footnote(text, citation_tooltip(cites))


def tint_muted(root: QWidget) -> None:
    """Give every :class:`MutedLabel` under ``root`` the muted colour of ``root``'s palette."""
    colour = muted_colour(root.palette())
    for label in root.findChildren(MutedLabel):
        palette = QPalette(label.palette())
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)


class Card(QFrame):
    """A rounded panel on the base colour with a thin border; ``dashed`` for "for comparison".

    Painted here rather than with a style sheet: a sheet on the tab would route every label
    through the (much slower) style-sheet style and double the time the tab takes to show.
    Right-click offers "Copy text": the card's words, figures and sources as plain text.
    """

    def __init__(self, parent: QWidget | None = None, *, dashed: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.dashed = dashed
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.setSpacing(6)

    def add(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget

    def plain_text(self) -> str:
        """Every label's text in reading order, rich text reduced to plain lines."""
        lines = []
        for label in self.findChildren(QLabel):
            if not label.isVisibleTo(self) or not label.text():
                continue
            if label.textFormat() == Qt.TextFormat.PlainText:
                lines.append(label.text())
            else:
                lines.append(QTextDocumentFragment.fromHtml(label.text()).toPlainText())
        return "\n".join(lines)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        copy = menu.addAction("Copy text")
        copy.triggered.connect(self.copy_text)
        menu.exec(event.globalPos())

    def copy_text(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.plain_text())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        style = Qt.PenStyle.DashLine if self.dashed else Qt.PenStyle.SolidLine
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1, style))
        if self.dashed:
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
