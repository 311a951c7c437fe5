"""A meeting survives the trip to plain data and back, field for field."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Presence
from facilitator.store.snapshot import from_dict, to_dict

from meeting.test_model import FakeClock, clock, meeting, running  # noqa: F401  (fixtures)


def state(meeting: Meeting) -> dict:
    """Everything a meeting holds, except how it tells time and who listens."""
    return {k: v for k, v in vars(meeting).items() if k not in ("clock", "listeners")}


def hold_a_meeting(m: Meeting, clock: FakeClock) -> None:
    m.set_notes("# Noter\nmed æøå 🙂 og | tegn")
    m.add_decision("Godkendt", ["planlægning", "støtte"])
    clock.advance(3)
    m.next_item()
    m.toggle_prompt(0)
    m.toggle_option(0)
    m.record_vote("Forslaget", 2, 1, 0)
    m.add_action("Skrive til ledelsen", "Anne", "2026-12-15")
    m.set_action_done(m.add_action("Booke lokale", "Bo").id)
    m.set_presence("Cecilie", Presence.APOLOGIES)
    m.add_person("Dorte")
    m.leave("Bo")
    m.request_floor("Anne")
    m.request_floor("Dorte", point_of_order=True)
    m.next_speaker()
    clock.advance(1)
    m.next_speaker()
    m.request_floor("Anne")
    m.toggle_timer()
    m.add_item("Julefrokost", "orientering", 5)
    m.move_item(3, 0)
    m.set_carry_on(2)
    m.set_speakers_closed(True)
    m.set_role("secretary", "Dorte")


def test_round_trip_is_exact(running: Meeting, clock: FakeClock) -> None:
    hold_a_meeting(running, clock)
    data = json.loads(json.dumps(to_dict(running)))
    back = from_dict(data, clock=clock)
    assert state(back) == state(running)
    assert back.seconds_used(1) == running.seconds_used(1)


def test_round_trip_of_an_ended_meeting(running: Meeting, clock: FakeClock) -> None:
    hold_a_meeting(running, clock)
    clock.advance(5)
    running.end()
    assert state(from_dict(to_dict(running), clock=clock)) == state(running)


def test_round_trip_before_the_start(meeting: Meeting) -> None:
    assert state(from_dict(to_dict(meeting))) == state(meeting)


def test_notes_can_travel_apart(running: Meeting, clock: FakeClock) -> None:
    hold_a_meeting(running, clock)
    data = to_dict(running, notes=False)
    assert all("notes" not in item for item in data["items"])
    notes = {s.id: s.notes for s in running.items}
    assert state(from_dict(data, clock=clock, notes=notes)) == state(running)


def test_ids_go_on_after_a_resume(running: Meeting, clock: FakeClock) -> None:
    hold_a_meeting(running, clock)
    back = from_dict(to_dict(running), clock=clock)
    ids = {r.id for s in running.items for r in (*s.decisions, *s.votes, *s.actions)}
    assert back.add_decision("Ny").id not in ids


def test_unknown_version_is_refused(meeting: Meeting) -> None:
    with pytest.raises(ValueError, match="the snapshot has version 99; this facilitator reads version 1"):
        from_dict({**to_dict(meeting), "version": 99})
