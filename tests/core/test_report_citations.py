"""The one list of sources a report cites, shared by the CLI and the printout."""

from __future__ import annotations

from ptplanner.core.content import overview
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.report.build import ReportInput, build_report
from ptplanner.core.report.citations import ALWAYS_CITED, citation, cited_sources, source_name
from ptplanner.core.sources import source_catalog


def test_every_projection_cites_the_base_sources_first() -> None:
    projection = project(ProjectionRequest(years=1, start_year=2026))
    ids = [source.id for source in cited_sources([projection])]
    assert ids[: len(ALWAYS_CITED)] == list(ALWAYS_CITED)
    assert len(ids) == len(set(ids))
    assert {item.source for item in projection.today.breakdown} <= set(ids)
    # BLS's pay history (the pay scale's growth) and O*NET are cited whatever the breakdown
    # shows; the raise surveys went with the raise that grew the whole pay scale.
    assert "bls_oews_history" in ids
    assert "onet_29_3" in ids
    assert "salary_budgets_2026" not in ids


def test_cited_sources_carry_the_catalogue_entry() -> None:
    projection = project(ProjectionRequest(years=1, start_year=2026))
    catalog = source_catalog()
    for cited in cited_sources([projection]):
        source = catalog.get(cited.id)
        assert (cited.short, cited.title, cited.publisher) == (
            source.short,
            source.title,
            source.publisher,
        )
        assert (cited.reference_date, cited.licence, cited.attribution) == (
            source.reference_date,
            source.licence,
            source.attribution,
        )
    onet = next(s for s in cited_sources([projection]) if s.id == "onet_29_3")
    assert onet.attribution is not None
    assert "CC BY 4.0" in onet.attribution


def test_the_career_packet_adds_the_role_summarys_sources() -> None:
    projection = project(ProjectionRequest(years=1, start_year=2026))
    plain = {s.id for s in cited_sources([projection])}
    packet = [s.id for s in cited_sources([projection], career_packet=True)]
    data = overview()
    wanted = {c.source for duty in data.duties for c in duty.cites}
    wanted |= {cert.renewal.source for cert in data.certifications}
    wanted.add(data.certification_pay_effect.source)
    assert wanted <= set(packet)
    assert "nha" in packet
    assert "nha" not in plain
    # The career ladder's prerequisites come from BLS Employment Projections.
    from ptplanner.core.salary.ladder import ladder

    assert {r.prerequisites_source for r in ladder()} <= set(packet)
    # After the base sources, the rest follow the catalogue's order.
    order = [s.id for s in source_catalog().sources]
    rest = packet[len(ALWAYS_CITED) :]
    assert rest == sorted(rest, key=order.index)


def test_a_comparison_cites_what_both_breakdowns_cite() -> None:
    mine = project(ProjectionRequest(years=1, start_year=2026))
    theirs = project(ProjectionRequest(inputs={"location": "boston"}, years=1, start_year=2026))
    report = build_report(ReportInput(mine, comparison=theirs))
    cited = {s.id for s in report.sources}
    for projection in (mine, theirs):
        assert {i.source for i in projection.today.breakdown} <= cited


def test_citation_names_the_date_once() -> None:
    assert citation("bls_oews_2025", "May 2025") == "BLS OEWS, May 2025"
    # "BLS OEWS national, May 2020-2025" already says "May 2020–May 2025".
    assert citation("bls_oews_history", "May 2020–May 2025") == source_name("bls_oews_history")
    assert (
        citation("bls_oews_history", "May 2019") == f"{source_name('bls_oews_history')}, May 2019"
    )
    assert citation("ptplanner_method", "2026") == "ptplanner estimate method, 2026"
    assert source_name("no_such_source") == "no_such_source"
