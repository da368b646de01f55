"""Which catalogue sources a report cites: the one list behind the CLI's and the printout's.

A projection always rests on the wage tables, BLS's pay history (the pay scale's growth), price
levels, the CPI, ECEC benefit values, the guide, O*NET and ptplanner's own method; what its
breakdown cites comes on top, and the career packet adds the sources behind the role summary and
the career ladder's prerequisites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ptplanner.core.projection import Projection
from ptplanner.core.report.model import CitedSource
from ptplanner.core.salary.ladder import ladder
from ptplanner.core.sources import Source, source_catalog

ALWAYS_CITED = (
    "bls_oews_2025",
    "bls_oews_history",
    "bea_rpp_2023",
    "bls_cpi_u",
    "bls_ecec_2026q1",
    "guide",
    "onet_29_3",
    "ptplanner_method",
)
"""Sources behind every report whatever the breakdown cites: wages, their history (the pay scale's
growth), price levels, the CPI (inflation), ECEC (benefit values and paid leave's share of pay),
the guide, and O*NET (the role mapping and skills, whose CC BY licence requires the attribution
wherever it is used)."""


def _role_summary_ids() -> set[str]:
    """The sources the career packet's role summary cites."""
    from ptplanner.core.content import overview

    data = overview()
    ids: set[str] = set()
    for rung in data.career_ladder:
        ids.update(c.source for c in rung.cites)
    for cert in data.certifications:
        ids.update(c.source for c in cert.cites)
        ids.add(cert.renewal.source)
    for duty in data.duties:
        ids.update(c.source for c in duty.cites)
    for item in data.outlook.projections:
        ids.add(item.growth.source)
        if item.annual_openings is not None:
            ids.add(item.annual_openings.source)
    ids.update(c.source for c in data.outlook.mapping.cites)
    ids.add(data.certification_pay_effect.source)
    ids.update(r.prerequisites_source for r in ladder())
    return ids


def cited_sources(
    projections: Iterable[Projection], *, career_packet: bool = False
) -> tuple[CitedSource, ...]:
    """The sources behind the projections (and the role summary): the always-cited ones in
    their order, then the rest in the catalogue's order."""
    catalog = source_catalog()
    wanted: set[str] = set(ALWAYS_CITED)
    for projection in projections:
        wanted.update(item.source for item in projection.today.breakdown)
    if career_packet:
        wanted |= _role_summary_ids()
    rest = [s.id for s in catalog.sources if s.id in wanted and s.id not in ALWAYS_CITED]
    return tuple(_cited(catalog.get(source_id)) for source_id in (*ALWAYS_CITED, *rest))


def _cited(source: Source) -> CitedSource:
    return CitedSource(
        id=source.id,
        short=source.short,
        title=source.title,
        publisher=source.publisher,
        reference_date=source.reference_date,
        licence=source.licence,
        attribution=source.attribution,
    )


def source_name(source_id: str) -> str:
    """A source's short name, or its id when the catalogue does not know it."""
    try:
        return source_catalog().get(source_id).short
    except KeyError:
        return source_id


def citation(source_id: str, date: str) -> str:
    """A breakdown line's citation: the source's name, and its date where the name lacks it
    (a name that has every year of the date has it: "May 2020-2025" for "May 2020–May 2025")."""
    short = source_name(source_id)
    years = re.findall(r"\d{4}", date)
    if date.casefold() in short.casefold() or (years and all(y in short for y in years)):
        return short
    return f"{short}, {date}"
