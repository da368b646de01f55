"""The printout's look: page margins, the print-friendly palette and the text styles.

All lengths are in typographic points; :class:`~ptplanner.ui.report.layout.PageContext` converts
them to pixels at one fixed layout resolution, so a 300 dpi PDF and a 1200 dpi printer lay out
the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

# Distance from the paper's edge, in points. Wide enough for any office printer's unprintable
# border, so the paper copy and the PDF have identical pages.
MARGIN_SIDE = 50.0
MARGIN_TOP = 38.0
MARGIN_BOTTOM = 34.0
HEADER_HEIGHT = 24.0  # running header strip on pages 2+
FOOTER_HEIGHT = 20.0

# Print-friendly palette: black text, one accent colour, light greys for rules and fills.
INK = QColor("#1a1a1a")
INK_SOFT = QColor("#4a4f57")
MUTED = QColor("#5f6670")
RULE = QColor("#9aa3ad")
FAINT = QColor("#d5dae0")
ZEBRA = QColor("#f2f4f7")
ACCENT = QColor("#1d5c96")


def on_white(color: QColor, alpha: float) -> QColor:
    """``color`` at ``alpha`` opacity over white paper, as an opaque colour: any translucency
    makes a PostScript printer receive the whole page as a bitmap (no text left on it)."""
    return QColor(
        *(
            round(255 + (channel - 255) * alpha)
            for channel in (color.red(), color.green(), color.blue())
        )
    )


RANGE_FILL = on_white(ACCENT, 46 / 255)
BLS_FILL = QColor("#e6e8eb")

FONT_FAMILIES = [
    "Helvetica Neue",
    "Helvetica",
    "Arial",
    "Liberation Sans",
    "Noto Sans",
    "DejaVu Sans",
]


@dataclass(frozen=True)
class TextStyle:
    """Size (points), weight, colour and line spacing of a run of text."""

    size: float
    bold: bool = False
    color: str = "#1a1a1a"
    italic: bool = False
    spacing: float = 1.0
    """Line height as a multiple of the font's natural line height."""


def bolder(style: TextStyle) -> TextStyle:
    """The same style in bold."""
    return TextStyle(style.size, True, style.color, style.italic, style.spacing)


BODY = TextStyle(8.8, spacing=1.12)
BODY_BOLD = TextStyle(8.8, bold=True, spacing=1.12)
SMALL = TextStyle(7.6, spacing=1.08)
SMALL_BOLD = TextStyle(7.6, bold=True, spacing=1.08)
SMALL_MUTED = TextStyle(7.6, color=MUTED.name(), spacing=1.08)
NOTE = TextStyle(7.2, color=MUTED.name(), spacing=1.08)
H1 = TextStyle(17.0, bold=True)
SUBTITLE = TextStyle(9.5, color=MUTED.name())
H2 = TextStyle(11.5, bold=True, color=ACCENT.name())
H3 = TextStyle(9.0, bold=True)
CARD_LABEL = TextStyle(7.2, bold=True, color=MUTED.name())
RUNNING = TextStyle(7.2, color=MUTED.name())
RUNNING_TITLE = TextStyle(RUNNING.size, bold=True, color=MUTED.name())
