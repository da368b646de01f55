"""The report's sections, one module each, in the order they print.

Each section is a function ``(ctx, part) -> list[Block]`` given the part of the
:class:`~ptplanner.core.report.model.Report` it shows; it adds only headings, column headers and
layout, and lays it out with the engine's blocks:

- ``title``: the title, the date and the scenario (the pinned one beside it).
- ``today``: today's estimate as four key-figure cards.
- ``projection_chart``: the chart of pay year by year.
- ``comparison``: the current and the pinned scenario's headline figures side by side.
- ``year_table``: the year-by-year table.
- ``breakdown``: why this estimate: the factors that build today's typical pay.
- ``assumptions``: today's total compensation and the assumptions the projection uses.
- ``plan_progress``: career packet, the plan's progress, overdue and next steps.
- ``role_summary``: career packet, the one-page role summary.
- ``sources``: every source cited, with its date, licence and attribution.
"""
