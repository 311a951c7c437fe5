"""Writing meetings: a snapshot, with its projections kept in step in the same transaction.

A meeting is stored as a snapshot without its notes (``store.snapshot``), in parts: a
head, the items' order and a row per item (``meeting_rows``). The action items and the
full-text rows of decisions, votes and actions are projections of it (``projection``),
brought in line with every save, so questions across meetings never read a snapshot. A whole snapshot
(``save``) rewrites every part; changes (``save_changes``) only the parts they touched.
Writing only stores: what goes into a meeting (the actions it carries over) is decided
by the session before the meeting comes here.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from facilitator.errors import ArchiveError
from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.store.approvals import approved_refusal
from facilitator.store.joint_groups import forget_groups, project_groups
from facilitator.store.meeting_changes import MeetingChanges
from facilitator.store.meeting_rows import head_text, item_text, split, stored_items, write_items, write_order
from facilitator.store.notes_index import NotesIndex, now_text
from facilitator.store.projection import project_carried, project_items, project_meeting
from facilitator.store.record_rows import forget_meeting
from facilitator.store.schema import meeting_rowids, search_rowid
from facilitator.store.snapshot import to_dict


class SnapshotWriter(NotesIndex):
    def create(self, meeting: Meeting, *, agenda_path: str | None = None) -> int:
        """Store a new meeting as it is; returns its id."""
        snapshot = to_dict(meeting, notes=False)
        head, _, _ = split(snapshot)
        now = now_text()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO meetings (title, kind, group_name, date, started_at, ended_at, created_at, updated_at,"
                " agenda_path, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_described(snapshot), now, now, agenda_path, head_text(head)),
            )
            meeting_id = int(cursor.lastrowid or 0)
            project_groups(db, meeting_id, snapshot["info"])
            self._save_whole(db, meeting_id, snapshot, head=False)
            self._write_notes(db, meeting_id, {s.id: s.notes for s in meeting.items if s.notes}, _titles(snapshot))
        return meeting_id

    def save(self, meeting_id: int, snapshot: dict[str, Any], notes: dict[int, str] | None = None) -> None:
        """Save a snapshot (taken without notes) and any notes, in one transaction."""
        with self._write() as db:
            self._refuse_approved(db, meeting_id)
            self._save_whole(db, meeting_id, snapshot)
            self._write_notes(db, meeting_id, notes or {}, _titles(snapshot) if notes else {})

    def save_changes(self, meeting_id: int, changes: MeetingChanges) -> None:
        """Save what changed since the last save, in one transaction: the rows it touched.

        The meeting must have been saved whole since it was loaded (``changes.whole`` or
        before): a meeting stored whole before the split is split by that save."""
        with self._write() as db:
            self._refuse_approved(db, meeting_id)
            if changes.whole is not None:
                self._save_whole(db, meeting_id, changes.whole)
            if changes.head is not None:
                self._update_meeting(db, meeting_id, changes.head)
                project_carried(db, meeting_id, changes.head["carried"])
            elif changes.whole is None:
                db.execute("UPDATE meetings SET updated_at = ? WHERE id = ?", (now_text(), meeting_id))
            if changes.order is not None:
                write_order(db, meeting_id, changes.order)
            if changes.items:
                old = [item for item in stored_items(db, meeting_id, list(changes.items)).values() if item is not None]
                new = [item for item in changes.items.values() if item is not None]
                write_items(db, meeting_id, {i: None if item is None else item_text(item) for i, item in changes.items.items()})
                project_items(db, meeting_id, new, old)
            self._write_notes(db, meeting_id, changes.notes, changes.titles)

    def discard_unstarted(self, meeting_id: int) -> bool:
        """Forget a meeting that was opened but never started; True if it was removed.

        Opening an agenda only to look at it, or by mistake, should not leave an empty
        "unfinished" meeting behind for ``resume`` to pick.
        """
        with self._write() as db:
            gone = db.execute("SELECT 1 FROM meetings WHERE id = ? AND started_at IS NULL", (meeting_id,)).fetchone()
            if gone:
                # Its item rows and order first: they refer to the meeting.
                db.execute("DELETE FROM meeting_items WHERE meeting_id = ?", (meeting_id,))
                db.execute("DELETE FROM meeting_orders WHERE meeting_id = ?", (meeting_id,))
                forget_groups(db, meeting_id)
                db.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
                db.execute("DELETE FROM notes WHERE meeting_id = ?", (meeting_id,))
                db.execute("DELETE FROM actions WHERE meeting_id = ?", (meeting_id,))
                db.execute(
                    "DELETE FROM search WHERE rowid BETWEEN ? AND ?",
                    (search_rowid(meeting_id, "decision", 0), search_rowid(meeting_id + 1, "note", 0) - 1),
                )
                db.execute("DELETE FROM closed_search WHERE rowid BETWEEN ? AND ?", meeting_rowids(meeting_id))
                forget_meeting(db, meeting_id)
        return bool(gone)

    @staticmethod
    def _refuse_approved(db: sqlite3.Connection, meeting_id: int) -> None:
        refusal = approved_refusal(db, meeting_id)
        if refusal is not None:
            raise refusal

    @staticmethod
    def _update_meeting(db: sqlite3.Connection, meeting_id: int, head: dict[str, Any]) -> None:
        updated = db.execute(
            "UPDATE meetings SET title = ?, kind = ?, group_name = ?, date = ?, started_at = ?, ended_at = ?,"
            " updated_at = ?, snapshot = ? WHERE id = ?",
            (*_described(head), now_text(), head_text(head), meeting_id),
        )
        if updated.rowcount != 1:
            raise ArchiveError(t("archive.no_meeting", id=meeting_id))
        project_groups(db, meeting_id, head["info"])

    def _save_whole(self, db: sqlite3.Connection, meeting_id: int, snapshot: dict[str, Any], *, head: bool = True) -> None:
        """Store a whole snapshot as head, order and item rows, and project it whole."""
        stored_head, order, items = split(snapshot)
        if head:
            self._update_meeting(db, meeting_id, stored_head)
        write_order(db, meeting_id, order)
        db.execute(
            f"DELETE FROM meeting_items WHERE meeting_id = ? AND item_id NOT IN ({','.join('?' * len(items))})",
            (meeting_id, *order),
        )
        write_items(db, meeting_id, {item["id"]: item_text(item) for item in items})
        project_meeting(db, meeting_id, items)
        project_carried(db, meeting_id, snapshot["carried"])

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
