"""The items' order is stored apart from a meeting's head, and written only when it changes.

Every decision rewrites the head (``last_id``); were the order in it, a decision at 2,000
items would write the ids of all 2,000. An archive of schema 6 held the order in the
head: it is read as it is, and moved apart when the archive is migrated.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.clock import FakeClock
from support.meetings import hold_a_meeting

from facilitator.meeting.change import Change, touched
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import ItemState
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.meeting_rows import APART, ORDER
from facilitator.store.recorder import Recorder
from facilitator.store.schema import SCHEMA_VERSION
from facilitator.store.snapshot import to_dict


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    with Archive.open(tmp_path / "archive.sqlite3") as opened:
        yield opened


@pytest.fixture
def recorder(archive: Archive, running: Meeting) -> Iterator[Recorder]:
    meeting_id = archive.create(running)
    started = Recorder(archive, meeting_id, running, MeetingLock.take(archive.path, meeting_id)).start()
    running.add_person("Gæst")  # the first save is whole: what follows is saved by change
    assert started.flush()
    yield started
    started.close()


def _statements(archive: Archive, recorder: Recorder, change: Any) -> list[str]:
    """The SQL the recorder ran to save what ``change`` (a call) did to the meeting."""
    seen: list[str] = []
    archive._db.set_trace_callback(seen.append)
    try:
        change()
        assert recorder.flush()
    finally:
        archive._db.set_trace_callback(None)
    return seen


def _stored_order(archive: Archive, meeting_id: int) -> list[int]:
    row = archive._db.execute("SELECT item_order FROM meeting_orders WHERE meeting_id = ?", (meeting_id,)).fetchone()
    return list(json.loads(row[0]))


def test_a_decision_writes_no_order_and_a_head_without_one(archive: Archive, recorder: Recorder, running: Meeting) -> None:
    statements = _statements(archive, recorder, lambda: running.add_decision("Godkendt"))
    assert any("UPDATE meetings" in s for s in statements)  # the head: last_id
    assert not any(s.startswith("INSERT INTO meeting_orders") for s in statements)
    head = json.loads(archive._db.execute("SELECT snapshot FROM meetings WHERE id = ?", (recorder.meeting_id,)).fetchone()[0])
    assert head[ORDER] == APART and "items" not in head
    assert _stored_order(archive, recorder.meeting_id) == [s.id for s in running.items]


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.add_item("Nyt punkt", at=1),
        lambda m: m.shift_item(len(m.items) - 1, -1),
        lambda m: m.drop_item(len(m.items) - 1),
    ],
    ids=["add", "move", "drop"],
)
def test_adding_moving_or_dropping_an_item_writes_the_order(
    archive: Archive, recorder: Recorder, running: Meeting, change: Any
) -> None:
    before = [s.id for s in running.items]
    statements = _statements(archive, recorder, lambda: change(running))
    assert any(s.startswith("INSERT INTO meeting_orders") for s in statements)
    assert _stored_order(archive, recorder.meeting_id) == [s.id for s in running.items] != before
    assert to_dict(archive.load(recorder.meeting_id)) == to_dict(running)


def test_a_dropped_items_id_given_again_is_the_new_item(archive: Archive, recorder: Recorder, running: Meeting) -> None:
    """An item added after the last was dropped takes its id: the recorder must not save
    the dropped one in its place."""
    dropped = running.drop_item(len(running.items) - 1)
    running.add_item("I stedet", at=len(running.items))
    running.set_carry_on(len(running.items) - 1)
    assert running.items[-1].id == dropped.id
    assert recorder.flush()
    assert to_dict(archive.load(recorder.meeting_id)) == to_dict(running)


class _CountedList(list[ItemState]):
    """A meeting's items that count how often they are gone through."""

    walks = 0

    def __iter__(self) -> Iterator[ItemState]:
        type(self).walks += 1
        return super().__iter__()


def test_taking_a_change_does_not_go_through_the_items(recorder: Recorder, running: Meeting) -> None:
    """What a change touched is taken on the caller's (the UI's) thread: it must cost the
    items touched, not the meeting's items."""
    running.set_notes("Først", 1)  # the recorder has met the items
    running.items = _CountedList(running.items)
    _CountedList.walks = 0
    state = running.items[0]
    state.notes = "Noter"
    recorder._on_change(touched(state.id, head=True))
    recorder._on_change(Change("notes", state.id))
    assert _CountedList.walks == 0
    assert recorder.flush()


def _as_schema_6(path: Path) -> None:
    """Put an archive back as schema 6 wrote it: each head holding its items' order."""
    db = sqlite3.connect(path)
    with db:
        for meeting_id, item_order in db.execute("SELECT meeting_id, item_order FROM meeting_orders").fetchall():
            text = db.execute("SELECT snapshot FROM meetings WHERE id = ?", (meeting_id,)).fetchone()[0]
            head = {**json.loads(text), ORDER: json.loads(item_order)}
            db.execute("UPDATE meetings SET snapshot = ? WHERE id = ?", (json.dumps(head, ensure_ascii=False), meeting_id))
        db.execute("DROP TABLE meeting_orders")
        db.execute("PRAGMA user_version = 6")
    db.close()


def test_a_schema_6_archive_reads_the_same_and_migrates(tmp_path: Path, running: Meeting, clock: FakeClock) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        meeting_id = archive.create(running)
        hold_a_meeting(running, clock)
        running.add_item("Tilføjet", at=0)
        archive.save(meeting_id, to_dict(running, notes=False), {s.id: s.notes for s in running.items if s.notes})
        order = _stored_order(archive, meeting_id)
    _as_schema_6(path)
    with Archive.open(path, read_only=True) as archive:  # not migrated: the order read from the head
        assert archive.schema_version == 6
        assert to_dict(archive.load(meeting_id)) == to_dict(running)
    with Archive.open(path) as archive:
        assert archive.schema_version == SCHEMA_VERSION == 12
        assert _stored_order(archive, meeting_id) == order == [s.id for s in running.items]
        text = archive._db.execute("SELECT snapshot FROM meetings WHERE id = ?", (meeting_id,)).fetchone()[0]
        assert json.loads(text)[ORDER] == APART
        assert to_dict(archive.load(meeting_id)) == to_dict(running)


def test_a_whole_save_writes_only_the_index_rows_that_differ(archive: Archive, running: Meeting) -> None:
    # The first save after a meeting is opened again is whole; were every record written
    # anew, the full-text index would merge them all again over the saves that follow.
    running.add_decision("Klubben holder møde med ledelsen")
    running.add_action("Skriv til ledelsen", "Anne")
    meeting_id = archive.create(running)
    searched: list[str] = []
    archive._db.set_trace_callback(lambda sql: searched.append(sql) if "search" in sql else None)
    try:
        archive.save(meeting_id, to_dict(running, notes=False))  # nothing changed
        assert not [sql for sql in searched if sql.startswith(("INSERT", "DELETE"))], searched
        running.add_decision("Og skriver referat")
        searched.clear()
        archive.save(meeting_id, to_dict(running, notes=False))
    finally:
        archive._db.set_trace_callback(None)
    assert [sql.split(" (")[0] for sql in searched if sql.startswith(("INSERT", "DELETE"))] == ["INSERT INTO search"]
    assert [hit.snippet for hit in archive.search("referat")] and [hit.snippet for hit in archive.search("ledelsen")]
