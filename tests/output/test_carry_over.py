"""Open action items follow the group from meeting to meeting until someone marks them done."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.agenda.loader import parse_agenda
from facilitator.store.archive import Archive
from facilitator.errors import MeetingError
from facilitator.meeting.model import Meeting
from facilitator.store.snapshot import to_dict

from support.agendas import VALID_AGENDA
from support.meetings import klubmoede


def save(archive: Archive, meeting_id: int, meeting: Meeting) -> None:
    archive.save(meeting_id, to_dict(meeting, notes=False))


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with Archive.open(tmp_path / "arkiv.sqlite3") as opened:
        yield opened


@pytest.fixture
def first(archive: Archive) -> int:
    """A held meeting that leaves one action open and one done."""
    meeting = klubmoede()
    meeting_id = archive.create(meeting)
    meeting.start()
    meeting.add_action("Skrive til ledelsen", "Anne", "2026-12-15")
    meeting.set_action_done(meeting.add_action("Booke lokale", "Bo").id)
    meeting.end()
    save(archive, meeting_id, meeting)
    return meeting_id


def test_the_next_meeting_of_the_group_follows_up_open_actions(archive: Archive, first: int) -> None:
    second = klubmoede()
    second_id = archive.create(second)
    assert [(c.meeting_id, c.what, c.who, str(c.deadline)) for c in second.carried] == [
        (first, "Skrive til ledelsen", "Anne", "2026-12-15")
    ]
    assert second.items[second.carried_item()].item.title == "Godkendelse af referat og opfølgning fra sidste møde"
    assert archive.load(second_id).carried == second.carried  # saved with the meeting


def test_marked_done_it_stops_following(archive: Archive, first: int) -> None:
    second = klubmoede()
    second_id = archive.create(second)
    second.start()
    carried = second.carried[0]
    second.set_carried_done(carried.meeting_id, carried.action_id)
    save(archive, second_id, second)
    assert archive.actions(open_only=True) == []
    third = klubmoede()
    archive.create(third)
    assert third.carried == []
    # The first meeting's own record is untouched history, and saving it again keeps it done.
    assert archive.load(first).items[0].actions[0].done is False
    save(archive, first, archive.load(first))
    assert archive.actions(open_only=True) == []


def test_unmarking_reopens_it(archive: Archive, first: int) -> None:
    second = klubmoede()
    second_id = archive.create(second)
    second.set_carried_done(first, second.carried[0].action_id)
    save(archive, second_id, second)
    second.set_carried_done(first, second.carried[0].action_id, done=False)
    save(archive, second_id, second)
    assert [a.what for a in archive.actions(open_only=True)] == ["Skrive til ledelsen"]


def test_other_groups_and_meetings_without_a_group_carry_nothing(archive: Archive, first: int) -> None:
    for meeting in (klubmoede("HK-klubben"), klubmoede(None)):
        archive.create(meeting)
        assert meeting.carried == []


def test_without_a_minutes_item_they_have_no_item(archive: Archive, first: int) -> None:
    text = VALID_AGENDA.replace('group = "Socialrådgiverklubben, Jobcenter Nord"', 'group = "Socialrådgiverklubben"')
    meeting = Meeting(parse_agenda(text.encode()))
    archive.create(meeting)
    assert len(meeting.carried) == 1 and meeting.carried_item() is None


def test_unknown_carried_action(archive: Archive, first: int) -> None:
    second = klubmoede()
    archive.create(second)
    with pytest.raises(MeetingError, match="there is no carried-over action item 99 from meeting 1"):
        second.set_carried_done(first, 99)
