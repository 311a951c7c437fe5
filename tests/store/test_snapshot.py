"""A meeting survives the trip to plain data and back, field for field."""

from __future__ import annotations

import json

import pytest
from support.clock import FakeClock
from support.meetings import hold_a_meeting, state

from facilitator.meeting.model import Meeting
from facilitator.store.snapshot import from_dict, to_dict


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


def test_guests_are_kept_and_an_older_snapshot_has_none(clock: FakeClock) -> None:
    from facilitator.agenda.loader import parse_agenda
    from facilitator.store.snapshot_check import check_snapshot

    agenda = 'format = 1\n[meeting]\ntitle = "Møde"\nkind = "andet"\nguests = ["Eva Holm"]\n[[item]]\ntitle = "Eventuelt"\n'
    meeting = Meeting(parse_agenda(agenda.encode()), clock=clock)
    data = json.loads(json.dumps(to_dict(meeting)))
    check_snapshot(data)
    assert from_dict(data, clock=clock).info.guests == ("Eva Holm",)
    del data["info"]["guests"]
    check_snapshot(data)
    assert from_dict(data, clock=clock).info.guests == ()
