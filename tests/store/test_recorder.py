"""The recorder saves every change off the caller's thread; notes at most a moment late."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from support.clock import FakeClock
from support.meetings import hold_a_meeting, state

from facilitator.errors import ArchiveError, FacilitatorError
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder

INTERVAL = 0.2


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with Archive.open(tmp_path / "archive.sqlite3") as opened:
        yield opened


@pytest.fixture
def recorder(archive: Archive, running: Meeting) -> Recorder:
    meeting_id = archive.create(running)
    started = Recorder(archive, meeting_id, running, MeetingLock.take(archive.path, meeting_id), notes_interval=INTERVAL).start()
    yield started
    started.close()


def saved_notes(archive: Archive, meeting_id: int) -> dict[int, str]:
    """Read through a second connection, as another process would after a crash."""
    db = sqlite3.connect(archive.path)
    try:
        return dict(db.execute("SELECT item_id, text FROM notes WHERE meeting_id = ?", (meeting_id,)).fetchall())
    finally:
        db.close()


def test_structure_is_saved_and_comes_back(recorder: Recorder, archive: Archive, running: Meeting, clock: FakeClock) -> None:
    hold_a_meeting(running, clock)
    assert recorder.flush()
    assert state(archive.load(recorder.meeting_id, clock=clock)) == state(running)


def test_notes_are_saved_without_a_flush(recorder: Recorder, archive: Archive, running: Meeting) -> None:
    running.set_notes("Første linje")
    deadline = time.monotonic() + 5
    while saved_notes(archive, recorder.meeting_id).get(0) != "Første linje":
        assert time.monotonic() < deadline, "the notes were never saved"
        time.sleep(0.02)


def test_notes_are_saved_while_typing_goes_on(recorder: Recorder, archive: Archive, running: Meeting) -> None:
    """Continuous typing must not postpone saving: a crash loses at most the last moment."""
    text = ""
    started = time.monotonic()
    seen: list[str] = []
    while time.monotonic() - started < INTERVAL * 8:
        text += "x"
        running.set_notes(text)
        time.sleep(0.01)
        seen.append(saved_notes(archive, recorder.meeting_id).get(0, ""))
    distinct = [s for i, s in enumerate(seen) if s and (i == 0 or s != seen[i - 1])]
    assert len(distinct) >= 3, "notes were saved only once typing stopped"
    assert all(text.startswith(s) for s in distinct)


def test_one_writer_per_meeting(recorder: Recorder, archive: Archive, running: Meeting) -> None:
    with pytest.raises(FacilitatorError, match=f"meeting {recorder.meeting_id} is already open in another facilitator"):
        Recorder(archive, recorder.meeting_id, running, MeetingLock.take(archive.path, recorder.meeting_id)).start()


def test_closing_releases_the_meeting(archive: Archive, running: Meeting) -> None:
    meeting_id = archive.create(running)
    first = Recorder(archive, meeting_id, running, MeetingLock.take(archive.path, meeting_id)).start()
    running.add_decision("Gemt")
    assert first.close()
    second = Recorder(archive, meeting_id, running, MeetingLock.take(archive.path, meeting_id)).start()
    assert second.close()
    assert archive.load(meeting_id).items[0].decisions[0].text == "Gemt"


def test_a_failing_disk_is_retried_and_nothing_is_lost(
    archive: Archive, running: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = archive.create(running)
    real_save = archive.save
    failures = iter([True, True])

    def flaky_save(*args, **kwargs):  # type: ignore[no-untyped-def]
        if next(failures, False):
            raise ArchiveError("the disk holding the archive is full")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(archive, "save", flaky_save)
    monkeypatch.setattr("facilitator.store.recorder.RETRY_PAUSES", (0.01,))
    recorder = Recorder(archive, meeting_id, running, MeetingLock.take(archive.path, meeting_id)).start()
    running.add_decision("Vigtig beslutning")
    running.set_notes("noter under fejlen")
    assert recorder.flush()
    assert recorder.close()
    health = recorder.health
    assert (health.failures, health.began_with) == (1, "the disk holding the archive is full")  # once, not at every retry
    assert health.recoveries == 1 and not health.failing
    back = archive.load(meeting_id)
    assert back.items[0].decisions[0].text == "Vigtig beslutning"
    assert back.items[0].notes == "noter under fejlen"


def test_backing_off_sleeps_until_the_pause_ends(archive: Archive, running: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
    """Notes put back after a failure are due at once; the thread still sleeps out the pause
    instead of waking at once, again and again, for the whole of it (a core of the laptop)."""
    meeting_id = archive.create(running)
    saves: list[float] = []

    def failing_notes(*args, **kwargs):  # type: ignore[no-untyped-def]
        saves.append(time.monotonic())
        raise ArchiveError("full")

    monkeypatch.setattr(archive, "save_notes", failing_notes)
    monkeypatch.setattr("facilitator.store.recorder.RETRY_PAUSES", (0.4,))
    recorder = Recorder(archive, meeting_id, running, MeetingLock.take(archive.path, meeting_id), notes_interval=0.01)
    wakes = 0
    wait_time = recorder._wait_time

    def counted(now: float) -> float | None:
        nonlocal wakes
        wakes += 1
        return wait_time(now)

    monkeypatch.setattr(recorder, "_wait_time", counted)
    recorder.start()
    running.set_notes("noter mens disken er fuld")
    deadline = time.monotonic() + 10
    while len(saves) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    recorder.close(timeout=0.1)
    assert len(saves) >= 3  # retried after each pause
    assert wakes < 20 * len(saves)  # a few wakes per pause, not thousands


def test_flush_reports_a_save_that_cannot_finish(archive: Archive, running: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting_id = archive.create(running)

    def always_fails(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ArchiveError("full")

    monkeypatch.setattr(archive, "save", always_fails)
    monkeypatch.setattr("facilitator.store.recorder.RETRY_PAUSES", (0.01,))
    recorder = Recorder(archive, meeting_id, running, MeetingLock.take(archive.path, meeting_id)).start()
    running.add_decision("x")
    assert recorder.flush(timeout=0.3) is False
    recorder.close(timeout=0.3)
