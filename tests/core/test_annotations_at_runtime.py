"""The core's models keep their annotations as objects, not postponed strings.

With ``from __future__ import annotations`` every field of a pydantic model or a NamedTuple is a
string that pydantic or ``typing`` turns back into a type one at a time (a ``ForwardRef``
compiled and evaluated per field) when the class is made. The core defines a few hundred such
fields, and every command and the window's first screen import them: those modules write their
annotations as plain expressions instead (quoted only where a name comes later in the file).
"""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "src" / "ptplanner" / "core"
MODEL_BASES = {"BaseModel", "NamedTuple", "Strict", "TypedDict"}


def defines_models(tree: ast.Module) -> bool:
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")
                if name in MODEL_BASES:
                    return True
    return False


def postpones_annotations(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(alias.name == "annotations" for alias in node.names)
        for node in tree.body
    )


def test_modules_defining_models_do_not_postpone_annotations() -> None:
    offenders = []
    checked = 0
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if defines_models(tree):
            checked += 1
            if postpones_annotations(tree):
                offenders.append(str(path.relative_to(CORE)))
    assert checked > 20  # content, knowledge, salary, plan, report, ...
    assert offenders == []
