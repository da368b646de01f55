"""Printing a salary projection: one QPainter renderer for paper, print preview and PDF.

:func:`render` lays the report out for whatever ``QPagedPaintDevice`` it is given (a ``QPrinter``
for paper and preview, a ``QPdfWriter`` for PDF) and paints it, so the three outputs are the same
pages. Layout happens in two passes: every piece of content becomes a measured :class:`_Block`
(text is wrapped with ``QTextLayout`` against the device's own font metrics), the blocks are
flowed onto pages, and only then is anything painted - which is how every footer can say
"Page N of M" and how a table repeats its header on each page it continues on.

All lengths are written in typographic points and converted to device pixels with the device's
resolution, so Letter and A4, 300 dpi PDF and 1200 dpi printers all lay out the same way.

The headless path (:func:`write_pdf_headless`, used by ``ptplanner projection --pdf``) needs only
QtGui: QtWidgets and QtPrintSupport (which pulls QtWidgets in) are imported inside the dialog
functions, and pyqtgraph is never used here - the chart is drawn as QPainter vector paths.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

from ptplanner import __version__
from ptplanner.core.content import overview
from ptplanner.core.format import (
    STATUS_LABELS,
    long_date,
    money,
    ordinal,
    percent,
    signed_money,
)
from ptplanner.core.locations import find_area
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.projection import Event, Projection, YearRow
from ptplanner.core.salary import Assumptions, salary_model
from ptplanner.core.sources import source_catalog
from ptplanner.core.storage.store import resolve_output_path

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

__all__ = [
    "TITLE",
    "PageSizeName",
    "ReportInput",
    "default_page_size",
    "default_pdf_name",
    "export_pdf_with_dialog",
    "make_preview_dialog",
    "preview",
    "print_with_dialog",
    "render",
    "write_pdf",
    "write_pdf_headless",
]

TITLE = "Salary projection — PT Care Coordinator"
PageSizeName = Literal["Letter", "A4"]
_PAGE_SIZES = {"Letter": QPageSize.PageSizeId.Letter, "A4": QPageSize.PageSizeId.A4}
PDF_RESOLUTION = 300

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
RANGE_FILL = QColor(29, 92, 150, 46)
BLS_FILL = QColor("#e6e8eb")

_FAMILIES = ["Helvetica Neue", "Helvetica", "Arial", "Liberation Sans", "Noto Sans", "DejaVu Sans"]
_LETTER_COUNTRIES = ("UnitedStates", "Canada", "Mexico", "Philippines", "Chile", "Colombia")
_APP: QGuiApplication | None = None  # the application write_pdf_headless made, kept alive


@dataclass(frozen=True)
class ReportInput:
    """Everything one printout shows."""

    projection: Projection
    comparison: Projection | None = None
    """A pinned second scenario, printed beside the current one."""
    comparison_label: str = ""
    plan: Plan | None = None
    career_packet: bool = False
    """Add the plan's status and a one-page role summary."""
    printed_on: date = field(default_factory=date.today)

    @property
    def pinned_name(self) -> str:
        return self.comparison_label.strip() or "Pinned scenario"


# --- public API --------------------------------------------------------------------------------


def render(painter_device: QPagedPaintDevice, report: ReportInput) -> int:
    """Lay out and paint the report on a printer or PDF writer; returns the document's page count.

    A printer set to a page range (``fromPage``/``toPage``) is sent only those pages.
    """
    ctx = _Context(painter_device)
    pages = _paginate(ctx, _build(ctx, report))
    total = len(pages)
    # A printer set to print a page range (QPrintDialog's "Pages from/to") gets just those.
    first = max(1, _int_attr(painter_device, "fromPage") or 1)
    last = min(total, _int_attr(painter_device, "toPage") or total)
    painter = QPainter()
    if not painter.begin(painter_device):
        raise RuntimeError("could not start painting on the printer or file")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for number in range(first, last + 1):
            if number > first:
                painter_device.newPage()
            _paint_page(ctx, painter, report, pages[number - 1], number, total)
    finally:
        painter.end()
    return total


def write_pdf(
    report: ReportInput, path: str | os.PathLike[str], page_size: PageSizeName = "Letter"
) -> int:
    """Write the report as a PDF; returns the page count. Raises OSError if the file can't be
    written (the file is replaced only once the whole document is ready)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(TITLE)
    writer.setCreator(f"ptplanner {__version__}")
    _set_page(writer, page_size)
    pages = render(writer, report)
    del writer  # flushes the PDF trailer into the buffer
    buffer.close()
    _atomic_write(Path(path), bytes(buffer.data().data()))
    return pages


def write_pdf_headless(
    projection: Projection,
    path: str | os.PathLike[str],
    *,
    page_size: PageSizeName = "Letter",
    comparison: Projection | None = None,
    plan: Plan | None = None,
    career_packet: bool = False,
) -> int:
    """Write a PDF with no window system: the ``ptplanner projection --pdf`` path."""
    _ensure_gui_application()
    report = ReportInput(
        projection=projection,
        comparison=comparison,
        plan=plan,
        career_packet=career_packet,
        printed_on=date.today(),
    )
    return write_pdf(report, path, page_size=page_size)


def default_page_size() -> PageSizeName:
    """Letter where people use Letter paper, A4 everywhere else."""
    from PySide6.QtCore import QLocale

    country = QLocale.system().territory()
    letter = {getattr(QLocale.Country, name) for name in _LETTER_COUNTRIES}
    return "Letter" if country in letter else "A4"


def default_pdf_name(day: date) -> str:
    return f"ptplanner-projection-{day.isoformat()}.pdf"


def print_with_dialog(parent: QWidget | None, report: ReportInput) -> bool:
    """Ask for a printer with the system print dialog and print; True if it was printed."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog, QMessageBox

    printer = _new_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print salary projection")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        render(printer, report)
    except RuntimeError as error:
        QMessageBox.warning(parent, "Printing failed", f"The projection was not printed: {error}.")
        return False
    return True


def make_preview_dialog(parent: QWidget | None, report: ReportInput) -> QPrintPreviewDialog:
    """The print preview dialog for a report, not yet shown (``preview`` runs it)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    printer = _new_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview — salary projection")
    dialog.paintRequested.connect(lambda device: render(device, report))
    # The dialog does not own its printer: keep the printer exactly as long as the dialog.
    dialog._ptplanner_printer = printer  # type: ignore[attr-defined]
    return dialog


def preview(parent: QWidget | None, report: ReportInput) -> None:
    """Show the real print preview (zoom, page setup, print) for the report."""
    dialog = make_preview_dialog(parent, report)
    dialog.exec()
    dialog.deleteLater()


def export_pdf_with_dialog(parent: QWidget | None, report: ReportInput) -> Path | None:
    """Ask where to save, write the PDF and return its path (None if cancelled or failed)."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    suggested = str(Path(folder) / default_pdf_name(report.printed_on))
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Export salary projection as PDF", suggested, "PDF documents (*.pdf)"
    )
    if not chosen:
        return None
    target = Path(chosen)
    if not target.suffix:
        target = target.with_suffix(".pdf")
    try:
        write_pdf(report, target, page_size=default_page_size())
    except OSError as error:
        reason = error.strerror or str(error)
        QMessageBox.warning(
            parent, "Could not export the PDF", f"Could not write {target}:\n{reason}."
        )
        return None
    return target


# --- devices -----------------------------------------------------------------------------------


def _int_attr(device: object, name: str) -> int:
    getter = getattr(device, name, None)
    return int(getter()) if callable(getter) else 0


def _set_page(device: QPagedPaintDevice, page_size: PageSizeName) -> None:
    if page_size not in _PAGE_SIZES:
        raise ValueError(f"page size must be Letter or A4, not {page_size!r}")
    device.setPageSize(QPageSize(_PAGE_SIZES[page_size]))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(
        QMarginsF(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM), QPageLayout.Unit.Point
    )


def _new_printer() -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(TITLE)
    printer.setCreator(f"ptplanner {__version__}")
    # Keep the paper size the system printer reports; only ask for our margins (a printer with
    # a wider unprintable border keeps its own, and the layout follows).
    printer.setPageMargins(
        QMarginsF(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM), QPageLayout.Unit.Point
    )
    return printer


