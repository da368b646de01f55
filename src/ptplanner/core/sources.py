"""The catalogue of sources every figure in the knowledge base points to, and the pieces every
knowledge-base document is built from: the strict base model, a citation, a cited figure, ids.

A figure never carries free text about where it came from: it names a source id, and the id must
exist here, so a dangling or missing citation is a load error rather than a silent gap.
"""

from collections.abc import Iterable
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ptplanner.core.resources import load_model

SourceKind = Literal["primary", "secondary", "guide", "method"]

ID_PATTERN = r"^[a-z0-9_]+$"
"""An item id in a knowledge-base document: lower case, digits and underscores."""
SOC_PATTERN = r"^\d{2}-\d{4}$"
"""A Standard Occupational Classification code, e.g. "43-6013"."""


def require_unique(ids: Iterable[str], what: str) -> None:
    """Raise ValueError naming the first id that repeats (for a model validator)."""
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise ValueError(f"duplicate {what} id {item_id!r}")
        seen.add(item_id)


class Strict(BaseModel):
    """Base for every knowledge-base model: unknown keys are an error, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(Strict):
    id: str = Field(pattern=ID_PATTERN)
    short: str
    publisher: str
    title: str
    reference_date: str
    kind: SourceKind
    licence: str
    attribution: str | None = None
    note: str | None = None


class SourceCatalog(Strict):
    schema_version: Literal[1]
    sources: tuple[Source, ...]

    @model_validator(mode="after")
    def _ids_unique(self) -> "SourceCatalog":
        ids = [source.id for source in self.sources]
        if len(ids) != len(set(ids)):
            raise ValueError("source ids must be unique")
        return self

    def get(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(f"unknown source {source_id!r}")

    def ids(self) -> frozenset[str]:
        return frozenset(source.id for source in self.sources)


class Cited(Strict):
    """Anything shown with a citation: the source id and the date the figure refers to."""

    source: str = Field(pattern=ID_PATTERN)
    date: str


class Figure(Cited):
    """One number with its unit, source and reference date."""

    value: float
    unit: Literal[
        "USD/year", "USD/hour", "percent", "count", "thousands", "index", "years", "ratio"
    ]
    label: str


@cache
def source_catalog() -> SourceCatalog:
    return load_model("sources.json", SourceCatalog)
