"""An archive of schema 4 (a meeting a blob, records numbered through the meeting) opens,
migrates to item rows and records numbered by id, and reads, searches and lists the same.

The archive in tests/data/archives was written by facilitator's own code of that version
(build_v4.py says how), so the test meets the data as users have it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from support.paths import DATA

from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder
from facilitator.store.schema import SCHEMA_VERSION, search_rowid
from facilitator.store.snapshot import to_dict

OLD = DATA / "archives" / "v4-meetings.sqlite3"
WORDS = ("arbejdsmiljø", "julefrokost", "hemmeligholdt", "bo", "møde")


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    shutil.copyfile(OLD, path)
    path.chmod(0o600)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 4
    return path


def seen(archive: Archive) -> dict[str, Any]:
    """All a person can ask of the archive's two meetings."""
    return {
        "hits": {
            (word, restricted): [
                (h.meeting_id, h.item_title, h.kind, h.snippet, h.confidential)
                for h in archive.search(word, restricted=restricted)
            ]
            for word in WORDS
            for restricted in (False, True)
        },
        "actions": [archive.actions(restricted=r, open_only=o) for r in (False, True) for o in (False, True)],
        "meetings": [to_dict(archive.load(i)) for i in (1, 2)],
    }


def test_a_schema_4_archive_migrates_and_reads_the_same(old: Path) -> None:
    with Archive.open(old, read_only=True) as archive:  # not migrated: read as it is
        before = seen(archive)
    with Archive.open(old) as archive:
        assert archive.schema_version == SCHEMA_VERSION == 12
        after = seen(archive)
    for key, hits in before["hits"].items():  # the same hits; inside one meeting, records now come by id
        assert sorted(after["hits"][key]) == sorted(hits), key
        assert [h[0] for h in after["hits"][key]] == [h[0] for h in hits], key  # newest meeting first still
    assert after["actions"] == before["actions"] and after["meetings"] == before["meetings"]
    assert before["hits"][("hemmeligholdt", False)] == []
    assert {h[2] for h in before["hits"][("hemmeligholdt", True)]} == {"note", "decision", "action"}
    db = sqlite3.connect(old)
    decision = next(d for i in after["meetings"][0]["items"] for d in i["decisions"] if d["text"] == "Julefrokost i december")
    assert db.execute("SELECT text FROM search WHERE rowid = ?", (search_rowid(1, "decision", decision["id"]),)).fetchone() == (
        "Julefrokost i december",
    )
    assert db.execute("SELECT count(*) FROM meeting_items").fetchone() == (0,)  # split when saved, not when opened


def test_an_old_meeting_is_split_the_first_time_it_is_saved(old: Path) -> None:
    with Archive.open(old) as archive:
        meeting = archive.load(2)
        recorder = Recorder(archive, 2, meeting, MeetingLock.take(archive.path, 2)).start()
        meeting.set_carry_on(3)  # names its item: saved whole all the same, the first time
        meeting.set_carry_on(1)
        assert recorder.close()
        assert to_dict(archive.load(2)) == to_dict(meeting)
        assert [h.meeting_id for h in archive.search("møde")] == [2]
    db = sqlite3.connect(old)
    assert db.execute("SELECT count(*) FROM meeting_items WHERE meeting_id = 2").fetchone() == (len(meeting.items),)
    assert db.execute("SELECT count(*) FROM meeting_items WHERE meeting_id = 1").fetchone() == (0,)
