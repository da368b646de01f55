"""The glossary: every term the app names exists, once, and the guide has a place for each."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from ptplanner.core.glossary import glossary, tooltip
from ptplanner.core.resources import load_json

SRC = Path(__file__).resolve().parents[2] / "src" / "ptplanner"
LINK = re.compile(r"glossary:([a-z0-9_]+)")  # TERM_ID in docstrings is not an id
# Calls whose argument at this position is a term id, and keywords that carry one.
TERM_ARGUMENTS = {"tooltip": 0, "with_definition": 1, "Figure": 1}
TERM_KEYWORDS = {"term_id", "term"}
TERM_TABLES = {"TERMS"}  # a dict whose values are term ids


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _looped_over(node: ast.For) -> Iterator[str]:
    """``for item, term in ((a, "id"), ...)``: the literals bound to ``term``."""
    if not isinstance(node.target, ast.Tuple) or not isinstance(node.iter, ast.Tuple | ast.List):
        return
    names = [getattr(element, "id", "") for element in node.target.elts]
    for position, name in enumerate(names):
        if name not in TERM_KEYWORDS:
            continue
        for row in node.iter.elts:
            if isinstance(row, ast.Tuple) and len(row.elts) > position:
                value = _literal(row.elts[position])
                if value is not None:
                    yield value


def _table(node: ast.Assign | ast.AnnAssign) -> Iterator[str]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    named = any(getattr(target, "id", "") in TERM_TABLES for target in targets)
    if named and isinstance(node.value, ast.Dict):
        yield from (v for v in map(_literal, node.value.values) if v is not None)


def term_ids_named_in(text: str) -> Iterator[str]:
    """Term ids a module's source names: ``tooltip("id")``, ``term_id="id"``, ``glossary:id``,
    ``Figure(caption, "id")``, a ``TERMS`` table and a loop binding ``term``."""
    for node in ast.walk(ast.parse(text)):
        value = _literal(node) if isinstance(node, ast.expr) else None
        if value is not None:
            yield from LINK.findall(value)
        if isinstance(node, ast.For):
            yield from _looped_over(node)
        if isinstance(node, ast.Assign | ast.AnnAssign):
            yield from _table(node)
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        position = TERM_ARGUMENTS.get(name)
        if position is not None and len(node.args) > position:
            argument = _literal(node.args[position])
            if argument is not None:
                yield argument
        for keyword in node.keywords:
            argument = _literal(keyword.value)
            if keyword.arg in TERM_KEYWORDS and argument is not None:
                yield argument


def term_ids_in_source() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(SRC)), term_id)
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "glossary.py"
        for term_id in term_ids_named_in(path.read_text(encoding="utf-8"))
    ]


def test_every_term_the_app_names_is_in_the_glossary() -> None:
    named = term_ids_in_source()
    assert len({term_id for _where, term_id in named}) >= 8  # the scan really finds the uses
    known = {term.id for term in glossary().terms}
    unknown = [(where, term_id) for where, term_id in named if term_id not in known]
    assert not unknown, f"terms used but not in resources/glossary.json: {unknown}"


def test_the_scan_sees_a_misspelt_term() -> None:
    source = (
        'tip = tooltip("likely_rnage")\n'
        "label = '<a href=\"glossary:medain\">median</a>'\n"
        'box = FigureBox("Typical pay", term_id="typcial_pay")\n'
        'both = with_definition("BLS, May 2025", "percentle")\n'
        'TERMS = {3: "p10p90"}\n'
        'for item, term in ((a, "cpii"),):\n'
        "    pass\n"
    )
    assert set(term_ids_named_in(source)) == {
        "likely_rnage",
        "medain",
        "typcial_pay",
        "percentle",
        "p10p90",
        "cpii",
    }


def test_no_term_id_is_used_twice() -> None:
    ids = [term["id"] for term in load_json("glossary.json")["terms"]]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    names = [term.term.lower() for term in glossary().terms]
    assert len(names) == len(set(names))


def test_every_term_has_an_anchor_on_the_guide_s_glossary_page() -> None:
    # pages.py is Qt-free, but lives under ptplanner.ui; the headless run hides Qt with an
    # ImportError, not a ModuleNotFoundError.
    pytest.importorskip("PySide6", exc_type=ImportError)
    from ptplanner.ui.help.pages import page_html

    page = page_html("glossary")
    for term in glossary().terms:
        assert f'<a name="{term.id}">' in page, term.id
        assert f'href="#{term.id}"' in page, term.id


def test_an_unknown_term_fails_loudly() -> None:
    with pytest.raises(KeyError, match="no glossary term 'typcial_pay'"):
        tooltip("typcial_pay")


def test_the_definitions_say_what_the_model_does() -> None:
    # Read against core/salary: the range is 15 percentile points either side of the estimate's
    # place (salary_model.json band_points), and hours per year are BLS's 2,080.
    from ptplanner.core.compare import HOURS_PER_YEAR
    from ptplanner.core.salary.model import salary_model

    band = salary_model().band_points
    assert f"{band:g} percentile points" in glossary().get("likely_range").long
    assert f"{HOURS_PER_YEAR:,}" in glossary().get("hourly_pay").short
