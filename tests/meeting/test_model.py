"""The meeting model: every change is a checked method, and time comes from a fake clock."""

from __future__ import annotations

import datetime as dt

import pytest
from support.clock import START, FakeClock

from facilitator.agenda.model import ItemType
from facilitator.errors import MeetingError
from facilitator.meeting.model import Change, Meeting
from facilitator.meeting.records import Presence, Principle


def test_a_new_meeting_takes_people_and_roles_from_the_agenda(meeting: Meeting) -> None:
    assert list(meeting.attendees) == ["Anne", "Bo", "Cecilie"]
    assert all(a.presence is Presence.PRESENT for a in meeting.attendees.values())
    assert (meeting.chair, meeting.secretary) == ("Anne", "Bo")
    assert meeting.current is None and not meeting.started
    assert meeting.planned_end() == dt.datetime(2026, 12, 1, 15, 30)


def test_start_enters_the_first_item(running: Meeting, clock: FakeClock) -> None:
    assert running.current == 0 and running.started_at == START
    with pytest.raises(MeetingError, match="already started"):
        running.start()


def test_moving_through_items_records_visits_and_time(running: Meeting, clock: FakeClock) -> None:
    clock.advance(4)
    running.next_item()
    clock.advance(10)
    running.previous_item()  # revisit
    clock.advance(2)
    running.go_to(2)
    assert running.seconds_used(0) == 6 * 60
    assert running.seconds_used(1) == 10 * 60
    assert len(running.items[0].visits) == 2
    assert running.items[0].visits[1].start == START + dt.timedelta(minutes=14)
    with pytest.raises(MeetingError, match="this is the last item"):
        running.next_item()
    running.go_to(0)
    with pytest.raises(MeetingError, match="this is the first item"):
        running.previous_item()
    with pytest.raises(MeetingError, match="there is no item 9; the agenda has 3"):
        running.go_to(8)


def test_timer_counts_down_pauses_and_goes_over(running: Meeting, clock: FakeClock) -> None:
    clock.advance(3)
    assert running.seconds_left(0) == 2 * 60
    assert running.toggle_timer() is False  # paused
    clock.advance(10)
    assert running.seconds_left(0) == 2 * 60
    assert running.toggle_timer() is True
    clock.advance(4)
    assert running.seconds_left(0) == -2 * 60  # over time
    running.toggle_timer()
    clock.advance(5)
    running.next_item()  # leaving closes the open pause
    clock.advance(5)
    assert running.seconds_used(0) == 7 * 60


def test_projected_end_follows_the_time_used(running: Meeting, clock: FakeClock) -> None:
    clock.advance(10)  # item 1 planned 5, used 10: five minutes late
    assert running.projected_end() == dt.datetime(2026, 12, 1, 15, 35)
    running.next_item()
    assert running.projected_end() == dt.datetime(2026, 12, 1, 15, 35)
    assert running.planned_end() == dt.datetime(2026, 12, 1, 15, 30)


def test_prompts_and_options(running: Meeting) -> None:
    running.next_item()
    assert running.current_prompt() == 0
    assert running.toggle_prompt(0) is True
    assert running.current_prompt() is None
    assert running.toggle_prompt(0) is False
    assert running.toggle_option(0) is True and running.items[1].chosen == {0}
    with pytest.raises(MeetingError, match="there is no question 2; the item has 1"):
        running.toggle_prompt(1)
    with pytest.raises(MeetingError, match="there is no option 4"):
        running.toggle_option(3)


def test_decisions_with_principles(running: Meeting, clock: FakeClock) -> None:
    decision = running.add_decision("  Dagsordenen er godkendt. ", ["støtte", Principle.PLANNING, "støtte"])
    assert decision.text == "Dagsordenen er godkendt."
    assert decision.principles == (Principle.PLANNING, Principle.SUPPORT)
    assert decision.at == START and running.items[0].decisions == [decision]
    with pytest.raises(MeetingError, match="The decision is empty"):
        running.add_decision("   ")
    with pytest.raises(MeetingError, match="unknown principle økonomi"):
        running.add_decision("x", ["økonomi"])


def test_votes_are_checked(running: Meeting) -> None:
    vote = running.record_vote("Forslaget", 2, 1, 0)
    assert (vote.votes_for, vote.against, vote.abstain, vote.present) == (2, 1, 0, 3)
    with pytest.raises(MeetingError, match=r"Against must be a whole number, 0 or more \(got -1\)"):
        running.record_vote("Forslaget", 2, -1, 0)
    with pytest.raises(MeetingError, match="Abstain must be a whole number"):
        running.record_vote("Forslaget", 2, 1, True)
    with pytest.raises(MeetingError, match="4 votes were cast but only 3 are present"):
        running.record_vote("Forslaget", 2, 1, 1, present=3)
    with pytest.raises(MeetingError, match="What is voted on is empty"):
        running.record_vote("", 1, 0, 0)


