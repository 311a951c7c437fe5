"""What the wall may show: the allow-list of the room view, closed items and notes above all."""

from __future__ import annotations

import json

import pytest
from support.clock import FakeClock
from support.hostile_text import HOSTILE

from facilitator.meeting.model import Meeting
from facilitator.output.room_state import room_state


def test_before_the_start_the_wall_waits(meeting: Meeting) -> None:
    state = room_state(meeting)
    assert state["status"] == "waiting" and state["item"] is None and state["progress"]["position"] is None
    assert [line["title"] for line in state["agenda"]] == ["Godkendelse af dagsorden", None, "Eventuelt"]


def test_a_running_item_shows_its_question_choices_records_timer_and_floor(running: Meeting, clock: FakeClock) -> None:
    running.go_to(2)
    running.add_decision("Vi holder fast")
    running.record_vote("Forslaget", 2, 1, 0)
    running.add_action("Skriv til ledelsen", "Bo", "2027-01-15")
    running.request_floor("Anne")
    running.request_floor("Bo", point_of_order=True)
    running.next_speaker()
    running.request_floor("Cecilie")
    clock.advance(2)
    state = room_state(running)
    item = state["item"]
    assert state["status"] == "running" and state["progress"] == {"position": 3, "count": 3}
    assert item["title"] == "Eventuelt" and item["closed"] is False and item["question"] is None
    assert item["decisions"] == ["Vi holder fast"]
    assert item["votes"] == [{"subject": "Forslaget", "for": 2, "against": 1, "abstain": 0, "carried": True}]
    assert item["actions"] == [{"what": "Skriv til ledelsen", "who": "Bo", "deadline": "2027-01-15"}]
    assert item["timer"] == {"planned": 300, "used": 120.0, "running": True}
    assert state["speaker"] == {"name": "Bo", "seconds": 120.0, "point_of_order": True}
    assert state["queue"] == [{"name": "Anne", "point_of_order": False}, {"name": "Cecilie", "point_of_order": False}]
    assert [line["state"] for line in state["agenda"]] == ["done", "coming", "current"]


def test_a_closed_item_shows_that_it_is_closed_and_nothing_else(running: Meeting, clock: FakeClock) -> None:
    running.go_to(1)  # "Organisering af arbejdet", confidential in the test agenda
    running.set_notes("Navngivet kollega er syg")
    running.set_room_notes(True)
    running.toggle_prompt(0)
    running.toggle_option(0)
    running.add_decision("Hemmelig beslutning")
    running.request_floor("Anne")
    running.next_speaker()
    state = room_state(running)
    assert state["item"] == {"number": 2, "closed": True}
    assert state["speaker"] is None and state["queue"] == []
    assert state["agenda"][1] == {"number": 2, "title": None, "closed": True, "state": "current"}
    text = json.dumps(state, ensure_ascii=False)
    for secret in (
        "Organisering",
        "IT-understøttelsen",
        "Planlagt overarbejde",
        "Hemmelig",
        "Navngivet",
        "Samle klubbens",
        "Anne",
    ):
        assert secret not in text


def test_notes_reach_the_wall_only_when_the_chair_lets_them(running: Meeting) -> None:
    running.set_notes("Referat på væggen")
    assert room_state(running)["item"]["notes"] is None
    running.set_room_notes(True)
    assert room_state(running)["item"]["notes"] == "Referat på væggen"
    running.next_item()  # the switch is the item's own: the next item's notes stay off the wall
    running.next_item()
    running.set_notes("Andet punkt")
    assert room_state(running)["item"]["notes"] is None


def test_a_paused_timer_and_an_ended_meeting_stand_still(running: Meeting, clock: FakeClock) -> None:
    clock.advance(1)
    running.toggle_timer()
    clock.advance(3)
    assert room_state(running)["item"]["timer"] == {"planned": 300, "used": 60.0, "running": False}
    running.end()
    state = room_state(running)
    assert state["status"] == "ended" and state["item"] is None


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_text_reaches_the_wall_as_the_same_text(running: Meeting, name: str) -> None:
    """The state is data: every string goes through as it was, for the view to put in as text."""
    text = HOSTILE[name]
    running.set_notes(text)
    running.set_room_notes(True)
    running.add_decision(text)
    running.add_action(text, text)
    name_text = " ".join(text[:200].split()) or "x"  # a name is one line
    running.add_person(name_text)
    running.request_floor(name_text)
    running.next_speaker()
    state = json.loads(json.dumps(room_state(running)))
    item, held = state["item"], running.items[0]
    assert item["notes"] == text  # notes are kept as typed; records as the core keeps them (stripped)
    assert item["decisions"] == [held.decisions[0].text] and item["actions"][0]["what"] == held.actions[0].what
    assert state["speaker"]["name"] == name_text
