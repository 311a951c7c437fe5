"""Questions to the archive: a meeting back, the list of meetings, actions across meetings, search.

Reading needs no writing: every query works on an archive opened read-only, including
one older than the marks of closed items (not migrated then), whose closed records are
found from the snapshots instead. What was recorded under a closed item is given only
when the restricted view is asked for, and then marked as such.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.errors import ArchiveError
from facilitator.i18n import t
from facilitator.meeting.approval import MinutesApproval
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import CarriedAction
from facilitator.store.action_pages import ordered_actions
from facilitator.store.approvals import approval_row
from facilitator.store.connection import ArchiveConnection
from facilitator.store.joint_groups import in_group, keeps_groups, of_groups
from facilitator.store.meeting_rows import whole_snapshot
from facilitator.store.schema import CLOSED_MARKED, MEETING_SHIFT, RECEIVED_KEPT, closed_in
from facilitator.store.search_terms import phrase, some_word_absent
from facilitator.store.snapshot import from_dict
from facilitator.text.snippet import snippet as _snippet
from facilitator.text.snippet import word_marks

SEARCH_PAGE = 20
"""Hits a search gives unless asked for more: a screenful, newest first. A bigger archive
then costs hardly more per search, where a page of a hundred cost five times as much."""

_NO_ID = 2**63 - 1
"""Past every meeting's id: where the first page of meetings begins."""


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    title: str
    kind: str
    group: str | None
    date: str | None
    started_at: str | None
    ended_at: str | None
    received: bool = False
    """Received from the shared archive: read-only here (``receiving``)."""

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


