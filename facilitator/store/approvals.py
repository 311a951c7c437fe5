"""Approved minutes: the approval kept, the approved text frozen, the meeting closed to change.

A referat is a draft until the group approves it, at its next meeting or by e-mail. The
approval is a fact about the meeting, not part of what the room recorded, so it lives in
a table of its own beside the snapshot: the snapshot stays exactly as approved, and an
approved meeting is never written again (``refuse_if_approved``, which saving and
resuming ask). The approved text itself is stored with its SHA-256, so what was approved
can be shown, and proved, whatever later versions of the templates would make of it.

The archive renders nothing: the caller hands over the text (``session.approve_minutes``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from facilitator.errors import ArchiveError
from facilitator.i18n import t
from facilitator.meeting.approval import MinutesApproval, PreviousMinutes
from facilitator.meeting.written_dates import written_date
from facilitator.store.connection import ArchiveConnection
from facilitator.store.joint_groups import of_groups
from facilitator.store.notes_index import now_text
from facilitator.store.schema import APPROVALS_KEPT


class ApprovedText(NamedTuple):
    """The text as approved, and its SHA-256 as stored beside it."""

    minutes: str
    sha256: str


def digest(text: str) -> str:
    """The SHA-256 of the text's UTF-8 bytes, in hex: what ``sha256sum`` says of the file.

    hashlib is imported here, not with the module: loading OpenSSL for it cost every start
    of the app some 7 ms, and only approving a referat needs it."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Approvals(ArchiveConnection):
    def approval(self, meeting_id: int) -> MinutesApproval | None:
        """How the meeting's minutes were approved, or None while they are a draft."""
        with self._read() as db:
            row = approval_row(db, meeting_id)
        return None if row is None else MinutesApproval(dt.date.fromisoformat(row[0]), row[1], row[2])

    def approved_text(self, meeting_id: int) -> ApprovedText | None:
        """The minutes as approved, frozen, with their stored hash."""
        with self._read() as db:
            if not _keeps_approvals(db):
                return None
            row = db.execute("SELECT minutes, sha256 FROM approvals WHERE meeting_id = ?", (meeting_id,)).fetchone()
        return ApprovedText(row[0], row[1]) if row else None

    def approve(self, meeting_id: int, minutes: str, approval: MinutesApproval) -> None:
        """Keep the approval and the approved text. A meeting not ended, or approved already,
        is refused; only the meeting that approved it may record its approval again (the
        chair changing "godkendt" to "godkendt med bemærkninger" before the meeting ends)."""
        with self._write() as db:
            row = db.execute("SELECT title, ended_at FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
            if row is None:
                raise ArchiveError(t("archive.no_meeting", id=meeting_id))
            if row[1] is None:
                raise ArchiveError(t("approval.not_ended", id=meeting_id, title=row[0]), permanent=True)
            earlier = approval_row(db, meeting_id)
            if earlier is not None and (approval.by_meeting is None or earlier[2] != approval.by_meeting):
                raise ArchiveError(_approved_words(meeting_id, row[0], earlier[0]), permanent=True)
            db.execute(
                "INSERT OR REPLACE INTO approvals (meeting_id, approved_on, remark, by_meeting, approved_at, minutes, sha256)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (meeting_id, approval.on.isoformat(), approval.remark, approval.by_meeting, now_text(), minutes, digest(minutes)),
            )

    def refuse_if_approved(self, meeting_id: int) -> None:
        """A change to approved minutes is refused, in one line naming the meeting."""
        with self._read() as db:
            refusal = approved_refusal(db, meeting_id)
        if refusal is not None:
            raise refusal

    def previous_minutes(self, group: str | Sequence[str], before: int) -> PreviousMinutes | None:
        """The group's latest ended meeting before meeting ``before``: the referat its next
        meeting approves (a joint meeting's among them, and for a joint meeting its groups'
        latest). Held on the day it started (its planned date if it has no start)."""
        groups = [group] if isinstance(group, str) else list(group)
        if not groups:
            return None
        with self._read() as db:
            condition, values = of_groups(db, "id", groups)
            row = db.execute(
                "SELECT id, title, started_at, date FROM meetings"
                f" WHERE {condition} AND id < ? AND ended_at IS NOT NULL ORDER BY id DESC LIMIT 1",
                (*values, before),
            ).fetchone()
        if row is None:
            return None
        held = row[2][:10] if row[2] else row[3]
        try:
            day = dt.date.fromisoformat(held) if held else None
        except ValueError:
            day = None
        return PreviousMinutes(row[0], row[1], day)


def _keeps_approvals(db: sqlite3.Connection) -> bool:
    """An archive older than approvals (read without migrating) has none."""
    return int(db.execute("PRAGMA user_version").fetchone()[0]) >= APPROVALS_KEPT


def approval_row(db: sqlite3.Connection, meeting_id: int) -> tuple[str, str, int | None] | None:
    """(approved on, remark, by meeting) of a meeting's approval, read in the caller's transaction."""
    if not _keeps_approvals(db):
        return None
    row = db.execute("SELECT approved_on, remark, by_meeting FROM approvals WHERE meeting_id = ?", (meeting_id,)).fetchone()
    return (row[0], row[1], row[2]) if row else None


def approved_refusal(db: sqlite3.Connection, meeting_id: int) -> ArchiveError | None:
    """The refusal of any change to a meeting whose minutes are approved (None if they are
    not), for a caller inside its own transaction (saving checks here before it writes)."""
    row = approval_row(db, meeting_id)
    if row is None:
        return None
    title = db.execute("SELECT title FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    return ArchiveError(_approved_words(meeting_id, title[0] if title else "", row[0]), permanent=True)


def _approved_words(meeting_id: int, title: str, on: str) -> str:
    try:
        day = written_date(dt.date.fromisoformat(on))
    except ValueError:
        day = on
    return t("approval.refused_change", id=meeting_id, title=title, date=day)
