"""The glossary: the app's terms (typical pay, percentile, RPP...) explained in plain words.

One data file, ``resources/glossary.json``, feeds the tooltips on figures, the Overview's links and
the glossary page of the user guide, so a term reads the same wherever it is explained.
"""

from functools import cache
from typing import Literal

from pydantic import Field

from ptplanner.core.resources import load_model
from ptplanner.core.sources import Strict

TERM_ID_PATTERN = r"^[a-z0-9_]+$"


class GlossaryTerm(Strict):
    id: str = Field(pattern=TERM_ID_PATTERN)
    term: str = Field(min_length=1)
    short: str = Field(min_length=1)
    """One or two sentences: what a tooltip shows."""
    long: str = Field(min_length=1)
    """A paragraph: what the guide's glossary page shows."""


class Glossary(Strict):
    schema_version: Literal[1]
    source_line: str
    terms: tuple[GlossaryTerm, ...]

    def get(self, term_id: str) -> GlossaryTerm:
        """The term with this id; KeyError names an unknown id, so a typo fails in tests."""
        for term in self.terms:
            if term.id == term_id:
                return term
        raise KeyError(f"no glossary term {term_id!r}")


@cache
def glossary() -> Glossary:
    """resources/glossary.json, validated, loaded once."""
    return load_model("glossary.json", Glossary)


def tooltip(term_id: str) -> str:
    """A term's tooltip text: its name, the short explanation and where to read more."""
    term = glossary().get(term_id)
    return f"{term.term}: {term.short}\n(More in Help > User guide > Glossary, F1.)"
