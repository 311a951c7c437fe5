"""A joint meeting's further groups in the archive: written with the meeting, asked by group.

A meeting has one ``group_name`` column, its first group: every list that names a group
goes on reading it. A joint meeting (``groups = [...]``) holds more than one group, and its
action items are to be followed up in each, so the further groups stand in a table of their
own (schema ``JOINT_GROUPS``), kept in step with each save of the meeting's head. The
queries ask "a meeting of this group" through both, each by an index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from facilitator.store.schema import JOINT_KEPT


def project_groups(db: sqlite3.Connection, meeting_id: int, info: dict[str, Any]) -> None:
    """Bring the meeting's further groups in line with its snapshot's ``info``. Read first:
    the head is saved at every decision, and the groups hardly ever change."""
    further = list(info.get("groups", ()))[1:]
    stored = [row[0] for row in db.execute("SELECT group_name FROM meeting_groups WHERE meeting_id = ?", (meeting_id,))]
    if sorted(stored) == sorted(further):
        return
    db.execute("DELETE FROM meeting_groups WHERE meeting_id = ?", (meeting_id,))
    db.executemany("INSERT INTO meeting_groups (group_name, meeting_id) VALUES (?, ?)", [(g, meeting_id) for g in further])


def forget_groups(db: sqlite3.Connection, meeting_id: int) -> None:
    db.execute("DELETE FROM meeting_groups WHERE meeting_id = ?", (meeting_id,))


def keeps_groups(db: sqlite3.Connection) -> bool:
    """An archive before joint meetings (read without migrating) has no such table."""
    return int(db.execute("PRAGMA user_version").fetchone()[0]) >= JOINT_KEPT


def of_groups(db: sqlite3.Connection, column: str, groups: Sequence[str]) -> tuple[str, list[Any]]:
    """A condition that the meeting whose id is ``column`` is one of ``groups``' (as its
    first group or a further one), and its parameters."""
    marks = ", ".join("?" * len(groups))
    first = f"SELECT id FROM meetings WHERE group_name IN ({marks})"
    if not keeps_groups(db):
        return f"{column} IN ({first})", [*groups]
    further = f"SELECT meeting_id FROM meeting_groups WHERE group_name IN ({marks})"
    return f"{column} IN ({first} UNION {further})", [*groups, *groups]


def in_group(db: sqlite3.Connection, meeting: str, group: str) -> tuple[str, list[Any]]:
    """A condition that the meeting row ``meeting`` (an alias) is one of ``group``'s, checked
    row by row through the meeting's key: for a list that walks another index in its own
    order (the action pages), which a set of the group's meetings would make it leave."""
    if not keeps_groups(db):
        return f"{meeting}.group_name = ?", [group]
    further = f"EXISTS (SELECT 1 FROM meeting_groups g WHERE g.group_name = ? AND g.meeting_id = {meeting}.id)"
    return f"({meeting}.group_name = ? OR {further})", [group, group]
