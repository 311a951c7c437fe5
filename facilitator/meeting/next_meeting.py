"""The next meeting, as the room agrees on it: the day, the time it starts and the place.

Until now the next meeting was a sentence in the decisions of the item "Næste møde", which
the minutes could print but nothing could put in a calendar or on the next agenda. Here it
is a record the meeting keeps: a date and a start time (a calendar cannot hold a meeting
without them) and, when said, a place. The date and time are read as the room writes
them, the same way as a deadline (``written_dates``): "14/1", "14.1.2027", "kl. 16".

A part of :class:`facilitator.meeting.model.Meeting`, written as a mixin for the reason
given in ``people``: one object, one state saved and announced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting import checks, written_dates
from facilitator.meeting.change import HEAD, Change


class NextMeeting(NamedTuple):
    """When and where the group meets next; ``place`` is None when it was not said."""

    date: dt.date
    start: dt.time
    place: str | None = None


def written_when(planned: NextMeeting, lang: str | None = None) -> str:
    """'torsdag den 14. januar 2027 kl. 16.00': the day and the start as the minutes, the
    screen and the command line write them (the place, a person's words, goes apart)."""
    day, start = written_dates.long_date(planned.date, lang), written_dates.clock_time(planned.start, lang)
    return t("minutes.next_meeting_when", lang=lang, date=day, time=start)


def written_plan(planned: NextMeeting, lang: str | None = None) -> str:
    """'torsdag den 14. januar 2027 kl. 16.00, Mødelokale 2': when and where, as plain text
    for the screen and the command line (the minutes write the place through Markdown)."""
    when = written_when(planned, lang)
    return f"{when}, {planned.place}" if planned.place else when


def next_meeting_date(value: dt.date | str, *, today: dt.date) -> dt.date:
    """The next meeting's day, written as a deadline is (ISO or day first, the year left out
    meaning the next such day); never before ``today``, the meeting's own day."""
    if isinstance(value, str) and not value.strip():
        raise MeetingError(t("meeting.blank", field=t("meeting.field.next_date")))
    try:
        day = checks.deadline(value, today=today)
    except MeetingError:
        raise MeetingError(t("meeting.next.bad_date", value=value)) from None
    assert day is not None  # a blank value was refused above
    if day < today:
        raise MeetingError(t("meeting.next.past", value=value))
    return day


def next_meeting_start(value: dt.time | str) -> dt.time:
    """The time the next meeting starts: "16", "16.00", "16:30", "kl. 16"."""
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if not isinstance(value, str) or not value.strip():
        raise MeetingError(t("meeting.blank", field=t("meeting.field.next_start")))
    start = written_dates.time_of_day(value)
    if start is None:
        raise MeetingError(t("meeting.next.bad_start", value=value))
    return start


def _place(place: str | None) -> str | None:
    if place is None or (isinstance(place, str) and not place.strip()):
        return None  # the place is often not said: the same room as always
    return checks.one_line(place, "meeting.field.next_place")


class NextMeetingPlan:
    """Recording when and where the group meets next."""

    clock: Callable[[], dt.datetime]
    next_meeting: NextMeeting | None

    if TYPE_CHECKING:  # provided by Meeting

        def _changed(self, change: Change = ...) -> None: ...

        def _require_running(self) -> None: ...

    def set_next_meeting(self, date: dt.date | str, start: dt.time | str, place: str | None = None) -> NextMeeting:
        """Record the next meeting (again: a later answer replaces an earlier one)."""
        self._require_running()
        today = self.clock().date()
        planned = NextMeeting(
            next_meeting_date(date, today=today),
            next_meeting_start(start),
            _place(place),
        )
        if planned != self.next_meeting:
            self.next_meeting = planned
            self._changed(HEAD)
        return planned

    def clear_next_meeting(self) -> None:
        """Forget the next meeting recorded (it was set on the wrong meeting, say)."""
        self._require_running()
        if self.next_meeting is not None:
            self.next_meeting = None
            self._changed(HEAD)
