"""The archive: meetings come back equal, bad files are refused untouched, queries work."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest
from support.agendas import VALID_AGENDA
from support.clock import FakeClock
from support.meetings import hold_a_meeting, state

from facilitator.agenda.loader import parse_agenda
from facilitator.errors import ArchiveError
from facilitator.meeting.model import Meeting
from facilitator.store import schema as schema_module
from facilitator.store.archive import Archive
from facilitator.store.schema import APPLICATION_ID, SCHEMA_VERSION
from facilitator.store.snapshot import to_dict


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "archive.sqlite3"


@pytest.fixture
def archive(path: Path) -> Archive:
    with Archive.open(path) as opened:
        yield opened


def save(archive: Archive, meeting_id: int, meeting: Meeting) -> None:
    archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items})


def test_a_new_archive_is_private_versioned_and_in_wal_mode(archive: Archive, path: Path) -> None:
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert archive.schema_version == SCHEMA_VERSION
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_everything_saved_comes_back_equal(archive: Archive, running: Meeting, clock: FakeClock) -> None:
    meeting_id = archive.create(running)
    hold_a_meeting(running, clock)
    save(archive, meeting_id, running)
    assert state(archive.load(meeting_id, clock=clock)) == state(running)
    clock.advance(3)
    running.end()
    save(archive, meeting_id, running)
    with Archive.open(archive.path, read_only=True) as again:
        assert state(again.load(meeting_id, clock=clock)) == state(running)


def test_meetings_newest_first_and_unfinished(archive: Archive, running: Meeting, clock: FakeClock) -> None:
    first = archive.create(Meeting(parse_agenda(VALID_AGENDA.encode()), clock=clock))
    second = archive.create(running)
    running.end()
    save(archive, second, running)
    assert [m.id for m in archive.meetings()] == [second, first]
    assert [m.id for m in archive.meetings(unfinished=True)] == [first]
    summary = archive.summary(second)
    assert summary.finished and summary.title == "Klubmøde i Socialrådgiverklubben"
    assert summary.group == "Socialrådgiverklubben, Jobcenter Nord" and summary.date == "2026-12-01"


def test_actions_across_meetings(archive: Archive, running: Meeting) -> None:
    meeting_id = archive.create(running)
    late = running.add_action("Skrive til ledelsen", "Anne", "2026-12-20")
    early = running.add_action("Booke lokale", "Bo", "2026-12-05")
    running.add_action("Finde dato", "Cecilie")
    running.set_action_done(early.id)
    save(archive, meeting_id, running)
    assert [a.what for a in archive.actions()] == ["Booke lokale", "Skrive til ledelsen", "Finde dato"]
    assert [a.what for a in archive.actions(open_only=True)] == ["Skrive til ledelsen", "Finde dato"]
    assert archive.actions(group="En anden klub") == []
    row = archive.actions(group="Socialrådgiverklubben, Jobcenter Nord")[1]
    assert (row.meeting_id, row.action_id, row.item_title, row.who) == (meeting_id, late.id, "Godkendelse af dagsorden", "Anne")
    running.remove(late.id)
    save(archive, meeting_id, running)
    assert "Skrive til ledelsen" not in [a.what for a in archive.actions()]


def test_search_notes_decisions_and_actions(archive: Archive, running: Meeting) -> None:
    meeting_id = archive.create(running)
    running.set_notes("Vi talte om voldspolitikken og trivslen på gulvet.")
    running.add_decision("Klubben skriver til ledelsen om vold")
    running.add_action("Genopfriske voldspolitikken", "AMiR")
    for _ in range(3):  # saving again replaces rows, never duplicates them
        save(archive, meeting_id, running)
    hits = archive.search("vold")
    assert sorted(hit.kind for hit in hits) == ["action", "decision", "note"]
    assert all(hit.meeting_id == meeting_id and hit.item_title == "Godkendelse af dagsorden" for hit in hits)
    assert "[vold]" in hits[0].snippet
    assert [hit.kind for hit in archive.search("ledelsen vold")] == ["decision"]  # every word must occur
    assert [hit.kind for hit in archive.search("om vold")] != []  # a short word is matched plainly
    assert archive.search("julefrokost") == []
    for awkward in ('"', "AND OR NOT (", "*", "100%", "a_b", "æøå"):
        archive.search(awkward)  # never an FTS syntax error


def test_search_follows_deleted_text(archive: Archive, running: Meeting) -> None:
    meeting_id = archive.create(running)
    running.set_notes("om vold")
    save(archive, meeting_id, running)
    running.set_notes("")
    save(archive, meeting_id, running)
    assert archive.search("vold") == []


def test_search_keeps_meetings_apart(archive: Archive, running: Meeting, clock: FakeClock) -> None:
    other = Meeting(parse_agenda(VALID_AGENDA.encode()), clock=clock)
    one = archive.create(running)
    two = archive.create(other)
    running.add_decision("om vold")
    save(archive, one, running)
    save(archive, two, other)  # saving the other meeting must not touch the first one's rows
    assert [hit.meeting_id for hit in archive.search("vold")] == [one]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"# my notes\nnot a database\n", "is not a facilitator archive"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "is damaged and cannot be read"),
    ],
)
def test_bad_files_are_refused_and_left_alone(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "archive.sqlite3"
    path.write_bytes(content)
    with pytest.raises(ArchiveError, match=message):
        Archive.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.sqlite3"]


def test_a_foreign_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match=f"^{path} is not a facilitator archive"):
        Archive.open(path)
    assert path.read_bytes() == before


def test_a_newer_archive_is_left_alone(path: Path) -> None:
    Archive.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match=f"written by a newer facilitator \\(archive version {SCHEMA_VERSION + 1}"):
        Archive.open(path)
    assert path.read_bytes() == before


def test_an_empty_file_becomes_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with Archive.open(path) as archive:
        assert archive.schema_version == SCHEMA_VERSION


def test_a_read_only_archive_is_named(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Archive.open(path).close()
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # root could write anyway
    with pytest.raises(ArchiveError, match=f"^{path} is read-only; facilitator cannot save meetings there"):
        Archive.open(path)
    with Archive.open(path, read_only=True) as archive:
        assert archive.meetings() == []


def test_a_folder_or_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="is a folder"):
        Archive.open(tmp_path)
    with pytest.raises(ArchiveError, match="there is no archive at"):
        Archive.open(tmp_path / "none.sqlite3", read_only=True)


def test_unknown_meeting(archive: Archive) -> None:
    with pytest.raises(ArchiveError, match="there is no meeting 42 in the archive"):
        archive.load(42)


def test_migration_to_a_later_schema_keeps_the_data(path: Path, running: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
    with Archive.open(path) as archive:
        meeting_id = archive.create(running)
    extra = ("ALTER TABLE meetings ADD COLUMN mood TEXT", "UPDATE meetings SET mood = 'god'")
    monkeypatch.setattr(schema_module, "MIGRATIONS", (*schema_module.MIGRATIONS, extra))
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Archive.open(path) as archive:
        assert archive.schema_version == SCHEMA_VERSION + 1
        assert archive.load(meeting_id).info.title == running.info.title
    assert sqlite3.connect(path).execute("SELECT mood FROM meetings").fetchone() == ("god",)


def test_a_failed_migration_changes_nothing(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Archive.open(path).close()
    broken = ("ALTER TABLE meetings ADD COLUMN mood TEXT", "THIS IS NOT SQL")
    monkeypatch.setattr(schema_module, "MIGRATIONS", (*schema_module.MIGRATIONS, broken))
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(ArchiveError):
        Archive.open(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "mood" not in [row[1] for row in db.execute("PRAGMA table_info(meetings)")]


def test_search_snippet_is_the_stretch_around_the_first_hit_cut_at_words() -> None:
    from facilitator.store.history import _snippet

    marks = re.compile("vold|trusler", re.IGNORECASE)
    text = " ".join(["ord"] * 40) + " Vold og trusler mod kolleger blev drøftet grundigt " + " ".join(["mere"] * 40)
    snippet = _snippet(text, marks)
    assert snippet.startswith("…") and snippet.endswith("…") and "[Vold] og [trusler]" in snippet
    words = snippet.strip("…").split()
    assert words[0] == "ord" and words[-1] in text.split()  # whole words at both ends
    assert len(snippet) <= 66
    assert _snippet("Kort [note] om vold", marks) == "Kort [note] om [vold]"
    assert _snippet("x" * 100, marks) == "x" * 64 + "…"  # no hit, no spaces: the start, cut


def test_notes_typed_fast_reach_the_index_at_the_next_structural_save_or_close(
    archive: Archive, path: Path, running: Meeting
) -> None:
    meeting_id = archive.create(running)
    item = running.items[0]
    titles = {item.id: item.item.title}
    archive.save_notes(meeting_id, {item.id: "Første udkast om arbejdsmiljø"}, titles)
    assert [h.kind for h in archive.search("arbejdsmiljø")] == ["note"]  # the first save is indexed at once
    archive.save_notes(meeting_id, {item.id: "Andet udkast om sygefravær"}, titles)
    assert archive.load(meeting_id).items[0].notes == "Andet udkast om sygefravær"  # the text is saved at once
    assert archive.search("sygefravær") == []  # its index waits, as typing goes on
    running.add_decision("Vi tager det op igen")
    archive.save(meeting_id, to_dict(running, notes=False))  # a structural save brings it in
    assert [h.kind for h in archive.search("sygefravær")] == ["note"]
    assert archive.search("arbejdsmiljø") == []

    archive.save_notes(meeting_id, {item.id: "Tredje udkast om trivsel"}, titles)
    archive.close()  # and so does closing
    with Archive.open(path, read_only=True) as reopened:
        assert [h.kind for h in reopened.search("trivsel")] == ["note"]


def test_a_failed_save_does_not_count_its_notes_as_indexed(archive: Archive, running: Meeting) -> None:
    meeting_id = archive.create(running)
    item = running.items[0]
    titles = {item.id: item.item.title}
    archive.save_notes(meeting_id, {item.id: "Udkast om arbejdsmiljø"}, titles)
    archive.save_notes(meeting_id, {item.id: "Udkast om sygefravær"}, titles)  # waits for the index
    with pytest.raises(ArchiveError):
        archive.save(meeting_id + 99, to_dict(running, notes=False), {item.id: "Udkast om trivsel"})
    archive.close()  # the waiting note is still waiting, and closing indexes it
    with Archive.open(archive.path, read_only=True) as reopened:
        assert [h.kind for h in reopened.search("sygefravær")] == ["note"]
