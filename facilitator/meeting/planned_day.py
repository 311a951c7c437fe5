"""Whether the meeting is held on another day than its agenda names.

The referat is dated with the day the meeting is held, not the agenda's date: a meeting
planned for the 3rd and held on the 2nd was once written up as held on the 3rd. When the
two differ the chair is told at the start, while the agenda can still be checked (an old
agenda opened by mistake, a meeting moved), and the referat says the day it was held.
"""

from __future__ import annotations

import datetime as dt

from facilitator.meeting.model import Meeting


def other_day_planned(meeting: Meeting) -> dt.date | None:
    """The agenda's date when it names one and it is not the day the meeting is held (today
    until it starts)."""
    planned = meeting.info.date
    held = (meeting.started_at or meeting.clock()).date()
    return planned if planned is not None and planned != held else None
