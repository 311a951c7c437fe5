"""The decisions, votes and forward marks of a meeting's items as rows of their own tables.

The decision log (``facilitator decisions``), the list of votes and the next agenda of a
venue (``new KIND --forwarded``) ask across meetings; reading every meeting's snapshot
for that costs in proportion to the archive. So, as the action items are, these records
are projected into tables (schema 9) in the transaction that saves them, and only the
rows that differ are written: a decision added writes one row, whatever the item holds.

A forward mark's row keeps a copy of the matter's text (the decision's, or the chosen
solution's), so the venue's agenda is built from that table alone; a note's text lives
in the notes table, which changes with every keystroke, and is joined in when read.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any, Final

from facilitator.store.meeting_rows import whole_snapshot

DECISION_COLUMNS: Final = "meeting_id, decision_id, item_id, item_title, text, principles, answers, review, confidential"
VOTE_COLUMNS: Final = "meeting_id, vote_id, item_id, item_title, subject, votes_for, against, abstain, present, confidential"
FORWARD_COLUMNS: Final = "meeting_id, item_id, kind, ref, venue, item_title, item_type, text, confidential"

_TABLES: Final = (
    ("decisions", DECISION_COLUMNS, 2),
    ("votes", VOTE_COLUMNS, 2),
    ("forwards", FORWARD_COLUMNS, 5),
)
"""Each table, its columns and how many of them (first) make its key."""

Rows = set[tuple[Any, ...]]


def is_closed(item: dict[str, Any]) -> bool:
    """An item held as a closed item (as ``schema.is_closed``, which imports this module)."""
    return item["item"].get("confidential") is True


def decision_rows(meeting_id: int, items: Iterable[dict[str, Any]]) -> Rows:
    return {
        (
            meeting_id,
            d["id"],
            item["id"],
            item["item"]["title"],
            d["text"],
            json.dumps(d["principles"], ensure_ascii=False),
            json.dumps(d.get("answers", []), ensure_ascii=False),
            d.get("review"),
            int(is_closed(item)),
        )
        for item in items
        for d in item["decisions"]
    }


def vote_rows(meeting_id: int, items: Iterable[dict[str, Any]]) -> Rows:
    return {
        (
            meeting_id,
            v["id"],
            item["id"],
            item["item"]["title"],
            v["subject"],
            v["for"],
            v["against"],
            v["abstain"],
            v["present"],
            int(is_closed(item)),
        )
        for item in items
        for v in item["votes"]
    }


def _matter_text(item: dict[str, Any], kind: str, ref: int) -> str | None:
    """The forwarded matter's own words: a decision's text, a solution's; None for notes."""
    if kind == "beslutning":
        return next((d["text"] for d in item["decisions"] if d["id"] == ref), None)
    if kind == "løsning":
        options = item["item"]["options"]
        return options[ref] if 0 <= ref < len(options) else None
    return None


def forward_rows(meeting_id: int, items: Iterable[dict[str, Any]]) -> Rows:
    return {
        (
            meeting_id,
            item["id"],
            kind,
            ref,
            venue,
            item["item"]["title"],
            item["item"]["type"],
            _matter_text(item, kind, ref),
            int(is_closed(item)),
        )
        for item in items
        for kind, ref, venue in item.get("forwards", ())
    }


def all_rows(meeting_id: int, items: list[dict[str, Any]]) -> tuple[Rows, Rows, Rows]:
    """The rows of each table (decisions, votes, forwards) that ``items`` make."""
    return decision_rows(meeting_id, items), vote_rows(meeting_id, items), forward_rows(meeting_id, items)


def held_rows(db: sqlite3.Connection, meeting_id: int) -> tuple[Rows, Rows, Rows]:
    """The rows of each table the archive holds for a meeting."""
    found = [
        set(db.execute(f"SELECT {columns} FROM {table} WHERE meeting_id = ?", (meeting_id,))) for table, columns, _ in _TABLES
    ]
    return found[0], found[1], found[2]


def write_records(db: sqlite3.Connection, rows: tuple[Rows, Rows, Rows], was: tuple[Rows, Rows, Rows]) -> None:
    """Write the rows that are new or changed and take away those that are gone, each
    table's given as (rows as they should be, rows as they are)."""
    for (table, columns, key_length), new, old in zip(_TABLES, rows, was, strict=True):
        names = [name.strip() for name in columns.split(",")]
        keys = {row[:key_length] for row in new}
        where = " AND ".join(f"{name} = ?" for name in names[:key_length])
        db.executemany(f"DELETE FROM {table} WHERE {where}", sorted({row[:key_length] for row in old - new} - keys))
        db.executemany(f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({', '.join('?' * len(names))})", sorted(new - old))


def forget_meeting(db: sqlite3.Connection, meeting_id: int) -> None:
    """Take away every row of a meeting (one discarded before it started)."""
    for table, _, _ in _TABLES:
        db.execute(f"DELETE FROM {table} WHERE meeting_id = ?", (meeting_id,))


def project_all(db: sqlite3.Connection) -> None:
    """The migration to schema 9: every meeting's decisions, votes and forward marks
    projected from its snapshot. A snapshot that does not parse is passed over (as
    ``schema._snapshots`` does): the meeting cannot be opened anyway."""
    for meeting_id, text in db.execute("SELECT id, snapshot FROM meetings").fetchall():
        try:
            rows = all_rows(meeting_id, whole_snapshot(db, meeting_id, text)["items"])
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            continue
        write_records(db, rows, (set(), set(), set()))


RECORD_TABLES: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
    """CREATE TABLE IF NOT EXISTS decisions (
        meeting_id INTEGER NOT NULL REFERENCES meetings (id),
        decision_id INTEGER NOT NULL,
        item_id INTEGER NOT NULL,
        item_title TEXT NOT NULL,
        text TEXT NOT NULL,
        principles TEXT NOT NULL,
        answers TEXT NOT NULL,
        review TEXT,
        confidential INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, decision_id)
    )""",
    """CREATE TABLE IF NOT EXISTS votes (
        meeting_id INTEGER NOT NULL REFERENCES meetings (id),
        vote_id INTEGER NOT NULL,
        item_id INTEGER NOT NULL,
        item_title TEXT NOT NULL,
        subject TEXT NOT NULL,
        votes_for INTEGER NOT NULL,
        against INTEGER NOT NULL,
        abstain INTEGER NOT NULL,
        present INTEGER NOT NULL,
        confidential INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, vote_id)
    )""",
    # A mark "send videre til": the item's notes (ref 0), a decision (its id) or a chosen
    # solution (its option index), to a venue (a meeting kind).
    """CREATE TABLE IF NOT EXISTS forwards (
        meeting_id INTEGER NOT NULL REFERENCES meetings (id),
        item_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        ref INTEGER NOT NULL,
        venue TEXT NOT NULL,
        item_title TEXT NOT NULL,
        item_type TEXT NOT NULL,
        text TEXT,
        confidential INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, item_id, kind, ref, venue)
    )""",
    # A venue's next agenda asks for the matters sent to it, from the newest meetings back.
    "CREATE INDEX IF NOT EXISTS forwards_by_venue ON forwards (venue, meeting_id)",
    project_all,
)
"""The migration to schema 9 (``schema.MIGRATIONS``)."""
