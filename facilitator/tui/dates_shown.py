"""Dates as the screen shows them: as the people in the room write them.

A deadline is typed the Danish way ("15/1-27", "15.01.2027", written_dates.py) and was
shown back as ISO (2027-01-15), a form nobody in a Danish meeting says or writes. In
Danish the screen says 15.01.2027 in lists, where a date sits beside other text, and
15. januar 2027 where it stands alone; in English ISO in lists (day first or month
first would each mislead half of the English readers) and 15 January 2027 alone.

The forms come from the catalogue, so each language decides its own. The minutes write
dates their own way (facilitator/output); this is for the screen only.
"""

from __future__ import annotations

import datetime as dt

from facilitator.i18n import t
from facilitator.meeting.model import Meeting


def compact(day: dt.date) -> str:
    """A date in a list: 15.01.2027 (English: 2027-01-15)."""
    return t("date.compact", day=f"{day.day:02}", month=f"{day.month:02}", year=f"{day.year:04}")


def spelled(day: dt.date) -> str:
    """A date on its own: 15. januar 2027 (English: 15 January 2027)."""
    return t("date.long", day=day.day, month=t("date.months").split()[day.month - 1], year=day.year)


def compact_written(text: str) -> str:
    """A date kept as ISO text (an earlier meeting's date) in a list; other text as it is."""
    try:
        return compact(dt.date.fromisoformat(text))
    except ValueError:
        return text


def other_day_warning(planned: dt.date, meeting: Meeting) -> str:
    """The agenda names another day than the one the meeting is held (meeting/planned_day.py)."""
    held = (meeting.started_at or meeting.clock()).date()
    return t("meeting_screen.other_day", planned=spelled(planned), held=spelled(held))
