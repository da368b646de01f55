"""The salary scenario the window shows: the saved profile, what the plan adds, pinned comparisons.

The model owns state and calls the core's ``project()``; the Salary tab and the printout only
read from it. The profile the person edits is the saved one (``settings.salary_inputs``, the
one ``ptplanner projection --from-plan`` reads too); what the plan supplies on top of it comes
from the core's one derivation, :func:`ptplanner.core.plan.profile.derive_profile`, so the tab,
the printout and the command line agree. Each change re-validates the inputs with the same
pydantic model the CLI uses and emits ``changed`` once; an invalid change emits ``invalid`` with
a sentence and keeps the last good scenario, and a plan link the engine rejects leaves the plan
out and says why in ``plan_problem``. A change to what is saved (the pinned scenarios too)
also emits ``profile_changed``, for the window to write the settings file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal

from ptplanner.core.locations import LocationError
from ptplanner.core.messages import plain_message, sentence
from ptplanner.core.plan.profile import PlanProfile, derive_profile
from ptplanner.core.plan.salary_link import PlanEffects
from ptplanner.core.projection import Dollars, Projection, ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.settings import Settings
from ptplanner.ui.tabs.salary.pins import (
    MAX_PINS,
    PinnedScenario,
    default_name,
    dump_pin,
    load_pins,
    unique_name,
)


def _message(error: ValidationError | LocationError | ValueError) -> str:
    if isinstance(error, ValidationError):
        return sentence(plain_message(error))
    return str(error)


def saved_profile(settings: Settings) -> SalaryInputs:
    """The profile saved in ``settings``, or the defaults if there is none or it no longer
    validates (an area a later BLS release dropped, say)."""
    if settings.salary_inputs:
        try:
            return SalaryInputs.from_saved(settings.salary_inputs)
        except (ValidationError, LocationError):
            pass
    return SalaryInputs()


class ScenarioModel(QObject):
    changed = Signal()
    invalid = Signal(str)
    pinned_changed = Signal()
    profile_changed = Signal()
    """The saved part changed: the profile, the projection's length or the dollars shown."""

    def __init__(self, settings: Settings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        settings = settings or Settings()
        self.inputs = saved_profile(settings)
        self.years = settings.projection_years
        self.dollars: Dollars = settings.dollars
        self.use_plan = True
        self.plan_effects = PlanEffects()
        self.start_year = dt.date.today().year
        self.pins: list[PinnedScenario] = load_pins(settings.pinned_scenarios, self.start_year)
        self._projection: Projection | None = None
        self._profile: PlanProfile | None = None
        self.plan_problem: str | None = None
        """Why the plan's part was left out of the projection on show, if it was."""

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
            self.profile_changed.emit()
        return True

    def set_years(self, years: int) -> None:
        if years != self.years and 1 <= years <= 50:
            self.years = years
            self._changed()
            self.profile_changed.emit()

    def set_dollars(self, dollars: Dollars) -> None:
        if dollars != self.dollars:
            self.dollars = dollars
            self.changed.emit()  # the projection is the same; only what is drawn changes
            self.profile_changed.emit()

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
        self._profile = None
        self.plan_problem = None
        self.changed.emit()

    # --- results ------------------------------------------------------------------------------

    def plan_profile(self) -> PlanProfile:
        """The saved profile with what the plan says you have now and expect later."""
        if self._profile is None:
            effects = self.plan_effects if self.use_plan else PlanEffects()
            try:
                self._profile = derive_profile(self.inputs, effects)
            except (ValidationError, LocationError, ValueError) as error:
                # A plan link the engine does not know must not blank the tab.
                self.plan_problem = f"Your plan's salary links were ignored: {_message(error)}"
                self._profile = derive_profile(self.inputs, PlanEffects())
        return self._profile

    def effective_inputs(self) -> SalaryInputs:
        """The profile the projection uses: the tab's inputs plus what the plan says is done."""
        return self.plan_profile().inputs

    def from_plan(self) -> frozenset[str]:
        """What the plan, not the person, supplied ("certification:cmaa", "location", ...)."""
        return self.plan_profile().from_plan

    def request(self) -> ProjectionRequest:
        profile = self.plan_profile()
        return ProjectionRequest(
            inputs=profile.inputs,
            years=self.years,
            start_year=self.start_year,
            events=profile.events,
            work_starts=profile.work_starts,
        )

    def projection(self) -> Projection:
        if self._projection is None:
            try:
                self._projection = project(self.request())
            except (ValidationError, LocationError, ValueError) as error:
                # A plan event the engine rejects must not blank the tab: drop the plan's part.
                self.plan_problem = f"Your plan's salary links were ignored: {_message(error)}"
                self._projection = project(
                    ProjectionRequest(
                        inputs=self.inputs, years=self.years, start_year=self.start_year
                    )
                )
        return self._projection

    def label(self) -> str:
        """A name in words for the scenario on show: "Boston, Office manager, 3 years, CMAA"."""
        return default_name(self.effective_inputs())

    # --- comparison ---------------------------------------------------------------------------

    @property
    def pinned(self) -> PinnedScenario | None:
        """The first pinned scenario: the one the printout sets beside the current one."""
        return self.pins[0] if self.pins else None

    def can_pin(self) -> bool:
        return len(self.pins) < MAX_PINS

    def pin(self, name: str | None = None) -> bool:
        """Pin the scenario on show under ``name`` (by default its name in words)."""
        if not self.can_pin():
            return False
        wanted = (name or "").strip() or self.label()
        name = unique_name(wanted, [p.name for p in self.pins])
        self.pins.append(PinnedScenario(name=name, projection=self.projection()))
        self._pins_changed()
        return True

    def rename_pin(self, index: int, name: str) -> None:
        name = name.strip()
        if 0 <= index < len(self.pins) and name and name != self.pins[index].name:
            others = [p.name for i, p in enumerate(self.pins) if i != index]
            old = self.pins[index]
            self.pins[index] = PinnedScenario(unique_name(name, others), old.projection)
            self._pins_changed()

    def remove_pin(self, index: int) -> None:
        if 0 <= index < len(self.pins):
            del self.pins[index]
            self._pins_changed()

    def unpin(self) -> None:
        """Clear every pinned scenario."""
        if self.pins:
            self.pins.clear()
            self._pins_changed()

    def _pins_changed(self) -> None:
        self.pinned_changed.emit()
        self.profile_changed.emit()

    # --- saving -------------------------------------------------------------------------------

    def inputs_for_settings(self) -> dict[str, Any]:
        return self.inputs.model_dump(mode="json")

    def store_in(self, settings: Settings) -> None:
        """Copy what the window remembers of the scenario into ``settings``."""
        settings.salary_inputs = self.inputs_for_settings()
        settings.projection_years = self.years
        settings.dollars = self.dollars
        settings.pinned_scenarios = [dump_pin(p) for p in self.pins]
