"""Schema 11: every meeting has a stable id and a version that counts its changes, and the
archive keeps where it is shared and what it last sent. An archive of schema 10, written by
that version's code (build_v10.py), migrates with ids for its meetings and nothing lost."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from support.paths import DATA

from facilitator.store.archive import Archive
from facilitator.store.schema import RECEIVED_KEPT, SCHEMA_VERSION, SHARED_KEPT
from facilitator.store.snapshot import to_dict

OLD = DATA / "archives" / "v10-shared.sqlite3"
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    shutil.copyfile(OLD, path)
    path.chmod(0o600)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 10
    return path


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def test_a_schema_10_archive_migrates_with_an_id_and_a_version_per_meeting(old: Path) -> None:
    before = rows(old, "SELECT id, title, snapshot FROM meetings ORDER BY id")
    actions = rows(old, "SELECT * FROM actions ORDER BY meeting_id, action_id")
    with Archive.open(old) as archive:
        assert SHARED_KEPT == 11 and archive.schema_version == SCHEMA_VERSION == RECEIVED_KEPT == 12
        shared = archive.shared_meetings()
        assert [m.meeting_id for m in shared] == [1, 2]  # the one never started is not shared
        assert archive.unsent() == shared and archive.share_target() is None
    ids = rows(old, "SELECT uid, version FROM meetings ORDER BY id")
    assert all(UUID4.match(str(uid)) for uid, _ in ids) and len({uid for uid, _ in ids}) == 3
    assert {version for _, version in ids} == {1}
    assert rows(old, "SELECT id, title, snapshot FROM meetings ORDER BY id") == before  # nothing else changed
    assert (
        rows(old, "SELECT meeting_id, action_id, item_title, what, who, deadline, done, done_in, confidential FROM actions")
        == actions
    )


def test_every_change_of_a_meeting_counts_up_its_version_and_its_id_stays(old: Path) -> None:
    with Archive.open(old) as archive:
        first = archive.shared_meetings()[0]
        meeting = archive.load(1)
        meeting.set_notes("Ny note", 2)
        archive.save_notes(1, {meeting.items[2].id: "Ny note"}, {meeting.items[2].id: "Arbejdsmiljø"})
        after_notes = archive.shared_meetings()[0]
        archive.save(1, to_dict(meeting, notes=False))
        after_save = archive.shared_meetings()[0]
    assert after_notes.uid == after_save.uid == first.uid
    assert first.version < after_notes.version < after_save.version


def test_a_new_meeting_gets_an_id_of_its_own(old: Path) -> None:
    with Archive.open(old) as archive:
        meeting = archive.load(3)
        meeting.start()
        archive.save(3, to_dict(meeting, notes=False))
        new_id = archive.create(archive.load(1))
        uids = {m.meeting_id: m.uid for m in archive.shared_meetings()}
    assert UUID4.match(uids[new_id]) and len(set(uids.values())) == len(uids) == 4


def test_what_was_sent_is_recorded_until_the_meeting_changes_or_the_target_does(old: Path) -> None:
    with Archive.open(old) as archive:
        archive.set_share_target("postgresql://klub@server.example/arkiv")
        for m in archive.unsent():
            archive.mark_sent(m.meeting_id, m.version)
        assert archive.unsent() == []
        meeting = archive.load(2)
        archive.save(2, to_dict(meeting, notes=False))
        assert [m.meeting_id for m in archive.unsent()] == [2]
        archive.set_share_target("postgresql://klub@server.example/arkiv")  # the same: kept
        assert [m.meeting_id for m in archive.unsent()] == [2]
        archive.set_share_target("postgresql://klub@other.example/arkiv")
        assert [m.meeting_id for m in archive.unsent()] == [1, 2]
    with Archive.open(old, read_only=True) as archive:
        assert archive.share_target() == "postgresql://klub@other.example/arkiv"


def test_the_public_part_of_a_meeting_leaves_closed_items_on_the_laptop(old: Path) -> None:
    with Archive.open(old) as archive:
        sent = [archive.public_meeting(m.meeting_id) for m in archive.shared_meetings()]
        whole = json.dumps([to_dict(archive.load(i)) for i in (1, 2)], ensure_ascii=False)
    text = json.dumps(sent, ensure_ascii=False)
    assert "HEMMELIG" in whole and "HEMMELIG" not in text
    snapshot, actions = sent[0]
    assert [a["what"] for a in actions] == ["Måle støjen", "Tale med ledelsen"]
    assert "Støj i storrummet" in text and "Dagsordenen godkendt – æøå" in text
    assert [c["what"] for c in sent[1][0]["carried"]] == ["Måle støjen", "Tale med ledelsen"]
