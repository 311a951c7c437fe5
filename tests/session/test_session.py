"""Sessions: a meeting opened, resumed after a break or a crash, and closed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.clock import START, FakeClock

from facilitator.errors import AgendaError, FacilitatorError
from facilitator.session import MeetingPlan, Resumption, Session
from facilitator.store.archive import Archive


def test_a_new_session_is_saved_and_resumed(tmp_path: Path) -> None:
    archive = tmp_path / "a.sqlite3"
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede"))
    session.meeting.start()
    session.meeting.add_decision("Godkendt")
    meeting_id = session.meeting_id
    assert session.close()
    again = Session.resume(Resumption.find(archive, None))
    try:
        assert again.meeting_id == meeting_id
        assert [d.text for d in again.meeting.items[0].decisions] == ["Godkendt"]
    finally:
        again.close()


def test_the_break_is_not_the_items_time(tmp_path: Path) -> None:
    """Quit (or crash) at 15:10, come back at 15:40: the item has used 10 minutes, not 40."""
    archive = tmp_path / "a.sqlite3"
    clock = FakeClock()
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede"), clock=clock)
    session.meeting.start()
    clock.now = START + dt.timedelta(minutes=10)
    session.meeting.set_notes("skrevet")  # the last save: the break starts here
    session.close()
    with Archive.open(archive) as db:
        db._db.execute("UPDATE meetings SET updated_at = ?", ((START + dt.timedelta(minutes=10)).isoformat(),))
        db._db.commit()
    clock.now = START + dt.timedelta(minutes=40)
    again = Session.resume(Resumption.find(archive, None), clock=clock)
    try:
        assert again.meeting.seconds_used(0) == 600
        clock.now += dt.timedelta(minutes=2)
        assert again.meeting.seconds_used(0) == 720
    finally:
        again.close()


def test_one_meeting_one_writer(tmp_path: Path) -> None:
    archive = tmp_path / "a.sqlite3"
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede"))
    try:
        with pytest.raises(FacilitatorError, match="in use|i brug|already"):
            Session.resume(Resumption.find(archive, session.meeting_id))
    finally:
        session.close()


def test_nothing_to_resume_says_how_to_start(tmp_path: Path) -> None:
    archive = tmp_path / "a.sqlite3"
    with pytest.raises(FacilitatorError, match="no archive|facilitator run"):
        Session.resume(Resumption.find(archive, None))
    Session.open_new(MeetingPlan.find(archive, "klubmoede")).close()
    with Archive.open(archive) as db:
        db._db.execute("UPDATE meetings SET ended_at = started_at")
        db._db.execute("UPDATE meetings SET ended_at = '2026-12-01T16:00:00'")
        db._db.commit()
    with pytest.raises(FacilitatorError, match="facilitator run AGENDA"):
        Session.resume(Resumption.find(archive, None))
    with pytest.raises(FacilitatorError, match="99"):
        Session.resume(Resumption.find(archive, 99))


def test_a_broken_agenda_opens_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\n[meeting]\n", encoding="utf-8")
    with pytest.raises(AgendaError):
        Session.open_new(MeetingPlan.find(tmp_path / "a.sqlite3", broken))
    assert not (tmp_path / "a.sqlite3").exists() or Archive.open(tmp_path / "a.sqlite3").meetings() == []


def test_a_meeting_opened_and_left_untouched_is_not_kept(tmp_path: Path) -> None:
    archive = tmp_path / "a.sqlite3"
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede"))
    session.close()
    assert session.discarded
    with Archive.open(archive, read_only=True) as db:
        assert db.meetings() == []


def test_attendance_taken_before_the_start_is_kept(tmp_path: Path) -> None:
    archive = tmp_path / "a.sqlite3"
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede"))
    session.meeting.add_person("Anne")
    session.close()
    assert not session.discarded
    with Archive.open(archive, read_only=True) as db:
        assert list(db.load(session.meeting_id).attendees) == ["Anne"]


def test_a_meeting_that_cannot_open_leaves_neither_a_row_nor_a_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The recorder fails to start after the meeting was stored and locked: the empty
    meeting goes again, so resume cannot pick it, and the lock is free for the next try."""
    from facilitator.store import recorder as recorder_module
    from facilitator.store.lock import MeetingLock

    archive = tmp_path / "a.sqlite3"
    plan = MeetingPlan.find(archive, "klubmoede")

    def broken_start(self: object) -> object:
        raise FacilitatorError("the recorder could not start")

    with monkeypatch.context() as patched:
        patched.setattr(recorder_module.Recorder, "start", broken_start)
        with pytest.raises(FacilitatorError, match="could not start"):
            Session.open_new(plan)
    with Archive.open(archive, read_only=True) as db:
        assert db.meetings() == []
    lock = MeetingLock.take(archive, 1)  # the id the failed meeting had: free again
    lock.release()


def test_a_close_that_was_interrupted_can_be_tried_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception out of the recorder's close (ctrl+c while it waits for the disk) must
    not leave the session taken for closed with its last changes unsaved."""
    archive = tmp_path / "a.sqlite3"
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede"))
    session.meeting.start()
    session.meeting.add_decision("Sidste ændring")
    real_close = session.recorder.close
    with monkeypatch.context() as patched:
        patched.setattr(session.recorder, "close", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
        with pytest.raises(KeyboardInterrupt):
            session.close()
    assert not session.closed
    assert session.recorder.close == real_close
    assert session.close() is True and session.closed
    assert session.close() is True  # again: nothing more, the same answer
    with Archive.open(archive, read_only=True) as db:
        assert [d.text for d in db.load(session.meeting_id).items[0].decisions] == ["Sidste ændring"]


def test_postponed_moved_and_dropped_items_and_each_items_speakers_survive_a_resume(tmp_path: Path) -> None:
    """Closed items stay closed where they moved: the archive's public search keeps their notes out."""
    archive = tmp_path / "a.sqlite3"
    clock = FakeClock()
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede"), clock=clock)
    meeting = session.meeting
    meeting.add_person("Anne")
    meeting.start()
    meeting.request_floor("Anne")
    meeting.next_speaker()
    clock.advance(2)
    meeting.request_floor("Anne")
    meeting.next_item(keep_speakers=True)  # Anne waits on at item 2
    closed = meeting.add_item("Personalesag", at=4)
    meeting.items[closed].item = meeting.items[closed].item._replace(confidential=True)
    meeting.set_notes("hemmelighedsfuld sag", closed)
    meeting.shift_item(closed, -1)
    meeting.set_skipped(5)
    dropped = meeting.drop_item(8)
    titles = [s.item.title for s in meeting.items]
    assert dropped.item.title not in titles
    session.close()
    again = Session.resume(Resumption.find(archive, None), clock=clock)
    try:
        back = again.meeting
        assert [s.item.title for s in back.items] == titles and back.current == 1
        assert back.items[3].item.confidential and back.items[3].notes == "hemmelighedsfuld sag"
        assert [s.skipped for s in back.items] == [i == 5 for i in range(len(titles))]
        assert back.speaking_seconds(0) == {"Anne": 120.0} and back.speaking_seconds(1) == {}
        assert [r.name for r in back.speakers.queue] == ["Anne"]
        assert again.archive.search("hemmelighedsfuld") == []
        assert [hit.confidential for hit in again.archive.search("hemmelighedsfuld", restricted=True)] == [True]
    finally:
        again.close()
