"""The salary engine's numbers: where a person sits in their role's BLS pay distribution and what
that pays, at BLS May 2025 pay levels, without the words (:mod:`.estimate` adds those).

A person's position is the rung's progression after their years in it (plus a specialty
clinic's premium), shifted by where a promotion placed them on entry. Education,
certifications and skills then add the guide's dollar effects with diminishing returns, capped
so that a newcomer is never lifted past the middle of the area's pay (``resources/
salary_model.json`` "extras" says the rule and why). Every figure here is pure and cached.
"""

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from ptplanner.core.knowledge import PERCENTILE_POINTS
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.ladder import RungPay, rung_pay
from ptplanner.core.salary.model import salary_model


def wage_at(percentiles: Sequence[float], position: float) -> float:
    """Annual wage at a percentile, interpolating between BLS's five published percentiles."""
    low, high = PERCENTILE_POINTS[0], PERCENTILE_POINTS[-1]
    p = min(max(position, low), high)
    i = min(bisect_right(PERCENTILE_POINTS, p) - 1, len(PERCENTILE_POINTS) - 2)
    x0, x1 = PERCENTILE_POINTS[i], PERCENTILE_POINTS[i + 1]
    y0, y1 = percentiles[i], percentiles[i + 1]
    return y0 + (y1 - y0) * (p - x0) / (x1 - x0)


def percentile_of(percentiles: Sequence[float], wage: float) -> float:
    """The inverse of ``wage_at``: where a wage falls among the five percentiles."""
    if wage <= percentiles[0]:
        return PERCENTILE_POINTS[0]
    if wage >= percentiles[-1]:
        return PERCENTILE_POINTS[-1]
    i = bisect_right(list(percentiles), wage) - 1
    x0, x1 = PERCENTILE_POINTS[i], PERCENTILE_POINTS[i + 1]
    y0, y1 = percentiles[i], percentiles[i + 1]
    return x0 + (x1 - x0) * (wage - y0) / (y1 - y0)


def clamp_position(position: float) -> float:
    low, high = salary_model().percentile_limits
    return min(max(position, low), high)


class CareerState(NamedTuple):
    """Where a person is in their career in one year: the memo key of the engine.

    ``profile`` carries the role, place, employer and credentials (with the default assumptions,
    which the numbers do not use); ``years_in_role`` counts from the day they took the role;
    ``entry_shift`` is how many percentile points above the role's usual start a promotion put
    them; ``experience`` is their years of work in all; ``kept`` is the pay (BLS May 2025
    levels) a promotion must not go below: in a few areas one job's whole BLS range sits above
    the next one's, and a promotion there keeps the pay rather than cutting it.
    """

    profile: SalaryInputs
    years_in_role: float
    entry_shift: float
    experience: float
    kept: float = 0.0


def starting_state(profile: SalaryInputs) -> CareerState:
    """A profile that starts in its role: the role's usual years before it are not years in it."""
    rung = salary_model().rung(profile.role)
    years_in_role = max(0.0, profile.years_experience - rung.usual_years_before)
    return CareerState(profile, years_in_role, 0.0, profile.years_experience)


class Extra(NamedTuple):
    """One of education, certifications or skills: its full effect and what counts of it."""

    factor: str
    full: float
    counted: float
    weight: float


class PayFigures(NamedTuple):
    """The engine's numbers for one career state, at BLS May 2025 pay levels."""

    stage_id: str
    stage_label: str
    role_id: str
    role_title: str
    percentile: float
    """Where the typical figure falls in the role's distribution."""
    position: float
    """Where experience, employer and any promotion put the person, before extras."""
    low: float
    typical: float
    high: float
    before_extras: float
    extras: tuple[Extra, ...]
    cap: float
    """Dollars the cap took off the counted extras (0 when it did not apply)."""
    kept_lift: float
    """Dollars added to keep the pay a promotion started from (0 almost always)."""
    distribution: tuple[float, float, float, float, float]
    """The role's P10..P90 for this area and employer type."""
    pay: RungPay