def _ensure_gui_application() -> None:
    global _APP
    from PySide6.QtCore import QCoreApplication

    existing = QCoreApplication.instance()
    if existing is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP = QGuiApplication(["ptplanner"])
    elif not isinstance(existing, QGuiApplication):
        raise RuntimeError("writing a PDF needs a QGuiApplication, not a QCoreApplication")


def _atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, so a failure never leaves half a PDF.

    A symbolic link is written through (the file it points to is replaced, the link stays), and
    anything that exists but is not a regular file (a device, a pipe, a folder) is refused
    rather than replaced.
    """
    target = resolve_output_path(path)
    try:
        mode = target.stat().st_mode & 0o777  # replacing a file keeps its permissions
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # what open() would have given a new file
    handle, temp_name = tempfile.mkstemp(prefix=".ptplanner-", suffix=".pdf.tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


# --- measuring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    size: float
    bold: bool = False
    color: str = "#1a1a1a"
    italic: bool = False
    spacing: float = 1.0
    """Line height as a multiple of the font's natural line height."""


BODY = _Style(8.8, spacing=1.12)
BODY_BOLD = _Style(8.8, bold=True, spacing=1.12)
SMALL = _Style(7.6, spacing=1.08)
SMALL_BOLD = _Style(7.6, bold=True, spacing=1.08)
SMALL_MUTED = _Style(7.6, color=MUTED.name(), spacing=1.08)
NOTE = _Style(7.2, color=MUTED.name(), spacing=1.08)
H1 = _Style(17.0, bold=True)
H2 = _Style(11.5, bold=True, color=ACCENT.name())
H3 = _Style(9.0, bold=True)
CARD_LABEL = _Style(7.2, bold=True, color=MUTED.name())
RUNNING = _Style(7.2, color=MUTED.name())


class _Context:
    """Device geometry, fonts and metrics for one render."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        self.u = device.logicalDpiY() / 72.0  # device pixels per point
        layout = device.pageLayout()
        dpi = device.logicalDpiY()
        full = QRectF(layout.fullRectPixels(dpi))
        paint = QRectF(layout.paintRectPixels(dpi))
        # Painter coordinates start at the paintable area's corner; aim for our own margins from
        # the paper edge, but never outside what the device can paint.
        page = full.translated(-paint.left(), -paint.top())
        wanted = page.adjusted(
            self.pt(MARGIN_SIDE),
            self.pt(MARGIN_TOP),
            -self.pt(MARGIN_SIDE),
            -self.pt(MARGIN_BOTTOM),
        )
        visible = QRectF(0, 0, paint.width(), paint.height())
        self.content = wanted.intersected(visible)
        self.left = self.content.left()
        self.width = self.content.width()
        self._fonts: dict[tuple[float, bool, bool], QFont] = {}
        self._metrics: dict[tuple[float, bool, bool], QFontMetricsF] = {}

    def pt(self, points: float) -> float:
        return points * self.u

    def body_top(self, page_index: int) -> float:
        return self.content.top() + (self.pt(HEADER_HEIGHT) if page_index else 0.0)

    @property
    def body_bottom(self) -> float:
        return self.content.bottom() - self.pt(FOOTER_HEIGHT)

    def font(self, style: _Style) -> QFont:
        key = (style.size, style.bold, style.italic)
        font = self._fonts.get(key)
        if font is None:
            font = QFont()
            font.setFamilies(_FAMILIES)
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setPointSizeF(style.size)
            font.setBold(style.bold)
            font.setItalic(style.italic)
            # Unhinted glyphs scale linearly, so measured widths hold at any resolution.
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            # No "fi"/"ff" ligatures: they break searching and copying text out of the PDF.
            font.setFeature(QFont.Tag("liga"), 0)
            self._fonts[key] = font
        return font

    def metrics(self, style: _Style) -> QFontMetricsF:
        key = (style.size, style.bold, style.italic)
        metrics = self._metrics.get(key)
        if metrics is None:
            metrics = QFontMetricsF(self.font(style), self.device)
            self._metrics[key] = metrics
        return metrics

    def text_width(self, text: str, style: _Style) -> float:
        return self.metrics(style).horizontalAdvance(text)

    def line_height(self, style: _Style) -> float:
        return self.metrics(style).height() * style.spacing

    def para(
        self,
        text: str,
        style: _Style,
        width: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        max_lines: int | None = None,
    ) -> _Para:
        return _Para(self, text, style, width, align, max_lines)


class _Para:
    """Text wrapped to a width once, measured, and drawn anywhere later."""

    def __init__(
        self,
        ctx: _Context,
        text: str,
        style: _Style,
        width: float,
        align: Qt.AlignmentFlag,
        max_lines: int | None,
    ) -> None:
        self.style = style
        self.width = max(width, ctx.pt(4))
        self._ctx = ctx
        self._align = align
        self.layout, lines = self._lay_out(text)
        if max_lines is not None and lines > max_lines:
            # Keep the first lines and end the last kept one with an ellipsis.
            cut = self.layout.lineAt(max_lines - 1).textStart()
            tail = ctx.metrics(style).elidedText(
                text[cut:].replace("\n", " "), Qt.TextElideMode.ElideRight, self.width * 0.98
            )
            self.layout, lines = self._lay_out(text[:cut] + tail)
        self.lines = lines
        self.height = self._height

    def _lay_out(self, text: str) -> tuple[QTextLayout, int]:
        layout = QTextLayout(text, self._ctx.font(self.style), self._ctx.device)
        option = QTextOption(self._align)
        # Break at spaces, but split an over-long word rather than let it leave the column.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        y = 0.0
        count = 0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(self.width)
            line.setPosition(QPointF(0.0, y))
            y += line.height() * self.style.spacing
            count += 1
        layout.endLayout()
        if count:
            # The last line needs no trailing extra spacing.
            y -= layout.lineAt(count - 1).height() * (self.style.spacing - 1.0)
        self._height = y
        return layout, count

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        painter.setPen(QColor(self.style.color))
        painter.setFont(self._ctx.font(self.style))
        self.layout.draw(painter, QPointF(x, y))


# --- flowing content onto pages ----------------------------------------------------------------

_Draw = Callable[[QPainter, float, float], None]


@dataclass
class _Block:
    """A piece of content of known height, drawn at (x, top)."""

    height: float
    draw: _Draw
    space_before: float = 0.0
    keep_with_next: bool = False
    page_break_before: bool = False
    repeat: _Block | None = None
    """Drawn first when this block starts a new page (a table's header)."""


_Page = list[tuple[float, _Block]]


def _paginate(ctx: _Context, blocks: Sequence[_Block]) -> list[_Page]:
    pages: list[_Page] = [[]]
    y = ctx.body_top(0)
    for index, block in enumerate(blocks):
        if block.page_break_before and pages[-1]:
            pages.append([])
            y = ctx.body_top(len(pages) - 1)
        at_top = not pages[-1]
        gap = 0.0 if at_top else block.space_before
        # A heading stays with what follows it, a table header with its first row.
        needed = gap + block.height
        j = index
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            needed += blocks[j].space_before + blocks[j].height
        if not at_top and y + needed > ctx.body_bottom:
            pages.append([])
            y = ctx.body_top(len(pages) - 1)
            gap = 0.0
            if block.repeat is not None:
                pages[-1].append((y, block.repeat))
                y += block.repeat.height
        y += gap
        pages[-1].append((y, block))
        y += block.height
    return pages


def _paint_page(
    ctx: _Context, painter: QPainter, report: ReportInput, page: _Page, number: int, total: int
) -> None:
    body = QRectF(
        ctx.left,
        ctx.body_top(number - 1),
        ctx.width,
        ctx.body_bottom - ctx.body_top(number - 1),
    )
    for top, block in page:
        painter.save()
        # A block taller than a page (never with sane input) is cut at the margin, not the edge.
        painter.setClipRect(body.adjusted(-ctx.pt(2), -ctx.pt(2), ctx.pt(2), ctx.pt(2)))
        block.draw(painter, ctx.left, top)
        painter.restore()
    _paint_footer(ctx, painter, report, number, total)
    if number > 1:
        _paint_running_header(ctx, painter, report)


def _hline(
    painter: QPainter,
    ctx: _Context,
    x: float,
    y: float,
    width: float,
    color: QColor,
    weight: float = 0.5,
) -> None:
    pen = QPen(color)
    pen.setWidthF(ctx.pt(weight))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(x, y), QPointF(x + width, y))


