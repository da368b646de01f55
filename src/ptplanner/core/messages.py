"""Validation errors in plain words: "The title can't be empty", not "String should have at least
1 character".

pydantic's messages name Python types and internal field names and end in a link to its docs. The
CLI and the window both turn a ``ValidationError`` into text through :func:`plain_message` (or
:func:`plain_problem` for one entry), so a person reads the same sentence in either, with the
field called what the screen or the option calls it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

# Fields as people know them, by the name the models give them.
FIELD_NAMES: Mapping[str, str] = {
    "title": "title",
    "notes": "notes",
    "why": "why it matters",
    "pay_effect": "pay effect",
    "target_date": "target date",
    "done_date": "done date",
    "renews_every_months": "renewal interval (months)",
    "salary_link": "salary link",
    "status": "status",
    "schema_version": "file format version",
    "milestones": "steps",
    "created": "created date",
    "modified": "modified date",
    "years_experience": "years of experience",
    "education": "education",
    "certifications": "certifications",
    "location": "location",
    "employer_type": "employer type",
    "skills": "skills",
    "role": "role",
    "years": "projection years",
    "start_year": "start year",
    "events": "planned changes",
    "market_growth_pct": "pay scale growth",
    "inflation_pct": "inflation",
    "bonus_pct": "bonus",
    "retirement_contribution_pct": "retirement contribution",
    "match_rate_pct": "employer match rate",
    "match_cap_pct": "employer match cap",
    "health_value_pct": "health cover value",
    "ce_stipend_usd": "education stipend",
    "profit_sharing_usd": "profit sharing",
}

# Words pydantic uses that a person should never see; tests search user-facing text for them.
PYDANTIC_PHRASES = (
    "Input should be",
    "String should have",
    "validation error for",
    "type=",
    "For further information visit",
    "Extra inputs are not permitted",
    "Field required",
    "Value error,",
)


def field_label(loc: Sequence[int | str], names: Mapping[str, str] | None = None) -> str:
    """The field an error is about, as people call it: ``("milestones", 3, "title")`` -> "title"
    (step 4's, said by :func:`where`)."""
    wanted = {**FIELD_NAMES, **(names or {})}
    for part in reversed(loc):
        if isinstance(part, str) and not part.startswith(("function-", "union[")):
            return wanted.get(part, part.replace("_", " "))
    return ""


def where(loc: Sequence[int | str]) -> str:
    """Which step of a plan a nested error is in ("step 4"), or "" when it is not in one."""
    steps = [loc[i + 1] for i, part in enumerate(loc[:-1]) if part in {"milestones", "children"}]
    numbers = [int(step) + 1 for step in steps if isinstance(step, int)]
    if not numbers:
        return ""
    return "step " + ".".join(str(n) for n in numbers)


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


# Error types whose wording needs nothing from the error itself.
_FIXED: Mapping[str, str] = {
    "too_short": "has the wrong number of entries",
    "too_long": "has the wrong number of entries",
    "missing": "is missing",
    "bool_parsing": "must be yes or no (true or false)",
    "bool_type": "must be yes or no (true or false)",
    "string_type": "is the wrong kind of value",
    "dict_type": "is the wrong kind of value",
    "list_type": "is the wrong kind of value",
    "tuple_type": "is the wrong kind of value",
    "model_type": "is the wrong kind of value",
}
# Error types by how they start, and what a person is told (with the value they gave).
_BY_PREFIX = (
    ("date", "must be a date like 2027-03-15"),
    ("int", "must be a whole number"),
    ("float", "must be a number"),
    ("decimal", "must be a number"),
    ("string_pattern", "is not in the expected form"),
)


def what_is_wrong(entry: ErrorDetails) -> str:
    """What is wrong, without the field: "can't be empty", "must be at most 100"."""
    kind = entry["type"]
    context: Mapping[str, Any] = entry.get("ctx") or {}
    if kind in _FIXED:
        return _FIXED[kind]
    if kind in {"string_too_short", "string_too_long"}:
        return _length(kind, context)
    if kind in {"greater_than_equal", "greater_than"}:
        return f"must be at least {context.get('ge', context.get('gt')):g}"
    if kind in {"less_than_equal", "less_than"}:
        return f"must be at most {context.get('le', context.get('lt')):g}"
    if kind in {"literal_error", "enum"}:
        expected = str(context.get("expected", "")).replace("'", "")
        return f"must be one of {expected}" if expected else "is not one of the allowed values"
    if kind in {"value_error", "assertion_error"}:
        return str(entry["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    for prefix, words in _BY_PREFIX:
        if kind.startswith(prefix):
            return f"{words} (got {_shown(entry.get('input'))!r})"
    return "is not valid"


def _length(kind: str, context: Mapping[str, Any]) -> str:
    if kind == "string_too_long":
        return f"is too long (at most {int(context.get('max_length', 0)):,} characters)"
    minimum = int(context.get("min_length", 1))
    return "can't be empty" if minimum <= 1 else f"must be at least {minimum} characters"


def plain_problem(entry: ErrorDetails, names: Mapping[str, str] | None = None) -> str:
    """One pydantic error entry in plain words: "step 4: the title can't be empty" (lower case, no
    full stop: callers put it inside their own sentence; :func:`sentence` starts one with it)."""
    label = field_label(entry["loc"], names)
    what = what_is_wrong(entry)
    if entry["type"] == "extra_forbidden":
        key = _shown(entry["loc"][-1]) if entry["loc"] else "?"
        what = f"it has an entry {key!r} that ptplanner does not know (from a newer version?)"
    # A validator's own message is already a sentence about the value; don't prefix "the X".
    own_words = entry["type"] in {"value_error", "assertion_error", "extra_forbidden"}
    sentence = what if own_words or not label else f"the {label} {what}"
    step = where(entry["loc"])
    return f"{step}: {sentence}" if step else sentence


def plain_message(error: ValidationError, names: Mapping[str, str] | None = None) -> str:
    """The first problem in ``error`` in plain words, with how many more there are."""
    entries = error.errors()
    if not entries:
        return "the values given are not valid"
    first = plain_problem(entries[0], names)
    more = len(entries) - 1
    return first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


def sentence(text: str) -> str:
    """``text`` as a sentence on its own: capital first letter, full stop."""
    text = text.strip()
    if not text:
        return text
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")
