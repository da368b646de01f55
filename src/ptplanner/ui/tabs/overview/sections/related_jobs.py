"""The Overview tab's "Related jobs" section: jobs near the coordinator's in PT offices, each
with BLS pay there, the entry education BLS projections give (where ptplanner has them) and how
the job stands to the coordinator's path (a way in, a side step, a next step).

The list and the relation words are the knowledge base's (``related_jobs``, ``job_relations``);
the figures come from :func:`ptplanner.core.content.related_job_facts`.
"""

from __future__ import annotations

import html

from ptplanner.core.content import Overview, RelatedJobFacts, related_job_facts
from ptplanner.core.format import money
from ptplanner.core.knowledge import industry_wages
from ptplanner.core.pay_sources import HOURLY_NOTE, hourly_range, hourly_text
from ptplanner.ui.tabs.overview.sections.builder import SectionBuilder
from ptplanner.ui.widgets import Card, MutedLabel, footnote, make_label

NOT_IN_DATA = "not in ptplanner's data"


def add_related_jobs(builder: SectionBuilder, overview: Overview) -> None:
    pt = industry_wages().pt_offices
    mapping = overview.outlook.mapping
    relations = " ".join(
        f"<b>{html.escape(r.label)}:</b> {html.escape(r.meaning)}" for r in overview.job_relations
    )
    builder.begin_section(
        "related_jobs",
        "Other jobs in physical therapy offices that lead to coordinating, sit beside it or "
        f"come after it. Pay is what BLS reports for each in PT offices (NAICS {pt.naics}, "
        f"{pt.date}).",
    )
    builder.begin_group()
    key = make_label(relations, rich=True)
    key.setObjectName("relationKey")
    builder.add_extra(key)
    builder.add_extra(footnote(overview.job_relations[0].cites))
    for job in overview.related_jobs:
        facts = related_job_facts(job)
        builder.add_entry("item", job.id, _job_card(facts, mapping.naics_title))


def _job_card(facts: RelatedJobFacts, naics_title: str) -> Card:
    job, pay = facts.job, facts.pay
    pt = industry_wages().pt_offices
    card = Card()
    card.setAccessibleName(f"{job.title}: {facts.relation.label.lower()}")
    relation = MutedLabel(facts.relation.label, small=False)
    relation.setObjectName("relation")
    card.add(relation)
    card.add(make_label(job.title, "title"))
    bls_title = pay.title if pay is not None else ""
    soc = f"SOC {job.soc_code}" + (f" · {bls_title}" if bls_title else "")
    card.add(MutedLabel(soc, small=False))
    card.add(make_label(job.how))
    if pay is not None and pay.median is not None:
        text = (
            f"<b>BLS pay in PT offices, {html.escape(pt.date)}:</b> median "
            f"{money(pay.median)} a year ({hourly_text(pay.median)})"
        )
        if pay.p25 is not None and pay.p75 is not None:
            text += (
                f" · middle half {money(pay.p25)}–{money(pay.p75)} "
                f"({hourly_range(pay.p25, pay.p75)})"
            )
        label = make_label(text, rich=True)
    else:
        label = make_label(f"BLS publishes no pay for SOC {job.soc_code} in PT offices.")
    label.setObjectName("blsPay")
    card.add(label)
    hourly = f" · {HOURLY_NOTE}" if pay is not None and pay.median is not None else ""
    card.add(footnote([facts.pay_cite], f"NAICS {pt.naics} ({naics_title}){hourly}"))
    if facts.education is not None:
        text = (
            f"<b>Typical entry:</b> {html.escape(facts.education.lower())} · "
            f"<b>training:</b> {html.escape((facts.training or NOT_IN_DATA).lower())}"
        )
        entry = make_label(text, rich=True)
    else:
        entry = make_label(f"<b>Typical entry education and training:</b> {NOT_IN_DATA}", rich=True)
    entry.setObjectName("entry")
    card.add(entry)
    if facts.requirements_cite is not None:
        card.add(footnote([facts.requirements_cite]))
    shown = (facts.pay_cite, facts.requirements_cite)
    rest = [cite for cite in job.cites if cite not in shown]  # the text's own sources
    if rest:
        card.add(footnote(rest))
    return card
