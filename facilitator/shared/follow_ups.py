"""Actions followed up across laptops: ticked off in a later meeting, told to the server.

Laptop A holds meeting 1 and its actions; laptop B receives it, holds meeting 2 and ticks
one of them off there. Meeting 2 is sent with what it followed up (its ``carried`` entries,
each naming meeting 1 by its stable id, ``store/received_ids.py``), and the server marks the
action done in meeting 2 (``actions.done_in``), as the laptop's archive does. The marks
follow the archive's rules: only the meeting that made a mark takes it back (an action
unticked before meeting 2 ended), and meeting 1 sent again (a newer version from A) leaves
a mark as it is, so the group's open actions never get it back. Whatever the order of the
syncs, each mark is made once: it is a value set on a row, not a row added.
"""

from __future__ import annotations

from typing import Any

from facilitator.shared.payload import action_rows

_UPSERT_ACTION = """
    INSERT INTO actions (meeting_uid, action_id, group_name, item_title, what, who, deadline, done, groups)
    VALUES (%(meeting_uid)s, %(action_id)s, %(group_name)s, %(item_title)s, %(what)s, %(who)s, %(deadline)s, %(done)s, %(groups)s)
    ON CONFLICT (meeting_uid, action_id) DO UPDATE SET
        group_name = excluded.group_name, groups = excluded.groups, item_title = excluded.item_title, what = excluded.what,
        who = excluded.who,
        deadline = excluded.deadline,
        done = CASE WHEN actions.done_in IS NULL THEN excluded.done ELSE actions.done END
"""
_MARK = """
    UPDATE actions SET done = true, done_in = %(by)s
    WHERE meeting_uid = %(uid)s AND action_id = %(action_id)s
      AND (done_in IS NULL OR done_in = %(by)s) AND (NOT done OR done_in = %(by)s)
"""
_UNMARK = """
    UPDATE actions SET done = false, done_in = NULL
    WHERE meeting_uid = %(uid)s AND action_id = %(action_id)s AND done_in = %(by)s
"""


def write_actions(db: Any, uid: str, group: str | None, actions: list[dict[str, Any]], groups: list[str]) -> None:
    """A meeting's action rows as it sends them, with its groups (followed up in each), the
    marks of later meetings kept."""
    rows = action_rows(uid, group, actions, groups)
    db.execute(
        "DELETE FROM actions WHERE meeting_uid = %s AND NOT (action_id = ANY(%s::integer[]))",
        (uid, [row["action_id"] for row in rows]),
    )
    with db.cursor() as cursor:
        cursor.executemany(_UPSERT_ACTION, rows)


def write_follow_ups(db: Any, uid: str, snapshot: dict[str, Any]) -> None:
    """The marks of the actions meeting ``uid`` followed up: made for those it ticked off,
    taken back for those it no longer does. An action of a meeting that was never shared
    (no stable id in the entry) has no row to mark."""
    marks = [
        {"uid": str(entry["meeting_uid"]), "action_id": int(entry["action_id"]), "by": uid, "done": bool(entry.get("done"))}
        for entry in snapshot.get("carried") or ()
        if isinstance(entry, dict) and entry.get("meeting_uid")
    ]
    with db.cursor() as cursor:
        for done in (True, False):
            chosen = [mark for mark in marks if mark["done"] is done]
            if chosen:
                cursor.executemany(_MARK if done else _UNMARK, chosen)


def server_marks(db: Any, uids: list[str]) -> dict[str, dict[int, str]]:
    """The actions of meetings ``uids`` ticked off in a later meeting: uid -> action id -> that meeting's uid."""
    rows = db.execute(
        "SELECT meeting_uid::text, action_id, done_in::text FROM actions"
        " WHERE meeting_uid = ANY(%s::uuid[]) AND done AND done_in IS NOT NULL",
        (uids,),
    ).fetchall()
    marks: dict[str, dict[int, str]] = {}
    for uid, action_id, by in rows:
        marks.setdefault(uid, {})[int(action_id)] = by
    return marks
