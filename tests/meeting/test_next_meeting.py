"""The next meeting as a record: its date typed as a deadline is, its start as a time is
said, its place optional; refused when it cannot be read, and announced once."""

from __future__ import annotations

import datetime as dt

import pytest
from support.clock import FakeClock

from facilitator.errors import MeetingError
from facilitator.i18n import set_language
from facilitator.meeting.model import Change, Meeting
from facilitator.meeting.next_meeting import NextMeeting, written_plan, written_when
from facilitator.meeting.written_dates import time_of_day

THURSDAY = dt.date(2027, 1, 14)


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("14/1", THURSDAY),  # no year: the next such day from the meeting's today (1 December 2026)
        ("14.1.2027", THURSDAY),
        ("14/1-27", THURSDAY),
        ("14.01.2027", THURSDAY),
        ("2027-01-14", THURSDAY),
        ("3.12", dt.date(2026, 12, 3)),
        ("1.12.2026", dt.date(2026, 12, 1)),  # the same day: a meeting may go on in the evening
    ],
)
def test_the_date_is_read_as_a_deadline_is(running: Meeting, written: str, day: dt.date) -> None:
    assert running.set_next_meeting(written, "16").date == day
    assert running.next_meeting == NextMeeting(day, dt.time(16, 0))


@pytest.mark.parametrize(
    ("written", "start"),
    [
        ("16", dt.time(16)),
        ("16.00", dt.time(16)),
        ("16:30", dt.time(16, 30)),
        ("kl. 16", dt.time(16)),
        ("Kl 9.15", dt.time(9, 15)),
        (" 08.05 ", dt.time(8, 5)),
    ],
)
def test_the_start_is_read_as_a_time_is_said(running: Meeting, written: str, start: dt.time) -> None:
    assert running.set_next_meeting("14/1", written).start == start


@pytest.mark.parametrize("written", ["24", "16.60", "16.5", "fire", "16-17", "kl.", "", "1600"])
def test_a_time_that_is_not_one_is_none(written: str) -> None:
    assert time_of_day(written) is None


def test_the_place_is_optional_and_one_line(running: Meeting) -> None:
    assert running.set_next_meeting("14/1", "16", "  Mødelokale 2 ").place == "Mødelokale 2"
    assert running.set_next_meeting("14/1", "16", "   ").place is None
    assert running.set_next_meeting("14/1", "16").place is None
    with pytest.raises(MeetingError, match="one line"):
        running.set_next_meeting("14/1", "16", "Mødelokale 2\nEND:VEVENT")
    assert running.next_meeting == NextMeeting(THURSDAY, dt.time(16))  # the refused change left it as it was


@pytest.mark.parametrize(
    ("date", "start", "message"),
    [
        ("31.2.2027", "16", "the next meeting's date must be written DD.MM.YYYY"),
        ("torsdag", "16", "(got torsdag)"),
        ("30.11.2026", "16", "cannot be before today (got 30.11.2026)"),
        ("", "16", "The next meeting's date is empty"),
        ("14/1", "25.00", "the start must be a time of day"),
        ("14/1", " ", "The next meeting's start time is empty"),
    ],
)
def test_what_cannot_be_read_is_refused_with_what_would_do(running: Meeting, date: str, start: str, message: str) -> None:
    with pytest.raises(MeetingError, match=message.replace("(", r"\(").replace(")", r"\)")):
        running.set_next_meeting(date, start)
    assert running.next_meeting is None


def test_only_while_the_meeting_runs(meeting: Meeting, clock: FakeClock) -> None:
    with pytest.raises(MeetingError):
        meeting.set_next_meeting("14/1", "16")
    meeting.start()
    meeting.set_next_meeting("14/1", "16")
    meeting.end()
    with pytest.raises(MeetingError):
        meeting.clear_next_meeting()
    assert meeting.next_meeting == NextMeeting(THURSDAY, dt.time(16))


def test_a_change_is_announced_once_and_the_same_answer_not_at_all(running: Meeting) -> None:
    changes: list[Change] = []
    running.listeners.append(changes.append)
    running.set_next_meeting("14/1", "16", "Mødelokale 2")
    running.set_next_meeting("14.01.2027", "kl. 16.00", "Mødelokale 2")  # the same, written otherwise
    assert len(changes) == 1
    running.set_next_meeting("14/1", "16")  # the place left out: a change
    running.clear_next_meeting()
    running.clear_next_meeting()  # nothing left to clear
    assert len(changes) == 3 and running.next_meeting is None


def test_written_out_in_danish_and_english() -> None:
    planned = NextMeeting(THURSDAY, dt.time(16), "Mødelokale 2")
    set_language("da")
    assert written_when(planned) == "torsdag den 14. januar 2027 kl. 16.00"
    assert written_plan(planned) == "torsdag den 14. januar 2027 kl. 16.00, Mødelokale 2"
    assert written_plan(planned._replace(place=None)) == "torsdag den 14. januar 2027 kl. 16.00"
    assert written_plan(planned, "en") == "Thursday 14 January 2027 at 16:00, Mødelokale 2"
