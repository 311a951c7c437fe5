"""Meetings received from the shared archive: the group's history and open actions, kept here.

A sync brings every meeting of the laptop's groups that it lacks, or holds an older copy
of, and stores it like any other (its items, notes, actions and full-text rows), so that
lists, search and, above all, the follow-up of open actions at the group's next meeting see
it. A received meeting says where it came from (``meetings.received_from``, schema
``RECEIVED``) and keeps the server's version: it is never sent back, a newer version on the
server replaces it, and nothing done here counts its version up.

It is read-only here: it is the copy of a meeting another laptop holds, and a newer copy
replaces it whole. Resuming it, approving its minutes or ticking one of its actions off is
refused in one line (``refuse_if_received``); its actions are followed up, and so ticked
off, in the group's next meeting, which tells the server. A meeting written on this laptop
is never replaced by one received.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Literal

from facilitator.errors import ArchiveError
from facilitator.i18n import t
from facilitator.store.connection import ArchiveConnection
from facilitator.store.notes_index import now_text
from facilitator.store.received_ids import localised
from facilitator.store.schema import RECEIVED_KEPT, meeting_rowids, search_rowid
from facilitator.store.snapshot import from_dict, to_dict

Received = Literal["stored", "kept", "refused"]
"""What became of a meeting received: stored (new or newer), kept (this laptop's own, or
not newer than the copy here), refused (not a meeting this facilitator can read)."""


class Receiving(ArchiveConnection):
    def known_meetings(self) -> dict[str, int | None]:
        """Every meeting's stable id here, with the server's version of a received one and
        None for one written here (which a pull never replaces)."""
        if self.schema_version < RECEIVED_KEPT:
            return {}
        with self._read() as db:
            rows = db.execute("SELECT uid, version, received_from FROM meetings WHERE uid IS NOT NULL").fetchall()
        return {str(uid): None if source is None else int(version) for uid, version, source in rows}

    def receive(self, uid: str, version: int, source: str, snapshot: dict[str, Any], done: dict[int, str]) -> Received:
        """Store a meeting received from ``source`` (an address without a password) at the
        server's ``version``: its public snapshot (notes in its items), and ``done``, its
        actions the server knows were ticked off in a later meeting (action id -> that
        meeting's stable id), which count here whether or not that meeting is here yet."""
        with self._write() as db:
            row = db.execute("SELECT id, version, received_from FROM meetings WHERE uid = ?", (uid,)).fetchone()
            if row is not None and (row[2] is None or int(row[1]) >= version):
                return "kept"
            try:
                meeting = from_dict(_current_kept(localised(db, snapshot)))
            except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
                return "refused"
            whole = to_dict(meeting, notes=False)
            notes = {s.id: s.notes for s in meeting.items if s.notes}
            titles = {s.id: s.item.title for s in meeting.items}
            if row is None:
                meeting_id = self._insert(db, uid)
            else:
                meeting_id = int(row[0])
                _forget_notes(db, meeting_id)
            db.execute(
                "UPDATE meetings SET received_from = ?, version = ?, updated_at = ? WHERE id = ?",
                (source, version, now_text(), meeting_id),
            )
            self._save_whole(db, meeting_id, whole)  # type: ignore[attr-defined]  # SnapshotWriter's, beside this in Archive
            self._write_notes(db, meeting_id, notes, titles)  # type: ignore[attr-defined]
            _mark_done(db, meeting_id, done)
        return "stored"

    @staticmethod
    def _insert(db: sqlite3.Connection, uid: str) -> int:
        """A row for a meeting new here; saving it whole fills in what describes it."""
        now = now_text()
        cursor = db.execute(
            "INSERT INTO meetings (title, kind, created_at, updated_at, snapshot, uid) VALUES ('', '', ?, ?, '{}', ?)",
            (now, now, uid),
        )
        return int(cursor.lastrowid or 0)

    def received_from(self, meeting_id: int) -> str | None:
        """Where a received meeting came from; None for one written here."""
        if self.schema_version < RECEIVED_KEPT:
            return None
        with self._read() as db:
            row = db.execute("SELECT received_from FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def refuse_if_received(self, meeting_id: int) -> None:
        """A change to a received meeting is refused, in one line naming the meeting and where it is held."""
        source = self.received_from(meeting_id)
        if source is not None:
            with self._read() as db:
                title = db.execute("SELECT title FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
            raise ArchiveError(t("received.read_only", id=meeting_id, title=title[0] if title else "", source=source))


def _forget_notes(db: sqlite3.Connection, meeting_id: int) -> None:
    """A copy replaced: its notes and their full-text rows go, and the new copy's are written."""
    db.execute("DELETE FROM notes WHERE meeting_id = ?", (meeting_id,))
    db.execute(
        "DELETE FROM search WHERE rowid BETWEEN ? AND ?",
        (meeting_rowids(meeting_id)[0], search_rowid(meeting_id, "decision", 0) - 1),
    )


def _mark_done(db: sqlite3.Connection, meeting_id: int, done: dict[int, str]) -> None:
    """The server's marks of actions ticked off in a later meeting: by that meeting here, if
    it is here, else by none (the next copy received marks it again). A mark of a meeting
    written here is this archive's own to make or take back (``projection.project_carried``):
    the server's may be older than a change not sent yet."""
    for action_id, by in sorted(done.items()):
        found = db.execute("SELECT id, received_from FROM meetings WHERE uid = ?", (by,)).fetchone()
        if found is not None and found[1] is None:
            continue
        db.execute(
            "UPDATE actions SET done = 1, done_in = ? WHERE meeting_id = ? AND action_id = ? AND done = 0",
            (found[0] if found else None, meeting_id, action_id),
        )


def _current_kept(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot with no current item when its index is not one of the items': a
    facilitator before the shared archive's pull sent it so when a closed item was left out."""
    current, items = snapshot.get("current"), snapshot.get("items")
    if isinstance(current, int) and isinstance(items, list) and not 0 <= current < len(items):
        return {**snapshot, "current": None}
    return snapshot