class History(ArchiveConnection):
    def load(self, meeting_id: int, *, clock: Any = None) -> Meeting:
        with self._read() as db:
            row = db.execute("SELECT snapshot FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
            if row is None:
                raise ArchiveError(t("archive.no_meeting", id=meeting_id))
            try:
                snapshot: Any = whole_snapshot(db, meeting_id, row[0])
            except (ValueError, KeyError, TypeError, RecursionError) as error:
                snapshot = error  # told below, with whatever else is wrong
            notes = dict(db.execute("SELECT item_id, text FROM notes WHERE meeting_id = ?", (meeting_id,)).fetchall())
            unmarked = self._closed_unmarked(db)
            approved = approval_row(db, meeting_id)
        # The snapshot and the notes are checked whole before a Meeting is built
        # (snapshot_check, through from_dict): a hand-edited or damaged one is refused
        # here with one line naming the archive and the meeting, for every command.
        try:
            if not all(isinstance(key, int) and isinstance(text, str) for key, text in notes.items()):
                raise ValueError(t("archive.bad_notes"))
            if isinstance(snapshot, Exception):
                raise snapshot
            meeting = from_dict(snapshot, notes=notes, **({"clock": clock} if clock else {}))
        except (ValueError, KeyError, TypeError, RecursionError) as error:
            reason = error if isinstance(error, ValueError) else type(error).__name__
            raise ArchiveError(t("archive.bad_meeting", id=meeting_id, path=self.path, reason=reason), permanent=True) from None
        if approved is not None:
            meeting.approval = MinutesApproval(dt.date.fromisoformat(approved[0]), approved[1], approved[2])
        if unmarked is not None:  # an older archive read without migrating: its carried copies are not marked
            for carried in meeting.carried:
                carried.confidential = carried.confidential or (carried.meeting_id, carried.action_id) in unmarked[1]
        return meeting

    def data_version(self) -> int:
        """A number that changes whenever another connection has committed to the archive:
        a reader that follows a meeting being held asks it before it reads anything again."""
        with self._read() as db:
            return int(db.execute("PRAGMA data_version").fetchone()[0])

    def last_saved(self, meeting_id: int) -> dt.datetime | None:
        """When the meeting was last saved: where a resumed meeting's break began."""
        with self._read() as db:
            row = db.execute("SELECT updated_at FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        try:
            return dt.datetime.fromisoformat(row[0]) if row and row[0] else None
        except ValueError:
            return None

    def meetings(
        self, *, unfinished: bool = False, finished: bool = False, before: int | None = None, limit: int | None = None
    ) -> list[MeetingSummary]:
        """Meetings, newest first: all of them, or a page of ``limit`` older than the
        meeting ``before`` (the last of the page before). A page is found through an
        index from where the last one ended, so it costs the same at any archive size."""
        conditions = ["id < ?"]
        parameters: list[Any] = [before if before is not None else _NO_ID]
        if unfinished:  # to go on with: a received meeting is held on another laptop
            conditions.append("ended_at IS NULL")
            if self.schema_version >= RECEIVED_KEPT:
                conditions.append("received_from IS NULL")
        if finished:
            conditions.append("ended_at IS NOT NULL")
        parameters.append(-1 if limit is None else limit)
        received = "received_from IS NOT NULL" if self.schema_version >= RECEIVED_KEPT else "0"
        with self._read() as db:
            rows = db.execute(
                f"SELECT id, title, kind, group_name, date, started_at, ended_at, {received} FROM meetings"
                f" WHERE {' AND '.join(conditions)} ORDER BY id DESC LIMIT ?",
                parameters,
            ).fetchall()
        return [MeetingSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], received=bool(r[7])) for r in rows]

    def latest(self, *, ended: bool = False) -> int | None:
        """The newest meeting's id (the newest finished one with ``ended``), or None."""
        where = "WHERE ended_at IS NOT NULL" if ended else ""
        with self._read() as db:
            row = db.execute(f"SELECT id FROM meetings {where} ORDER BY id DESC LIMIT 1").fetchone()
        return int(row[0]) if row else None

    def groups(self) -> list[str]:
        """The groups the archive has met as, the one met most lately first: what a
        meeting without a group is offered to choose from."""
        with self._read() as db:
            further = " UNION ALL SELECT group_name, meeting_id FROM meeting_groups" if keeps_groups(db) else ""
            rows = db.execute(
                "SELECT name FROM (SELECT group_name AS name, id FROM meetings"
                f" WHERE group_name IS NOT NULL AND group_name != ''{further})"
                " GROUP BY name ORDER BY MAX(id) DESC"
            ).fetchall()
        return [row[0] for row in rows]

    def summary(self, meeting_id: int) -> MeetingSummary:
        with self._read() as db:
            row = db.execute(
                "SELECT id, title, kind, group_name, date, started_at, ended_at FROM meetings WHERE id = ?", (meeting_id,)
            ).fetchone()
        if row is None:
            raise ArchiveError(t("archive.no_meeting", id=meeting_id))
        return MeetingSummary(*row)

    def actions(
        self,
        *,
        open_only: bool = False,
        group: str | None = None,
        restricted: bool = False,
        after: ActionRow | None = None,
        limit: int | None = None,
    ) -> list[ActionRow]:
        """Action items across meetings: by deadline (none last), then by meeting. All of
        them, or a page of ``limit`` following ``after`` (the last of the page before),
        read through an index from there on (action_pages.py).

        Those recorded under a closed item only with ``restricted``, marked as such."""
        conditions: list[str] = []
        parameters: list[Any] = []
        if open_only:
            conditions.append("a.done = 0")
        found: list[ActionRow] = []
        with self._read() as db:
            if group is not None:  # a joint meeting's actions are listed in every group it held
                condition, values = in_group(db, "m", group)
                conditions.append(condition)
                parameters += values
            unmarked = self._closed_unmarked(db)
            if unmarked is None and not restricted:
                conditions.append("a.confidential = 0")
            select = (
                "SELECT a.meeting_id, m.title, m.date, a.action_id, a.item_title, a.what, a.who, a.deadline, a.done,"
                f" {'0' if unmarked is not None else 'a.confidential'}"
                " FROM actions a CROSS JOIN meetings m ON m.id = a.meeting_id"
            )
            start = None if after is None else (after.deadline, after.meeting_id, after.action_id)
            for row in ordered_actions(db, select, conditions, parameters, start, limit):
                action = ActionRow(
                    row[0],
                    row[1],
                    row[2],
                    row[3],
                    row[4],
                    row[5],
                    row[6],
                    row[7],
                    done=bool(row[8]),
                    confidential=bool(row[9]) or (unmarked is not None and (row[0], row[3]) in unmarked[1]),
                )
                if restricted or not action.confidential:
                    found.append(action)
                    if limit is not None and len(found) == limit:
                        break
        return found

    def open_actions(self, group: str | Sequence[str]) -> list[CarriedAction]:
        """The actions of the group's meetings nobody has marked done yet, oldest first:
        what the group's next meeting follows up. A joint meeting's actions are followed up
        in every group it held; a joint meeting names its groups, and follows up all of theirs."""
        groups = [group] if isinstance(group, str) else list(group)
        if not groups:
            return []
        with self._read() as db:
            condition, values = of_groups(db, "a.meeting_id", groups)
            rows = db.execute(
                "SELECT a.meeting_id, a.action_id, m.title, m.date, a.what, a.who, a.deadline, a.confidential"
                " FROM actions a JOIN meetings m ON m.id = a.meeting_id"
                f" WHERE {condition} AND a.done = 0 ORDER BY a.meeting_id, a.action_id",
                values,
            ).fetchall()
        return [
            CarriedAction(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                deadline=dt.date.fromisoformat(row[6]) if row[6] else None,
                confidential=bool(row[7]),
            )
            for row in rows
        ]

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
        words = text.replace("\x00", " ").split()  # a full-text query ends at a NUL: it parts words
        if not words:
            return []
        long_words = [w for w in words if len(w) >= 3]
        short_words = [w for w in words if len(w) < 3]
        conditions: list[str] = []
        parameters: list[Any] = []
        if long_words:
            conditions.append("search MATCH ?")
            parameters.append(" ".join(phrase(w) for w in long_words))
        for word in short_words:  # trigrams need three letters; short words are matched plainly
            conditions.append("text LIKE ? ESCAPE '\\'")
            parameters.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        with self._read() as db:
            if some_word_absent(db, words):  # at once, however common the other words
                return []
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
        marks = word_marks(words)
        return [
            SearchHit(
                row[0] >> MEETING_SHIFT,
                row[1],
                row[2],
                row[3],
                row[4],
                snippet=_snippet(row[5], marks),
                confidential=bool(row[6]),
            )
            for row in rows
        ]
