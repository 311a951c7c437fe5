"""The archive: one SQLite file holding every meeting, saved change by change.

A meeting is stored as a snapshot (``meeting_snapshot``) without its notes, which live in
their own table because they change with every keystroke. Action items and a full-text
index are projections of the snapshots, kept in step in the same transaction, so
questions across meetings ("open actions of our club", "where did we talk about vold?")
never need to read a snapshot.

Opening checks the file before changing anything: a file that is not SQLite, a SQLite
file that is not ours, a corrupt one or one from a newer facilitator is refused with a
clear message and left byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.store.schema import (
    APPLICATION_ID,
    CLOSED_MARKED,
    MEETING_SHIFT,
    MIGRATIONS,
    SCHEMA_VERSION,
    closed_in,
    closed_rowids,
    is_closed,
    meeting_rowids,
    search_records,
)
from facilitator.store.schema import search_rowid as _rowid
from facilitator.errors import ArchiveError
from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import CarriedAction
from facilitator.store.snapshot import from_dict, to_dict
from facilitator.files.no_replace import available as _can_place
from facilitator.files.no_replace import rename_no_replace

try:
    import fcntl
    import resource
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    resource = None  # type: ignore[assignment]

SQLITE_HEADER = b"SQLite format 3\x00"

SEARCH_PAGE = 20
"""Hits a search gives unless asked for more: a screenful, newest first. A bigger archive
then costs hardly more per search, where a page of a hundred cost five times as much."""

NOTES_INDEX_INTERVAL = 10.0
"""Seconds between full-text indexings of one item's notes while they are being typed."""


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    title: str
    kind: str
    group: str | None
    date: str | None
    started_at: str | None
    ended_at: str | None

    @property
    def finished(self) -> bool:
        return self.ended_at is not None


@dataclass(frozen=True)
class ActionRow:
    meeting_id: int
    meeting_title: str
    meeting_date: str | None
    action_id: int
    item_title: str
    what: str
    who: str
    deadline: str | None
    done: bool
    confidential: bool = False
    """Recorded under a closed item: listed only when asked for the restricted view."""


@dataclass(frozen=True)
class SearchHit:
    meeting_id: int
    meeting_title: str
    meeting_date: str | None
    item_title: str
    kind: str
    snippet: str
    confidential: bool = False
    """Found under a closed item: given only when asked for the restricted view."""


