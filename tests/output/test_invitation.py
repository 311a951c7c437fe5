"""The next meeting as an iCalendar event: it parses, it starts when the room said (Danish
time), it says where and what, it tells nothing of a closed item, and hostile text in it
stays data."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from support.clock import FakeClock
from support.hostile_text import SHORT, raw_controls
from support.meetings import real_meeting

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from facilitator.meeting.next_meeting import NextMeeting
from facilitator.output.invitation import DEFAULT_MINUTES, invitation, planned_minutes
from facilitator.output.minutes import render
from facilitator.output.next_agenda import next_agenda, next_agenda_items
from facilitator.text.visible import one_line

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
PLANNED = NextMeeting(dt.date(2027, 1, 14), dt.time(16), "Mødelokale 2")
NOW = dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.timezone.utc)


def held(planned: NextMeeting | None = PLANNED) -> Meeting:
    meeting = real_meeting()
    meeting.next_meeting = planned  # recorded before the end (the core's own tests show how)
    return meeting


def event_of(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def test_it_parses_and_starts_when_the_room_said() -> None:
    event = event_of(invitation(held(), now=NOW, lang="da"))
    start = event.decoded("dtstart")
    assert start == dt.datetime(2027, 1, 14, 16, 0, tzinfo=COPENHAGEN)
    assert start.utcoffset() == dt.timedelta(hours=1)  # winter: CET
    assert event["dtstart"].params["TZID"] == "Europe/Copenhagen"
    assert str(event["location"]) == "Mødelokale 2"
    assert str(event["summary"]) == held().info.title
    assert event.decoded("dtstamp") == NOW


def test_summer_time_is_the_zones_own() -> None:
    data = invitation(held(PLANNED._replace(date=dt.date(2027, 6, 10))), now=NOW)
    calendar = icalendar.Calendar.from_ical(data)
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    assert event_of(data).decoded("dtstart").utcoffset() == dt.timedelta(hours=2)


def test_the_description_is_the_next_agendas_items_and_no_closed_title() -> None:
    meeting = held()
    event = event_of(invitation(meeting, now=NOW, lang="da"))
    description = str(event["description"])
    lines = description.splitlines()
    assert lines[0] == "Dagsorden:"
    assert lines[1:] == [f"{n}. {title}" for n, (title, _) in enumerate(next_agenda_items(meeting, "da"), start=1)]
    assert "Lukket punkt" in description  # "Meddelelser" was closed: its placeholder, as on the next agenda
    assert "Meddelelser" not in invitation(meeting, now=NOW).decode()
    assert "Socialfagligt" in description  # the postponed item goes on


def test_nothing_of_a_closed_item_reaches_it() -> None:
    secret = "Fyring af Hansen"
    text = f"""format = 1
[meeting]
title = "Klubmøde"
kind = "klubmøde"
date = 2026-12-01
start = 15:00:00

[[item]]
title = "Godkendelse af dagsorden"
minutes = 5

[[item]]
title = "{secret}"
purpose = "Hansens sag: {secret}"
presenter = "Hansen"
prompts = ["Hvad ved vi om {secret}?"]
minutes = 30
confidential = true
"""
    clock = FakeClock()
    meeting = Meeting(parse_agenda(text.encode()), clock=clock)
    meeting.start()
    meeting.set_next_meeting("14/1", "16", "Mødelokale 2")
    clock.advance(5)
    meeting.end()  # the closed item was not reached: it goes on to the next agenda
    data = invitation(meeting, now=NOW).decode()
    assert "Hansen" not in data and "Fyring" not in data
    assert "2. Closed item" in str(event_of(data.encode())["description"])


def test_the_duration_is_at_least_this_meetings_plan() -> None:
    meeting = held()
    items = next_agenda_items(meeting)
    this_plan = sum(s.item.minutes or 0 for s in meeting.items)
    assert planned_minutes(meeting, items) == max(this_plan, sum(m or 0 for _, m in items))
    assert event_of(invitation(meeting, now=NOW)).decoded("duration") == dt.timedelta(minutes=planned_minutes(meeting, items))
    meeting.info = meeting.info._replace(duration=150)
    assert planned_minutes(meeting, items) == 150
    assert planned_minutes(meeting, []) == 150
    meeting.info = meeting.info._replace(duration=None)
    meeting.items = [s for s in meeting.items if False]
    assert planned_minutes(meeting, []) == DEFAULT_MINUTES


def test_the_same_meeting_gives_the_same_uid() -> None:
    one, two = event_of(invitation(held(), now=NOW)), event_of(invitation(held(PLANNED._replace(start=dt.time(17)))))
    assert str(one["uid"]) == str(two["uid"])  # imported again, the event is updated, not doubled


@pytest.mark.parametrize("name", sorted(SHORT))
def test_hostile_text_in_the_title_and_place_stays_data(name: str) -> None:
    hostile = SHORT[name]
    meeting = held(PLANNED._replace(place=hostile))
    meeting.info = meeting.info._replace(title=hostile)
    data = invitation(meeting, now=NOW)
    event = event_of(data)
    assert str(event["summary"]) == one_line(hostile)
    assert str(event["location"]) == one_line(hostile)
    assert event.decoded("dtstart") == dt.datetime(2027, 1, 14, 16, 0, tzinfo=COPENHAGEN)
    text = data.decode("utf-8")
    assert raw_controls(text.replace("\r\n", "")) == set()
    assert all(line.endswith("\r") for line in text.split("\n")[:-1])  # every line ends in CRLF, none forged
    assert text.count("BEGIN:VEVENT") == 1


def test_the_referat_says_when_and_where_under_naeste_moede() -> None:
    meeting = held()
    danish = render(meeting, lang="da")
    section = danish.split("## Næste møde\n", 1)[1]
    assert section.lstrip().startswith("torsdag den 14. januar 2027 kl. 16.00, Mødelokale 2\n")
    assert "Næste møde holdes tirsdag den 12. januar 2027 kl. 15." in section  # the decision stays too
    english = render(meeting, lang="en")
    assert "Thursday 14 January 2027 at 16:00, Mødelokale 2" in english.split("## Next meeting\n", 1)[1]
    assert "kl. 16.00" not in render(held(None), lang="da")


def test_a_hostile_place_is_inline_text_in_the_referat() -> None:
    meeting = held(PLANNED._replace(place="[klik](javascript:alert(1)) <b>x</b>\n# Overskrift"))
    section = render(meeting, lang="da").split("## Næste møde\n", 1)[1]
    line = section.strip().splitlines()[0]
    assert line.startswith("torsdag den 14. januar 2027 kl. 16.00, ") and line.endswith("# Overskrift")  # one line
    assert "\\<b>x\\</b>" in line  # HTML as text


def test_the_next_agenda_takes_the_date_start_and_place() -> None:
    agenda = parse_agenda(next_agenda(held()).encode())
    assert (agenda.meeting.date, agenda.meeting.start, agenda.meeting.location) == (
        dt.date(2027, 1, 14),
        dt.time(16),
        "Mødelokale 2",
    )
    without_place = parse_agenda(next_agenda(held(PLANNED._replace(place=None))).encode())
    assert without_place.meeting.location == "Mødelokale 3"  # the meeting's own place then
    undated = parse_agenda(next_agenda(held(None)).encode())
    assert undated.meeting.date is None and undated.meeting.start == dt.time(15)
