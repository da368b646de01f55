"""How the "A day in the life" tab writes clock times and lengths of time."""

from __future__ import annotations


def clock(total_minutes: int) -> str:
    """Minutes since midnight as "HH:MM", the way the day's data writes times."""
    return f"{total_minutes // 60:02d}:{total_minutes % 60:02d}"


def hours_text(hours: float) -> str:
    """ "2.25 h", "1.5 h", "2 h": exact quarter hours without trailing zeros."""
    return f"{hours:.2f}".rstrip("0").rstrip(".") + " h"


def duration_text(total_minutes: int) -> str:
    """ "15 min", "1 h", "1 h 45 min"."""
    hours, rest = divmod(total_minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")
