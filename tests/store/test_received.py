"""Schema 12: meetings received from the shared archive, kept at the server's version.

No server here: one archive's public part of a meeting (what a sync sends) is handed to
another as a pull would hand it over. An archive of schema 10 (build_v10.py) migrates
through schema 11's version triggers to schema 12's, which leave received meetings alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.laptops import AGENDA, GROUP, hold
from support.paths import DATA

from facilitator.agenda.loader import parse_agenda
from facilitator.errors import ArchiveError
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.schema import RECEIVED_KEPT, SCHEMA_VERSION
from facilitator.store.snapshot import to_dict

SOURCE = "postgresql://klub@server.example/arkiv"


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "b.sqlite3"
    shutil.copyfile(DATA / "archives" / "v10-shared.sqlite3", path)
    path.chmod(0o600)
    return path


def sent(tmp_path: Path) -> tuple[str, int, dict[str, object]]:
    """Meeting 1 of laptop A as a sync sends it: its stable id, version and public snapshot."""
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        meeting_id, _ = hold(archive)
        (shared,) = archive.shared_meetings()
        snapshot, _ = archive.public_meeting(meeting_id)
    return shared.uid, shared.version, snapshot


def test_a_received_meeting_keeps_the_servers_version_whatever_is_done_here(old: Path, tmp_path: Path) -> None:
    uid, version, snapshot = sent(tmp_path)
    with Archive.open(old) as archive:
        assert archive.schema_version == SCHEMA_VERSION == RECEIVED_KEPT
        mine = {m.uid: m.version for m in archive.shared_meetings()}
        assert archive.receive(uid, version, SOURCE, snapshot, {}) == "stored"
        assert archive.receive(uid, version, SOURCE, snapshot, {}) == "kept"  # the same version again: nothing
        received = next(m.id for m in archive.meetings() if archive.received_from(m.id) == SOURCE)
        follow_up = Meeting(parse_agenda(AGENDA.format(group=GROUP).encode()))
        follow_up.carry_over(archive.open_actions(GROUP))
        new_id = archive.create(follow_up)
        follow_up.start()
        carried = next(c for c in follow_up.carried if c.meeting_id == received)
        follow_up.set_carried_done(carried.meeting_id, carried.action_id)
        archive.save(new_id, to_dict(follow_up, notes=False))  # ticks the received meeting's action off here
        assert archive.known_meetings()[uid] == version  # and its version stays the server's
        assert {m.uid for m in archive.shared_meetings()} == {*mine, _uid(archive, new_id)}  # never the received one
        done = [a for a in archive.actions() if a.meeting_id == received and a.done]
        assert [a.action_id for a in done] == [carried.action_id]
        with pytest.raises(ArchiveError, match="read-only here"):
            archive.refuse_if_received(received)
        archive.refuse_if_received(new_id)  # one written here is not refused
        snapshot["info"] = {**snapshot["info"], "title": "Klubmøde, rettet"}  # type: ignore[dict-item]
        assert archive.receive(uid, version + 1, SOURCE, snapshot, {}) == "stored"
        assert archive.summary(received).title == "Klubmøde, rettet" and archive.known_meetings()[uid] == version + 1
        assert [a.action_id for a in archive.actions() if a.meeting_id == received and a.done] == [carried.action_id]
        assert archive.receive(_uid(archive, new_id), 999, SOURCE, snapshot, {}) == "kept"  # never over one written here
        assert archive.receive("0f0f0f0f-0000-4000-8000-000000000000", 1, SOURCE, {"version": 1}, {}) == "refused"


def _uid(archive: Archive, meeting_id: int) -> str:
    return next(m.uid for m in archive.shared_meetings() if m.meeting_id == meeting_id)
