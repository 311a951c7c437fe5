"""Questions across meetings about decisions, votes and matters sent on: the decision log,
the list of votes and what a venue's next agenda takes up.

Each list is read newest meeting first, a page at a time from where the last ended
(keyset pagination over the table's key), as ``meetings`` and ``actions`` are; the group
is checked through each meeting's key. What was recorded under a closed item is given only
with ``restricted``, and then marked as such.

An archive older than schema 9 read without migrating has no tables of these records:
they are projected once from its snapshots into tables of the connection's own (TEMP),
so the same queries answer the same.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from facilitator.store.connection import ArchiveConnection
from facilitator.store.record_rows import RECORD_TABLES, project_all
from facilitator.store.schema import RECORDS_KEPT

_HELD = "COALESCE(m.date, substr(m.started_at, 1, 10))"
"""The day a meeting was held: its agenda's date, else the day it started."""


@dataclass(frozen=True)
class DecisionRow:
    meeting_id: int
    meeting_title: str
    meeting_date: str | None
    group: str | None
    decision_id: int
    item_title: str
    text: str
    principles: tuple[str, ...]
    answers: tuple[tuple[str, str], ...]
    review: str | None
    forwarded_to: tuple[str, ...]
    """The venues (meeting kinds) the decision was marked to be sent on to."""
    confidential: bool = False


@dataclass(frozen=True)
class VoteRow:
    meeting_id: int
    meeting_title: str
    meeting_date: str | None
    group: str | None
    vote_id: int
    item_title: str
    subject: str
    votes_for: int
    against: int
    abstain: int
    present: int
    confidential: bool = False


@dataclass(frozen=True)
class ForwardedMatter:
    """A matter marked "send videre til" a venue, with where it came from."""

    meeting_id: int
    meeting_title: str
    meeting_kind: str
    group: str | None
    held: str | None
    item_id: int
    item_title: str
    item_type: str
    kind: str
    """"noter", "beslutning" or "løsning" (``ForwardKind``)."""
    ref: int
    text: str
    confidential: bool = False


class RecordLists(ArchiveConnection):
    def decisions(
        self,
        *,
        group: str | None = None,
        since: str | None = None,
        restricted: bool = False,
        after: DecisionRow | None = None,
        limit: int | None = None,
    ) -> list[DecisionRow]:
        """Decisions across meetings, newest meeting first (a meeting's newest first)."""
        select = (
            "SELECT d.meeting_id, m.title, " + _HELD + ", m.group_name, d.decision_id, d.item_title, d.text,"
            " d.principles, d.answers, d.review, d.confidential FROM decisions d CROSS JOIN meetings m ON m.id = d.meeting_id"
        )
        start = None if after is None else (after.meeting_id, after.decision_id)
        with self._read() as db:
            self._records_at_hand(db)
            rows = _page(db, select, "d", "decision_id", _filters("d", group, since, restricted), start, limit)
            return [
                DecisionRow(
                    row[0],
                    row[1],
                    row[2],
                    row[3],
                    row[4],
                    row[5],
                    row[6],
                    principles=tuple(json.loads(row[7])),
                    answers=tuple((p, text) for p, text in json.loads(row[8])),
                    review=row[9],
                    forwarded_to=_venues(db, row[0], row[4]),
                    confidential=bool(row[10]),
                )
                for row in rows
            ]

    def votes(
        self,
        *,
        group: str | None = None,
        since: str | None = None,
        restricted: bool = False,
        after: VoteRow | None = None,
        limit: int | None = None,
    ) -> list[VoteRow]:
        """Votes across meetings, newest meeting first (a meeting's newest first)."""
        select = (
            "SELECT v.meeting_id, m.title, " + _HELD + ", m.group_name, v.vote_id, v.item_title, v.subject,"
            " v.votes_for, v.against, v.abstain, v.present, v.confidential FROM votes v CROSS JOIN meetings m ON m.id = v.meeting_id"
        )
        start = None if after is None else (after.meeting_id, after.vote_id)
        with self._read() as db:
            self._records_at_hand(db)
            rows = _page(db, select, "v", "vote_id", _filters("v", group, since, restricted), start, limit)
        return [VoteRow(*(*row[:11], bool(row[11]))) for row in rows]

    def last_held(self, kind: str, group: str | None) -> str | None:
        """When the newest meeting of ``kind`` (of ``group``, when one is given) started."""
        condition, parameters = ("group_name = ?", [group]) if group else ("1", [])
        with self._read() as db:
            row = db.execute(
                f"SELECT MAX(started_at) FROM meetings WHERE kind = ? AND started_at IS NOT NULL AND {condition}",
                [kind, *parameters],
            ).fetchone()
        return row[0] if row else None

    def forwarded(self, venue: str, *, started_after: str | None = None) -> list[ForwardedMatter]:
        """The matters sent on to ``venue`` from meetings started after ``started_after``
        (all, when None), oldest meeting first, in each meeting's agenda order; confidential
        ones too, marked: whether one may go on an agenda is the agenda's to decide."""
        with self._read() as db:
            self._records_at_hand(db)
            rows = db.execute(
                "SELECT f.meeting_id, m.title, m.kind, m.group_name, " + _HELD + ", f.item_id, f.item_title, f.item_type,"
                " f.kind, f.ref, COALESCE(f.text, n.text, ''), f.confidential"
                " FROM forwards f CROSS JOIN meetings m ON m.id = f.meeting_id"
                " LEFT JOIN notes n ON n.meeting_id = f.meeting_id AND n.item_id = f.item_id"
                " WHERE f.venue = ? AND m.started_at IS NOT NULL AND m.started_at > ?"
                " ORDER BY f.meeting_id, f.item_id, f.kind, f.ref",
                (venue, started_after or ""),
            ).fetchall()
            orders = {meeting_id: _item_order(db, meeting_id) for meeting_id in {row[0] for row in rows}}
        rows.sort(key=lambda row: (row[0], orders[row[0]].get(row[5], row[5]), row[8] != "noter", row[8], row[9]))
        return [ForwardedMatter(*(*row[:11], bool(row[11]))) for row in rows]

    def _records_at_hand(self, db: sqlite3.Connection) -> None:
        """For an archive older than schema 9 read without migrating: its records projected
        from the snapshots into TEMP tables of this connection, once."""
        if int(db.execute("PRAGMA user_version").fetchone()[0]) >= RECORDS_KEPT:
            return
        if db.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'decisions'").fetchone():
            return
        for step in RECORD_TABLES:
            if isinstance(step, str) and step.startswith("CREATE TABLE"):
                db.execute(re.sub(r" REFERENCES meetings \(id\)", "", step.replace("CREATE TABLE", "CREATE TEMP TABLE", 1)))
        project_all(db)