def _single_line(
    ctx: _Context,
    painter: QPainter,
    text: str,
    style: _Style,
    rect: QRectF,
    align: Qt.AlignmentFlag,
) -> None:
    """One line of text inside a rectangle, elided if it would not fit."""
    shown = ctx.metrics(style).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.setFont(ctx.font(style))
    painter.setPen(QColor(style.color))
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)


def _paint_footer(
    ctx: _Context, painter: QPainter, report: ReportInput, number: int, total: int
) -> None:
    top = ctx.content.bottom() - ctx.pt(FOOTER_HEIGHT) + ctx.pt(8)
    _hline(painter, ctx, ctx.left, top, ctx.width, FAINT)
    row = QRectF(ctx.left, top + ctx.pt(2), ctx.width, ctx.content.bottom() - top - ctx.pt(2))
    third = ctx.width / 3
    left = QRectF(row.left(), row.top(), third, row.height())
    middle = QRectF(row.left() + third, row.top(), third, row.height())
    right = QRectF(row.left() + 2 * third, row.top(), third, row.height())
    _single_line(
        ctx, painter, f"ptplanner {__version__}", RUNNING, left, Qt.AlignmentFlag.AlignLeft
    )
    _single_line(
        ctx,
        painter,
        f"Printed {report.printed_on.isoformat()}",
        RUNNING,
        middle,
        Qt.AlignmentFlag.AlignHCenter,
    )
    _single_line(
        ctx, painter, f"Page {number} of {total}", RUNNING, right, Qt.AlignmentFlag.AlignRight
    )


def _paint_running_header(ctx: _Context, painter: QPainter, report: ReportInput) -> None:
    top = ctx.content.top()
    height = ctx.pt(HEADER_HEIGHT - 10)
    half = ctx.width / 2
    _single_line(
        ctx,
        painter,
        TITLE,
        _Style(RUNNING.size, bold=True, color=MUTED.name()),
        QRectF(ctx.left, top, half, height),
        Qt.AlignmentFlag.AlignLeft,
    )
    today = report.projection.today
    employer = salary_model().employer(report.projection.request.inputs.employer_type).label
    _single_line(
        ctx,
        painter,
        f"{today.area_name} · {employer}",
        RUNNING,
        QRectF(ctx.left + half, top, half, height),
        Qt.AlignmentFlag.AlignRight,
    )
    _hline(painter, ctx, ctx.left, top + height + ctx.pt(2), ctx.width, FAINT)


# --- generic pieces ----------------------------------------------------------------------------


def _heading(ctx: _Context, text: str, *, page_break: bool = False) -> _Block:
    para = ctx.para(text, H2, ctx.width)
    gap = ctx.pt(3)

    def draw(painter: QPainter, x: float, y: float) -> None:
        para.draw(painter, x, y)
        _hline(painter, ctx, x, y + para.height + gap, ctx.width, RULE, 0.6)

    return _Block(
        para.height + gap + ctx.pt(6),
        draw,
        space_before=ctx.pt(16),
        keep_with_next=True,
        page_break_before=page_break,
    )


def _subheading(ctx: _Context, text: str) -> _Block:
    para = ctx.para(text, H3, ctx.width)
    return _Block(
        para.height + ctx.pt(3),
        lambda painter, x, y: para.draw(painter, x, y),
        space_before=ctx.pt(9),
        keep_with_next=True,
    )


def _paragraph(
    ctx: _Context, text: str, style: _Style = BODY, *, space_before: float = 4.0
) -> _Block:
    para = ctx.para(text, style, ctx.width)
    return _Block(
        para.height,
        lambda painter, x, y: para.draw(painter, x, y),
        space_before=ctx.pt(space_before),
    )


Cell = str | Sequence[tuple[str, _Style]]
"""A table cell: plain text, or stacked paragraphs each with its own style."""


@dataclass
class _Column:
    header: str
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    wrap: bool = False
    """Wrapping columns share the width the others leave; the others fit their content."""
    weight: float = 1.0
    style: _Style | None = None


def _bolder(style: _Style) -> _Style:
    return _Style(style.size, True, style.color, style.italic, style.spacing)


def _cell_parts(cell: Cell, style: _Style) -> list[tuple[str, _Style]]:
    if isinstance(cell, str):
        return [(cell, style)]
    return list(cell)


def _column_widths(
    ctx: _Context,
    columns: Sequence[_Column],
    rows: Sequence[Sequence[Cell]],
    width: float,
    style: _Style,
    header_style: _Style,
    pad: float,
    bold_rows: frozenset[int],
) -> list[float] | None:
    """Content-fitted widths for fixed columns, the rest shared by the wrapping ones.

    None when even the narrowest wrapping layout does not fit (the caller tries a smaller type).
    """
    natural: list[float] = []
    minimum: list[float] = []
    for index, column in enumerate(columns):
        cell_style = column.style or style
        # Split at plain spaces only: a no-break space joins words that must stay together.
        words = [w for w in column.header.split(" ") if w]
        header_min = max((ctx.text_width(w, header_style) for w in words), default=0.0)
        widest = 0.0
        for number, row in enumerate(rows):
            for text, plain in _cell_parts(row[index], cell_style):
                part_style = _bolder(plain) if number in bold_rows else plain
                if column.wrap:
                    longest = max(
                        (ctx.text_width(w, part_style) for w in text.split(" ")), default=0.0
                    )
                    widest = max(widest, min(longest, ctx.pt(60)))
                else:
                    widest = max(widest, ctx.text_width(text, part_style))
        natural.append(max(widest, header_min) + 2 * pad + ctx.pt(0.5))
        minimum.append(max(header_min, ctx.pt(24) if column.wrap else 0.0) + 2 * pad)
    fixed = sum(w for w, c in zip(natural, columns, strict=True) if not c.wrap)
    wrapping = [i for i, c in enumerate(columns) if c.wrap]
    if not wrapping:
        if fixed > width:
            return None
        # Share the spare width evenly, so columns of figures stay evenly spaced.
        spare = (width - fixed) / len(columns)
        return [w + spare for w in natural]
    left = width - fixed
    total_weight = sum(columns[i].weight for i in wrapping)
    widths = list(natural)
    for i in wrapping:
        widths[i] = left * columns[i].weight / total_weight
        if widths[i] < minimum[i]:
            return None
    return widths


