"""Qt painting of printed documents (the projection report, the plan, a comparison of places)
for paper, print preview and PDF.

One QPainter renderer serves all three, so they are the same pages. What the report says (its
figures, words and sources) is built once, without Qt, by :mod:`ptplanner.core.report` from a
:class:`~ptplanner.core.report.build.ReportInput`; these modules only lay it out and paint it:

- ``document``: :func:`render`: build the report, lay out every section, flow the blocks onto
  pages, paint them.
- ``pdf``: :func:`write_pdf`, :func:`write_pdf_headless`, paper sizes, the default paper.
- ``dialogs``: print, print preview and export-as-PDF dialogs.
- ``sections/``: one module per section of the report (title, today, chart, year table ...).
- ``plan/``: the plan on paper; ``compare_document``: ``ptplanner compare --pdf``.
- The engine the sections are made with: ``styles`` (margins, colours, text styles),
  ``layout`` (measured text, blocks, pagination), ``blocks`` (headings, paragraphs, columns),
  ``table`` (fitted tables), ``chart`` (the projection chart), ``header_footer`` (what every
  page carries), ``render`` (the page-painting loop every document shares).
"""
