"""What the archive tells a sync to the shared archive, and what it keeps of it.

Every meeting has a stable id and a version that its own triggers count up with each change
(``schema.SHARED_IDS``). A sync asks for the meetings and their versions, then for the
public part of those the server lacks, and records what it sent. The public part leaves
out what closed items recorded: their items, notes, decisions, votes and actions, and the
copies of such actions carried over into later meetings. Those stay on the laptop.

Where to share is a setting of the archive, stored without any password (``share_target``).
"""

from __future__ import annotations

import sqlite3
from typing import Any, NamedTuple

from facilitator.errors import ArchiveError
from facilitator.i18n import t
from facilitator.store.connection import ArchiveConnection
from facilitator.store.notes_index import now_text
from facilitator.store.received_ids import with_uids
from facilitator.store.schema import RECEIVED_KEPT, SHARED_KEPT, is_closed
from facilitator.store.snapshot import to_dict

SHARE_KEY = "share"


class SharedMeeting(NamedTuple):
    """A meeting as the shared archive knows it: its id there, its version, whose it is."""

    meeting_id: int
    uid: str
    version: int
    group: str | None
    sent: int | None = None
    """The version this archive last sent (None: none it knows of, e.g. since it was shared anew)."""


class Sharing(ArchiveConnection):
    def _require_shared_ids(self) -> None:
        if self.schema_version < SHARED_KEPT:
            raise ArchiveError(t("share.old_archive", path=self.path), permanent=True)

    def share_target(self) -> str | None:
        """Where this archive is shared, or None."""
        if self.schema_version < SHARED_KEPT:
            return None
        with self._read() as db:
            row = db.execute("SELECT value FROM settings WHERE key = ?", (SHARE_KEY,)).fetchone()
        return str(row[0]) if row else None

    def set_share_target(self, target: str | None) -> None:
        """Share with ``target`` (None: no longer). A new target has received nothing yet."""
        self._require_shared_ids()
        with self._write() as db:
            old = db.execute("SELECT value FROM settings WHERE key = ?", (SHARE_KEY,)).fetchone()
            if target is None:
                db.execute("DELETE FROM settings WHERE key = ?", (SHARE_KEY,))
            else:
                db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (SHARE_KEY, target))
            if old is None or old[0] != target:
                db.execute("DELETE FROM shared_sent")

    def _mine(self) -> str:
        """The condition that a meeting was written here, not received (``receiving``)."""
        return " AND m.received_from IS NULL" if self.schema_version >= RECEIVED_KEPT else ""

    def shared_meetings(self) -> list[SharedMeeting]:
        """The meetings that can be shared: those started (a meeting never started may still
        be thrown away, ``discard_unstarted``) and written here (a received one is the
        server's own), oldest first."""
        self._require_shared_ids()
        with self._read() as db:
            rows = db.execute(
                "SELECT m.id, m.uid, m.version, m.group_name, s.version FROM meetings m"
                f" LEFT JOIN shared_sent s ON s.meeting_id = m.id WHERE m.started_at IS NOT NULL{self._mine()} ORDER BY m.id"
            ).fetchall()
        return [SharedMeeting(*row) for row in rows]

    def meeting_uid(self, meeting_id: int) -> str:
        """The meeting's stable id: the same on every laptop and on the server (its lease's key)."""
        self._require_shared_ids()
        with self._read() as db:
            row = db.execute("SELECT uid FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        if row is None:
            raise ArchiveError(t("archive.no_meeting", id=meeting_id))
        return str(row[0])

    def unsent(self) -> list[SharedMeeting]:
        """The meetings changed since they were last sent (by this archive's own record)."""
        self._require_shared_ids()
        with self._read() as db:
            rows = db.execute(
                "SELECT m.id, m.uid, m.version, m.group_name FROM meetings m LEFT JOIN shared_sent s ON s.meeting_id = m.id"
                f" WHERE m.started_at IS NOT NULL AND (s.version IS NULL OR s.version < m.version){self._mine()} ORDER BY m.id"
            ).fetchall()
        return [SharedMeeting(*row) for row in rows]

    def public_meeting(self, meeting_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The public part of a meeting's snapshot (with its public notes), and its public
        action items as the archive projects them (done or not, ticked off later or not).
        The earlier meetings it names (the actions it followed up, the referat it approved)
        are named by their stable ids too, which the server and other laptops know them by."""
        meeting = self.load(meeting_id)  # type: ignore[attr-defined]  # History's, beside this in Archive
        snapshot = public_snapshot(to_dict(meeting, notes=True))
        with self._read() as db:
            actions = _public_actions(db, meeting_id)
            with_uids(db, snapshot)
        return snapshot, actions

    def mark_sent(self, meeting_id: int, version: int) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO shared_sent (meeting_id, version, sent_at) VALUES (?, ?, ?)"
                " ON CONFLICT (meeting_id) DO UPDATE SET version = excluded.version, sent_at = excluded.sent_at",
                (meeting_id, version, now_text()),
            )


def public_snapshot(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot without what closed items recorded (a new dict; the input is left alone)."""
    closed = {item["id"] for item in snapshot["items"] if is_closed(item)}
    public = dict(snapshot)
    public["items"] = [item for item in snapshot["items"] if item["id"] not in closed]
    current = snapshot.get("current")  # an index into the items: the same item's among those left, or none
    if isinstance(current, int) and 0 <= current < len(snapshot["items"]):
        at = snapshot["items"][current]["id"]
        public["current"] = next((i for i, item in enumerate(public["items"]) if item["id"] == at), None)
    carried = [c for c in snapshot.get("carried", []) if not c.get("confidential")]
    public["carried"] = carried
    if "carried_checks" in snapshot:
        public["carried_checks"] = [c for c in snapshot["carried_checks"] if not c.get("confidential")]
    speakers = dict(snapshot["speakers"])
    speakers["speeches"] = [s for s in speakers.get("speeches", []) if s.get("item") not in closed]
    if speakers.get("current") and speakers["current"].get("item") in closed:
        speakers["current"] = None
    public["speakers"] = speakers
    return public


def _public_actions(db: sqlite3.Connection, meeting_id: int) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT action_id, item_title, what, who, deadline, done FROM actions WHERE meeting_id = ? AND confidential = 0 ORDER BY action_id",
        (meeting_id,),
    ).fetchall()
    keys = ("action_id", "item_title", "what", "who", "deadline", "done")
    return [dict(zip(keys, (*row[:5], bool(row[5])), strict=True)) for row in rows]
