"""A meeting's snapshot stored in parts: its head in ``meetings.snapshot``, each item in a
row, and the items' order in a row of its own.

Saving a change then writes what the change touched (an item or two, and perhaps the
head) instead of the whole meeting, which at 2,000 items cost a third of a second per
decision. The head is the snapshot without its items; its ``item_order`` marks a head
whose items live in ``meeting_items``, in the order ``meeting_orders`` holds (their ids
in agenda order). The order grows with the meeting and changes only when an item is
added, moved or dropped, so it is kept out of the head, which every decision rewrites
(``last_id``). A meeting saved before the split (no mark) is read whole from its blob,
and split the first time it is saved again, so an old archive is not rewritten just to
be opened; a head of schema 6 held the order itself, and is read so until migrated.

Everything that reads a meeting's snapshot reads it here, whole (``whole_snapshot``):
the parts are a way of storing, never something a reader sees.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from facilitator.text.storable import loads

ORDER = "item_order"
"""The head's key whose presence marks a meeting stored in parts; its value is ``APART``
(before schema 7: the items' ids in order)."""
APART = "meeting_orders"
"""The head's ``item_order`` when the order is in its own row: the table that holds it."""


def split(snapshot: dict[str, Any]) -> tuple[dict[str, Any], list[int], list[dict[str, Any]]]:
    """A whole snapshot as its head, its items' order (their ids) and its items."""
    items: list[dict[str, Any]] = snapshot["items"]
    head = {key: value for key, value in snapshot.items() if key != "items"}
    head[ORDER] = APART
    return head, [item["id"] for item in items], items


def head_text(head: dict[str, Any]) -> str:
    return json.dumps(head, ensure_ascii=False)


def item_text(item: dict[str, Any]) -> str:
    return json.dumps(item, ensure_ascii=False)


def write_order(db: sqlite3.Connection, meeting_id: int, order: list[int]) -> None:
    """Store the ids of a meeting's items in agenda order."""
    db.execute(
        "INSERT INTO meeting_orders (meeting_id, item_order) VALUES (?, ?)"
        " ON CONFLICT (meeting_id) DO UPDATE SET item_order = excluded.item_order",
        (meeting_id, json.dumps(order)),
    )


def whole_snapshot(db: sqlite3.Connection, meeting_id: int, text: str) -> dict[str, Any]:
    """The whole snapshot of a meeting whose ``meetings.snapshot`` is ``text``.

    Raises ValueError, KeyError or TypeError for a damaged one (a head naming an item it
    has no row for, a row that does not parse): the callers tell a damaged meeting the
    same way whichever part is damaged."""
    snapshot = loads(text)
    if not isinstance(snapshot, dict) or ORDER not in snapshot:
        return snapshot  # stored whole, before the split (or damaged: checked later)
    order = snapshot.pop(ORDER)
    try:
        if order == APART:
            row = db.execute("SELECT item_order FROM meeting_orders WHERE meeting_id = ?", (meeting_id,)).fetchone()
            if row is None:
                raise ValueError("item_order without its row")
            order = json.loads(row[0])
        rows = dict(db.execute("SELECT item_id, state FROM meeting_items WHERE meeting_id = ?", (meeting_id,)).fetchall())
    except sqlite3.OperationalError as error:
        if "no such table" not in str(error):
            raise
        raise ValueError("item_order in an archive without item rows") from None  # hand-made, or an older schema
    if not isinstance(order, list):
        raise TypeError("item_order")
    snapshot["items"] = [loads(rows[item_id]) for item_id in order]
    return snapshot


def read_snapshot(db: sqlite3.Connection, meeting_id: int) -> dict[str, Any] | None:
    """The whole snapshot of a meeting; None when there is no such meeting."""
    row = db.execute("SELECT snapshot FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    return None if row is None else whole_snapshot(db, meeting_id, row[0])


def stored_items(db: sqlite3.Connection, meeting_id: int, item_ids: list[int]) -> dict[int, dict[str, Any] | None]:
    """The items as the archive holds them now, by id (None for an item it has no row of):
    what a save of those items replaces in the projections."""
    found: dict[int, dict[str, Any] | None] = dict.fromkeys(item_ids)
    for item_id, state in db.execute(
        f"SELECT item_id, state FROM meeting_items WHERE meeting_id = ? AND item_id IN ({','.join('?' * len(item_ids))})",
        (meeting_id, *item_ids),
    ):
        found[item_id] = loads(state)
    return found


def write_items(db: sqlite3.Connection, meeting_id: int, items: dict[int, str | None]) -> None:
    """Store items (their JSON text) by id; None takes an item's row away."""
    db.executemany(
        "INSERT INTO meeting_items (meeting_id, item_id, state) VALUES (?, ?, ?)"
        " ON CONFLICT (meeting_id, item_id) DO UPDATE SET state = excluded.state",
        [(meeting_id, item_id, text) for item_id, text in items.items() if text is not None],
    )
    db.executemany(
        "DELETE FROM meeting_items WHERE meeting_id = ? AND item_id = ?",
        [(meeting_id, item_id) for item_id, text in items.items() if text is None],
    )


def store_marked(
    db: sqlite3.Connection, meeting_id: int, text: str, snapshot: dict[str, Any], items: list[dict[str, Any]]
) -> None:
    """Store a whole snapshot read from ``text`` back after ``items`` of it were changed
    in place: those items' rows for a meeting stored in parts, the blob for one stored whole."""
    if ORDER in json.loads(text):
        write_items(db, meeting_id, {item["id"]: item_text(item) for item in items})
    else:
        db.execute("UPDATE meetings SET snapshot = ? WHERE id = ?", (json.dumps(snapshot, ensure_ascii=False), meeting_id))


def order_apart(db: sqlite3.Connection) -> None:
    """The migration to schema 7: the order of each meeting stored in parts moved out of
    its head into ``meeting_orders``. A head that does not parse is left as it is (as
    ``schema._snapshots`` does): the meeting cannot be opened anyway."""
    for meeting_id, text in db.execute("SELECT id, snapshot FROM meetings WHERE snapshot LIKE ?", (f'%"{ORDER}"%',)).fetchall():
        try:
            head = json.loads(text)
        except ValueError:
            continue
        if not isinstance(head, dict) or not isinstance(head.get(ORDER), list):
            continue
        write_order(db, meeting_id, head[ORDER])
        head[ORDER] = APART
        db.execute("UPDATE meetings SET snapshot = ? WHERE id = ?", (head_text(head), meeting_id))