def _table(
    ctx: _Context,
    columns: Sequence[_Column],
    rows: Sequence[Sequence[Cell]],
    *,
    width: float | None = None,
    styles: Sequence[tuple[_Style, _Style]] = ((SMALL, SMALL_BOLD),),
    header: bool = True,
    zebra: bool = False,
    rules: bool = True,
    bold_rows: frozenset[int] = frozenset(),
    max_lines: int = 4,
    continued: str | None = None,
) -> list[_Block]:
    """A table as one block per row, with the header repeated when it continues on a new page.

    ``styles`` are (body, header) pairs tried in order until the columns fit the width.
    """
    width = ctx.width if width is None else width
    pad = ctx.pt(3.2)
    vpad = ctx.pt(2.2)
    widths: list[float] | None = None
    style, header_style = styles[-1]
    for style, header_style in styles:
        widths = _column_widths(ctx, columns, rows, width, style, header_style, pad, bold_rows)
        if widths is not None:
            break
    if widths is None:
        # Last resort: equal shares; every cell wraps, so nothing leaves the page.
        widths = [width / len(columns)] * len(columns)
    xs = [sum(widths[:i]) for i in range(len(widths))]

    def cell_paras(cell: Cell, index: int, base: _Style, bold: bool) -> list[_Para]:
        column = columns[index]
        out = []
        for text, part_style in _cell_parts(cell, column.style or base):
            chosen = _bolder(part_style) if bold else part_style
            out.append(
                ctx.para(text, chosen, widths[index] - 2 * pad, column.align, max_lines=max_lines)
            )
        return out

    def row_block(paras: list[list[_Para]], shade: bool, is_header: bool) -> _Block:
        inner = max((sum(p.height for p in cell) for cell in paras), default=0.0)
        height = inner + 2 * vpad

        def draw(painter: QPainter, x: float, y: float) -> None:
            if shade:
                painter.fillRect(QRectF(x, y, width, height), ZEBRA)
            for cell, cx in zip(paras, xs, strict=True):
                cy = y + vpad
                if is_header:  # headers sit on the rule beneath them
                    cy = y + height - vpad - sum(p.height for p in cell)
                for para in cell:
                    para.draw(painter, x + cx + pad, cy)
                    cy += para.height
            if is_header:
                _hline(painter, ctx, x, y + height, width, INK, 0.7)
            elif rules:
                _hline(painter, ctx, x, y + height, width, FAINT, 0.4)

        return _Block(height, draw)

    head: _Block | None = None
    if header:
        head_paras = [
            [ctx.para(c.header, header_style, w - 2 * pad, c.align, max_lines=3)]
            for c, w in zip(columns, widths, strict=True)
        ]
        head = row_block(head_paras, False, True)
        head.keep_with_next = True
    repeat = head
    if head is not None and continued:
        caption = ctx.para(continued, SMALL_MUTED, width)
        inner_head = head

        def draw_repeat(painter: QPainter, x: float, y: float) -> None:
            caption.draw(painter, x, y)
            inner_head.draw(painter, x, y + caption.height + ctx.pt(2))

        repeat = _Block(caption.height + ctx.pt(2) + head.height, draw_repeat)
    blocks: list[_Block] = [head] if head is not None else []
    for number, row in enumerate(rows):
        bold = number in bold_rows
        paras = [cell_paras(cell, i, style, bold) for i, cell in enumerate(row)]
        block = row_block(paras, zebra and number % 2 == 1, False)
        block.repeat = repeat
        blocks.append(block)
    body = blocks[1:] if head is not None else blocks
    if len(body) >= 4:
        # No lone row under a header at a page foot, and none alone on the table's last page.
        body[0].keep_with_next = True
        body[-2].keep_with_next = True
    return blocks


def _side_by_side(ctx: _Context, left: list[_Block], right: list[_Block], gap: float) -> _Block:
    """Two short columns of blocks drawn next to each other (kept on one page)."""

    def stack_height(blocks: list[_Block]) -> float:
        return sum(b.height + (b.space_before if i else 0.0) for i, b in enumerate(blocks))

    height = max(stack_height(left), stack_height(right))
    column_width = (ctx.width - gap) / 2

    def draw(painter: QPainter, x: float, y: float) -> None:
        for blocks, cx in ((left, x), (right, x + column_width + gap)):
            cy = y
            for i, block in enumerate(blocks):
                cy += block.space_before if i else 0.0
                block.draw(painter, cx, cy)
                cy += block.height

    return _Block(height, draw, space_before=ctx.pt(4))


# --- the report's sections ---------------------------------------------------------------------


def _build(ctx: _Context, report: ReportInput) -> list[_Block]:
    blocks: list[_Block] = []
    blocks += _title_section(ctx, report)
    blocks += _today_section(ctx, report)
    blocks += _chart_section(ctx, report)
    if report.comparison is not None:
        blocks += _comparison_section(ctx, report)
    blocks += _year_table_section(ctx, report)
    blocks += _breakdown_section(ctx, report)
    blocks += _assumptions_section(ctx, report)
    if report.career_packet:
        blocks += _plan_section(ctx, report)
        blocks += _role_section(ctx)
    blocks += _sources_section(ctx, report)
    return blocks


def _event_text(event: Event) -> str:
    """A planned change as a reader would say it ("Earn CMAA", not the engine's "earn cmaa")."""
    if event.label:
        return event.label
    model = salary_model()
    try:
        if event.kind == "certification":
            return f"Earn {event.value.upper()}"
        if event.kind == "education":
            return f"Finish {model.education_level(event.value).label.lower()}"
        if event.kind == "employer_type":
            return f"Switch to {model.employer(event.value).label.lower()}"
        if event.kind == "location":
            return f"Move to {find_area(event.value).name}"
    except (StopIteration, LookupError, ValueError):
        pass  # an id this version does not know: fall back to the engine's wording
    return event.describe().capitalize()


def _changes_by_year(projection: Projection) -> dict[int, list[str]]:
    """The changes that take effect in each row's year, grouped the way ``project()`` does."""
    pending = sorted(projection.request.events, key=lambda e: e.year)
    out: dict[int, list[str]] = {}
    for row in projection.rows:
        happened = [e for e in pending if e.year <= row.year]
        pending = [e for e in pending if e.year > row.year]
        out[row.year] = [_event_text(e) for e in happened]
    return out


def _scenario_pairs(projection: Projection) -> list[tuple[str, str]]:
    # The same facts as ptplanner.cli.main.scenario_lines; the UI may not import the CLI layer.
    model = salary_model()
    request = projection.request
    inputs = request.inputs
    certs = ", ".join(sorted(c.upper() for c in inputs.certifications)) or "none"
    skills = ", ".join(s.label for s in model.skills if s.id in inputs.skills) or "none"
    ordered = sorted(request.events, key=lambda e: e.year)
    events = "; ".join(f"{e.year}: {_event_text(e)}" for e in ordered) or "none"
    last = request.start_year + request.years
    return [
        ("Location", projection.today.area_name),
        ("Employer type", model.employer(inputs.employer_type).label),
        ("Education", model.education_level(inputs.education).label),
        ("Certifications", certs),
        ("Experience", f"{inputs.years_experience:g} years"),
        ("Skills", skills),
        ("Projection", f"{request.start_year}–{last} ({request.years} years)"),
        ("Planned changes", events),
    ]


def _title_section(ctx: _Context, report: ReportInput) -> list[_Block]:
    title = ctx.para(TITLE, H1, ctx.width)
    request = report.projection.request
    subtitle = ctx.para(
        f"Base pay and total compensation, {request.start_year} to "
        f"{request.start_year + request.years}. Prepared {long_date(report.printed_on)}.",
        _Style(9.5, color=MUTED.name()),
        ctx.width,
    )

    def draw(painter: QPainter, x: float, y: float) -> None:
        title.draw(painter, x, y)
        subtitle.draw(painter, x, y + title.height + ctx.pt(2))

    blocks = [_Block(title.height + ctx.pt(2) + subtitle.height, draw)]
    current = _scenario_pairs(report.projection)
    label_style = _Style(BODY.size, color=MUTED.name(), spacing=BODY.spacing)
    if report.comparison is None:
        rows: list[list[Cell]] = []
        half = (len(current) + 1) // 2
        for i in range(half):
            right = current[i + half] if i + half < len(current) else ("", "")
            rows.append([current[i][0], current[i][1], right[0], right[1]])
        columns = [
            _Column("", style=label_style),
            _Column("", wrap=True),
            _Column("", style=label_style),
            _Column("", wrap=True),
        ]
        table = _table(
            ctx, columns, rows, header=False, rules=False, styles=((BODY, BODY_BOLD),), max_lines=12
        )
    else:
        pinned = _scenario_pairs(report.comparison)
        rows = []
        for (key, mine), (_, theirs) in zip(current, pinned, strict=True):
            differs = mine != theirs
            rows.append(
                [
                    key,
                    [(mine, BODY_BOLD if differs else BODY)],
                    [(theirs, BODY_BOLD if differs else BODY)],
                ]
            )
        columns = [
            _Column("", style=label_style),
            _Column("Current scenario", wrap=True),
            _Column(report.pinned_name, wrap=True),
        ]
        table = _table(ctx, columns, rows, rules=False, styles=((BODY, BODY_BOLD),), max_lines=12)
    table[0].space_before = ctx.pt(10)
    return blocks + table


