"""The projections of a meeting's items: full-text rows, closed rows and action rows, per item.

A decision, vote or action has its full-text rowid from its own id (unique in a meeting,
``Meeting.last_id``), as a note has its item's id, so one item's rows are found and
replaced without touching, or renumbering, any other item's: saving a change costs the
items it touched. Archives before schema 6 numbered records through the meeting
(``schema.search_records``); the migration to 6 numbers them again this way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from facilitator.store.meeting_rows import whole_snapshot
from facilitator.store.record_rows import all_rows, held_rows, write_records
from facilitator.store.schema import is_closed, meeting_rowids, search_rowid


def item_records(item: dict[str, Any]) -> Iterator[tuple[str, int, str]]:
    """(kind, record id, text) for every decision, vote and action of one snapshot item."""
    yield from (("decision", d["id"], d["text"]) for d in item["decisions"])
    yield from (("vote", v["id"], v["subject"]) for v in item["votes"])
    yield from (("action", a["id"], f"{a['what']} ({a['who']})") for a in item["actions"])


def item_rowids(meeting_id: int, item: dict[str, Any]) -> list[int]:
    """Every full-text rowid an item's rows can have: its note's and its records'."""
    return [search_rowid(meeting_id, "note", item["id"])] + [
        search_rowid(meeting_id, kind, number) for kind, number, _ in item_records(item)
    ]


def closed_rowids(meeting_id: int, items: Iterable[dict[str, Any]]) -> list[int]:
    """The full-text rows of the closed ones among ``items``, notes included (a note's
    rowid is known before the note is written, so it is closed from its first keystroke)."""
    return [rowid for item in items if is_closed(item) for rowid in item_rowids(meeting_id, item)]


def _search_rows(meeting_id: int, items: list[dict[str, Any]]) -> set[tuple[int, str, str, str]]:
    return {
        (search_rowid(meeting_id, kind, number), text, item["item"]["title"], kind)
        for item in items
        for kind, number, text in item_records(item)
    }


