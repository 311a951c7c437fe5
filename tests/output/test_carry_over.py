"""Open action items follow the group from meeting to meeting until someone marks them done."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.agendas import VALID_AGENDA
from support.meetings import klubmoede

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.errors import MeetingError
from facilitator.meeting.model import Meeting
from facilitator.session import carry_over
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict


def save(archive: Archive, meeting_id: int, meeting: Meeting) -> None:
    archive.save(meeting_id, to_dict(meeting, notes=False))


def create(archive: Archive, meeting: Meeting) -> int:
    """As a session opens a new meeting: the group's open actions carried over, then stored."""
    carry_over(archive, meeting)
    return archive.create(meeting)


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with Archive.open(tmp_path / "arkiv.sqlite3") as opened:
        yield opened


@pytest.fixture
def first(archive: Archive) -> int:
    """A held meeting that leaves one action open and one done."""
    meeting = klubmoede()
    meeting_id = create(archive, meeting)
    meeting.start()
    meeting.add_action("Skrive til ledelsen", "Anne", "2026-12-15")
    meeting.set_action_done(meeting.add_action("Booke lokale", "Bo").id)
    meeting.end()
    save(archive, meeting_id, meeting)
    return meeting_id


def test_the_next_meeting_of_the_group_follows_up_open_actions(archive: Archive, first: int) -> None:
    second = klubmoede()
    second_id = create(archive, second)
    assert [(c.meeting_id, c.what, c.who, str(c.deadline)) for c in second.carried] == [
        (first, "Skrive til ledelsen", "Anne", "2026-12-15")
    ]
    assert second.items[second.carried_item()].item.title == "Godkendelse af referat og opfølgning fra sidste møde"
    assert archive.load(second_id).carried == second.carried  # saved with the meeting


def test_marked_done_it_stops_following(archive: Archive, first: int) -> None:
    second = klubmoede()
    second_id = create(archive, second)
    second.start()
    carried = second.carried[0]
    second.set_carried_done(carried.meeting_id, carried.action_id)
    save(archive, second_id, second)
    assert archive.actions(open_only=True) == []
    third = klubmoede()
    create(archive, third)
    assert third.carried == []
    # The first meeting's own record is untouched history, and saving it again keeps it done.
    assert archive.load(first).items[0].actions[0].done is False
    save(archive, first, archive.load(first))
    assert archive.actions(open_only=True) == []


def test_unmarking_reopens_it(archive: Archive, first: int) -> None:
    second = klubmoede()
    second_id = create(archive, second)
    second.set_carried_done(first, second.carried[0].action_id)
    save(archive, second_id, second)
    second.set_carried_done(first, second.carried[0].action_id, done=False)
    save(archive, second_id, second)
    assert [a.what for a in archive.actions(open_only=True)] == ["Skrive til ledelsen"]


def test_other_groups_and_meetings_without_a_group_carry_nothing(archive: Archive, first: int) -> None:
    for meeting in (klubmoede("HK-klubben"), klubmoede(None)):
        create(archive, meeting)
        assert meeting.carried == []


def test_without_a_minutes_item_they_have_no_item(archive: Archive, first: int) -> None:
    text = VALID_AGENDA.replace('group = "Socialrådgiverklubben, Jobcenter Nord"', 'group = "Socialrådgiverklubben"')
    meeting = Meeting(parse_agenda(text.encode()))
    create(archive, meeting)
    assert len(meeting.carried) == 1 and meeting.carried_item() is None


def test_unknown_carried_action(archive: Archive, first: int) -> None:
    second = klubmoede()
    create(archive, second)
    with pytest.raises(MeetingError, match="there is no carried-over action item 99 from meeting 1"):
        second.set_carried_done(first, 99)


def test_storing_a_meeting_changes_nothing_in_it(archive: Archive, first: int) -> None:
    """The archive only stores: carrying over is the session's, when it opens a meeting."""
    second = klubmoede()
    before = to_dict(second)
    second_id = archive.create(second)
    assert to_dict(second) == before and second.carried == []
    assert archive.load(second_id).carried == []


def test_a_session_opens_the_next_meeting_with_the_open_actions(archive: Archive, first: int, tmp_path: Path) -> None:
    from facilitator.session import MeetingPlan, Session

    agenda = tmp_path / "klubmoede.toml"
    text = shipped_agendas()["klubmoede"].read_text(encoding="utf-8")
    agenda.write_text(text.replace("[meeting]\n", '[meeting]\ngroup = "Socialrådgiverklubben"\n', 1), encoding="utf-8")
    session = Session.open_new(MeetingPlan.find(archive.path, agenda))
    try:
        assert [(c.meeting_id, c.what) for c in session.meeting.carried] == [(first, "Skrive til ledelsen")]
        assert archive.load(session.meeting_id).carried == session.meeting.carried
    finally:
        session.close()
