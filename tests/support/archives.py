"""Archives gone wrong: files that are not archives, and a recorder whose saves stop."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.errors import ArchiveError
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder


def bad_archives(good: Path) -> dict[str, bytes]:
    """Files a user might point --archive at by mistake, or find damaged."""
    import sqlite3

    from facilitator.store.schema import SCHEMA_VERSION

    whole = good.read_bytes()
    foreign = good.with_name("foreign.db")
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.commit()
    db.close()
    newer = good.with_name("newer.sqlite3")
    newer.write_bytes(whole)
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    return {
        "text": "Mine noter fra mødet\n".encode(),
        "garbage-after-header": b"SQLite format 3\x00" + bytes(range(256)) * 40,
        "foreign": foreign.read_bytes(),
        "newer": newer.read_bytes(),
        "cut-in-half": whole[: len(whole) // 2],
        "first-page-only": whole[:4096],
        "scribbled-first-page": whole[:100] + bytes(range(256)) * 15 + whole[100 + 3840 :],
    }


def failing_rescue(path: Path, meeting: Meeting, monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """A recorder whose archive stops taking saves: closing it writes a rescue file."""
    archive = Archive.open(path)
    meeting_id = archive.create(meeting)
    recorder = Recorder(archive, meeting_id, meeting, MeetingLock.take(archive.path, meeting_id)).start()
    meeting.add_decision("Gemt i arkivet")
    assert recorder.flush()

    def full(*args: object, **kwargs: object) -> None:
        raise ArchiveError("the disk is full")

    monkeypatch.setattr(archive, "save", full)
    monkeypatch.setattr(archive, "save_notes", full)
    monkeypatch.setattr(archive, "save_changes", full)
    monkeypatch.setattr("facilitator.store.recorder.RETRY_PAUSES", (0.01,))
    meeting.add_decision("Kun i redningsfilen")
    return recorder