def _action_rows(meeting_id: int, items: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {
        (meeting_id, a["id"], item["item"]["title"], a["what"], a["who"], a["deadline"], int(a["done"]), int(is_closed(item)))
        for item in items
        for a in item["actions"]
    }


def _action_id(row: tuple[Any, ...]) -> int:
    return int(row[1])


def project_items(
    db: sqlite3.Connection, meeting_id: int, items: list[dict[str, Any]], old: list[dict[str, Any]] | None = None
) -> None:
    """Bring the full-text, closed and action rows of ``items`` in line, where ``old`` are
    the same items as the archive held them (none: their rows are gone; an item in ``old``
    and not in ``items`` is taken away). Only rows that differ are written: a decision
    added to an item adds one row, whatever else the item holds."""
    old = old or []
    _write_differences(
        db,
        meeting_id,
        (_search_rows(meeting_id, items), _search_rows(meeting_id, old)),
        (set(closed_rowids(meeting_id, items)), set(closed_rowids(meeting_id, old))),
        (_action_rows(meeting_id, items), _action_rows(meeting_id, old)),
    )
    write_records(db, all_rows(meeting_id, items), all_rows(meeting_id, old))


def project_meeting(db: sqlite3.Connection, meeting_id: int, items: list[dict[str, Any]], *, records: bool = True) -> None:
    """Bring every full-text, closed and action row of a meeting in line with its items.

    The rows are compared with those the archive holds and only the ones that differ are
    written. A meeting is saved whole at its first save after it is opened again; writing
    all its records anew then made the full-text index merge them into its segments, bit by
    bit, on the saves that followed (some 30 pages a decision at 2,000 items)."""
    low, high = search_rowid(meeting_id, "decision", 0), meeting_rowids(meeting_id)[1]
    held_search = set(db.execute("SELECT rowid, text, item_title, kind FROM search WHERE rowid BETWEEN ? AND ?", (low, high)))
    held_closed = {
        row[0] for row in db.execute("SELECT rowid FROM closed_search WHERE rowid BETWEEN ? AND ?", meeting_rowids(meeting_id))
    }
    held_actions = set(
        db.execute(
            "SELECT meeting_id, action_id, item_title, what, who, deadline, done, confidential FROM actions WHERE meeting_id = ?",
            (meeting_id,),
        )
    )
    _write_differences(
        db,
        meeting_id,
        (_search_rows(meeting_id, items), held_search),
        (set(closed_rowids(meeting_id, items)), held_closed),
        (_action_rows(meeting_id, items), held_actions),
    )
    if records:  # not in the migration to schema 6, before the records' tables (schema 9)
        write_records(db, all_rows(meeting_id, items), held_rows(db, meeting_id))


Rows = set[tuple[Any, ...]]


def _write_differences(
    db: sqlite3.Connection,
    meeting_id: int,
    search_rows: tuple[Rows, Rows],
    closed_rows: tuple[set[int], set[int]],
    action_rows: tuple[Rows, Rows],
) -> None:
    """Write what is new of each kind of row and take away what is gone, each given as
    (rows as they should be, rows as they are)."""
    search, was_search = search_rows
    db.executemany("DELETE FROM search WHERE rowid = ?", [(row[0],) for row in was_search - search])
    db.executemany("INSERT INTO search (rowid, text, item_title, kind) VALUES (?, ?, ?, ?)", sorted(search - was_search))
    closed, was_closed = closed_rows
    db.executemany("DELETE FROM closed_search WHERE rowid = ?", [(r,) for r in was_closed - closed])
    db.executemany("INSERT INTO closed_search (rowid) VALUES (?)", [(r,) for r in sorted(closed - was_closed)])
    actions, was_actions = action_rows
    kept = {row[1] for row in actions}
    changed: list[tuple[Any, ...]] = sorted(actions - was_actions, key=_action_id)
    db.executemany(
        "DELETE FROM actions WHERE meeting_id = ? AND action_id = ?",
        [(meeting_id, row[1]) for row in was_actions if row[1] not in kept],
    )
    db.executemany(
        "INSERT INTO actions (meeting_id, action_id, item_title, what, who, deadline, done, confidential)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (meeting_id, action_id) DO UPDATE SET item_title = excluded.item_title,"
        " what = excluded.what, who = excluded.who, deadline = excluded.deadline, confidential = excluded.confidential,"
        # Done in a later meeting (carried over) stays done whatever this snapshot says.
        " done = CASE WHEN actions.done_in IS NULL THEN excluded.done ELSE actions.done END",
        changed,
    )


def project_carried(db: sqlite3.Connection, meeting_id: int, carried: list[dict[str, Any]]) -> None:
    """Earlier meetings' actions followed up here: done here, or no longer done here."""
    for entry in carried:
        key = (entry["meeting_id"], entry["action_id"])
        if entry["done"]:
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


def renumber_records(db: sqlite3.Connection) -> None:
    """The migration to schema 6: every meeting's records projected again, numbered by id.

    A snapshot that does not parse is passed over (as ``schema._snapshots`` does): the
    meeting cannot be opened anyway, and must not keep the archive from opening.

    Every record is written anew, so the full-text index is then merged into one segment:
    left holding each record twice, the new row and the old one's deletion, every lookup
    read through all of them (a search of 100,000 meetings took three times as long, the
    merge half a minute once; a hundred meetings' archive merges in a blink)."""
    for meeting_id, text in db.execute("SELECT id, snapshot FROM meetings").fetchall():
        try:
            items = whole_snapshot(db, meeting_id, text)["items"]
            closed_rowids(meeting_id, items)  # the shape the projections need
            _search_rows(meeting_id, items)
            _action_rows(meeting_id, items)
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        project_meeting(db, meeting_id, items, records=False)
    db.execute("INSERT INTO search (search) VALUES ('optimize')")
