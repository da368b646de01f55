"""The names people use for places: "dc", "nyc", "TX", "Austin TX", "boston, ma".

The wage tables name areas as BLS does ("Washington-Arlington-Alexandria, DC-VA-MD-WV") and know
states only by FIPS code. ``resources/place_names.json`` adds the two-letter state abbreviations
(keyed by those FIPS codes) and a short list of everyday names for areas; this module reads it and
splits a typed place into the place and the state it is qualified with.
"""

import re
from functools import cache
from typing import Literal

from pydantic import Field

from ptplanner.core.knowledge import AreaWage
from ptplanner.core.resources import load_model
from ptplanner.core.sources import Strict


class StateAbbreviation(Strict):
    fips: str = Field(pattern=r"^\d{2}$")
    abbreviation: str = Field(pattern=r"^[A-Z]{2}$")


class PlaceAlias(Strict):
    area: str = Field(min_length=1)
    """The area's name exactly as the wage tables spell it."""
    names: tuple[str, ...] = Field(min_length=1)


class PlaceNames(Strict):
    schema_version: Literal[1]
    source_line: str
    states: tuple[StateAbbreviation, ...]
    aliases: tuple[PlaceAlias, ...]


@cache
def place_names() -> PlaceNames:
    """resources/place_names.json, validated, loaded once."""
    return load_model("place_names.json", PlaceNames)


def simplify(text: str) -> str:
    """The form names are compared in: lower case, no full stops or commas, single spaces."""
    return " ".join(re.sub(r"[.,]", " ", text).split()).casefold()


@cache
def alias_targets() -> dict[str, str]:
    """Everyday name (simplified) -> the area's name in the wage tables."""
    return {simplify(name): alias.area for alias in place_names().aliases for name in alias.names}


@cache
def fips_by_abbreviation() -> dict[str, str]:
    """ "tx" -> "48"."""
    return {row.abbreviation.casefold(): row.fips for row in place_names().states}


def abbreviation_of(fips: str) -> str | None:
    """ "48" -> "TX"; None for a code the file does not list."""
    return next((row.abbreviation for row in place_names().states if row.fips == fips), None)


def area_state_codes(area: AreaWage) -> frozenset[str]:
    """The states an area lies in, as abbreviations: "Boston-Cambridge-Newton, MA-NH" -> MA, NH.

    A metro's name ends with its states; a nonmetropolitan area's does not, so its own state's
    FIPS code answers.
    """
    codes: set[str] = set()
    _, comma, tail = area.name.rpartition(",")
    if comma and re.fullmatch(r"\s*[A-Z]{2}(-[A-Z]{2})*\s*", tail):
        codes.update(part.casefold() for part in tail.strip().split("-"))
    own = abbreviation_of(area.state_fips)
    if own is not None:
        codes.add(own.casefold())
    return frozenset(codes)


def split_state(query: str, state_names: dict[str, str]) -> tuple[str, str] | None:
    """("austin", "48") for "austin tx" or "austin, texas": the place and its state's FIPS code.

    ``query`` is already simplified; ``state_names`` maps simplified state names to FIPS codes.
    None when the text does not end with a state, or is nothing but one.
    """
    words = query.split()
    for size in range(min(3, len(words) - 1), 0, -1):
        tail = " ".join(words[-size:])
        fips = fips_by_abbreviation().get(tail) if size == 1 else None
        fips = fips or state_names.get(tail)
        if fips is not None:
            return " ".join(words[:-size]), fips
    return None