def _cards(ctx: _Context, cards: Sequence[tuple[str, str, str, float]]) -> _Block:
    """A row of boxed key figures: (label, value, caption, relative width)."""
    gap = ctx.pt(8)
    pad = ctx.pt(7)
    share = (ctx.width - gap * (len(cards) - 1)) / sum(card[3] for card in cards)
    card_widths = [card[3] * share for card in cards]
    lefts = [sum(card_widths[:i]) + gap * i for i in range(len(cards))]
    laid: list[tuple[_Para, _Para, _Para]] = []
    for (label, value, caption, _), card_width in zip(cards, card_widths, strict=True):
        inner = card_width - 2 * pad
        value_para = None
        for size in (15.0, 14.0, 13.0, 12.0, 11.0, 10.0):
            style = _Style(size, bold=True, color=INK.name())
            if ctx.text_width(value, style) <= inner:
                value_para = ctx.para(value, style, inner, max_lines=1)
                break
        if value_para is None:
            value_para = ctx.para(value, _Style(10.0, bold=True), inner, max_lines=2)
        laid.append(
            (
                ctx.para(label.upper(), CARD_LABEL, inner, max_lines=2),
                value_para,
                ctx.para(caption, NOTE, inner, max_lines=4),
            )
        )
    label_h = max(a.height for a, _, _ in laid)
    value_h = max(b.height for _, b, _ in laid)
    caption_h = max(c.height for _, _, c in laid)
    height = pad + label_h + ctx.pt(3) + value_h + ctx.pt(3) + caption_h + pad

    def draw(painter: QPainter, x: float, y: float) -> None:
        for i, (label, value, caption) in enumerate(laid):
            cx = x + lefts[i]
            box = QRectF(cx, y, card_widths[i], height)
            pen = QPen(FAINT if i else ACCENT)
            pen.setWidthF(ctx.pt(0.6 if i else 0.9))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
            label.draw(painter, cx + pad, y + pad)
            value.draw(painter, cx + pad, y + pad + label_h + ctx.pt(3))
            caption.draw(painter, cx + pad, y + pad + label_h + value_h + ctx.pt(6))

    return _Block(height, draw, space_before=ctx.pt(2))


def _today_section(ctx: _Context, report: ReportInput) -> list[_Block]:
    today = report.projection.today
    comp = today.compensation
    percentile_words = ordinal(round(today.percentile))
    if today.cost_of_living_adjusted is not None and today.price_level is not None:
        col_value = money(today.cost_of_living_adjusted)
        where = today.price_level_from or today.area_name
        col_caption = (
            f"In national-average prices (BEA price level {today.price_level:.1f}"
            + (f", from {where}" if today.price_level_is_fallback else "")
            + "; U.S. = 100)."
        )
    else:
        col_value = "n/a"
        col_caption = "BEA publishes no price level for this area."
    cards = [
        (
            "Typical base pay",
            money(today.typical),
            f"At BLS {today.data_date} pay levels; {percentile_words} percentile of local pay.",
            1.0,
        ),
        (
            "Likely range",
            f"{money(today.low)} – {money(today.high)}",
            "Low to high base pay for this profile.",
            1.3,
        ),
        (
            "Total compensation",
            money(comp.total),
            "Base pay plus bonus, 401(k) match, health, paid time off and stipend.",
            1.0,
        ),
        ("Cost-of-living adjusted", col_value, col_caption, 1.0),
    ]
    return [
        _heading(ctx, "Today's estimate"),
        _cards(ctx, cards),
    ]


def _comparison_section(ctx: _Context, report: ReportInput) -> list[_Block]:
    assert report.comparison is not None
    mine, theirs = report.projection, report.comparison

    def by_year(projection: Projection) -> dict[int, YearRow]:
        return {row.year: row for row in projection.rows}

    mine_rows, their_rows = by_year(mine), by_year(theirs)
    final = mine.final.year
    metrics: list[tuple[str, float | None, float | None]] = [
        ("Typical base pay today", mine.today.typical, theirs.today.typical),
        (
            "Total compensation today",
            mine.today.compensation.total,
            theirs.today.compensation.total,
        ),
        (
            f"Typical base pay in {final}",
            mine.final.typical,
            their_rows[final].typical if final in their_rows else None,
        ),
        (
            f"Total compensation in {final}",
            mine.final.total_compensation,
            their_rows[final].total_compensation if final in their_rows else None,
        ),
    ]
    common = sorted(set(mine_rows) & set(their_rows))
    if common:
        metrics.append(
            (
                f"Total compensation, {common[0]}–{common[-1]} combined",
                sum(mine_rows[y].total_compensation for y in common),
                sum(their_rows[y].total_compensation for y in common),
            )
        )
    rows: list[list[Cell]] = []
    for label, a, b in metrics:
        difference = "—" if a is None or b is None else signed_money(b - a)
        rows.append(
            [
                label,
                "—" if a is None else money(a),
                "—" if b is None else money(b),
                difference,
            ]
        )
    right = Qt.AlignmentFlag.AlignRight
    columns = [
        _Column("", wrap=True, weight=1.3),
        _Column("Current", right, wrap=True, weight=0.55),
        _Column(report.pinned_name, right, wrap=True, weight=0.55),
        _Column("Difference", right, wrap=True, weight=0.55),
    ]
    return [
        _heading(ctx, "Side by side"),
        *_table(ctx, columns, rows, styles=((BODY, BODY_BOLD), (SMALL, SMALL_BOLD))),
    ]


# --- the chart ---------------------------------------------------------------------------------


def _nice_ticks(low: float, high: float, target: int = 6) -> list[float]:
    span = high - low
    if span <= 0:
        span = abs(high) or 1.0
        low, high = low - span * 0.1, high + span * 0.1
        span = high - low
    raw = span / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = magnitude
    for multiple in (1.0, 2.0, 2.5, 5.0, 10.0):
        step = multiple * magnitude
        if span / step <= target:
            break
    start = math.floor(low / step) * step
    end = math.ceil(high / step) * step
    count = round((end - start) / step)
    return [start + i * step for i in range(count + 1)]


def _year_step(span: int) -> int:
    for step in (1, 2, 5, 10):
        if span / step <= 11:
            return step
    return 20


@dataclass
class _LegendItem:
    kind: Literal["line", "dash", "band", "dot"]
    color: QColor
    label: str


def _series_pen(ctx: _Context, color: QColor, weight: float, dashed: bool) -> QPen:
    pen = QPen(color)
    pen.setWidthF(ctx.pt(weight))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if dashed else Qt.PenCapStyle.RoundCap)
    if dashed:
        pen.setDashPattern([4.0, 2.5])
    return pen


