"""The report's sections, one module each, in the order they print.

Each section is a function ``(ctx, part) -> list[Block]`` given the part of the
:class:`~ptplanner.core.report.model.Report` it shows; it adds only headings, column headers and
layout, and lays it out with the engine's blocks:

- ``title``: the title, the date and the scenario (the pinned one beside it).
- ``today``: this year's estimate (the table's first year) as four key-figure cards.
- ``projection_chart``: the chart of pay year by year, in the report's dollars.
- ``comparison``: the current scenario beside each pinned one (up to four).
- ``year_table``: the year-by-year table.
- ``breakdown``: why this estimate: the factors that build this year's typical pay.
- ``assumptions``: this year's cash pay and benefits, and the assumptions the projection uses.
- ``plan_progress``: career packet, the plan's progress, steps done, overdue and next.
- ``role_summary``: career packet, the one-page role summary.
- ``career_ladder``: career packet, BLS pay beside the guide's for every rung of the ladder.
- ``sources``: every source cited, with its date, licence and attribution.
"""
