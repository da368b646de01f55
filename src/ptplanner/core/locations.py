"""Finding a wage area by what a person types: "boston", "Texas", "national", an area code.

The CLI and the window's location box share these rules so a name that works in one works in the
other: exact name or code first, then a unique partial match, and otherwise a clear error that
lists the candidates or suggests near misses. Among several partial matches, the one area that
contains the text as whole words is taken ("charlotte" is not "Charlottesville"). Everyday names
come next ("dc", "nyc", "TX": core/place_names.py), and a place qualified by its state ("Austin
TX", "boston, ma") is looked for among that state's metro areas.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ptplanner.core.knowledge import AreaWage, PriceParity, area_wages, price_parities
from ptplanner.core.place_names import (
    abbreviation_of,
    alias_targets,
    area_state_codes,
    fips_by_abbreviation,
    simplify,
    split_state,
)

NATIONAL_ALIASES = frozenset({"national", "united states", "us", "u.s.", "usa", "nationwide"})


class LocationError(ValueError):
    """The text names no area, or more than one; the message says which and what to try."""


@dataclass(frozen=True)
class PriceLevel:
    """The BEA price level used for an area, and whose it is (the area's or its state's)."""

    rpp: float
    from_name: str
    is_fallback: bool


@cache
def areas() -> tuple[AreaWage, ...]:
    """Every area with published wages: national first, then states, then metro areas."""
    order = {"national": 0, "state": 1, "metro": 2}
    table = area_wages()
    return tuple(sorted(table.areas, key=lambda a: (order[a.kind], a.name.casefold())))


@cache
def usable_areas() -> tuple[AreaWage, ...]:
    """Areas whose five wage percentiles were all released (one metro has none)."""
    return tuple(area for area in areas() if area.percentiles() is not None)


@lru_cache(maxsize=512)
def find_area(text: str) -> AreaWage:
    """Resolve what a person typed to one area, or raise LocationError saying why not."""
    query = " ".join(text.split()).casefold()
    if not query:
        raise LocationError("no location given")
    candidates = usable_areas()
    if query in NATIONAL_ALIASES:
        return candidates[0]
    exact = [a for a in candidates if a.name.casefold() == query or a.code == query]
    if len(exact) == 1:
        return exact[0]
    everyday = _everyday_name(query)
    if everyday is not None:
        return everyday
    picked = _pick(query, candidates)
    if isinstance(picked, AreaWage):
        return picked
    within_state = _in_named_state(text, query)
    if isinstance(within_state, AreaWage):
        return within_state
    if picked:
        names = ", ".join(f'"{a.name}"' for a in picked[:6])
        more = f" and {len(picked) - 6} more" if len(picked) > 6 else ""
        raise LocationError(f'"{text}" matches several areas: {names}{more}; be more specific')
    unpublished = next((a for a in areas() if a.name.casefold() == query), None)
    if unpublished is not None:
        raise LocationError(
            f'BLS released no wages for "{unpublished.name}"; choose its state instead'
        )
    if within_state is not None:
        raise within_state
    hint = ", ".join(f'"{name}"' for name in suggestions(query))
    raise LocationError(f'unknown location "{text}"' + (f"; did you mean {hint}?" if hint else ""))


def _pick(query: str, candidates: tuple[AreaWage, ...]) -> AreaWage | list[AreaWage]:
    """The one area whose name contains ``query``, or every area that does (maybe none)."""
    partial = [a for a in candidates if query in a.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    # "charlotte" means Charlotte, NC, not Charlottesville: a match of whole words wins.
    whole = re.compile(rf"(?<!\w){re.escape(query)}(?!\w)")
    whole_word = [a for a in partial if whole.search(a.name.casefold())]
    if len(whole_word) == 1:
        return whole_word[0]
    return partial


def _everyday_name(query: str) -> AreaWage | None:
    """The area an everyday name means: "dc", "nyc", "TX", "new york state"."""
    simple = simplify(query)
    target = alias_targets().get(simple)
    if target is not None:
        return next((a for a in usable_areas() if a.name == target), None)
    # "tx", "wa"; and "ny state", "washington state": the state, not a metro named after it.
    bare = simple.removesuffix(" state")
    fips = fips_by_abbreviation().get(bare) or (
        _state_fips_by_name().get(bare) if bare != simple else None
    )
    if fips is None:
        return None
    return next((a for a in usable_areas() if a.kind == "state" and a.state_fips == fips), None)


def _in_named_state(text: str, query: str) -> AreaWage | LocationError | None:
    """For "Austin TX" or "boston, massachusetts": the one area in that state the place names.

    None when the text does not end with a state; a LocationError to raise if nothing else
    matches the text either.
    """
    split = split_state(simplify(query), _state_fips_by_name())
    if split is None or not split[0]:
        return None
    place, fips = split
    state = next(a for a in areas() if a.kind == "state" and a.state_fips == fips)
    code = (abbreviation_of(fips) or "").casefold()
    in_state = tuple(a for a in usable_areas() if a.kind == "metro" and code in area_state_codes(a))
    picked = _pick(place, in_state)
    if isinstance(picked, AreaWage):
        return picked
    if picked:
        names = ", ".join(f'"{a.name}"' for a in picked[:6])
        return LocationError(f'"{text}" matches several areas in {state.name}: {names}')
    return LocationError(
        f'no area in {state.name} matches "{place}"; try "{state.name}" for the whole state'
    )


@cache
def _state_fips_by_name() -> dict[str, str]:
    """ "texas" -> "48", "district of columbia" -> "11"."""
    return {simplify(a.name): a.state_fips for a in areas() if a.kind == "state"}


def suggestions(query: str, limit: int = 3) -> list[str]:
    """Area names close to a misspelt query, comparing it with each area's leading place name."""
    by_key: dict[str, str] = {}
    for area in usable_areas():
        name = area.name.casefold()
        by_key.setdefault(name, area.name)
        # "Boston-Cambridge-Newton, MA-NH" is found by "boston", so compare with "boston" too.
        by_key.setdefault(name.split(",")[0].split("-")[0].strip(), area.name)
    near = difflib.get_close_matches(query.casefold(), list(by_key), n=limit * 2, cutoff=0.75)
    return list(dict.fromkeys(by_key[key] for key in near))[:limit]


