"""The desktop integration files are valid and agree with each other and with pyproject.toml.

The validators (desktop-file-validate from desktop-file-utils, appstreamcli from appstream) are
Debian packages, not Python ones: a test that needs one is skipped, with the apt-get line in the
reason, when it is not installed. CI installs both, so there the tests always run.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"
APP_ID = "io.github.ptplanner.PTPlanner"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SCREENSHOTS = ("overview.png", "day.png", "salary.png", "plan.png")
SCREENSHOT_BASE = "https://raw.githubusercontent.com/ptplanner/ptplanner/main/docs/screenshots/"


def _require(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (apt-get install -y {package})")
    return path


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


class _CaseKeepingParser(configparser.ConfigParser):
    """Desktop-file keys are case-sensitive ("Name", "Exec"); ConfigParser lowercases them."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def _desktop_entry() -> configparser.SectionProxy:
    # interpolation=None: desktop files may contain % field codes.
    parser = _CaseKeepingParser(interpolation=None)
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def _pyproject() -> dict[str, Any]:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


def _png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, which the format requires to come first."""
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n" or header[12:16] != b"IHDR":
        raise AssertionError(f"{path} is not a PNG file")
    width, height = struct.unpack(">II", header[16:24])
    return width, height


# --- validators -----------------------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate() -> None:
    tool = _require("desktop-file-validate", "desktop-file-utils")
    result = _run(tool, str(DESKTOP))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Errors make the exit status non-zero; warnings do not, but are real problems too. Hints
    # are allowed: the one expected is that Office;Education; are both main categories.
    problems = [line for line in output.splitlines() if ": error:" in line or ": warning:" in line]
    assert not problems, output


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = _require("appstreamcli", "appstream")
    result = _run(tool, "validate", "--no-net", str(METAINFO))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Errors fail the exit status; warnings do not, so look for them. Infos are tolerated:
    # appstream 0.16 (Debian 12) reports the newer <developer> tag as unknown.
    warnings = [line for line in output.splitlines() if line.lstrip().startswith("W:")]
    assert not warnings, output


def test_installed_tree_passes_appstreamcli_validate_tree(tmp_path: Path) -> None:
    """install_desktop.sh lays out a prefix that appstream accepts as a whole.

    validate-tree also checks what validate cannot: that the launchable's .desktop file is
    installed next to the metadata.
    """
    tool = _require("appstreamcli", "appstream")
    prefix = tmp_path / "prefix"
    install = subprocess.run(
        ["bash", str(PACKAGING / "install_desktop.sh"), "--prefix", str(prefix), "--no-refresh"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    share = prefix / "share"
    assert (share / "applications" / DESKTOP.name).read_bytes() == DESKTOP.read_bytes()
    assert (share / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()

    result = _run(tool, "validate-tree", "--no-net", str(prefix))
    assert result.returncode == 0, result.stdout + result.stderr


# --- icons ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_has_its_size(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert path.is_file(), f"missing {path}; run tools/make_icons.py"
    assert _png_size(path) == (size, size)


def test_scalable_icon_is_the_source_svg() -> None:
    """The themed SVG is a copy made by tools/make_icons.py; an edit to one must reach both."""
    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ICONS / "ptplanner.svg").read_bytes(), (
        "run tools/make_icons.py after editing resources/icons/ptplanner.svg"
    )


@pytest.mark.gui
def test_rendered_icons_match_the_svg(qapp: object) -> None:
    """The committed PNGs are what the SVG renders to now (within antialiasing noise).

    ``qapp`` (pytest-qt) provides the one application object of the test session; creating a
    QGuiApplication here would break every later test that needs a QApplication.
    """
    qt_gui = pytest.importorskip("PySide6.QtGui")

    spec = importlib.util.spec_from_file_location("make_icons", REPO / "tools" / "make_icons.py")
    assert spec is not None
    assert spec.loader is not None
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)

    for path, data in make_icons.build_outputs().items():
        if path.suffix != ".png":
            continue
        fresh = qt_gui.QImage.fromData(data).convertToFormat(qt_gui.QImage.Format.Format_ARGB32)
        committed = qt_gui.QImage(str(path)).convertToFormat(qt_gui.QImage.Format.Format_ARGB32)
        assert committed.size() == fresh.size(), path
        # Compare raw bytes with a small per-channel tolerance: a different Qt patch release may
        # antialias an edge one step differently, which is not a stale icon.
        worst = max(
            abs(a - b)
            for a, b in zip(
                bytes(fresh.constBits())[: fresh.sizeInBytes()],
                bytes(committed.constBits())[: committed.sizeInBytes()],
                strict=True,
            )
        )
        assert worst <= 16, f"{path} is stale; run tools/make_icons.py"


# --- consistency ----------------------------------------------------------------------------


def test_desktop_icon_and_metainfo_id_agree() -> None:
    entry = _desktop_entry()
    root = _metainfo()
    assert root.findtext("id") == APP_ID
    assert entry["Icon"] == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name


def test_desktop_entry_runs_the_installed_gui_script() -> None:
    entry = _desktop_entry()
    project = _pyproject()["project"]
    assert entry["Exec"].split()[0] in project["gui-scripts"]
    assert entry["Terminal"] == "false"
    assert entry["Name"] == _metainfo().findtext("name") == "PT Planner"
    assert entry["Comment"] == _metainfo().findtext("summary")
    assert set(entry["Categories"].rstrip(";").split(";")) == {"Office", "Education"}


def test_metainfo_binary_is_the_console_script() -> None:
    binaries = [node.text for node in _metainfo().iterfind("provides/binary")]
    assert binaries == ["ptplanner"]
    assert "ptplanner" in _pyproject()["project"]["scripts"]


def test_metainfo_release_is_the_package_version() -> None:
    releases = _metainfo().findall("releases/release")
    assert releases, "the metainfo lists no release"
    # AppStream lists releases newest first; the newest must be the version being built.
    assert releases[0].get("version") == _pyproject()["project"]["version"]
    assert releases[0].get("date")
    assert releases[0].find("description") is not None


def test_metainfo_licences() -> None:
    root = _metainfo()
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == _pyproject()["project"]["license"] == "MIT"


def test_metainfo_has_one_screenshot_per_tab() -> None:
    screenshots = _metainfo().findall("screenshots/screenshot")
    images = [shot.findtext("image") for shot in screenshots]
    assert images == [SCREENSHOT_BASE + name for name in SCREENSHOTS]
    assert [shot.get("type") for shot in screenshots].count("default") == 1
    assert all((shot.findtext("caption") or "").strip() for shot in screenshots)