def test_actions_with_deadlines(running: Meeting) -> None:
    action = running.add_action("Skrive til ledelsen", "Anne", "2026-12-15")
    assert action.deadline == dt.date(2026, 12, 15) and not action.done
    assert running.add_action("Booke lokale", "Bo").deadline is None
    running.set_action_done(action.id)
    assert running.find_action(action.id).done
    with pytest.raises(
        MeetingError, match=r"DD.MM.YYYY or YYYY-MM-DD, e.g. 31.12.2026, 31/12-26, 31.12 or 2026-12-31 \(got 31/2\)"
    ):
        running.add_action("x", "Anne", "31/2")
    assert running.add_action("Skrive igen", "Anne", "15/12").deadline == dt.date(2026, 12, 15)  # day first, this year
    with pytest.raises(MeetingError, match="Who is empty"):
        running.add_action("x", " ")


def test_a_deadline_without_a_year_is_read_from_the_meetings_own_clock(running: Meeting, clock: FakeClock) -> None:
    clock.now = dt.datetime(2026, 12, 20, 23, 59)
    assert running.add_action("Efter nytår", "Anne", "5/1").deadline == dt.date(2027, 1, 5)
    assert running.add_action("I dag", "Anne", "20.12.").deadline == dt.date(2026, 12, 20)
    clock.now = dt.datetime(2027, 1, 2, 9, 0)
    assert running.add_action("Senere", "Anne", "20.12").deadline == dt.date(2027, 12, 20)


def test_records_can_be_removed_by_id(running: Meeting) -> None:
    decision = running.add_decision("Fejl")
    vote = running.record_vote("Fejl", 1, 0, 0)
    running.remove(decision.id)
    running.remove(vote.id)
    assert running.items[0].decisions == [] and running.items[0].votes == []
    with pytest.raises(MeetingError, match=f"number {vote.id}"):
        running.remove(vote.id)


def test_attendance(running: Meeting, clock: FakeClock) -> None:
    running.set_presence("Cecilie", Presence.APOLOGIES)
    assert running.present_count() == 2
    clock.advance(7)
    dorte = running.add_person("Dorte")
    assert dorte.added and dorte.arrived == START + dt.timedelta(minutes=7)
    running.leave("Bo")
    assert running.attendees["Bo"].left == START + dt.timedelta(minutes=7)
    assert running.present_count() == 2
    with pytest.raises(MeetingError, match="Bo is not here"):
        running.leave("Bo")
    with pytest.raises(MeetingError, match="Erik is not on the attendance list"):
        running.set_presence("Erik", Presence.PRESENT)
    with pytest.raises(MeetingError, match="Dorte is already on the attendance list"):
        running.add_person("Dorte")
    with pytest.raises(MeetingError, match="unknown attendance"):
        running.set_presence("Anne", "måske")
    running.set_role("chair", "Dorte")
    assert running.chair == "Dorte"
    with pytest.raises(MeetingError, match="Erik is not on the attendance list"):
        running.set_role("secretary", "Erik")


def test_late_arrival_of_someone_listed(meeting: Meeting, clock: FakeClock) -> None:
    meeting.set_presence("Cecilie", Presence.ABSENT)
    meeting.start()
    clock.advance(20)
    meeting.set_presence("Cecilie", Presence.PRESENT)
    assert meeting.attendees["Cecilie"].arrived == START + dt.timedelta(minutes=20)
    assert meeting.attendees["Anne"].arrived is None  # on time


def test_speakers_list_points_of_order_first(running: Meeting, clock: FakeClock) -> None:
    running.request_floor("Anne")
    running.request_floor("Bo")
    running.request_floor("Cecilie", point_of_order=True)
    running.request_floor("Bo", point_of_order=True)
    assert [r.name for r in running.speakers.queue] == ["Cecilie", "Bo", "Anne", "Bo"]
    assert running.next_speaker().name == "Cecilie"
    clock.advance(1)
    assert running.next_speaker().name == "Bo"
    clock.advance(2)
    assert running.next_speaker().name == "Anne"
    clock.advance(3)
    running.set_speakers_closed(True)
    with pytest.raises(MeetingError, match="the speakers list is closed; Cecilie can only raise a point of order"):
        running.request_floor("Cecilie")
    running.request_floor("Cecilie", point_of_order=True)
    assert running.speaking_seconds() == {"Anne": 180.0, "Bo": 120.0, "Cecilie": 60.0}
    with pytest.raises(MeetingError, match="Erik is not on the attendance list"):
        running.request_floor("Erik")
    with pytest.raises(MeetingError, match="Cecilie is already on the speakers list"):
        running.request_floor("Cecilie", point_of_order=True)