def state_of(area: AreaWage) -> AreaWage | None:
    """The state an area lies in (its own row for a state; None for the nation)."""
    if area.kind == "national":
        return None
    if area.kind == "state":
        return area
    for candidate in areas():
        if candidate.kind == "state" and candidate.state_fips == area.state_fips:
            return candidate
    return None


@cache
def price_level(area: AreaWage) -> PriceLevel | None:
    """BEA's price level for the area; a metro BEA does not list falls back to its state."""
    parities = price_parities()
    if area.kind == "national":
        return PriceLevel(100.0, "United States", False)
    if area.kind == "metro":
        cbsa = area.code[2:]
        metro = _find(parities.metros, cbsa)
        if metro is not None and metro.rpp is not None:
            return PriceLevel(metro.rpp, metro.name, False)
    state = state_of(area)
    if state is None:
        return None
    row = _find(parities.states, state.state_fips + "000")
    if row is None or row.rpp is None:
        return None
    return PriceLevel(row.rpp, row.name, area.kind != "state")


def _find(rows: tuple[PriceParity, ...], fips: str) -> PriceParity | None:
    return next((row for row in rows if row.fips == fips), None)


@cache
def grouped_areas() -> tuple[tuple[AreaWage, tuple[AreaWage, ...]], ...]:
    """Every usable area grouped for a list people scan: the nation, then each state followed
    by its metro and nonmetropolitan areas (a metro spanning states under its main one)."""
    usable = usable_areas()
    groups: list[tuple[AreaWage, tuple[AreaWage, ...]]] = [(usable[0], ())]
    for state in (a for a in usable if a.kind == "state"):
        metros = tuple(a for a in usable if a.kind == "metro" and a.state_fips == state.state_fips)
        groups.append((state, metros))
    return tuple(groups)
