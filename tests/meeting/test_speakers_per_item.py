"""The speakers list belongs to the item: each item starts with its own, and its speaking times are kept."""

from __future__ import annotations

import json

import pytest
from support.clock import FakeClock

from facilitator.errors import MeetingError
from facilitator.meeting.model import Meeting
from facilitator.store.snapshot import from_dict, to_dict


def test_those_waiting_are_let_go_when_the_item_changes(running: Meeting) -> None:
    running.request_floor("Anne")
    running.request_floor("Bo", point_of_order=True)
    running.set_speakers_closed(True)
    gone = running.next_item()
    assert [r.name for r in gone] == ["Bo", "Anne"]
    assert running.speakers.queue == [] and not running.speakers.closed  # a new debate: open and empty
    running.request_floor("Cecilie")
    running.previous_item()
    assert running.speakers.queue == []  # not Anne and Bo again either


def test_the_chair_may_take_them_along(running: Meeting) -> None:
    running.request_floor("Anne")
    running.set_speakers_closed(True)
    assert running.next_item(keep_speakers=True) == []
    assert [r.name for r in running.speakers.queue] == ["Anne"] and not running.speakers.closed
    assert running.go_to(0, keep_speakers=True) == [] and [r.name for r in running.speakers.queue] == ["Anne"]


def test_staying_on_the_item_keeps_the_list(running: Meeting, clock: FakeClock) -> None:
    running.request_floor("Anne")
    assert running.go_to(0) == []
    running.interrupted(clock())  # a resume enters the same item again
    assert [r.name for r in running.speakers.queue] == ["Anne"]


def test_a_refused_move_lets_nobody_go(running: Meeting) -> None:
    running.request_floor("Anne")
    running.go_to(2)
    running.request_floor("Bo")
    with pytest.raises(MeetingError, match="this is the last item"):
        running.next_item()
    assert [r.name for r in running.speakers.queue] == ["Bo"]


def speak(meeting: Meeting, clock: FakeClock, name: str, minutes: float) -> None:
    meeting.request_floor(name)
    meeting.next_speaker()
    clock.advance(minutes)
    meeting.stop_speaker()


def test_each_item_keeps_its_speaking_times(running: Meeting, clock: FakeClock) -> None:
    speak(running, clock, "Anne", 2)
    speak(running, clock, "Bo", 1)
    running.next_item()
    speak(running, clock, "Anne", 3)
    running.request_floor("Cecilie")
    running.next_speaker()
    clock.advance(1)  # still speaking: counted too
    assert running.speaking_seconds(0) == {"Anne": 120.0, "Bo": 60.0}
    assert running.speaking_seconds(1) == {"Anne": 180.0, "Cecilie": 60.0}
    assert running.speaking_seconds() == {"Anne": 300.0, "Bo": 60.0, "Cecilie": 60.0}
    assert [s.name for s in running.speeches_on(1)] == ["Anne", "Cecilie"]
    assert running.speaking_seconds(2) == {} and running.speeches_on(2) == []
    running.move_item(1, 2)  # the times go with the item, not its place
    assert running.speaking_seconds(2) == {"Anne": 180.0, "Cecilie": 60.0}


def test_the_times_per_item_survive_a_save_and_a_resume(running: Meeting, clock: FakeClock) -> None:
    speak(running, clock, "Anne", 2)
    running.next_item()
    speak(running, clock, "Bo", 4)
    running.request_floor("Cecilie")
    back = from_dict(json.loads(json.dumps(to_dict(running))), clock=clock)
    for index in range(len(running.items)):
        assert back.speaking_seconds(index) == running.speaking_seconds(index)
        assert back.speeches_on(index) == running.speeches_on(index)
    assert [r.name for r in back.speakers.queue] == ["Cecilie"]  # still the current item's list
    back.interrupted(clock())
    assert [r.name for r in back.speakers.queue] == ["Cecilie"]
    back.previous_item()
    assert back.speakers.queue == []
