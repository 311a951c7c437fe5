"""The agenda's date against the day the meeting is held (meeting/planned_day.py)."""

from __future__ import annotations

import datetime as dt

from support.agendas import VALID_AGENDA
from support.clock import START, FakeClock

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from facilitator.meeting.planned_day import other_day_planned


def meeting_on(planned: dt.date | None, clock: FakeClock) -> Meeting:
    agenda = parse_agenda(VALID_AGENDA.encode())
    return Meeting(agenda._replace(meeting=agenda.meeting._replace(date=planned)), clock=clock)


def test_the_agendas_own_day_says_nothing() -> None:
    assert other_day_planned(meeting_on(START.date(), FakeClock())) is None


def test_no_date_on_the_agenda_says_nothing() -> None:
    assert other_day_planned(meeting_on(None, FakeClock())) is None


def test_another_day_is_named_before_and_after_the_start() -> None:
    clock = FakeClock()
    meeting = meeting_on(dt.date(2026, 12, 2), clock)  # planned for tomorrow, held today
    assert other_day_planned(meeting) == dt.date(2026, 12, 2)
    meeting.start()
    clock.advance(60 * 24)  # past midnight: the day it was held counts, not the clock's
    assert other_day_planned(meeting) == dt.date(2026, 12, 2)


def test_a_meeting_started_on_the_planned_day_stays_right_past_midnight() -> None:
    clock = FakeClock()
    meeting = meeting_on(START.date(), clock)
    meeting.start()
    clock.advance(60 * 24)
    assert other_day_planned(meeting) is None
