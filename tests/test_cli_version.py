"""``ptplanner --version``: the installed version, answered before anything heavy is imported."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

import ptplanner
from ptplanner.cli.main import main

PROBE = """
import sys
from ptplanner.cli.main import main
sys.argv = ["ptplanner", *sys.argv[1:]]
code = main()
heavy = sorted(
    name for name in sys.modules
    if name in {"argparse", "importlib.metadata", "typing"} or name.split(".")[0] == "pydantic"
)
print("EXIT", code, "LOADED", heavy, file=sys.stderr)
"""


def _probe(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=60
    )


def test_version_is_the_installed_packages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"ptplanner {version('ptplanner')}\n"


def test_version_loads_no_parser_metadata_library_or_pydantic() -> None:
    result = _probe("--version")
    assert result.stdout == f"ptplanner {version('ptplanner')}\n"
    assert "EXIT 0 LOADED []" in result.stderr, result.stderr


def test_version_among_other_arguments_still_goes_through_the_parser() -> None:
    result = _probe("--version", "window")
    assert result.returncode == 0, result.stderr
    # The parser's --version answered (and exited), so the window never opened.
    assert result.stdout == f"ptplanner {version('ptplanner')}\n"


def _dist_info(folder: Path, name: str, metadata: str) -> None:
    (folder / name).mkdir(parents=True)
    (folder / name / "METADATA").write_text(metadata, encoding="utf-8")


@pytest.fixture
def fresh_version() -> Iterator[None]:
    ptplanner._version.cache_clear()
    yield
    ptplanner._version.cache_clear()


@pytest.mark.usefixtures("fresh_version")
def test_version_is_read_from_the_first_dist_info_on_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _dist_info(first, "other-1.0.dist-info", "Name: other\nVersion: 1.0\n")
    _dist_info(
        first,
        "ptplanner-9.8.7.dist-info",
        "Metadata-Version: 2.3\nName: ptplanner\n"
        "Version: 9.8.7\n\nVersion: 0.0.1 in the description\n",
    )
    _dist_info(second, "ptplanner-1.2.3.dist-info", "Name: ptplanner\nVersion: 1.2.3\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(first), str(second)])
    monkeypatch.setattr(ptplanner, "_metadata_version", _only_path_entries(tmp_path))
    assert ptplanner.__version__ == "9.8.7"


@pytest.mark.usefixtures("fresh_version")
def test_a_source_tree_never_installed_has_the_unknown_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A dist-info without a Version line, or without METADATA, is skipped.
    _dist_info(tmp_path, "ptplanner-0.1.dist-info", "Name: ptplanner\n\nVersion: 5\n")
    (tmp_path / "ptplanner-0.2.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    monkeypatch.setattr(ptplanner, "_metadata_version", _only_path_entries(tmp_path))
    assert ptplanner.__version__ == ptplanner.UNKNOWN_VERSION


def _only_path_entries(root: Path) -> Callable[[str], str | None]:
    """The real reader, blind to folders outside ``root`` (the venv this test runs in)."""
    real = vars(ptplanner)["_metadata_version"]

    def read(folder: str) -> str | None:
        return real(folder) if Path(folder).is_relative_to(root) else None

    return read
