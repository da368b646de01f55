"""Render the application icon (resources/icons/ptplanner.svg) into a hicolor icon theme tree.

Writes ``resources/icons/hicolor/<N>x<N>/apps/io.github.ptplanner.PTPlanner.png`` for every size
desktops ask for, plus ``hicolor/scalable/apps/io.github.ptplanner.PTPlanner.svg`` (a byte copy of
the source), so the whole ``hicolor`` folder can be copied as-is into ``<prefix>/share/icons``.
The files carry the application id as their name because that is what the .desktop file's
``Icon=`` key and the AppStream metadata look up.

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py [--check]

``--check`` renders into memory and exits 1 if any committed file differs, which is how CI can
catch an SVG edit that was not followed by a re-render. Output is deterministic: same SVG, same
Qt version, same bytes.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# Set before Qt is imported: rendering needs no display, and on a headless CI box the default
# xcb platform would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.ptplanner.PTPlanner"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

REPO = Path(__file__).resolve().parents[1]
ICONS = REPO / "resources" / "icons"
SOURCE = ICONS / "ptplanner.svg"
THEME = ICONS / "hicolor"


def png_path(size: int, theme: Path = THEME) -> Path:
    """Where the PNG of one size lives inside the hicolor tree."""
    return theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def scalable_path(theme: Path = THEME) -> Path:
    """Where the scalable SVG lives inside the hicolor tree."""
    return theme / "scalable" / "apps" / f"{APP_ID}.svg"


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon at ``size`` x ``size`` pixels, encoded as PNG bytes."""
    # Premultiplied ARGB is what QPainter draws into fastest and what the PNG writer converts
    # exactly; starting fully transparent keeps the rounded corners see-through.
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # Quality -1 is Qt's default zlib level; fixing it keeps the bytes stable between runs.
    if not image.save(buffer, "PNG", -1):
        raise RuntimeError(f"Qt could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def build_outputs(source: Path = SOURCE, theme: Path = THEME) -> dict[Path, bytes]:
    """Every file of the hicolor tree and the bytes it should hold."""
    svg = source.read_bytes()
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise RuntimeError(f"{source} is not an SVG that Qt can render")
    outputs = {png_path(size, theme): render_png(renderer, size) for size in SIZES}
    outputs[scalable_path(theme)] = svg
    return outputs


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, verify) the rendered icons; returns the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="verify the committed files, write nothing"
    )
    args = parser.parse_args(argv)

    # QImage rendering works without an application object, but font and platform lookups
    # inside QtSvg are only safe once one exists.
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])

    stale: list[Path] = []
    for path, data in build_outputs().items():
        if path.is_file() and path.read_bytes() == data:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for path in stale:
        verb = "out of date" if args.check else "wrote"
        print(f"{verb}: {path.relative_to(REPO)}")
    if args.check and stale:
        print("run: python tools/make_icons.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
