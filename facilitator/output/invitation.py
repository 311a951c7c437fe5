"""The next meeting as a calendar event: an iCalendar file (RFC 5545) that Outlook, Google
Calendar and the phone's calendar import as it is.

Danish municipalities and union offices plan in Outlook: a date in the minutes is typed
into a calendar by hand, by each member, or not at all. The event holds what the room
recorded (``meeting.next_meeting``): the start in Danish time (Europe/Copenhagen, with its
time-zone rules written into the file, so a calendar abroad or on another zone shows the
right hour), the place, the meeting's title, and the next agenda's items as its
description.

It says no more of a closed item than the next agenda does (its placeholder title), and
every text from a person is one visible line before icalendar escapes it: a newline or an
escape sequence in a title stays data and never breaks the file or a terminal.
"""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from facilitator import __version__
from facilitator.agenda.model import MAX_MINUTES
from facilitator.i18n import get_language, t
from facilitator.meeting.model import Meeting
from facilitator.output.next_agenda import next_agenda_items
from facilitator.text.visible import one_line

TIMEZONE = "Europe/Copenhagen"
"""Where the meetings are held; the meeting's own clock has no zone."""

DEFAULT_MINUTES = 60
"""The length of an event when neither agenda plans any minutes."""


def planned_minutes(meeting: Meeting, items: list[tuple[str, int | None]]) -> int:
    """How long the next meeting is planned to take: what its agenda already holds, and at
    least as long as this meeting was planned (a group's meetings are alike in length, and
    the next agenda grows before the day)."""
    held = meeting.info.duration if meeting.info.duration is not None else sum(s.item.minutes or 0 for s in meeting.items)
    upcoming = sum(minutes or 0 for _, minutes in items)
    return min(max(held, upcoming) or DEFAULT_MINUTES, MAX_MINUTES)


def invitation(meeting: Meeting, *, now: dt.datetime | None = None, lang: str | None = None) -> bytes:
    """The .ics file of the next meeting ``meeting`` recorded; ``now`` stamps it (UTC)."""
    import icalendar

    planned = meeting.next_meeting
    if planned is None:
        raise ValueError("the meeting recorded no next meeting")  # the caller tells the person
    lang = lang or get_language()
    items = next_agenda_items(meeting, lang)
    start = dt.datetime.combine(planned.date, planned.start, tzinfo=ZoneInfo(TIMEZONE))
    stamp = now or dt.datetime.now(dt.timezone.utc)

    event = icalendar.Event()
    event.add("uid", _uid(meeting))
    event.add("dtstamp", stamp.astimezone(dt.timezone.utc))
    event.add("dtstart", start)
    event.add("duration", dt.timedelta(minutes=planned_minutes(meeting, items)))
    event.add("summary", one_line(meeting.info.title))
    if planned.place:
        event.add("location", one_line(planned.place))
    if items:
        lines = [f"{number}. {one_line(title)}" for number, (title, _) in enumerate(items, start=1)]
        event.add("description", "\n".join([t("invite.agenda", lang=lang) + ":", *lines]))

    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//facilitator//facilitator {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add_component(event)
    calendar.add_missing_timezones()  # the VTIMEZONE of Europe/Copenhagen, from the zone's own rules
    data: bytes = calendar.to_ical()
    return data


def _uid(meeting: Meeting) -> str:
    """The same for every export from one held meeting, so importing the file again updates
    the event instead of adding a second one."""
    held = meeting.started_at.isoformat() if meeting.started_at else ""
    name = "\x1f".join((meeting.info.title, meeting.info.group or "", held))
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, 'facilitator:' + name)}@facilitator"
