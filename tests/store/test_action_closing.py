"""Closing an action item between meetings (``actions done``): in the snapshot and the list,
never under a meeting being held, never moving a resumed meeting's break."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.agendas import VALID_AGENDA

from facilitator.errors import ArchiveError, FacilitatorError
from facilitator.meeting.model import Meeting
from facilitator.session import MeetingPlan, Resumption, Session, carry_over
from facilitator.store.action_closing import ActionKey
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.snapshot import to_dict


@pytest.fixture
def archive_path(tmp_path: Path, running: Meeting) -> Path:
    """Meeting 1 of the valid agenda's group, not ended, with two open actions and one done."""
    path = tmp_path / "a.sqlite3"
    with Archive.open(path) as archive:
        meeting_id = archive.create(running)
        running.add_action("Skrive til ledelsen", "Anne", "2026-12-15")
        running.add_action("Booke lokale", "Bo")
        running.set_action_done(running.add_action("Bestille kage", "Cecilie").id)
        archive.save(meeting_id, to_dict(running, notes=False))
    return path


def open_ids(path: Path) -> list[tuple[int, int]]:
    with Archive.open(path, read_only=True) as archive:
        return [(a.meeting_id, a.action_id) for a in archive.actions(open_only=True)]


@pytest.mark.parametrize("text", ["1-2", " 1-2 ", "1.2", "1/2", "1:2", "1 - 2"])
def test_an_id_is_read_as_the_list_shows_it(text: str) -> None:
    assert ActionKey.parse(text) == ActionKey(1, 2) and str(ActionKey(1, 2)) == "1-2"


@pytest.mark.parametrize("text", ["", "12", "x-1", "1-2-3", "-1-2", "1-"])
def test_anything_else_is_told_with_an_example(text: str) -> None:
    with pytest.raises(FacilitatorError, match="such as 12-3"):
        ActionKey.parse(text)


def test_closed_in_the_list_and_in_the_snapshot_and_the_break_not_moved(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        first = archive.actions(open_only=True)[0]
        before = archive.last_saved(1)
        closed = archive.close_action(ActionKey(1, first.action_id))
        assert (closed.what, closed.who) == ("Skrive til ledelsen", "Anne")
        assert archive.last_saved(1) == before
        assert archive.load(1).find_action(first.action_id).done
    assert _open_whats(archive_path) == ["Booke lokale"]
    session = Session.resume(Resumption.find(archive_path, 1))  # saving the meeting again keeps it done
    try:
        session.meeting.add_decision("Videre")
    finally:
        session.close()
    assert _open_whats(archive_path) == ["Booke lokale"]


def _open_whats(path: Path) -> list[str]:
    with Archive.open(path, read_only=True) as archive:
        return [a.what for a in archive.actions(open_only=True)]


def test_unknown_and_done_already_are_told_by_id(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        done = next(a for a in archive.actions() if a.done)
        with pytest.raises(ArchiveError, match="no action item 1-99 "):
            archive.close_action(ActionKey(1, 99))
        with pytest.raises(ArchiveError, match="no action item 7-1 "):
            archive.close_action(ActionKey(7, 1))
        with pytest.raises(ArchiveError, match=f"action item 1-{done.action_id} is done already$"):
            archive.close_action(ActionKey(1, done.action_id))


def test_a_meeting_being_held_is_left_alone(archive_path: Path) -> None:
    before = open_ids(archive_path)
    lock = MeetingLock.take(archive_path, 1)  # as the app holding meeting 1 has it
    try:
        with Archive.open(archive_path) as archive, pytest.raises(ArchiveError, match="meeting 1 is being held"):
            archive.close_action(ActionKey(*before[0]))
    finally:
        lock.release()
    assert open_ids(archive_path) == before


def test_a_later_meeting_being_held_that_carried_it_keeps_it_closed(archive_path: Path, tmp_path: Path) -> None:
    """Meeting 2 of the group carries meeting 1's actions and is open in the app: closing one
    of them from the command line is safe (2 only undoes marks it made), and sticks."""
    agenda = tmp_path / "next.toml"
    agenda.write_text(VALID_AGENDA, encoding="utf-8")
    later = Session.open_new(MeetingPlan.find(archive_path, agenda))
    try:
        carried = [(a.meeting_id, a.action_id) for a in later.meeting.carried]
        assert carried == open_ids(archive_path)
        with Archive.open(archive_path) as archive:
            archive.close_action(ActionKey(*carried[0]))
        later.meeting.start()
        later.meeting.set_carried_done(*carried[1])  # the room ticks the other one
    finally:
        later.close()
    assert open_ids(archive_path) == []
    with Archive.open(archive_path) as archive, pytest.raises(ArchiveError, match=r"done already \(ticked at meeting 2\)"):
        archive.close_action(ActionKey(*carried[1]))
    with Archive.open(archive_path) as archive:
        meeting = archive.load(1)
        carry_over(archive, meeting)
        assert meeting.carried == []  # the next meeting of the group has nothing left to follow up


def test_a_read_only_archive_is_refused(archive_path: Path) -> None:
    before = open_ids(archive_path)
    with Archive.open(archive_path, read_only=True) as archive, pytest.raises(ArchiveError, match="read-only"):
        archive.close_action(ActionKey(*before[0]))
    assert open_ids(archive_path) == before


def test_a_damaged_meeting_is_told_in_one_line_and_left_as_it_is(archive_path: Path) -> None:
    before = open_ids(archive_path)
    with Archive.open(archive_path) as archive:
        archive._db.execute("UPDATE meetings SET snapshot = '{\"items\": 3}' WHERE id = 1")
        archive._db.commit()
        with pytest.raises(ArchiveError, match="meeting 1") as caught:
            archive.close_action(ActionKey(*before[0]))
    assert "\n" not in str(caught.value)
    assert open_ids(archive_path) == before
