"""The knowledge base: every figure has a source and a date; extra keys are refused.

That every figure the career guide states is carried is checked in test_guide_fingerprint.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from ptplanner.core.knowledge import guide_figures
from ptplanner.core.resources import ResourceError, load_model, resources_root
from ptplanner.core.sources import source_catalog


def _all_json() -> list[tuple[str, object]]:
    root = Path(str(resources_root()))
    return [
        (str(p.relative_to(root)), json.loads(p.read_text("utf-8")))
        for p in sorted(root.rglob("*.json"))
    ]


def _walk(node: object, path: str = "") -> Iterator[tuple[str, dict[str, object]]]:
    """Every JSON object under ``node``, with where it is ("/figures[0]")."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}[{i}]")


def test_every_cited_source_exists() -> None:
    known = source_catalog().ids()
    cited = 0
    for name, data in _all_json():
        if name == "sources.json":
            continue
        for where, node in _walk(data):
            source = node.get("source")
            if isinstance(source, str):
                cited += 1
                assert source in known, f"{name}{where}: unknown source {source!r}"
    assert cited > 50


def test_every_figure_carries_source_and_date() -> None:
    for figure in guide_figures().figures:
        assert figure.source in source_catalog().ids()
        assert figure.date
    for name, data in _all_json():
        for where, node in _walk(data):
            if "source" in node and isinstance(node["source"], str):
                has_date = any(k in node for k in ("date", "reference_period", "period"))
                assert has_date, f"{name}{where} has a source but no date"


def test_guide_and_bls_disagreement_is_kept_visible() -> None:
    # The guide quotes $39,740 as the May 2022 BLS median; BLS's own table says $38,500.
    quoted = guide_figures().get("bls_median_2022_as_quoted")
    assert quoted.value == 39740
    assert quoted.source == "guide"
    from ptplanner.core.knowledge import industry_wages

    may_2022 = next(
        r for r in industry_wages().history("43-6013") if r.reference_period == "May 2022"
    )
    assert may_2022.median == 38500


def test_extra_keys_are_rejected() -> None:
    from ptplanner.core.knowledge import GuideFigures

    data = json.loads((Path(str(resources_root())) / "guide_figures.json").read_text("utf-8"))
    data["figures"][0]["surprise"] = 1
    with pytest.raises(ValidationError, match="surprise"):
        GuideFigures.model_validate(data)
    with pytest.raises(ResourceError):
        load_model("no_such_file.json", GuideFigures)


def test_resources_are_rebuilt_identically_from_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The committed data files are exactly what tools/build_resources.py makes."""
    import importlib.util

    tool = Path(__file__).resolve().parents[2] / "tools" / "build_resources.py"
    spec = importlib.util.spec_from_file_location("build_resources", tool)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = Path(str(resources_root()))
    monkeypatch.setattr(module, "OUT", tmp_path)
    monkeypatch.setattr(module, "print", lambda *_args, **_kwargs: None, raising=False)
    module.main()
    for built in tmp_path.rglob("*.json"):
        relative = built.relative_to(tmp_path)
        assert built.read_text("utf-8") == (committed / relative).read_text("utf-8"), relative


def test_the_wage_table_is_loaded_once_however_it_is_asked_for() -> None:
    from ptplanner.core.knowledge import area_wages

    # The salary engine names the occupation, the location finder uses the default; both must
    # share one validated table (memory, and a projection's start-up).
    assert area_wages() is area_wages("43-6013")
    assert area_wages().soc_code == "43-6013"