def _chart_section(ctx: _Context, report: ReportInput) -> list[_Block]:
    projection, other = report.projection, report.comparison
    axis = _Style(7.0, color=MUTED.name())
    caption = ctx.para(
        "Pay per year in nominal dollars (before inflation). Shaded: the likely range for this "
        "profile, and BLS's 10th to 90th percentile for the area carried forward at the raise "
        "rate.",
        NOTE,
        ctx.width,
    )
    items = [
        _LegendItem("line", ACCENT, "Typical base pay"),
        _LegendItem("band", RANGE_FILL, "Likely range (low–high)"),
        _LegendItem("line", INK_SOFT, "Total compensation"),
        _LegendItem("band", BLS_FILL, "BLS 10th–90th percentile"),
    ]
    if other is not None:
        items += [
            _LegendItem("dash", ACCENT, f"{report.pinned_name}: typical base pay"),
            _LegendItem("dash", INK_SOFT, f"{report.pinned_name}: total compensation"),
        ]
    has_events = any(row.events for row in projection.rows)
    if has_events:
        items.append(_LegendItem("dot", ACCENT, "Planned change"))

    # Lay the legend out in as many rows as it needs.
    swatch_w, swatch_gap, item_gap = ctx.pt(18), ctx.pt(4), ctx.pt(12)
    legend_rows: list[list[tuple[_LegendItem, _Para]]] = [[]]
    used = 0.0
    for item in items:
        label_width = min(ctx.text_width(item.label, SMALL) + ctx.pt(1), ctx.width - swatch_w)
        para = ctx.para(item.label, SMALL, label_width, max_lines=1)
        needed = swatch_w + swatch_gap + label_width
        if legend_rows[-1] and used + item_gap + needed > ctx.width:
            legend_rows.append([])
            used = 0.0
        used += (item_gap if legend_rows[-1] else 0.0) + needed
        legend_rows[-1].append((item, para))
    legend_line = ctx.line_height(SMALL) + ctx.pt(2)
    legend_h = legend_line * len(legend_rows)

    plot_h = min(ctx.width * 0.42, ctx.pt(230))
    axis_h = ctx.line_height(axis) + ctx.pt(5)
    height = plot_h + axis_h + ctx.pt(8) + legend_h + ctx.pt(4) + caption.height

    series = [projection] + ([other] if other is not None else [])
    values = [
        v
        for p in series
        for r in p.rows
        for v in (r.low, r.high, r.typical, r.total_compensation, r.bls_p10, r.bls_p90)
    ]
    ticks = _nice_ticks(min(values), max(values))
    years = sorted({r.year for p in series for r in p.rows})
    first_year, last_year = years[0], max(years[-1], years[0] + 1)
    tick_labels = [money(t) for t in ticks]
    label_w = max(ctx.text_width(t, axis) for t in tick_labels)
    year_w = ctx.text_width("0000", axis)

    def draw(painter: QPainter, x: float, y: float) -> None:
        plot = QRectF(
            x + label_w + ctx.pt(6),
            y + ctx.pt(4),
            ctx.width - label_w - ctx.pt(6) - max(ctx.pt(4), year_w / 2),
            plot_h - ctx.pt(4),
        )

        def px(year: float) -> float:
            return plot.left() + (year - first_year) / (last_year - first_year) * plot.width()

        def py(value: float) -> float:
            return plot.bottom() - (value - ticks[0]) / (ticks[-1] - ticks[0]) * plot.height()

        # Grid and dollar axis.
        for tick, text in zip(ticks, tick_labels, strict=True):
            ty = py(tick)
            _hline(painter, ctx, plot.left(), ty, plot.width(), FAINT, 0.4)
            box = QRectF(x, ty - ctx.pt(5), label_w, ctx.pt(10))
            _single_line(ctx, painter, text, axis, box, Qt.AlignmentFlag.AlignRight)
        # Year axis: labelled ticks at round years, small ticks for every year when they fit.
        step = _year_step(last_year - first_year)
        tick_pen = QPen(RULE)
        tick_pen.setWidthF(ctx.pt(0.5))
        for year in range(first_year, last_year + 1):
            labelled = year % step == 0 or step == 1
            if not labelled and (last_year - first_year) > 30:
                continue
            tx = px(year)
            painter.setPen(tick_pen)
            size = ctx.pt(3.5 if labelled else 2)
            painter.drawLine(QPointF(tx, plot.bottom()), QPointF(tx, plot.bottom() + size))
            if labelled:
                box = QRectF(tx - year_w, plot.bottom() + ctx.pt(4), 2 * year_w, axis_h)
                _single_line(ctx, painter, str(year), axis, box, Qt.AlignmentFlag.AlignHCenter)
        _hline(painter, ctx, plot.left(), plot.bottom(), plot.width(), RULE, 0.7)

        painter.save()
        painter.setClipRect(plot.adjusted(-ctx.pt(3), -ctx.pt(3), ctx.pt(3), ctx.pt(3)))

        def band(
            rows: Sequence[YearRow],
            low_of: Callable[[YearRow], float],
            high_of: Callable[[YearRow], float],
            color: QColor,
        ) -> None:
            path = QPainterPath()
            path.moveTo(px(rows[0].year), py(high_of(rows[0])))
            for row in rows[1:]:
                path.lineTo(px(row.year), py(high_of(row)))
            for row in reversed(rows):
                path.lineTo(px(row.year), py(low_of(row)))
            path.closeSubpath()
            painter.fillPath(path, QBrush(color))

        def line(rows: Sequence[YearRow], value_of: Callable[[YearRow], float], pen: QPen) -> None:
            path = QPainterPath()
            path.moveTo(px(rows[0].year), py(value_of(rows[0])))
            for row in rows[1:]:
                path.lineTo(px(row.year), py(value_of(row)))
            painter.strokePath(path, pen)

        rows = projection.rows
        band(rows, lambda r: r.bls_p10, lambda r: r.bls_p90, BLS_FILL)
        band(rows, lambda r: r.low, lambda r: r.high, RANGE_FILL)
        if other is not None:
            line(other.rows, lambda r: r.total_compensation, _series_pen(ctx, INK_SOFT, 1.1, True))
            line(other.rows, lambda r: r.typical, _series_pen(ctx, ACCENT, 1.4, True))
        line(rows, lambda r: r.total_compensation, _series_pen(ctx, INK_SOFT, 1.2, False))
        line(rows, lambda r: r.typical, _series_pen(ctx, ACCENT, 1.7, False))
        outline = QPen(QColor("white"))
        outline.setWidthF(ctx.pt(0.8))
        for row in rows:
            if row.events:
                painter.setPen(outline)
                painter.setBrush(ACCENT)
                painter.drawEllipse(
                    QPointF(px(row.year), py(row.typical)), ctx.pt(2.6), ctx.pt(2.6)
                )
        painter.restore()

        # Legend.
        ly = y + plot_h + axis_h + ctx.pt(8)
        for legend_row in legend_rows:
            lx = x
            mid = ly + legend_line / 2 - ctx.pt(1)
            for item, para in legend_row:
                _legend_swatch(ctx, painter, item, QRectF(lx, mid - ctx.pt(4), swatch_w, ctx.pt(8)))
                para.draw(painter, lx + swatch_w + swatch_gap, mid - para.height / 2)
                lx += swatch_w + swatch_gap + para.width + item_gap
            ly += legend_line
        caption.draw(painter, x, ly + ctx.pt(4))

    return [_heading(ctx, "Projection"), _Block(height, draw, space_before=ctx.pt(2))]


def _legend_swatch(ctx: _Context, painter: QPainter, item: _LegendItem, box: QRectF) -> None:
    if item.kind == "band":
        painter.fillRect(box.adjusted(0, ctx.pt(1), 0, -ctx.pt(1)), item.color)
    elif item.kind == "dot":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(item.color)
        painter.drawEllipse(box.center(), ctx.pt(2.6), ctx.pt(2.6))
    else:
        weight = 1.7 if item.color == ACCENT else 1.2
        painter.setPen(_series_pen(ctx, item.color, weight, item.kind == "dash"))
        mid = box.center().y()
        painter.drawLine(QPointF(box.left(), mid), QPointF(box.right(), mid))


# --- tables ------------------------------------------------------------------------------------


def _year_table_section(ctx: _Context, report: ReportInput) -> list[_Block]:
    projection, other = report.projection, report.comparison
    start = projection.request.start_year
    right = Qt.AlignmentFlag.AlignRight
    typical_style = _Style(SMALL.size, bold=True)
    other_rows = {r.year: r for r in other.rows} if other is not None else {}
    changes_mine = _changes_by_year(projection)
    changes_theirs = _changes_by_year(other) if other is not None else {}
    has_events = any(r.events for r in projection.rows) or any(
        r.events for r in other_rows.values()
    )
    columns = [
        _Column("Year"),
        _Column("Exp. (yrs)", right),
        _Column("Stage"),
        _Column("Base low", right),
        _Column("Base typical", right),
        _Column("Base high", right),
        _Column("Total comp.", right),
        # A no-break space keeps "(2026 $)" together when the header wraps.
        _Column(f"Typical ({start}\u00a0$)", right),
    ]
    if other is not None:
        columns += [_Column("Pinned typical", right), _Column("Pinned total comp.", right)]
    if has_events:
        columns.append(_Column("Planned changes", wrap=True))
    rows: list[list[Cell]] = []
    for row in projection.rows:
        cells: list[Cell] = [
            str(row.year),
            f"{row.experience:g}",
            row.stage,
            money(row.low),
            [(money(row.typical), typical_style)],
            money(row.high),
            money(row.total_compensation),
            money(row.typical_real),
        ]
        pinned = other_rows.get(row.year)
        if other is not None:
            cells += (
                [money(pinned.typical), money(pinned.total_compensation)]
                if pinned is not None
                else ["—", "—"]
            )
        if has_events:
            changes = list(changes_mine.get(row.year, []))
            if changes_theirs.get(row.year):
                changes.append("Pinned: " + "; ".join(changes_theirs[row.year]))
            cells.append("; ".join(changes))
        rows.append(cells)
    styles = tuple(
        (_Style(size, spacing=1.05), _Style(size, bold=True, spacing=1.05))
        for size in (7.8, 7.4, 7.0, 6.6)
    )
    table = _table(
        ctx,
        columns,
        rows,
        styles=styles,
        zebra=True,
        rules=False,
        max_lines=3,
        continued="Year by year (continued)",
    )
    note = (
        f"Typical ({start} $): typical base pay with inflation taken out, in {start} dollars. "
        "Total comp.: base pay plus bonus, employer 401(k) match, health cover, paid time off, "
        "stipend and profit sharing."
    )
    return [_heading(ctx, "Year by year"), *table, _paragraph(ctx, note, NOTE, space_before=5)]


