"""The salary engine: what a coordinator earns today, and why.

- ``model``: the model's parameters, loaded from resources/salary_model.json.
- ``inputs``: a person's profile and the assumptions, with their defaults.
- ``estimate``: the estimate, its range and its breakdown, and the figures alone for projections.
- ``compensation``: total compensation from base pay and the assumptions.

Pay year by year is :mod:`ptplanner.core.projection`.
"""
