"""The plan on paper: the plan as a checklist with its progress over time (``document``) and
its ways out: print dialog, PDF file, headless PDF for ``ptplanner plan export`` (``output``).
The progress chart itself is :mod:`ptplanner.ui.report.plan_chart`, shared with the career
packet."""