def _breakdown_section(ctx: _Context, report: ReportInput) -> list[_Block]:
    today = report.projection.today
    catalog = source_catalog()
    right = Qt.AlignmentFlag.AlignRight
    columns = [
        _Column("Factor", wrap=True, weight=1.35),
        _Column("Effect", right),
        _Column("Source", wrap=True, weight=0.7),
        _Column("The guide's figure", wrap=True, weight=1.0),
    ]
    rows: list[list[Cell]] = []
    for item in today.breakdown:
        try:
            source_name = catalog.get(item.source).short
        except KeyError:
            source_name = item.source
        rows.append(
            [
                [(item.label, SMALL_BOLD), (item.detail, NOTE)],
                money(item.amount) if item.factor == "start" else signed_money(item.amount),
                [(source_name, SMALL), (item.date, NOTE)],
                [(item.guide_says or "—", SMALL)],
            ]
        )
    rows.append(["= Typical base pay today", money(today.typical), "", ""])
    intro = (
        f"How today's typical base pay for {today.area_name} is built, at BLS {today.data_date} "
        "pay levels. The year-by-year table carries it forward to the projection's first year "
        "at the raise rate."
    )
    table = _table(ctx, columns, rows, bold_rows=frozenset({len(rows) - 1}), max_lines=5)
    table[0].space_before = ctx.pt(5)
    return [
        _heading(ctx, "Why this estimate"),
        _paragraph(ctx, intro, SMALL_MUTED, space_before=0),
        *table,
    ]


def _assumption_rows(assumptions: Assumptions) -> list[tuple[str, str]]:
    a = assumptions
    return [
        ("Annual raise", f"{percent(a.raise_pct)} a year"),
        ("Inflation", f"{percent(a.inflation_pct)} a year"),
        ("Bonus and supplemental pay", f"{percent(a.bonus_pct)} of base"),
        ("Your 401(k) contribution", f"{percent(a.retirement_contribution_pct)} of base"),
        ("Employer match rate", f"{percent(a.match_rate_pct)} of what you put in"),
        ("Match cap", f"up to {percent(a.match_cap_pct)} of base"),
        ("Health cover value", f"{percent(a.health_value_pct)} of base"),
        ("Paid time off value", f"{percent(a.pto_value_pct)} of base"),
        ("Continuing-education stipend", f"{money(a.ce_stipend_usd)} a year"),
        ("Profit sharing", f"{money(a.profit_sharing_usd)} a year"),
        ("Promotion raise", f"{percent(a.promotion_pct)} on each planned promotion"),
    ]


def _assumptions_section(ctx: _Context, report: ReportInput) -> list[_Block]:
    gap = ctx.pt(18)
    half = (ctx.width - gap) / 2
    right = Qt.AlignmentFlag.AlignRight
    comp = report.projection.today.compensation
    comp_rows: list[list[Cell]] = [
        ["Base pay", money(comp.base)],
        ["Bonus and supplemental pay", money(comp.bonus)],
        ["Employer 401(k) match", money(comp.retirement_match)],
        ["Health cover", money(comp.health)],
        ["Paid time off", money(comp.paid_time_off)],
        ["Continuing-education stipend", money(comp.ce_stipend)],
        ["Profit sharing", money(comp.profit_sharing)],
        ["Total compensation", money(comp.total)],
    ]
    left = [
        _subheading(ctx, "Total compensation today"),
        *_table(
            ctx,
            [_Column("Item", wrap=True), _Column("A year", right)],
            comp_rows,
            width=half,
            bold_rows=frozenset({len(comp_rows) - 1}),
        ),
    ]
    mine = _assumption_rows(report.projection.request.inputs.assumptions)
    if report.comparison is None:
        rows: list[list[Cell]] = [[k, v] for k, v in mine]
        columns = [_Column("Assumption", wrap=True, weight=1.2), _Column("Value", wrap=True)]
    else:
        theirs = _assumption_rows(report.comparison.request.inputs.assumptions)
        rows = [[k, v, w] for (k, v), (_, w) in zip(mine, theirs, strict=True)]
        columns = [
            _Column("Assumption", wrap=True, weight=1.15),
            _Column("Current", wrap=True, weight=0.85),
            _Column("Pinned", wrap=True, weight=0.85),
        ]
    right_blocks = [
        _subheading(ctx, "Assumptions"),
        *_table(ctx, columns, rows, width=half),
    ]
    for blocks in (left, right_blocks):
        blocks[0].space_before = 0.0
    notes = [_paragraph(ctx, report.projection.growth_factor_note, SMALL_MUTED, space_before=8)]
    if report.comparison is not None:
        notes.append(
            _paragraph(
                ctx,
                f"{report.pinned_name}: {report.comparison.growth_factor_note}",
                SMALL_MUTED,
                space_before=3,
            )
        )
    return [
        _heading(ctx, "Compensation and assumptions"),
        _side_by_side(ctx, left, right_blocks, gap),
        *notes,
    ]


# --- career packet -----------------------------------------------------------------------------


def _with_paths(
    milestones: Sequence[Milestone], trail: tuple[str, ...] = ()
) -> Iterator[tuple[Milestone, tuple[str, ...]]]:
    for milestone in milestones:
        yield milestone, trail
        yield from _with_paths(milestone.children, (*trail, milestone.title))


def _step_cell(milestone: Milestone, trail: tuple[str, ...]) -> Cell:
    parts: list[tuple[str, _Style]] = [(milestone.title, SMALL_BOLD)]
    if trail:
        parts.append(("Part of: " + " › ".join(trail), NOTE))
    return parts


def _progress_bar(ctx: _Context, fraction: float, text: str) -> _Block:
    label = ctx.para(text, BODY, ctx.width)
    bar_h = ctx.pt(8)

    def draw(painter: QPainter, x: float, y: float) -> None:
        box = QRectF(x, y, ctx.width, bar_h)
        painter.fillRect(box, ZEBRA)
        painter.fillRect(QRectF(x, y, ctx.width * max(0.0, min(1.0, fraction)), bar_h), ACCENT)
        pen = QPen(RULE)
        pen.setWidthF(ctx.pt(0.5))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        label.draw(painter, x, y + bar_h + ctx.pt(4))

    return _Block(bar_h + ctx.pt(4) + label.height, draw, space_before=ctx.pt(4))


