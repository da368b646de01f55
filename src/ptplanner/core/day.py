"""The worked clinic day behind the "A day in the life" tab, validated and cached.

:func:`day_timeline` loads ``resources/content/day.json``: an 08:00-17:00 day as contiguous
timeline blocks, each of one kind of work, with a display label and colour hint per kind. Every
block is cited; the prose is the project's own.
"""

from functools import cache
from typing import Literal, get_args

from pydantic import Field, model_validator

from ptplanner.core.resources import load_model
from ptplanner.core.sources import ID_PATTERN, Cited, Strict, require_unique

DAY_RESOURCE = "content/day.json"

_HHMM = r"^([01]\d|2[0-3]):[0-5]\d$"
_HEX = r"^#[0-9A-F]{6}$"

DayKind = Literal[
    "front_desk", "phone", "insurance", "scheduling", "records", "billing", "planning", "break"
]
DAY_KINDS: tuple[DayKind, ...] = get_args(DayKind)


def minutes(hhmm: str) -> int:
    """Minutes since midnight for an "HH:MM" time."""
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


class DayKindStyle(Strict):
    kind: DayKind
    label: str
    colour: str = Field(pattern=_HEX)
    """Block fill; mid-luminance so it reads on light and dark backgrounds."""
    text_colour: str = Field(pattern=_HEX)
    """Colour for a label drawn on top of ``colour`` (contrast at least 4.5:1)."""


class DayBlock(Cited):
    id: str = Field(pattern=ID_PATTERN)
    start: str = Field(pattern=_HHMM)
    end: str = Field(pattern=_HHMM)
    kind: DayKind
    title: str
    description: str
    skills: tuple[str, ...] = ()
    """Ids of the overview's skills (:attr:`ptplanner.core.content.Overview.skills`) used here."""
    onet_task_ids: tuple[int, ...] = ()

    @property
    def start_minutes(self) -> int:
        return minutes(self.start)

    @property
    def end_minutes(self) -> int:
        return minutes(self.end)

    @property
    def duration_minutes(self) -> int:
        return self.end_minutes - self.start_minutes


class DayTimeline(Strict):
    """A worked day; blocks are in order, touch end to start, and span day_start to day_end."""

    schema_version: Literal[1]
    title: str
    setting: str
    day_start: str = Field(pattern=_HHMM)
    day_end: str = Field(pattern=_HHMM)
    palette_note: str
    kinds: tuple[DayKindStyle, ...]
    blocks: tuple[DayBlock, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _contiguous(self) -> "DayTimeline":
        listed = [style.kind for style in self.kinds]
        if sorted(listed) != sorted(DAY_KINDS):
            raise ValueError(f"kinds must list each of {DAY_KINDS} exactly once, got {listed}")
        require_unique((block.id for block in self.blocks), "day block")
        cursor = minutes(self.day_start)
        for block in self.blocks:
            if block.start_minutes != cursor:
                raise ValueError(
                    f"block {block.id!r} starts at {block.start}; expected "
                    f"{cursor // 60:02d}:{cursor % 60:02d} (no gaps or overlaps allowed)"
                )
            if block.end_minutes <= block.start_minutes:
                raise ValueError(f"block {block.id!r} ends at or before its start")
            cursor = block.end_minutes
        if cursor != minutes(self.day_end):
            raise ValueError(f"the last block ends at {self.blocks[-1].end}, not {self.day_end}")
        return self

    def style(self, kind: DayKind) -> DayKindStyle:
        for style in self.kinds:
            if style.kind == kind:
                return style
        raise KeyError(kind)  # unreachable: the validator guarantees every kind is listed


@cache
def day_timeline() -> DayTimeline:
    return load_model(DAY_RESOURCE, DayTimeline)
