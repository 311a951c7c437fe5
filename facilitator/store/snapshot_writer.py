"""Writing meetings: a snapshot, with its projections kept in step in the same transaction.

A meeting is stored as a snapshot without its notes (``store.snapshot``). The action
items and the full-text rows of decisions, votes and actions are projections of it,
brought in line with every save, so questions across meetings never read a snapshot.
Writing only stores: what goes into a meeting (the actions it carries over) is decided
by the session before the meeting comes here.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from facilitator.errors import ArchiveError
from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.store.approvals import approved_refusal
from facilitator.store.notes_index import NotesIndex, now_text
from facilitator.store.schema import closed_rowids, is_closed, meeting_rowids, search_records, search_rowid
from facilitator.store.snapshot import to_dict


class SnapshotWriter(NotesIndex):
    def create(self, meeting: Meeting, *, agenda_path: str | None = None) -> int:
        """Store a new meeting as it is; returns its id."""
        snapshot = to_dict(meeting, notes=False)
        now = now_text()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO meetings (title, kind, group_name, date, started_at, ended_at, created_at, updated_at,"
                " agenda_path, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_described(snapshot), now, now, agenda_path, json.dumps(snapshot, ensure_ascii=False)),
            )
            meeting_id = int(cursor.lastrowid or 0)
            self._project(db, meeting_id, snapshot)
            self._write_notes(db, meeting_id, {s.id: s.notes for s in meeting.items if s.notes}, _titles(snapshot))
        return meeting_id

    def save(self, meeting_id: int, snapshot: dict[str, Any], notes: dict[int, str] | None = None) -> None:
        """Save a snapshot (taken without notes) and any notes, in one transaction."""
        with self._write() as db:
            refusal = approved_refusal(db, meeting_id)
            if refusal is not None:
                raise refusal
            updated = db.execute(
                "UPDATE meetings SET title = ?, kind = ?, group_name = ?, date = ?, started_at = ?, ended_at = ?,"
                " updated_at = ?, snapshot = ? WHERE id = ?",
                (*_described(snapshot), now_text(), json.dumps(snapshot, ensure_ascii=False), meeting_id),
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
                    (search_rowid(meeting_id, "decision", 0), search_rowid(meeting_id + 1, "note", 0) - 1),
                )
                db.execute("DELETE FROM closed_search WHERE rowid BETWEEN ? AND ?", meeting_rowids(meeting_id))
        return bool(gone)

    def _project(self, db: sqlite3.Connection, meeting_id: int, snapshot: dict[str, Any]) -> None:
        """Bring the action and search projections of one meeting in line with its snapshot."""
        low = search_rowid(meeting_id, "decision", 0)
        high = search_rowid(meeting_id + 1, "note", 0) - 1
        db.execute("DELETE FROM search WHERE rowid BETWEEN ? AND ?", (low, high))
        rows = [
            (search_rowid(meeting_id, kind, number), text, item["item"]["title"], kind)
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


def _titles(snapshot: dict[str, Any]) -> dict[int, str]:
    """Item titles by item id: the search index shows them beside each hit."""
    return {item["id"]: item["item"]["title"] for item in snapshot["items"]}


def _described(snapshot: dict[str, Any]) -> tuple[Any, ...]:
    """The columns that describe a meeting in lists: title, kind, group, date, started, ended.

    A meeting without a date of its own is dated by the day it started."""
    info, started = snapshot["info"], snapshot["started_at"]
    return (
        info["title"],
        info["kind"],
        info["group"],
        info["date"] or (started[:10] if started else None),
        started,
        snapshot["ended_at"],
    )
