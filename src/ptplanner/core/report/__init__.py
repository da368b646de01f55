"""What a printed projection says, as plain data: built once, rendered by the CLI and the PDF.

:mod:`~ptplanner.core.report.build` turns a projection (and optionally a pinned comparison and the
plan) into a :class:`~ptplanner.core.report.model.Report`; ``ptplanner projection`` prints it as a
table, CSV or JSON and ``ptplanner.ui.report`` paints it on paper, so both state the same figures,
words and sources. Nothing here imports Qt.
"""
