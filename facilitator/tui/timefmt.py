"""How times read on a wall: short, fixed width, no seconds where minutes will do."""

from __future__ import annotations

import datetime as dt


def duration(seconds: float) -> str:
    """``4:05`` or ``1:02:05``; negative durations keep their sign (over time)."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02}:{secs:02}"
    return f"{sign}{minutes}:{secs:02}"


def clock(moment: dt.datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else "–"
