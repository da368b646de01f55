"""One strict accessor for the data files under ``resources/``.

In an installed wheel the files live inside the package (``ptplanner/resources``); in a source
checkout or an editable install they are the repository's top-level ``resources/`` folder.
An unknown name raises instead of returning ``None`` so a typo fails loudly in tests.
pydantic is imported only by :func:`load_model`'s callers: the window finds its icon through this
module before its first paint, when importing pydantic would cost more than the whole window.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")


class ResourceError(LookupError):
    """A resource file is missing or does not match its schema."""


@cache
def resources_root() -> Traversable:
    """The folder holding the data files, wherever this copy of ptplanner was installed from."""
    packaged = files("ptplanner") / "resources"
    if packaged.is_dir():
        return packaged
    source_tree = Path(__file__).resolve().parents[3] / "resources"
    if source_tree.is_dir():
        return source_tree
    raise ResourceError("ptplanner's data files (resources/) were not found next to the package")


def resource_path(name: str) -> Traversable:
    """The named resource file; raises ResourceError for a name that does not exist."""
    node = resources_root()
    for part in name.split("/"):
        node = node / part
    if not node.is_file():
        raise ResourceError(f"no resource named {name!r}")
    return node


def load_json(name: str) -> Any:
    """Parse a JSON resource file."""
    with resource_path(name).open("r", encoding="utf-8") as handle:
        return json.load(handle)


def load_model(name: str, model: type[M]) -> M:
    """Load a JSON resource and validate it against ``model``."""
    try:
        return model.model_validate(load_json(name))
    except ValueError as error:  # pydantic.ValidationError and json errors are both ValueErrors
        raise ResourceError(f"resource {name!r} is invalid: {error}") from error
