"""The career guide, checked without its text: figures carried over, prose never copied.

The repository keeps only ``tests/fixtures/guide_fingerprint.json`` (the guide's stated amounts
and percentages, and salted digests of its seven-word runs, made by
``tools/guide_fingerprint.py``), so these tests run on every checkout, CI included.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ptplanner.core.knowledge import guide_figures

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "guide_fingerprint.json"
GUIDE = REPO.parent / "shared" / "sources" / "000_954a31b7260f569e.txt"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "guide_fingerprint", REPO / "tools" / "guide_fingerprint.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("guide_fingerprint", module)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
PRINT = json.loads(FIXTURE.read_text(encoding="utf-8"))
GUIDE_RUNS = set(PRINT["run_digests"])


def copied_runs(text: str) -> set[str]:
    """Digests of the seven-word runs of ``text`` that also occur in the guide."""
    runs: set[str] = TOOL.run_digests(TOOL.tokens(text), PRINT["run_length"])
    return runs & GUIDE_RUNS


def _json_strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _json_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _json_strings(value)


def _python_strings(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value
        elif isinstance(node, ast.JoinedStr):  # f-strings: their literal parts, joined
            yield " ".join(
                part.value
                for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )


def app_texts() -> Iterator[tuple[str, str]]:
    """Every sentence the app, its docs or its metadata can show, with where it comes from."""
    for path in sorted((REPO / "resources").rglob("*.json")):
        if "wages" in path.parts:
            continue  # BLS tables: numbers and official area names
        for text in _json_strings(json.loads(path.read_text(encoding="utf-8"))):
            yield str(path.relative_to(REPO)), text
    for path in sorted((REPO / "src").rglob("*.py")):
        for text in _python_strings(path):
            yield str(path.relative_to(REPO)), text
    for path in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        yield str(path.relative_to(REPO)), path.read_text(encoding="utf-8")
    # The user guide's pages, read as text: a tag between two words must not hide a copy.
    # (Its glossary page is written from resources/glossary.json, read above.)
    for path in sorted((REPO / "resources" / "help").glob("*.html")):
        html = path.read_text(encoding="utf-8")
        yield str(path.relative_to(REPO)), unescape(re.sub(r"<[^>]+>", " ", html))
    for path in sorted((REPO / "packaging").glob("*.xml")) + sorted(
        (REPO / "packaging").glob("*.desktop")
    ):
        yield str(path.relative_to(REPO)), path.read_text(encoding="utf-8")


def test_the_fingerprint_is_complete() -> None:
    assert PRINT["run_length"] == TOOL.RUN_LENGTH
    assert len(GUIDE_RUNS) > 3000  # a few thousand words of guide
    assert len(PRINT["dollar_amounts"]) > 20
    assert len(PRINT["percentages"]) > 5


def test_every_pay_figure_the_guide_states_is_represented() -> None:
    carried: set[float] = set()
    for figure in guide_figures().figures:
        if figure.unit == "USD/year":
            carried.update(v for v in (figure.value, figure.low, figure.high) if v is not None)
    # "$56k-$70k+" style figures repeat the table's; every distinct amount must be carried.
    missing = sorted(set(PRINT["dollar_amounts"]) - carried)
    assert not missing, f"guide pay figures not in guide_figures.json: {missing}"


def test_every_percentage_the_guide_states_is_represented() -> None:
    carried: set[float] = set()
    for figure in guide_figures().figures:
        if figure.unit == "percent":
            carried.update(v for v in (figure.value, figure.low, figure.high) if v is not None)
    assert set(PRINT["percentages"]) <= carried, sorted(set(PRINT["percentages"]) - carried)


def test_no_text_the_app_shows_copies_the_guide() -> None:
    texts = list(app_texts())
    assert len(texts) > 1000  # the scan really read the content, the code and the docs
    assert sum(where.startswith("resources/help/") for where, _text in texts) >= 6
    copied = [(where, text[:120]) for where, text in texts if copied_runs(text)]
    assert not copied, f"seven or more words in a row copied from the guide: {copied}"


def test_a_copied_run_is_recognised() -> None:
    # What the scan does with a real copy, shown on the guide's own words when they are here;
    # the tokenizer's rules (case and punctuation do not hide a copy) hold everywhere.
    assert TOOL.tokens("Co-pays, ICD-10 & CPT: Alex's day!") == [
        "copays",
        "icd10",
        "cpt",
        "alexs",
        "day",
    ]
    if not GUIDE.is_file():
        pytest.skip(f"the guide itself is not at {GUIDE} (the fingerprint still is)")
    words = GUIDE.read_text(encoding="utf-8").split()
    sample = " ".join(words[200:210])
    assert copied_runs(sample)
    assert copied_runs(sample.upper().replace(" ", "  "))
    assert not copied_runs("Our own sentence about scheduling therapists and verifying benefits.")


def test_the_fingerprint_matches_the_guide() -> None:
    if not GUIDE.is_file():
        pytest.skip(f"the guide itself is not at {GUIDE}; the committed fingerprint is used")
    fresh = TOOL.fingerprint(GUIDE.read_text(encoding="utf-8"), GUIDE.name)
    assert fresh == PRINT, "the guide changed: run python tools/guide_fingerprint.py"
