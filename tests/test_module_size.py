"""No module in src/ grows past MAX_LINES: a module has one job and fits on a few screens.

Aim for under 400 lines; past MAX_LINES, split along the seams the code already has (a panel, a
dialog, a model, a layout engine), not by cutting the file in half.
"""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_LINES = 600


def line_count(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def test_the_source_tree_is_found() -> None:
    assert (SRC / "ptplanner" / "__init__.py").is_file()


def test_no_module_passes_the_line_limit() -> None:
    too_long = sorted(
        (count, path.relative_to(SRC.parent).as_posix())
        for path in SRC.rglob("*.py")
        if (count := line_count(path)) > MAX_LINES
    )
    assert not too_long, f"modules over {MAX_LINES} lines, to be split: " + ", ".join(
        f"{name} ({count} lines)" for count, name in reversed(too_long)
    )