def _filters(table: str, group: str | None, since: str | None, restricted: bool) -> tuple[list[str], list[Any]]:
    conditions: list[str] = []
    parameters: list[Any] = []
    if group is not None:
        conditions.append("m.group_name = ?")
        parameters.append(group)
    if since is not None:
        conditions.append(f"{_HELD} >= ?")
        parameters.append(since)
    if not restricted:
        conditions.append(f"{table}.confidential = 0")
    return conditions, parameters


def _page(
    db: sqlite3.Connection,
    select: str,
    table: str,
    record: str,
    filters: tuple[list[str], list[Any]],
    after: tuple[int, int] | None,
    limit: int | None,
) -> list[tuple[Any, ...]]:
    """The rows of ``select`` past ``after`` (meeting id, record id), newest first, read
    down the table's key from there: a page costs the same at any archive size."""
    conditions, parameters = filters
    start: list[Any] = []
    if after is not None:
        conditions = [*conditions, f"({table}.meeting_id, {table}.{record}) < (?, ?)"]
        start = list(after)
    clause = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return db.execute(
        f"{select}{clause} ORDER BY {table}.meeting_id DESC, {table}.{record} DESC LIMIT ?",
        [*parameters, *start, -1 if limit is None else limit],
    ).fetchall()


def _venues(db: sqlite3.Connection, meeting_id: int, decision_id: int) -> tuple[str, ...]:
    rows = db.execute(
        "SELECT venue FROM forwards WHERE meeting_id = ? AND kind = 'beslutning' AND ref = ? ORDER BY venue",
        (meeting_id, decision_id),
    ).fetchall()
    return tuple(row[0] for row in rows)


def _item_order(db: sqlite3.Connection, meeting_id: int) -> dict[int, int]:
    """Each item's place in the meeting's agenda, by item id (empty for a meeting stored whole)."""
    try:
        row = db.execute("SELECT item_order FROM meeting_orders WHERE meeting_id = ?", (meeting_id,)).fetchone()
        order = json.loads(row[0]) if row else []
    except (sqlite3.OperationalError, ValueError):
        return {}
    return {item_id: place for place, item_id in enumerate(order)} if isinstance(order, list) else {}