class RefusedArchive(ArchiveError):
    """A file that is no archive of ours to use (foreign, newer, damaged, not a regular file).

    Only after such a refusal are the -wal/-shm files the look at it made taken away:
    nobody can be writing such a file, so nobody can lose a journal by it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, permanent=True)


class Archive:
    """An open archive file. Thread-safe: the recorder writes from its own thread."""

    def __init__(self, path: Path, connection: sqlite3.Connection, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._db = connection
        self._lock = threading.RLock()
        self._unindexed: dict[tuple[int, int], tuple[str, str]] = {}
        """Notes saved but not yet in the full-text index: (meeting, item) -> (text, title)."""
        self._indexed_at: dict[tuple[int, int], float] = {}
        status = os.stat(path)
        self._identity = (status.st_dev, status.st_ino)
        self._journals_before: frozenset[str] = frozenset()
        """The -wal/-shm files that were there before this archive was opened: never ours to remove."""
        self._closed = False
        self._damaged = False
        with _OPEN_HERE_LOCK:
            _OPEN_HERE[self._identity] = _OPEN_HERE.get(self._identity, 0) + 1

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, create: bool = True) -> Archive:
        """Open (creating and migrating as needed) the archive at ``path``.

        Only a regular file, or a link to one, can be an archive: a pipe would hang the
        first read and a device would be chmod'ed and get a journal beside it, so anything
        else is refused before it is opened for anything but a look. ``create=False``
        (resuming) never turns an empty file into an archive. A failed open takes away the
        ``-wal``/``-shm`` files it made, so a refused file is left as it was found.

        A new archive is made whole under a private name and then put in place (see
        ``_build_new``), so a facilitator opening the same new archive at the same moment
        never sees it half made. Only an empty file that was there already, or a system
        that cannot put a file in place without replacing, has it made in place.
        """
        path = Path(path)
        status = _regular_status(path)
        if status is None and create and not read_only and _build_new(path):
            status = _regular_status(path)  # ours, or what another facilitator put there first
        fresh = status is None or status.st_size == 0
        if fresh and read_only:
            raise ArchiveError(t("archive.missing", path=path))
        if fresh and not create:
            raise ArchiveError(t("archive.empty" if status is not None else "archive.missing", path=path))
        journals = _journal_files(path)
        made = False
        try:
            if not fresh:
                version = _inspect(path, status)
                if version > SCHEMA_VERSION:
                    raise RefusedArchive(t("archive.newer", path=path, version=version, supported=SCHEMA_VERSION))
                if not read_only and not os.access(path, os.W_OK):
                    raise ArchiveError(t("archive.read_only", path=path))
                if not read_only and status is not None and status.st_nlink > 1:
                    raise ArchiveError(t("archive.linked", path=path, links=status.st_nlink))
            else:
                made = _create_file(path)
            try:
                connection = _connect_patiently(path, read_only=read_only)
            except sqlite3.Error as error:
                damaged = _error_name(error) in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
                raise (RefusedArchive if damaged else ArchiveError)(_describe_open(error, path)) from None
            archive = cls(path, connection, read_only=read_only)
            archive._journals_before = journals
            if not read_only:
                try:
                    archive._migrate()
                except BaseException:
                    archive.close()
                    raise
        except BaseException as error:
            if isinstance(error, RefusedArchive):
                _tidy_journals(path, journals)
            if made:
                _remove_if_empty(path)
            raise
        return archive

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._unindexed and not self.read_only:
                try:
                    with self._write() as db:
                        self._index_waiting(db)
                except ArchiveError:
                    pass  # the notes themselves are saved; only their place in search waits
            self._db.close()
            with _OPEN_HERE_LOCK:
                left = _OPEN_HERE.pop(self._identity, 1) - 1
                if left:
                    _OPEN_HERE[self._identity] = left
            if self.read_only and self._damaged:  # a damaged file is left as it was found
                _tidy_journals(self.path, self._journals_before)

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        """Bring the schema up to date, one step per transaction.

        The version is read again inside each transaction: another process opening the
        same new archive at the same moment may have taken the step already.
        """
        while True:
            with self._write() as db:
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
                if version > SCHEMA_VERSION:  # a newer facilitator wrote it since we looked
                    raise ArchiveError(
                        t("archive.newer", path=self.path, version=version, supported=SCHEMA_VERSION), permanent=True
                    )
                if version == SCHEMA_VERSION:
                    return
                _migrate_one(db, version)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; any SQLite failure becomes an ArchiveError, and nothing stays open.

        COMMIT is inside the guarded block: in WAL mode a full disk shows up at COMMIT, and a
        transaction left open there would make every later save fail and hold the lock.
        """
        if self.read_only:
            raise ArchiveError(t("archive.read_only", path=self.path))
        with self._lock:
            self._check_still_there()
            index_state = dict(self._unindexed), dict(self._indexed_at)
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                    self._db.execute("COMMIT")
                except BaseException:
                    self._unindexed, self._indexed_at = index_state  # what was indexed was rolled back
                    if self._db.in_transaction:
                        try:
                            self._db.execute("ROLLBACK")
                        except sqlite3.Error:
                            pass  # SQLite may have rolled back already; the first error is the one to tell
                    raise
            except sqlite3.Error as error:
                raise ArchiveError(_describe(error, self.path), permanent=_is_permanent(error)) from error

    def _check_still_there(self) -> None:
        """Notice an archive file deleted or replaced while open, instead of saving into the void.

        A deleted file is written back from the open connection, which still holds all of
        it; a different file in its place is not touched.
        """
        try:
            status = os.stat(self.path)
        except FileNotFoundError:
            self._db.execute(f"VACUUM INTO {_sql_text(str(self.path))}")
            fd = _open_regular(self.path, None, os.O_RDONLY)  # never chmod what a link put there points to
            try:
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, 0o600)
            finally:
                os.close(fd)
            self._reconnect()
            return
        if (status.st_dev, status.st_ino) != self._identity:
            raise ArchiveError(t("archive.replaced", path=self.path), permanent=True)

    def _reconnect(self) -> None:
        self._db.close()
        self._db = _connect(self.path)
        status = os.stat(self.path)
        with _OPEN_HERE_LOCK:
            left = _OPEN_HERE.pop(self._identity, 1) - 1
            if left:
                _OPEN_HERE[self._identity] = left
            self._identity = (status.st_dev, status.st_ino)
            _OPEN_HERE[self._identity] = _OPEN_HERE.get(self._identity, 0) + 1

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as error:
                self._damaged = _error_name(error) in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
                raise ArchiveError(_describe(error, self.path, writing=False)) from error

    # --- writing meetings --------------------------------------------------------------

    def create(self, meeting: Meeting, *, agenda_path: str | None = None) -> int:
        """Store a new meeting; returns its id."""
        info = meeting.info
        now = _now()
        with self._write() as db:
            if info.group:
                meeting.carry_over(self._open_actions_of(db, info.group))
            snapshot = to_dict(meeting, notes=False)
            cursor = db.execute(
                "INSERT INTO meetings (title, kind, group_name, date, created_at, updated_at, agenda_path, snapshot)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    info.title,
                    info.kind.value,
                    info.group,
                    info.date.isoformat() if info.date else None,
                    now,
                    now,
                    agenda_path,
                    json.dumps(snapshot, ensure_ascii=False),
                ),
            )
            meeting_id = int(cursor.lastrowid or 0)
            self._project(db, meeting_id, snapshot)
            self._write_notes(db, meeting_id, {s.id: s.notes for s in meeting.items if s.notes}, _titles(snapshot))
        return meeting_id

    @staticmethod
    def _open_actions_of(db: sqlite3.Connection, group: str) -> list[CarriedAction]:
        rows = db.execute(
            "SELECT a.meeting_id, a.action_id, m.title, m.date, a.what, a.who, a.deadline, a.confidential"
            " FROM actions a JOIN meetings m ON m.id = a.meeting_id"
            " WHERE m.group_name = ? AND a.done = 0 ORDER BY a.meeting_id, a.action_id",
            (group,),
        ).fetchall()
        return [
            CarriedAction(*row[:6], deadline=dt.date.fromisoformat(row[6]) if row[6] else None, confidential=bool(row[7]))
            for row in rows
        ]

    def save(self, meeting_id: int, snapshot: dict[str, Any], notes: dict[int, str] | None = None) -> None:
        """Save a snapshot (taken without notes) and any notes, in one transaction."""
        with self._write() as db:
            started = snapshot["started_at"]
            date = snapshot["info"]["date"] or (started[:10] if started else None)
            updated = db.execute(
                "UPDATE meetings SET title = ?, kind = ?, group_name = ?, date = ?, started_at = ?, ended_at = ?,"
                " updated_at = ?, snapshot = ? WHERE id = ?",
                (
                    snapshot["info"]["title"],
                    snapshot["info"]["kind"],
                    snapshot["info"]["group"],
                    date,
                    started,
                    snapshot["ended_at"],
                    _now(),
                    json.dumps(snapshot, ensure_ascii=False),
                    meeting_id,
                ),
            )
            if updated.rowcount != 1:
                raise ArchiveError(t("archive.no_meeting", id=meeting_id))
            self._project(db, meeting_id, snapshot)
            self._write_notes(db, meeting_id, notes or {}, _titles(snapshot) if notes else {})

    def discard_unstarted(self, meeting_id: int) -> bool:
        """Forget a meeting that was opened but never started; True if it was removed.

        Opening an agenda only to look at it, or by mistake, should not leave an empty
        "unfinished" meeting behind for ``resume`` to pick.
        """
        with self._write() as db:
            gone = db.execute("DELETE FROM meetings WHERE id = ? AND started_at IS NULL", (meeting_id,)).rowcount
            if gone:
                db.execute("DELETE FROM notes WHERE meeting_id = ?", (meeting_id,))
                db.execute("DELETE FROM actions WHERE meeting_id = ?", (meeting_id,))
                db.execute(
                    "DELETE FROM search WHERE rowid BETWEEN ? AND ?",
                    (_rowid(meeting_id, "decision", 0), _rowid(meeting_id + 1, "note", 0) - 1),
                )
                db.execute("DELETE FROM closed_search WHERE rowid BETWEEN ? AND ?", meeting_rowids(meeting_id))
        return bool(gone)

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
            db.execute("UPDATE meetings SET updated_at = ? WHERE id = ?", (_now(), meeting_id))

    def _write_notes(self, db: sqlite3.Connection, meeting_id: int, notes: dict[int, str], item_titles: dict[int, str]) -> None:
        """Notes saved with a structural change: written and indexed at once, with any
        notes of the meeting still waiting for the index."""
        for item_id, text in notes.items():
            self._upsert_note(db, meeting_id, item_id, text)
            self._index_note(db, meeting_id, item_id, text, item_titles.get(item_id, ""))
        self._index_waiting(db, meeting_id)

    @staticmethod
    def _upsert_note(db: sqlite3.Connection, meeting_id: int, item_id: int, text: str) -> None:
        db.execute(
            "INSERT INTO notes (meeting_id, item_id, text) VALUES (?, ?, ?)"
            " ON CONFLICT (meeting_id, item_id) DO UPDATE SET text = excluded.text",
            (meeting_id, item_id, text),
        )

    def _index_note(self, db: sqlite3.Connection, meeting_id: int, item_id: int, text: str, title: str) -> None:
        rowid = _rowid(meeting_id, "note", item_id)
        db.execute("DELETE FROM search WHERE rowid = ?", (rowid,))
        if text.strip():
            db.execute("INSERT INTO search (rowid, text, item_title, kind) VALUES (?, ?, ?, 'note')", (rowid, text, title))
        self._indexed_at[(meeting_id, item_id)] = time.monotonic()
        self._unindexed.pop((meeting_id, item_id), None)

    def _index_waiting(self, db: sqlite3.Connection, meeting_id: int | None = None) -> None:
        for (meeting, item_id), (text, title) in list(self._unindexed.items()):
            if meeting_id is None or meeting == meeting_id:
                self._index_note(db, meeting, item_id, text, title)

    def _project(self, db: sqlite3.Connection, meeting_id: int, snapshot: dict[str, Any]) -> None:
        """Bring the action and search projections of one meeting in line with its snapshot."""
        low = _rowid(meeting_id, "decision", 0)
        high = _rowid(meeting_id + 1, "note", 0) - 1
        db.execute("DELETE FROM search WHERE rowid BETWEEN ? AND ?", (low, high))
        rows = [
            (_rowid(meeting_id, kind, number), text, item["item"]["title"], kind)
            for kind, number, item, text in search_records(snapshot)
        ]
        actions = [
            (meeting_id, a["id"], item["item"]["title"], a["what"], a["who"], a["deadline"], int(a["done"]), int(is_closed(item)))
            for item in snapshot["items"]
            for a in item["actions"]
        ]
        db.executemany("INSERT INTO search (rowid, text, item_title, kind) VALUES (?, ?, ?, ?)", rows)
        db.execute("DELETE FROM closed_search WHERE rowid BETWEEN ? AND ?", meeting_rowids(meeting_id))
        db.executemany("INSERT INTO closed_search (rowid) VALUES (?)", [(r,) for r in closed_rowids(meeting_id, snapshot)])
        ids = [row[1] for row in actions]
        db.execute(
            f"DELETE FROM actions WHERE meeting_id = ? AND action_id NOT IN ({','.join('?' * len(ids))})",
            (meeting_id, *ids),
        )
        db.executemany(
            "INSERT INTO actions (meeting_id, action_id, item_title, what, who, deadline, done, confidential)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (meeting_id, action_id) DO UPDATE SET item_title = excluded.item_title,"
            " what = excluded.what, who = excluded.who, deadline = excluded.deadline, confidential = excluded.confidential,"
            # Done in a later meeting (carried over) stays done whatever this snapshot says.
            " done = CASE WHEN actions.done_in IS NULL THEN excluded.done ELSE actions.done END",
            actions,
        )
        # Earlier meetings' actions followed up here: done here, or no longer done here.
        for carried in snapshot["carried"]:
            key = (carried["meeting_id"], carried["action_id"])
            if carried["done"]:
                db.execute(
                    "UPDATE actions SET done = 1, done_in = ? WHERE meeting_id = ? AND action_id = ?"
                    " AND (done_in IS NULL OR done_in = ?) AND (done = 0 OR done_in = ?)",
                    (meeting_id, *key, meeting_id, meeting_id),
                )
            else:
                db.execute(
                    "UPDATE actions SET done = 0, done_in = NULL WHERE meeting_id = ? AND action_id = ? AND done_in = ?",
                    (*key, meeting_id),
                )

    # --- reading meetings --------------------------------------------------------------

    def load(self, meeting_id: int, *, clock: Any = None) -> Meeting:
        with self._read() as db:
            row = db.execute("SELECT snapshot FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
            if row is None:
                raise ArchiveError(t("archive.no_meeting", id=meeting_id))
            notes = dict(db.execute("SELECT item_id, text FROM notes WHERE meeting_id = ?", (meeting_id,)).fetchall())
            unmarked = self._closed_unmarked(db)
        # The snapshot and the notes are checked whole before a Meeting is built
        # (snapshot_check, through from_dict): a hand-edited or damaged one is refused
        # here with one line naming the archive and the meeting, for every command.
        try:
            if not all(isinstance(key, int) and isinstance(text, str) for key, text in notes.items()):
                raise ValueError(t("archive.bad_notes"))
            snapshot = json.loads(row[0])
            meeting = from_dict(snapshot, notes=notes, **({"clock": clock} if clock else {}))
        except (ValueError, KeyError, TypeError, RecursionError) as error:
            reason = error if isinstance(error, ValueError) else type(error).__name__
            raise ArchiveError(t("archive.bad_meeting", id=meeting_id, path=self.path, reason=reason), permanent=True) from None
        if unmarked is not None:  # an older archive read without migrating: its carried copies are not marked
            for carried in meeting.carried:
                carried.confidential = carried.confidential or (carried.meeting_id, carried.action_id) in unmarked[1]
        return meeting

    def last_saved(self, meeting_id: int) -> dt.datetime | None:
        """When the meeting was last saved: where a resumed meeting's break began."""
        with self._read() as db:
            row = db.execute("SELECT updated_at FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        try:
            return dt.datetime.fromisoformat(row[0]) if row and row[0] else None
        except ValueError:
            return None

    def meetings(self, *, unfinished: bool = False) -> list[MeetingSummary]:
        """Meetings, newest first."""
        where = "WHERE ended_at IS NULL" if unfinished else ""
        with self._read() as db:
            rows = db.execute(
                f"SELECT id, title, kind, group_name, date, started_at, ended_at FROM meetings {where} ORDER BY id DESC"
            ).fetchall()
        return [MeetingSummary(*row) for row in rows]

    def latest(self, *, ended: bool = False) -> int | None:
        """The newest meeting's id (the newest finished one with ``ended``), or None."""
        where = "WHERE ended_at IS NOT NULL" if ended else ""
        with self._read() as db:
            row = db.execute(f"SELECT id FROM meetings {where} ORDER BY id DESC LIMIT 1").fetchone()
        return int(row[0]) if row else None

    def summary(self, meeting_id: int) -> MeetingSummary:
        with self._read() as db:
            row = db.execute(
                "SELECT id, title, kind, group_name, date, started_at, ended_at FROM meetings WHERE id = ?", (meeting_id,)
            ).fetchone()
        if row is None:
            raise ArchiveError(t("archive.no_meeting", id=meeting_id))
        return MeetingSummary(*row)

    def actions(self, *, open_only: bool = False, group: str | None = None, restricted: bool = False) -> list[ActionRow]:
        """Action items across meetings: by deadline (none last), then by meeting.

        Those recorded under a closed item only with ``restricted``, marked as such."""
        conditions = ["1"]
        parameters: list[Any] = []
        if open_only:
            conditions.append("a.done = 0")
        if group is not None:
            conditions.append("m.group_name = ?")
            parameters.append(group)
        with self._read() as db:
            unmarked = self._closed_unmarked(db)
            rows = db.execute(
                "SELECT a.meeting_id, m.title, m.date, a.action_id, a.item_title, a.what, a.who, a.deadline, a.done,"
                f" {'0' if unmarked is not None else 'a.confidential'}"
                " FROM actions a JOIN meetings m ON m.id = a.meeting_id"
                f" WHERE {' AND '.join(conditions)}"
                " ORDER BY a.deadline IS NULL, a.deadline, a.meeting_id, a.action_id",
                parameters,
            ).fetchall()
        found = [
            ActionRow(
                *row[:8],
                done=bool(row[8]),
                confidential=bool(row[9]) or (unmarked is not None and (row[0], row[3]) in unmarked[1]),
            )
            for row in rows
        ]
        return found if restricted else [a for a in found if not a.confidential]

    def _closed_unmarked(self, db: sqlite3.Connection) -> tuple[set[int], set[tuple[int, int]]] | None:
        """For an archive older than the marks of closed items (one opened read-only is not
        migrated): what its closed items recorded, read from the snapshots. None when the
        archive marks them itself."""
        if int(db.execute("PRAGMA user_version").fetchone()[0]) >= CLOSED_MARKED:
            return None
        return closed_in(db)

    def search(self, text: str, *, limit: int = SEARCH_PAGE, restricted: bool = False) -> list[SearchHit]:
        """Full text over notes, decisions, votes and actions; every word must occur.

        The newest ``limit`` hits: ask for one more than you show to know whether there are more.
        Hits under a closed item only with ``restricted``, marked as such."""
        words = text.split()
        if not words:
            return []
        long_words = [w for w in words if len(w) >= 3]
        short_words = [w for w in words if len(w) < 3]
        conditions: list[str] = []
        parameters: list[Any] = []
        if long_words:
            conditions.append("search MATCH ?")
            parameters.append(" ".join('"' + w.replace('"', '""') + '"' for w in long_words))
        for word in short_words:  # trigrams need three letters; short words are matched plainly
            conditions.append("text LIKE ? ESCAPE '\\'")
            parameters.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        with self._read() as db:
            unmarked = self._closed_unmarked(db)
            if unmarked is None and not restricted:
                conditions.append("rowid NOT IN (SELECT rowid FROM closed_search)")
            closed = "h.rowid IN (SELECT rowid FROM closed_search)" if unmarked is None else "0"
            # Newest first by rowid (which begins with the meeting id), inside the full-text
            # query, so the index stops after `limit` hits instead of ranking every match.
            # An archive without the marks of closed items is filtered here, over all hits.
            rows = db.execute(
                f"SELECT h.rowid, m.title, m.date, h.item_title, h.kind, h.text, {closed} FROM"
                " (SELECT rowid, item_title, kind, text FROM search"
                f"  WHERE {' AND '.join(conditions)} ORDER BY rowid DESC LIMIT ?) AS h"
                " JOIN meetings m ON m.id = h.rowid >> ? ORDER BY h.rowid >> ? DESC, h.rowid",
                (*parameters, limit if unmarked is None else -1, MEETING_SHIFT, MEETING_SHIFT),
            ).fetchall()
        if unmarked is not None:
            rows = [(*row[:6], row[0] in unmarked[0]) for row in rows if restricted or row[0] not in unmarked[0]]
            newest = set(sorted((row[0] for row in rows), reverse=True)[:limit])
            rows = [row for row in rows if row[0] in newest]
        marks = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
        return [
            SearchHit(row[0] >> MEETING_SHIFT, *row[1:5], snippet=_snippet(row[5], marks), confidential=bool(row[6]))
            for row in rows
        ]


def _snippet(text: str, marks: re.Pattern[str], width: int = 64) -> str:
    """The stretch of ``text`` around the first hit, hits in [brackets].

    Made here rather than by FTS5's snippet(), which tokenises every hit's whole text
    again: with a page of hits from a big archive that was most of the search's time.
    """
    first = marks.search(text)
    start = 0 if first is None or first.end() <= width else first.start() - width // 4
    if start:  # begin at a word
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= start - 12 else start
    end = min(len(text), start + width)
    if end < len(text):  # and end at one
        space = text.rfind(" ", start, end)
        end = space if space > end - 12 else end
    window = marks.sub(lambda hit: f"[{hit.group()}]", text[start:end])
    return ("…" if start else "") + window + ("…" if end < len(text) else "")


def _titles(snapshot: dict[str, Any]) -> dict[int, str]:
    """Item titles by item id: the search index shows them beside each hit."""
    return {item["id"]: item["item"]["title"] for item in snapshot["items"]}


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        connection = sqlite3.connect(_read_only_uri(path), uri=True, check_same_thread=False, timeout=5)
    else:
        connection = sqlite3.connect(path, check_same_thread=False, timeout=5, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
        except BaseException:
            connection.close()
            raise
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _connect_patiently(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """Connect, trying again while another facilitator is in the middle of making the same new
    archive: switching it to WAL can be refused at once as busy, without SQLite's wait."""
    for pause in (0.05, 0.1, 0.2, 0.4, 0.8, 0.0):
        try:
            return _connect(path, read_only=read_only)
        except sqlite3.Error as error:
            if not pause or _error_name(error) not in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                raise
            time.sleep(pause)
    raise AssertionError("unreachable")


def _read_only_uri(path: Path, *, inspecting: bool = False) -> str:
    """Open for reading; as immutable where the file cannot change under us.

    SQLite reads a WAL file only where it can make the ``-wal`` and ``-shm`` files beside
    it. ``immutable`` tells it the file will not change, so it needs neither: true on a
    read-only disk (a write-protected stick), in a folder we may not write in when no
    ``-wal`` is there (nobody can be writing it then: a writer would need to make one),
    and true enough for the first look at a file that nobody has open for writing (no
    ``-wal`` beside it), which so leaves a file that is not ours without a trace.
    """
    real = path.resolve()  # SQLite keeps its -wal beside the file a link points to
    uri = f"{real.as_uri()}?mode=ro"
    try:
        read_only_disk = bool(os.statvfs(real).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        read_only_disk = False
    unused = not os.path.lexists(f"{real}-wal")
    locked_folder = unused and not os.access(real.parent, os.W_OK)
    return uri + "&immutable=1" if read_only_disk or locked_folder or (inspecting and unused) else uri


_JOURNALS = ("-wal", "-shm", "-journal")
_SHM_DMS_BYTE = 128
"""The byte of the -shm file every open WAL connection holds a shared lock on (os_unix.c)."""

_OPEN_HERE: dict[tuple[int, int], int] = {}
"""Archives this process has open, by identity: their -wal/-shm are never taken away."""
_OPEN_HERE_LOCK = threading.Lock()


def _journal_files(path: Path) -> frozenset[str]:
    """Which of the -wal, -shm and -journal files lie beside the archive now."""
    real = os.path.realpath(path)
    return frozenset(suffix for suffix in _JOURNALS if os.path.lexists(real + suffix))


def _tidy_journals(path: Path, before: frozenset[str]) -> None:
    """Take away the -wal/-shm/-journal files that opening ``path`` made, if nobody uses them.

    SQLite leaves them behind where it cannot clean up (a refused file with a ``-wal``
    beside it, a file-size limit). Only files that were not there before are removed,
    only when no other connection of this process has the archive open, and only while
    holding the lock every live WAL connection shares, so a meeting running in another
    process never loses its journal.
    """
    real = os.path.realpath(path)
    made = [suffix for suffix in _JOURNALS if suffix not in before and os.path.lexists(real + suffix)]
    if not made or fcntl is None:
        return
    try:
        status = os.stat(real)
    except OSError:
        status = None
    if status is not None:
        with _OPEN_HERE_LOCK:
            if _OPEN_HERE.get((status.st_dev, status.st_ino)):
                return
    guard: int | None = None
    try:
        if os.path.lexists(real + "-shm"):
            guard = os.open(real + "-shm", os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
            fcntl.lockf(guard, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
        for suffix in made:
            os.unlink(real + suffix)
    except OSError:
        pass  # in use by another process, or not ours to remove: left as it is
    finally:
        if guard is not None:
            os.close(guard)


def _remove_if_empty(path: Path) -> None:
    """Take away the empty file a failed open made, so a failure leaves nothing behind."""
    try:
        if os.lstat(path).st_size == 0:
            os.unlink(path)
    except OSError:
        pass


def _regular_status(path: Path) -> os.stat_result | None:
    """The archive file's status, or None where there is none; anything but a regular file is refused.

    A link is followed: a link to an archive is that archive. A link that leads nowhere
    is refused too, for creating the archive through it would put it somewhere unseen.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        try:
            if not stat.S_ISLNK(os.lstat(path).st_mode):
                return _regular_status(path)  # made a moment ago (by another facilitator): look again
        except FileNotFoundError:
            return None
        raise RefusedArchive(t("archive.not_regular", path=path)) from None
    except OSError as error:
        raise ArchiveError(_describe_os_error(error, path)) from None
    if stat.S_ISDIR(status.st_mode):
        raise ArchiveError(t("archive.is_dir", path=path))
    if not stat.S_ISREG(status.st_mode):
        raise RefusedArchive(t("archive.not_regular", path=path))
    return status


def _open_regular(path: Path, status: os.stat_result | None, flags: int) -> int:
    """An open descriptor of ``path``, which must still be the regular file looked at.

    Opened without blocking, so a pipe put there since cannot hang us, and checked
    again after opening, so a device put there since is never written to.
    """
    fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (status is not None and (now.st_dev, now.st_ino) != (status.st_dev, status.st_ino)):
            raise RefusedArchive(t("archive.not_regular", path=path))
    except BaseException:
        os.close(fd)
        raise
    return fd


def _describe_os_error(error: OSError, path: Path) -> str:
    """An operating system's refusal in words: a size limit and a disk error are no damage."""
    if error.errno == errno.EFBIG or (error.errno in (errno.EIO, errno.ENOSPC) and _size_limit() is not None):
        return t("archive.size_limit", path=path, limit=_size_limit() or 0)
    if error.errno == errno.EIO:
        return t("archive.read_error", path=path, reason=error.strerror or error)
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return t("archive.disk_full", path=path)
    return t("archive.cannot_open", path=path, reason=error.strerror or error)


def _size_limit() -> int | None:
    """The largest file this process may write (ulimit -f), or None when there is no limit."""
    if resource is None:
        return None
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return None if soft == resource.RLIM_INFINITY else int(soft)


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def _migrate_one(db: sqlite3.Connection, version: int) -> None:
    """Take the schema from ``version`` to the next and mark the file as ours, in the caller's transaction."""
    for step in MIGRATIONS[version]:
        if callable(step):
            step(db)
        else:
            db.execute(step)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {version + 1}")


def _build_new(path: Path) -> bool:
    """Put a new, fully migrated archive at ``path``, unless something gets there first.

    The archive is made under a private name beside ``path`` and renamed into place only
    when it is complete, and never over anything: another facilitator opening the same
    new archive at the same moment sees no file or a finished archive, never an empty
    file, one switching to WAL, or tables without their mark. Losing that race is fine
    (the winner's archive is opened); a failure takes away only the private file, which
    nobody else can be using. False where this system cannot rename without replacing:
    the caller then makes the archive in place, as before.
    """
    if not _can_place():
        return False
    private = path.parent / f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}.new"
    _create_file(private, shown=path)
    try:
        connection = _connect(private)
        try:
            for version in range(SCHEMA_VERSION):
                connection.execute("BEGIN IMMEDIATE")
                try:
                    _migrate_one(connection, version)
                    connection.execute("COMMIT")
                except BaseException:
                    if connection.in_transaction:
                        try:
                            connection.execute("ROLLBACK")
                        except sqlite3.Error:
                            pass  # the first error is the one to tell
                    raise
            # Everything into the file itself: a -wal left under the private name holds nothing it needs.
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
        return rename_no_replace(private, path) is not None
    except sqlite3.Error as error:
        raise ArchiveError(_describe(error, path), permanent=_is_permanent(error)) from None
    except OSError as error:
        raise ArchiveError(_describe_os_error(error, path)) from None
    finally:
        for suffix in ("", *_JOURNALS):
            try:
                os.unlink(f"{private}{suffix}")
            except OSError:
                pass  # moved into place, or never made


def _create_file(path: Path, *, shown: Path | None = None) -> bool:
    """Create the archive readable by its owner only: minutes can hold personal matters.

    True when this call made the file. The new file is made exclusively, never through a
    link; an empty regular file already there (or made by another facilitator a moment
    ago) is made private too, through a descriptor checked to be that regular file.
    ``shown`` is the archive a private file is made for: messages name it, and a private
    name already taken is a failure, not a file to use.
    """
    named = shown or path
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(
                path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600
            )
            made = True
        except FileExistsError:
            if shown is not None:
                raise
            fd = _open_regular(path, _regular_status(path), os.O_RDONLY)
            made = False
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
        return made
    except PermissionError:
        raise ArchiveError(t("archive.cannot_create", path=named, folder=named.parent)) from None
    except OSError as error:
        if error.errno == errno.EROFS:  # a write-protected USB stick or a read-only share
            raise ArchiveError(t("archive.cannot_create", path=named, folder=named.parent)) from None
        raise ArchiveError(_describe_os_error(error, named)) from None


_LOOK = (
    "SELECT (SELECT application_id FROM pragma_application_id),"
    " (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)"
)
"""The marks and the tables, read in one statement and so from one snapshot. Read one by one,
they could straddle the commit of another facilitator making the same new archive: no mark
yet, but its tables already there, which looks exactly like somebody else's database."""


def _inspect(path: Path, status: os.stat_result | None = None) -> int:
    """The schema version of an existing archive, read without changing a byte."""
    try:
        fd = _open_regular(path, status, os.O_RDONLY)
        try:
            header = os.read(fd, len(SQLITE_HEADER))
        finally:
            os.close(fd)
    except OSError as error:
        raise ArchiveError(_describe_os_error(error, path)) from None
    if header != SQLITE_HEADER:
        raise RefusedArchive(t("archive.foreign", path=path))
    first = _read_only_uri(path, inspecting=True)
    # The first look takes no locks (immutable): it can catch another facilitator in the
    # middle of writing a new archive. A refusal is only believed from a look with locks.
    for uri in (first, _read_only_uri(path)) if "immutable" in first else (first,):
        try:
            connection = sqlite3.connect(uri, uri=True)
            try:
                application_id, version, tables = connection.execute(_LOOK).fetchone()
            finally:
                connection.close()
        except sqlite3.Error as error:
            damaged = _error_name(error) in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
            refusal: ArchiveError = (RefusedArchive if damaged else ArchiveError)(_describe_open(error, path))
        else:
            if application_id == APPLICATION_ID or not (tables or version):
                break
            refusal = RefusedArchive(t("archive.foreign", path=path))
    else:
        raise refusal
    return int(version)


def _describe_open(error: sqlite3.Error, path: Path) -> str:
    """Why an archive could not be opened: damage only where SQLite found damage."""
    name = _error_name(error)
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return t("archive.corrupt", path=path)
    if name in ("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN") and _size_limit() is not None:
        return t("archive.size_limit", path=path, limit=_size_limit())
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return t("archive.busy", path=path)
    if name == "SQLITE_FULL":
        return t("archive.disk_full", path=path)
    if name == "SQLITE_IOERR":
        return t("archive.read_error", path=path, reason=error)
    if name == "SQLITE_READONLY":
        return t("archive.read_only", path=path)
    return t("archive.cannot_open", path=path, reason=error)


_TEMPORARY = {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PROTOCOL"}


_BY_TEXT = (
    ("locked", "SQLITE_BUSY"),
    ("busy", "SQLITE_BUSY"),
    ("is full", "SQLITE_FULL"),
    ("readonly", "SQLITE_READONLY"),
    ("read-only", "SQLITE_READONLY"),
    ("malformed", "SQLITE_CORRUPT"),
    ("not a database", "SQLITE_NOTADB"),
    ("disk i/o", "SQLITE_IOERR"),
    ("unable to open", "SQLITE_CANTOPEN"),
    ("could not decode", "SQLITE_CORRUPT"),  # Python's word for text that a damaged page turned to garbage
)


def _error_name(error: sqlite3.Error) -> str:
    """The primary SQLite result name (SQLITE_IOERR_WRITE -> SQLITE_IOERR).

    Python 3.10 does not give the name; its message then tells the kind of error.
    """
    name = getattr(error, "sqlite_errorname", "") or ""
    if not name:
        text = str(error).lower()
        return next((value for key, value in _BY_TEXT if key in text), "SQLITE_ERROR")
    return "_".join(name.split("_")[:2])


def _is_permanent(error: sqlite3.Error) -> bool:
    """Worth trying again (a busy or full disk, an I/O hiccup), or never going to work."""
    return _error_name(error) not in _TEMPORARY


def _describe(error: sqlite3.Error, path: Path, *, writing: bool = True) -> str:
    name = _error_name(error)
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return t("archive.busy", path=path)
    if name in ("SQLITE_FULL", "SQLITE_IOERR") and _size_limit() is not None:
        return t("archive.size_limit", path=path, limit=_size_limit())
    if name == "SQLITE_FULL":
        return t("archive.disk_full", path=path)
    if name == "SQLITE_IOERR":
        return t("archive.io_error" if writing else "archive.read_error", path=path, reason=error)
    if name == "SQLITE_READONLY":
        return t("archive.read_only", path=path)
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return t("archive.corrupt", path=path)
    return t("archive.failed" if writing else "archive.read_failed", path=path, reason=error)