def _plan_section(ctx: _Context, report: ReportInput) -> list[_Block]:
    plan = report.plan
    blocks = [_heading(ctx, "Your plan", page_break=True)]
    if plan is None or not plan.milestones:
        blocks.append(
            _paragraph(
                ctx,
                "No plan has been made yet. Open the Plan tab in ptplanner to start from the "
                "ready-made steps for a new PT Care Coordinator.",
            )
        )
        return blocks
    today = report.printed_on
    entries = list(_with_paths(plan.milestones))
    done, counted = plan.leaf_counts()
    skipped = sum(1 for m, _ in entries if m.status is Status.SKIPPED)
    progress = plan.progress()
    summary = f"{plan.title}: {progress:.0f}% complete — {done} of {counted} steps done"
    summary += f" ({skipped} skipped, not counted)." if skipped else "."
    blocks.append(_progress_bar(ctx, progress / 100.0, summary))

    open_dated = [(m, t) for m, t in entries if not m.is_closed and m.target_date is not None]
    overdue = sorted(
        ((m, t) for m, t in open_dated if m.target_date is not None and m.target_date < today),
        key=lambda e: e[0].target_date or today,
    )
    upcoming = sorted(
        ((m, t) for m, t in open_dated if m.target_date is not None and m.target_date >= today),
        key=lambda e: e[0].target_date or today,
    )
    # A step with sub-steps and no date is just a group; only undated leaves need a date.
    undated = sum(
        1 for m, _ in entries if not m.is_closed and m.target_date is None and not m.children
    )
    right = Qt.AlignmentFlag.AlignRight

    blocks.append(_subheading(ctx, f"Overdue ({len(overdue)})"))
    if overdue:
        rows: list[list[Cell]] = []
        for milestone, trail in overdue:
            assert milestone.target_date is not None
            late = (today - milestone.target_date).days
            rows.append(
                [
                    milestone.target_date.isoformat(),
                    [(f"{late} day{'s' if late != 1 else ''}", SMALL_BOLD)],
                    _step_cell(milestone, trail),
                    STATUS_LABELS[milestone.status],
                ]
            )
        columns = [
            _Column("Target date"),
            _Column("Overdue by", right),
            _Column("Step", wrap=True),
            _Column("Status"),
        ]
        blocks += _table(ctx, columns, rows, continued="Overdue (continued)")
    else:
        blocks.append(_paragraph(ctx, "Nothing is overdue.", SMALL_MUTED, space_before=0))

    shown = upcoming[:12]
    blocks.append(_subheading(ctx, "Next steps"))
    if shown:
        rows = [
            [
                m.target_date.isoformat() if m.target_date else "",
                _step_cell(m, trail),
                STATUS_LABELS[m.status],
                m.pay_effect or "",
            ]
            for m, trail in shown
        ]
        columns = [
            _Column("Target date"),
            _Column("Step", wrap=True, weight=1.0),
            _Column("Status"),
            _Column("What it does to pay", wrap=True, weight=1.3),
        ]
        blocks += _table(ctx, columns, rows, max_lines=3, continued="Next steps (continued)")
    else:
        blocks.append(
            _paragraph(ctx, "No open step has a target date ahead.", SMALL_MUTED, space_before=0)
        )
    more = []
    if len(upcoming) > len(shown):
        more.append(f"{len(upcoming) - len(shown)} more dated steps follow")
    if undated:
        more.append(f"{undated} open step{'s have' if undated != 1 else ' has'} no target date")
    if more:
        blocks.append(_paragraph(ctx, "; ".join(more) + ".", NOTE, space_before=4))
    return blocks


def _role_section(ctx: _Context) -> list[_Block]:
    data = overview()
    blocks = [_heading(ctx, "The role at a glance", page_break=True)]
    blocks.append(
        _paragraph(ctx, data.outlook.mapping.text, SMALL_MUTED, space_before=0),
    )

    blocks.append(_subheading(ctx, "What the job involves"))
    duty_rows: list[list[Cell]] = [[[(d.title, SMALL_BOLD)], d.description] for d in data.duties]
    blocks += _table(
        ctx,
        [_Column("", wrap=True, weight=0.27), _Column("", wrap=True, weight=1.0)],
        duty_rows,
        header=False,
        styles=((_Style(7.3, spacing=1.04), _Style(7.3, bold=True)),),
    )

    blocks.append(_subheading(ctx, "Certifications"))
    effect = data.certification_pay_effect
    cert_rows: list[list[Cell]] = [
        [
            [(c.abbreviation, SMALL_BOLD), (c.name, NOTE)],
            c.issuer,
            c.renewal.requirement,
        ]
        for c in data.certifications
    ]
    blocks += _table(
        ctx,
        [
            _Column("Credential", wrap=True, weight=1.45),
            _Column("Issuer", wrap=True, weight=0.85),
            _Column("Renewal", wrap=True, weight=1.25),
        ],
        cert_rows,
    )
    plus = "+" if effect.open_ended else ""
    blocks.append(
        _paragraph(
            ctx,
            f"The career guide ({effect.date}) credits a certification with about "
            f"{money(effect.low)}–{money(effect.high)}{plus} a year.",
            NOTE,
            space_before=3,
        )
    )

    blocks.append(_subheading(ctx, "Career ladder"))
    ladder_rows: list[list[Cell]] = []
    for number, rung in enumerate(data.career_ladder, start=1):
        pay = "—"
        if rung.guide_pay is not None:
            pay = f"{money(rung.guide_pay.low)}–{money(rung.guide_pay.high)}"
            pay += "+" if rung.guide_pay.open_ended else ""
        ladder_rows.append(
            [
                str(number),
                [(rung.title, SMALL_BOLD), (f"BLS {rung.soc_code} {rung.soc_title}", NOTE)],
                rung.typical_experience,
                pay,
            ]
        )
    blocks += _table(
        ctx,
        [
            _Column("Step"),
            _Column("Role", wrap=True, weight=1.25),
            _Column("Typical experience", wrap=True, weight=1.2),
            _Column("Guide pay", Qt.AlignmentFlag.AlignRight),
        ],
        ladder_rows,
    )

    blocks.append(_subheading(ctx, "Outlook"))
    blocks.append(_paragraph(ctx, data.outlook.summary, SMALL, space_before=0))
    right = Qt.AlignmentFlag.AlignRight
    outlook_rows: list[list[Cell]] = []
    for projection in data.outlook.projections:
        openings = projection.annual_openings
        outlook_rows.append(
            [
                [(projection.label, SMALL_BOLD), (projection.note, NOTE)],
                projection.period,
                f"{projection.growth.value:g}%",
                f"{openings.value:,.1f}k a year" if openings is not None else "—",
            ]
        )
    table = _table(
        ctx,
        [
            _Column("Projection", wrap=True),
            _Column("Period"),
            _Column("Growth", right),
            _Column("Openings", right),
        ],
        outlook_rows,
        max_lines=2,
    )
    table[0].space_before = ctx.pt(4)
    blocks += table
    return blocks


# --- sources -----------------------------------------------------------------------------------

# Sources behind every report whatever the breakdown cites: wages and price levels, the CPI
# (inflation), ECEC (benefit values), pay-budget surveys (raise), the guide, and O*NET (the role
# mapping and skills, whose CC BY licence requires the attribution wherever it is used).
_ALWAYS_CITED = (
    "bls_oews_2025",
    "bea_rpp_2023",
    "bls_cpi_u",
    "bls_ecec_2026q1",
    "salary_budgets_2026",
    "guide",
    "onet_29_3",
    "ptplanner_method",
)


def _cited_ids(report: ReportInput) -> set[str]:
    ids = set(_ALWAYS_CITED)
    for projection in (report.projection, report.comparison):
        if projection is not None:
            ids.update(item.source for item in projection.today.breakdown)
    if report.career_packet:
        data = overview()
        for rung in data.career_ladder:
            ids.update(c.source for c in rung.cites)
        for cert in data.certifications:
            ids.update(c.source for c in cert.cites)
            ids.add(cert.renewal.source)
        for duty in data.duties:
            ids.update(c.source for c in duty.cites)
        for projection_item in data.outlook.projections:
            ids.add(projection_item.growth.source)
            if projection_item.annual_openings is not None:
                ids.add(projection_item.annual_openings.source)
        ids.update(c.source for c in data.outlook.mapping.cites)
        ids.add(data.certification_pay_effect.source)
    return ids


def _sources_section(ctx: _Context, report: ReportInput) -> list[_Block]:
    catalog = source_catalog()
    wanted = _cited_ids(report)
    blocks = [_heading(ctx, "Sources and dates")]
    blocks.append(
        _paragraph(
            ctx,
            "Every figure in this report comes from the sources below; the date is the period "
            "the figures describe. Estimates are planning aids, not offers of pay.",
            SMALL_MUTED,
            space_before=0,
        )
    )
    rows: list[list[Cell]] = []
    for source in catalog.sources:
        if source.id not in wanted:
            continue
        about: list[tuple[str, _Style]] = [(source.short, SMALL_BOLD), (source.title, NOTE)]
        terms: list[tuple[str, _Style]] = [(source.licence, SMALL)]
        if source.attribution:
            terms.append((source.attribution, SMALL))
        rows.append([about, source.publisher, source.reference_date, terms])
    blocks += _table(
        ctx,
        [
            _Column("Source", wrap=True, weight=1.2),
            _Column("Publisher", wrap=True, weight=0.75),
            _Column("Date", wrap=True, weight=0.45),
            _Column("Licence and attribution", wrap=True, weight=1.35),
        ],
        rows,
        max_lines=8,
        continued="Sources and dates (continued)",
    )
    return blocks
