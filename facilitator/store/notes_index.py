"""Notes in the archive, and their place in the full-text index.

Notes live in their own table because they change with every keystroke. Their text is
written every time; indexing it for search is what costs, so while someone types an
item's notes are indexed at most every ``NOTES_INDEX_INTERVAL`` seconds, and whatever
waits is indexed at the next structural save or when the archive is closed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from facilitator.store.connection import ArchiveConnection
from facilitator.store.schema import search_rowid

NOTES_INDEX_INTERVAL = 10.0
"""Seconds between full-text indexings of one item's notes while they are being typed."""


class NotesIndex(ArchiveConnection):
    def __init__(self, path: Path, connection: sqlite3.Connection, *, read_only: bool) -> None:
        super().__init__(path, connection, read_only=read_only)
        self._unindexed: dict[tuple[int, int], tuple[str, str]] = {}
        """Notes saved but not yet in the full-text index: (meeting, item) -> (text, title)."""
        self._indexed_at: dict[tuple[int, int], float] = {}

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A transaction that, when it is rolled back, forgets what it indexed too."""
        with self._lock:
            index_state = dict(self._unindexed), dict(self._indexed_at)
            try:
                with super()._write() as db:
                    yield db
            except BaseException:
                self._unindexed, self._indexed_at = index_state
                raise

    def save_notes(self, meeting_id: int, notes: dict[int, str], item_titles: dict[int, str]) -> None:
        """Save notes as they are typed.

        The text is written every time; its full-text index at most every
        ``NOTES_INDEX_INTERVAL`` seconds per item, and at the next structural save or
        close. Indexing a long note again costs milliseconds, and this runs twice a second
        while someone types (docs/performance.md). Search is for after the meeting.
        """
        now = time.monotonic()
        with self._write() as db:
            for item_id, text in notes.items():
                key = (meeting_id, item_id)
                self._upsert_note(db, meeting_id, item_id, text)
                if now - self._indexed_at.get(key, -NOTES_INDEX_INTERVAL) >= NOTES_INDEX_INTERVAL:
                    self._index_note(db, meeting_id, item_id, text, item_titles.get(item_id, ""))
                else:
                    self._unindexed[key] = (text, item_titles.get(item_id, ""))
            db.execute("UPDATE meetings SET updated_at = ? WHERE id = ?", (now_text(), meeting_id))

    def _write_notes(self, db: sqlite3.Connection, meeting_id: int, notes: dict[int, str], item_titles: dict[int, str]) -> None:
        """Notes saved with a structural change: written and indexed at once, with any
        notes of the meeting still waiting for the index."""
        for item_id, text in notes.items():
            self._upsert_note(db, meeting_id, item_id, text)
            self._index_note(db, meeting_id, item_id, text, item_titles.get(item_id, ""))
        self._index_waiting(db, meeting_id)

    def _index_all_waiting(self) -> None:
        """Before closing: whatever waits goes into the index, if the archive takes it."""
        if self._unindexed and not self.read_only:
            with self._write() as db:
                self._index_waiting(db)

    @staticmethod
    def _upsert_note(db: sqlite3.Connection, meeting_id: int, item_id: int, text: str) -> None:
        db.execute(
            "INSERT INTO notes (meeting_id, item_id, text) VALUES (?, ?, ?)"
            " ON CONFLICT (meeting_id, item_id) DO UPDATE SET text = excluded.text",
            (meeting_id, item_id, text),
        )

    def _index_note(self, db: sqlite3.Connection, meeting_id: int, item_id: int, text: str, title: str) -> None:
        rowid = search_rowid(meeting_id, "note", item_id)
        db.execute("DELETE FROM search WHERE rowid = ?", (rowid,))
        if text.strip():
            db.execute("INSERT INTO search (rowid, text, item_title, kind) VALUES (?, ?, ?, 'note')", (rowid, text, title))
        self._indexed_at[(meeting_id, item_id)] = time.monotonic()
        self._unindexed.pop((meeting_id, item_id), None)

    def _index_waiting(self, db: sqlite3.Connection, meeting_id: int | None = None) -> None:
        for (meeting, item_id), (text, title) in list(self._unindexed.items()):
            if meeting_id is None or meeting == meeting_id:
                self._index_note(db, meeting, item_id, text, title)


def now_text() -> str:
    """The time a meeting row was changed, to the second, as the archive writes it."""
    return dt.datetime.now().replace(microsecond=0).isoformat()
