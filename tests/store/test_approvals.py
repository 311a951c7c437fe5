"""Approved minutes in the archive: the approval and the frozen text kept, with its hash;
an approved meeting refused every change; the group's previous referat found."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from support.meetings import klubmoede, real_meeting

from facilitator.errors import ArchiveError, FacilitatorError
from facilitator.meeting.approval import MinutesApproval, PreviousMinutes
from facilitator.session import Resumption, Session, approve_minutes
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.schema import APPROVALS_KEPT, SCHEMA_VERSION
from facilitator.store.snapshot import from_dict, to_dict

DAY = dt.date(2026, 12, 8)


def test_the_archive_keeps_approvals_from_version_4(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        assert archive.schema_version == SCHEMA_VERSION >= APPROVALS_KEPT == 4
    columns = [row[1] for row in sqlite3.connect(archive_path).execute("PRAGMA table_info(approvals)")]
    assert columns == ["meeting_id", "approved_on", "remark", "by_meeting", "approved_at", "minutes", "sha256"]


def test_an_approval_keeps_the_text_and_its_hash_and_the_meeting_says_so(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        first = archive.create(real_meeting())
        assert archive.approval(first) is None and archive.load(first).approval is None
        archive.approve(first, "# Referat\n", MinutesApproval(DAY, "Punkt 3 rettes", None))
        assert archive.approval(first) == MinutesApproval(DAY, "Punkt 3 rettes", None)
        assert archive.load(first).approval == MinutesApproval(DAY, "Punkt 3 rettes", None)
        stored = archive.approved_text(first)
        assert stored is not None and stored.minutes == "# Referat\n"
        assert stored.sha256 == hashlib.sha256(b"# Referat\n").hexdigest()


def test_a_meeting_not_ended_or_approved_already_is_refused(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        running = klubmoede()
        running.start()
        unended = archive.create(running)
        with pytest.raises(ArchiveError, match=rf"^meeting {unended} \(.*\) has not ended; minutes can be approved only once"):
            archive.approve(unended, "x", MinutesApproval(DAY))
        assert archive.approval(unended) is None
        first = archive.create(real_meeting())
        archive.approve(first, "x", MinutesApproval(DAY))
        with pytest.raises(
            ArchiveError, match=rf"^meeting {first} \(.*\) cannot be changed: its minutes were approved on 8 December 2026$"
        ):
            archive.approve(first, "y", MinutesApproval(DAY))
        stored = archive.approved_text(first)
        assert stored is not None and stored.minutes == "x"  # the first approval stands


def test_the_approving_meeting_may_record_it_again_and_no_other(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        first, second, third = (archive.create(real_meeting()) for _ in range(3))
        archive.approve(first, "godkendt", MinutesApproval(DAY, "", second))
        archive.approve(first, "med bemærkninger", MinutesApproval(DAY, "Rettelse", second))
        assert archive.approval(first) == MinutesApproval(DAY, "Rettelse", second)
        with pytest.raises(ArchiveError, match="cannot be changed"):
            archive.approve(first, "z", MinutesApproval(DAY, "", third))
        with pytest.raises(ArchiveError, match="cannot be changed"):
            archive.approve(first, "z", MinutesApproval(DAY))


def test_an_approved_meeting_is_never_saved_again(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        first = archive.create(real_meeting())
        snapshot = to_dict(archive.load(first), notes=False)
        archive.approve(first, "x", MinutesApproval(DAY))
        with pytest.raises(ArchiveError, match=rf"^meeting {first} \(Klubmøde: .*\) cannot be changed"):
            archive.save(first, {**snapshot, "chair": "Bo Berg"})
        assert archive.load(first).chair == "Anne Andersen"


def test_an_approved_meeting_is_not_resumed(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        first = archive.create(real_meeting())
        archive.approve(first, "x", MinutesApproval(DAY))
    with pytest.raises(FacilitatorError, match=r"cannot be changed: its minutes were approved on 8 December 2026"):
        Session.resume(Resumption.find(archive_path, first))
    assert not list(archive_path.parent.glob("*.lock"))  # refused before its lock was made


def test_an_action_of_approved_minutes_is_closed_in_the_list_alone(archive_path: Path) -> None:
    from facilitator.store.action_closing import ActionKey

    with Archive.open(archive_path) as archive:
        first = archive.create(real_meeting())
        action = archive.actions(open_only=True)[0]
        before = sqlite3.connect(archive_path).execute("SELECT snapshot FROM meetings WHERE id = ?", (first,)).fetchone()
        archive.approve(first, "x", MinutesApproval(DAY))
        archive.close_action(ActionKey(first, action.action_id))
        after = sqlite3.connect(archive_path).execute("SELECT snapshot FROM meetings WHERE id = ?", (first,)).fetchone()
        assert after == before  # the approved meeting as it was approved
        assert action.action_id not in [a.action_id for a in archive.actions(open_only=True) if a.meeting_id == first]


def test_the_previous_referat_is_the_groups_latest_ended_meeting_before(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        assert archive.previous_minutes("Socialrådgiverklubben", 1) is None
        first = archive.create(real_meeting())
        archive.create(klubmoede("Et andet udvalg"))  # another group's
        unended = klubmoede()
        unended.start()
        archive.create(unended)  # not ended
        later = archive.create(real_meeting())
        found = archive.previous_minutes("Socialrådgiverklubben", later)
        assert found == PreviousMinutes(first, real_meeting().info.title, dt.date(2026, 12, 1))
        assert archive.previous_minutes("Socialrådgiverklubben", later + 1) == found._replace(meeting_id=later)


def test_the_approved_text_is_the_danish_public_referat_as_approved(archive_path: Path) -> None:
    from facilitator.output.minutes import render

    with Archive.open(archive_path) as archive:
        first = archive.create(real_meeting())
        stored = approve_minutes(archive, first, DAY, "  Punkt 3\nrettes ", None)
        shown = render(archive.load(first), lang="da")
    assert stored.minutes == shown
    assert "**Godkendt den 8. december 2026.** Bemærkninger: Punkt 3 rettes" in shown  # one line, spaces evened
    assert "Meddelelser" not in shown  # the closed item is not in what is kept


def test_a_meeting_held_elsewhere_is_not_approved(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        first = archive.create(real_meeting())
        lock = MeetingLock.take(archive.path, first)
        try:
            with pytest.raises(FacilitatorError, match="already open in another facilitator"):
                approve_minutes(archive, first, DAY, None, None)
        finally:
            lock.release()
        assert archive.approval(first) is None


def test_the_previous_referat_travels_in_the_snapshot_and_is_approved_in_the_meeting() -> None:
    meeting = klubmoede()
    previous = PreviousMinutes(3, "Klubmøde", dt.date(2026, 12, 1))
    meeting.name_previous_minutes(previous)
    meeting.approve_previous("  Rettelse\ntil punkt 4 ")
    again = from_dict(to_dict(meeting))
    assert again.previous_minutes == previous._replace(approved=True, remark="Rettelse til punkt 4")
    assert "previous_minutes" not in to_dict(klubmoede())  # absent unless named: older versions read it
    meeting.start()
    meeting.end()
    with pytest.raises(FacilitatorError, match="has ended"):
        meeting.approve_previous()


def test_an_archive_older_than_approvals_read_without_migrating_has_none(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        first = archive.create(real_meeting())
    db = sqlite3.connect(archive_path)
    db.execute("DROP TABLE approvals")
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    with Archive.open(archive_path, read_only=True) as archive:
        assert archive.approval(first) is None and archive.approved_text(first) is None
        assert archive.load(first).approval is None
    with Archive.open(archive_path) as archive:  # migrated on the next write
        assert archive.schema_version == SCHEMA_VERSION and archive.approval(first) is None