def test_changing_item_ends_the_current_speech(running: Meeting, clock: FakeClock) -> None:
    running.request_floor("Anne")
    running.next_speaker()
    clock.advance(2)
    running.next_item()
    assert running.speakers.current is None
    assert running.speakers.speeches[0].item == running.items[0].id
    assert running.speakers.speeches[0].span.seconds(clock()) == 120


def test_adding_and_moving_items_keeps_the_current_item(running: Meeting) -> None:
    running.next_item()  # on "Organisering af arbejdet"
    index = running.add_item("Julefrokost", "orientering", 5)
    assert index == 2 and running.items[2].added and running.items[2].item.type is ItemType.ORIENTERING
    running.add_item("Først", at=0)
    assert running.items[running.current].item.title == "Organisering af arbejdet"
    running.move_item(running.current, 0)
    assert running.current == 0 and running.items[0].item.title == "Organisering af arbejdet"
    assert len({s.id for s in running.items}) == len(running.items)
    with pytest.raises(MeetingError, match="Minutes must be a whole number greater than 0"):
        running.add_item("x", minutes=0)
    with pytest.raises(MeetingError, match="unknown item type"):
        running.add_item("x", "afstemning")


def test_carry_on_and_notes(running: Meeting) -> None:
    running.set_carry_on(1)
    assert running.items[1].carry_on
    running.set_notes("# Noter\nmed æøå 🙂")
    assert running.items[0].notes == "# Noter\nmed æøå 🙂"


def test_every_change_is_announced(running: Meeting) -> None:
    changes: list[Change] = []
    running.listeners.append(changes.append)
    running.set_notes("a")
    running.set_notes("a")  # no change, no announcement
    running.add_decision("b")
    running.next_item()
    first, second = running.items[0].id, running.items[1].id
    assert changes == [Change("notes", first), Change("structure", items=(first,)), Change("structure", items=(first, second))]


def test_an_ended_meeting_takes_no_more_changes(running: Meeting, clock: FakeClock) -> None:
    running.request_floor("Anne")
    running.next_speaker()
    clock.advance(5)
    running.end()
    assert running.ended_at == START + dt.timedelta(minutes=5)
    assert running.items[0].visits[-1].end == running.ended_at and running.speakers.current is None
    assert running.projected_end() == running.ended_at
    with pytest.raises(MeetingError, match="the meeting has ended"):
        running.next_item()


def test_nothing_moves_before_the_start(meeting: Meeting) -> None:
    with pytest.raises(MeetingError, match="has not started"):
        meeting.next_item()
    with pytest.raises(MeetingError, match="has not started"):
        meeting.add_decision("x")


def test_messages_in_danish(running: Meeting, danish: None) -> None:
    with pytest.raises(MeetingError, match="Navnet mangler; skriv noget"):
        running.add_person(" ")
    with pytest.raises(MeetingError, match="der er afgivet 4 stemmer, men kun 3 er til stede"):
        running.record_vote("Forslaget", 4, 0, 0, present=3)


def test_a_listener_may_leave_while_being_told(meeting) -> None:  # type: ignore[no-untyped-def]
    """Every listener hears every change, even when one before it stops listening."""
    heard: list[str] = []

    def once(change: object) -> None:
        heard.append("once")
        meeting.listeners.remove(once)

    meeting.listeners[:] = [once, lambda change: heard.append("always")]
    meeting.add_person("Dorte")
    meeting.add_person("Erik")
    assert heard == ["once", "always", "always"]


# --- the group ---------------------------------------------------------------------------------


def test_a_group_is_named_once_the_agenda_named_none_and_not_after_the_end(running: Meeting) -> None:
    changes: list[object] = []
    running.listeners.append(changes.append)
    running.set_group("  HK-klubben ")
    assert running.info.group == "HK-klubben" and len(changes) == 1
    running.set_group("HK-klubben")  # the same again is no change
    assert len(changes) == 1
    for bad in ("", "  ", "to\nlinjer"):
        with pytest.raises(MeetingError):
            running.set_group(bad)
    running.end()
    with pytest.raises(MeetingError, match="ended"):
        running.set_group("Bestyrelsen")
    assert running.info.group == "HK-klubben"


def test_a_start_at_the_calendars_end_has_no_end_rather_than_an_error(running: Meeting) -> None:
    # A damaged or hand-edited snapshot may say so; the meeting still opens and shows.
    running.started_at = dt.datetime(9999, 12, 31, 23, 59, 59)
    assert running.planned_end() is None
    running.started_at = None
    running.info = running.info._replace(date=dt.date(9999, 12, 31), start=dt.time(23, 59))
    assert running.planned_end() is None
