"""The user guide's pages: their names and titles, their HTML, and where a link leads.

No Qt here. The pages are HTML files in ``resources/help/`` except the glossary, which is written
from ``resources/glossary.json`` so a term reads the same in a tooltip and in the guide.
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from ptplanner.core.resources import resource_path

PAGES: tuple[tuple[str, str], ...] = (
    ("index", "Start here"),
    ("overview", "The Overview tab"),
    ("day", "A day in the life"),
    ("salary", "The Salary tab"),
    ("plan", "The Plan tab"),
    ("estimate", "How the estimate is built"),
    ("glossary", "Glossary"),
)
PAGE_NAMES = tuple(name for name, _title in PAGES)
GLOSSARY_SCHEME = "glossary:"


class Target(NamedTuple):
    """Where a link leads inside the guide: a page and, optionally, an anchor on it."""

    page: str
    anchor: str = ""


def page_title(page: str) -> str:
    """The title the contents list shows for ``page``; KeyError for an unknown page."""
    return dict(PAGES)[page]


def page_html(page: str) -> str:
    """The HTML of one page; KeyError for an unknown page."""
    if page not in PAGE_NAMES:
        raise KeyError(f"no help page {page!r}")
    if page == "glossary":
        return glossary_html()
    return resource_path(f"help/{page}.html").read_text(encoding="utf-8")


def glossary_html() -> str:
    """The glossary page: every term, alphabetically, under an anchor named by its id."""
    from ptplanner.core.glossary import glossary

    terms = sorted(glossary().terms, key=lambda term: term.term.lower())
    index = " &middot; ".join(f'<a href="#{term.id}">{escape(term.term)}</a>' for term in terms)
    entries = "".join(
        f'<h3><a name="{term.id}"></a>{escape(term.term)}</h3><p>{escape(term.long)}</p>'
        for term in terms
    )
    return (
        "<html><head><title>Glossary</title></head><body><h1>Glossary</h1>"
        "<p>The words PT Planner uses for its figures, in plain terms. Pointing at a figure in the "
        "window shows the short form of its entry.</p>"
        f"<p>{index}</p>{entries}"
        f"<p><i>{escape(glossary().source_line)}</i></p>"
        '<p>Back to the <a href="index.html">start</a>.</p></body></html>'
    )


def resolve(href: str) -> Target | None:
    """Where a link in the guide or in a label leads, or None for a link outside the guide.

    ``glossary:TERM_ID`` opens the glossary at a term; ``PAGE.html`` and ``PAGE.html#ANCHOR`` open
    a page (``help:PAGE#ANCHOR`` too, for labels outside the guide).
    """
    if href.startswith(GLOSSARY_SCHEME):
        return Target("glossary", href[len(GLOSSARY_SCHEME) :])
    rest = href.removeprefix("help:")
    name, _hash, anchor = rest.partition("#")
    name = name.rsplit("/", 1)[-1].removesuffix(".html")
    if not name and anchor:
        return None  # an anchor on the page already shown: the browser scrolls to it itself
    if name in PAGE_NAMES and ":" not in rest.split("#", 1)[0]:
        return Target(name, anchor)
    return None