def _extras(state: CareerState, pay: RungPay, position: float) -> tuple[Extra, ...]:
    model = salary_model()
    profile = state.profile
    if not model.rung(profile.role).extras_apply:
        return ()
    skill_points = sum(s.points for s in model.skills if s.id in profile.skills)
    skills = wage_at(pay.percentiles, position + skill_points) - wage_at(pay.percentiles, position)
    education = model.education_level(profile.education).typical * pay.scale
    cert = model.certification_effect.typical(len(profile.certifications)) * pay.scale
    raw = {"skills": skills, "education": education, "certifications": cert}
    ranked = sorted(raw, key=lambda k: -raw[k])
    weights = dict(zip(ranked, model.extras.weights, strict=True))
    return tuple(
        Extra(k, raw[k], raw[k] * weights[k], weights[k])
        for k in ("skills", "education", "certifications")
    )


def extras_ceiling(state: CareerState, pay: RungPay, position: float) -> float:
    """The most that pay with extras may reach (see salary_model.json "extras")."""
    rule = salary_model().extras
    ramp = min(1.0, state.experience / rule.ramp_years)
    ceiling_position = clamp_position(
        max(rule.newcomer_cap_percentile, position) + rule.room_after_ramp_points * ramp
    )
    ceiling = wage_at(pay.percentiles, ceiling_position)
    if state.experience == 0:
        ceiling = min(ceiling, pay.area_median)
    return ceiling


@lru_cache(maxsize=8192)
def pay_figures(state: CareerState) -> PayFigures:
    """The numbers for one career state."""
    model = salary_model()
    profile = state.profile
    rung = model.rung(profile.role)
    pay = rung_pay(profile.role, profile.location, profile.employer_type)
    employer = model.employer(profile.employer_type)
    position = clamp_position(
        rung.progression.at(state.years_in_role) + state.entry_shift + employer.extra_points
    )
    before = wage_at(pay.percentiles, position)
    if state.experience == 0 and state.entry_shift == 0:
        # A rung may usually start high (a lead coordinator's at the 75th percentile), but a
        # person with no experience is placed no higher than the line the extras stop at. A
        # promotion's shift is exempt: it only keeps what the person already earned.
        newcomer = min(
            wage_at(pay.percentiles, model.extras.newcomer_cap_percentile), pay.area_median
        )
        if before > newcomer:
            before, position = newcomer, percentile_of(pay.percentiles, newcomer)
    extras = _extras(state, pay, position)
    counted = sum(extra.counted for extra in extras)
    room = max(0.0, extras_ceiling(state, pay, position) - before)
    lift = min(counted, room)
    kept_lift = max(0.0, state.kept - (before + lift))
    typical = before + lift + kept_lift
    percentile = percentile_of(pay.percentiles, typical)
    band = model.band_points
    low = min(wage_at(pay.percentiles, percentile - band), typical)
    high = max(wage_at(pay.percentiles, percentile + band), typical)
    stage = model.stage_for(state.experience)
    # Entry / mid-career / senior are the guide's stages of the coordinator job; other rungs are
    # named by their title.
    coordinator = rung.id == model.default_role
    return PayFigures(
        stage_id=stage.id if coordinator else rung.id,
        stage_label=stage.label if coordinator else rung.title,
        role_id=rung.id,
        role_title=rung.title,
        percentile=percentile,
        position=position,
        low=low,
        typical=typical,
        high=high,
        before_extras=before,
        extras=extras,
        cap=counted - lift,
        kept_lift=kept_lift,
        distribution=pay.percentiles,
        pay=pay,
    )


def entry_shift_for(state: CareerState, new_role: str) -> float:
    """Percentile points above the new role's usual start at which a promotion places a person:
    where their present pay falls in the new role's distribution, if that is higher, so a
    promotion never cuts pay. Where the new role also counts extras, present pay before extras
    is matched, so they are not counted twice."""
    model = salary_model()
    now = pay_figures(state)
    current = now.before_extras if model.rung(new_role).extras_apply else now.typical
    profile = state.profile
    target = rung_pay(new_role, profile.location, profile.employer_type)
    start = model.rung(new_role).progression.at(0)
    extra = model.employer(profile.employer_type).extra_points
    shift = max(0.0, percentile_of(target.percentiles, current) - start - extra)
    if current < now.typical:
        # The new role's cap on extras may sit below what they added in the old one; then the
        # whole present pay is matched instead.
        promoted = CareerState(
            profile.model_copy(update={"role": new_role}), 0.0, shift, state.experience
        )
        if pay_figures(promoted).typical < now.typical:
            shift = max(0.0, percentile_of(target.percentiles, now.typical) - start - extra)
    return shift
