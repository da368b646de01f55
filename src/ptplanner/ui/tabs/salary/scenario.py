"""The salary scenario the window shows: inputs, plan effects, a pinned comparison.

The model owns state and calls the core's ``project()``; the Salary tab and the printout only
read from it. Each change re-validates the inputs with the same pydantic model the CLI uses and
emits ``changed`` once; an invalid change emits ``invalid`` with a sentence and keeps the last
good scenario.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal

from ptplanner.core.locations import LocationError
from ptplanner.core.plan.salary_link import PlanEffects
from ptplanner.core.projection import Projection, ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.settings import Settings


@dataclass(frozen=True)
class PinnedScenario:
    label: str
    projection: Projection


def _message(error: ValidationError | LocationError) -> str:
    if isinstance(error, LocationError):
        return str(error)
    first = error.errors()[0]
    field = ".".join(str(p) for p in first["loc"])
    return f"{field}: {str(first['msg']).removeprefix('Value error, ')}"


class ScenarioModel(QObject):
    changed = Signal()
    invalid = Signal(str)
    pinned_changed = Signal()

    def __init__(self, settings: Settings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        settings = settings or Settings()
        self.inputs = SalaryInputs()
        if settings.salary_inputs:
            try:  # a saved profile may name an area a later BLS release dropped
                self.inputs = SalaryInputs.model_validate(settings.salary_inputs)
            except (ValidationError, LocationError):
                self.inputs = SalaryInputs()
        self.years = settings.projection_years
        self.show_real = settings.show_inflation_adjusted
        self.use_plan = True
        self.plan_effects = PlanEffects()
        self.start_year = dt.date.today().year
        self.pinned: PinnedScenario | None = None
        self._projection: Projection | None = None

    # --- changes ------------------------------------------------------------------------------

    def update(self, **changes: Any) -> bool:
        """Change profile fields (``years_experience=3``, ``location="boston"``...)."""
        return self._set_inputs({**self.inputs.model_dump(), **changes})

    def update_assumptions(self, **changes: Any) -> bool:
        data = self.inputs.model_dump()
        data["assumptions"] = {**data["assumptions"], **changes}
        return self._set_inputs(data)

    def reset_assumptions(self) -> None:
        data = self.inputs.model_dump()
        data.pop("assumptions")
        self._set_inputs(data)

    def _set_inputs(self, data: dict[str, Any]) -> bool:
        try:
            inputs = SalaryInputs.model_validate(data)
        except (ValidationError, LocationError) as error:
            self.invalid.emit(_message(error))
            return False
        if inputs != self.inputs:
            self.inputs = inputs
            self._changed()
        return True

    def set_years(self, years: int) -> None:
        if years != self.years and 1 <= years <= 50:
            self.years = years
            self._changed()

    def set_show_real(self, show: bool) -> None:
        if show != self.show_real:
            self.show_real = show
            self.changed.emit()  # the projection is the same; only what is drawn changes

    def set_use_plan(self, use: bool) -> None:
        if use != self.use_plan:
            self.use_plan = use
            self._changed()

    def set_plan_effects(self, effects: PlanEffects) -> None:
        if effects != self.plan_effects:
            self.plan_effects = effects
            if self.use_plan:
                self._changed()

    def _changed(self) -> None:
        self._projection = None
        self.changed.emit()

    # --- results ------------------------------------------------------------------------------

    def effective_inputs(self) -> SalaryInputs:
        """The profile the projection uses: the tab's inputs plus what the plan says is done."""
        if self.use_plan and not self.plan_effects.is_empty:
            try:
                return self.plan_effects.apply(self.inputs)
            except (ValidationError, LocationError):
                return self.inputs  # a plan link to an area BLS no longer lists
        return self.inputs

    def request(self) -> ProjectionRequest:
        events = self.plan_effects.events if self.use_plan else ()
        return ProjectionRequest(
            inputs=self.effective_inputs(),
            years=self.years,
            start_year=self.start_year,
            events=events,
        )

    def projection(self) -> Projection:
        if self._projection is None:
            try:
                self._projection = project(self.request())
            except (ValidationError, LocationError) as error:
                # A plan event the engine rejects must not blank the tab: drop the plan's part.
                self.invalid.emit(f"Your plan's salary links were ignored: {_message(error)}")
                self._projection = project(
                    ProjectionRequest(
                        inputs=self.inputs, years=self.years, start_year=self.start_year
                    )
                )
        return self._projection

    # --- comparison ---------------------------------------------------------------------------

    def pin(self, label: str) -> None:
        self.pinned = PinnedScenario(label=label, projection=self.projection())
        self.pinned_changed.emit()

    def unpin(self) -> None:
        if self.pinned is not None:
            self.pinned = None
            self.pinned_changed.emit()

    def inputs_for_settings(self) -> dict[str, Any]:
        return self.inputs.model_dump(mode="json")
