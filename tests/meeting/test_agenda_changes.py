"""The agenda as the room changes it: postponing, moving and dropping items, by the chair's rules."""

from __future__ import annotations

import pytest
from support.clock import FakeClock

from facilitator.errors import MeetingError
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Speech
from facilitator.output.next_agenda import next_agenda


def titles(meeting: Meeting) -> list[str]:
    return [s.item.title for s in meeting.items]


@pytest.fixture
def five(running: Meeting) -> Meeting:
    """Five items, on the first: Godkendelse, Organisering, A, B, Eventuelt."""
    running.add_item("A", at=2)
    running.add_item("B", at=3)
    return running


def test_the_meeting_passes_over_postponed_items(five: Meeting) -> None:
    five.set_skipped(1)
    five.set_skipped(2)
    assert five.next_index() == 3
    five.next_item()
    assert titles(five)[five.current or 0] == "B"
    assert not five.items[1].visited and not five.items[2].visited
    five.previous_item()
    assert five.current == 0
    five.set_skipped(2, False)
    five.next_item()
    assert five.current == 2


def test_postponing_the_current_item_does_not_move_on(five: Meeting) -> None:
    five.next_item()
    five.set_skipped(five.current)
    assert five.current == 1 and five.items[1].skipped
    five.add_decision("Punktet udsættes til næste møde.")  # a postponement is decided like anything else
    five.go_to(2)
    five.go_to(1)  # the chair may go back to a postponed item
    assert five.current == 1 and five.items[1].skipped
    five.go_to(4)
    with pytest.raises(MeetingError, match="this is the last item"):
        five.next_item()


def test_the_last_postponed_items_leave_no_next_item(five: Meeting) -> None:
    for index in (1, 2, 3, 4):
        five.set_skipped(index)
    with pytest.raises(MeetingError, match="this is the last item"):
        five.next_item()


def test_postponed_items_go_on_the_next_agenda_and_out_of_the_projection(five: Meeting, clock: FakeClock) -> None:
    before = five.projected_end()
    five.set_skipped(2)  # A, planned without minutes: the projection stays
    five.add_item("Lang sag", minutes=30, at=4)
    with_long = five.projected_end()
    assert with_long is not None and before is not None and with_long > before
    five.set_skipped(4)
    assert five.projected_end() == before
    five.next_item()
    five.set_skipped(1)  # taken and then postponed: on the next agenda all the same
    five.end()
    text = next_agenda(five)
    assert text.count("[[item]]") == 6  # the closed "Organisering" as its placeholder
    assert "confidential = true" in text and 'title = "Lang sag"' in text


def test_postponing_needs_a_running_meeting_and_a_flag(meeting: Meeting) -> None:
    with pytest.raises(MeetingError, match="has not started"):
        meeting.set_skipped(1)
    meeting.start()
    with pytest.raises(MeetingError, match="expected yes or no"):
        meeting.set_skipped(1, "nej")  # type: ignore[arg-type]
    with pytest.raises(MeetingError, match="there is no item 9"):
        meeting.set_skipped(8)


def test_items_still_to_come_move_one_place_among_themselves(five: Meeting) -> None:
    five.next_item()  # on Organisering
    assert five.shift_item(4, -1) == 3
    assert titles(five) == ["Godkendelse af dagsorden", "Organisering af arbejdet", "A", "Eventuelt", "B"]
    assert five.shift_item(2, 1) == 3
    assert titles(five)[2:] == ["Eventuelt", "A", "B"]
    assert five.current == 1
    with pytest.raises(MeetingError, match="“Eventuelt” is already first among the items still to come"):
        five.shift_item(2, -1)
    with pytest.raises(MeetingError, match="“B” is already last among the items still to come"):
        five.shift_item(4, 1)
    with pytest.raises(MeetingError, match="“Organisering af arbejdet” has already been taken"):
        five.shift_item(1, 1)
    with pytest.raises(MeetingError, match="“Godkendelse af dagsorden” has already been taken"):
        five.shift_item(0, 1)
    with pytest.raises(MeetingError, match="one place at a time"):
        five.shift_item(3, 2)


def test_an_item_taken_earlier_is_not_moved_past(five: Meeting) -> None:
    five.go_to(3)  # B taken out of order
    five.go_to(1)
    with pytest.raises(MeetingError, match="“A” is already last"):
        five.shift_item(2, 1)  # B, below, has been taken
    with pytest.raises(MeetingError, match="“B” has already been taken"):
        five.shift_item(3, 1)


def test_a_confidential_item_stays_confidential_through_moves(five: Meeting) -> None:
    five.add_item("Personalesag", at=5)
    closed = five.items[5]
    closed.item = closed.item._replace(confidential=True)
    five.set_notes("fortroligt forberedt", 5)
    five.shift_item(5, -1)
    five.shift_item(4, -1)
    moved = five.items[3]
    assert moved is closed and moved.item.confidential and moved.notes == "fortroligt forberedt" and moved.id == closed.id


def test_only_an_item_with_nothing_recorded_is_dropped(five: Meeting, clock: FakeClock) -> None:
    dropped = five.drop_item(3)
    assert dropped.item.title == "B" and "B" not in titles(five)
    five.next_item()
    clock.advance(1)
    assert five.current == 1
    five.drop_item(2)  # A: the current item stays where it is
    assert five.current == 1 and titles(five) == ["Godkendelse af dagsorden", "Organisering af arbejdet", "Eventuelt"]
    for index in (0, 1):  # taken (time), current
        with pytest.raises(MeetingError, match="already has something in the minutes"):
            five.drop_item(index)
    five.set_notes("  \n", 2)  # blank notes are nothing
    assert not five.recorded(2)
    five.drop_item(2)
    assert titles(five) == ["Godkendelse af dagsorden", "Organisering af arbejdet"]


@pytest.mark.parametrize(
    "record",
    [
        lambda m: m.set_notes("forberedt", 2),
        lambda m: m.toggle_prompt(0, 2),
        lambda m: m.go_to(2),
    ],
    ids=["notes", "prompt", "visit"],
)
def test_dropping_refuses_what_is_recorded(running: Meeting, record) -> None:  # type: ignore[no-untyped-def]
    running.items[2].item = running.items[2].item._replace(prompts=("Hvad?",))
    record(running)
    if running.current == 2:
        running.go_to(0)
    with pytest.raises(MeetingError, match="“Eventuelt” already has something in the minutes"):
        running.drop_item(2)
    assert len(running.items) == 3


def test_an_item_someone_spoke_on_is_not_dropped(running: Meeting, clock: FakeClock) -> None:
    """A speech counts even where no visit shows (a snapshot repaired by hand)."""
    running.add_item("Andet", at=2)
    running.request_floor("Anne")
    running.next_speaker()
    clock.advance(1)
    running.stop_speaker()
    speech = running.speakers.speeches[0]
    running.speakers.speeches[0] = Speech(speech.name, running.items[2].id, speech.span)
    assert not running.items[2].visited
    with pytest.raises(MeetingError, match="“Andet” already has something in the minutes"):
        running.drop_item(2)


def test_an_added_item_after_a_drop_has_an_id_of_its_own(five: Meeting) -> None:
    five.drop_item(4)
    new = five.add_item("Ny")
    assert len({s.id for s in five.items}) == len(five.items) == 5 and five.items[new].added
