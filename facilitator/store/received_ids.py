"""The earlier meetings a snapshot names, by this archive's ids or by their stable ids.

A snapshot names earlier meetings by the archive's own ids: the actions it followed up
(``carried``), the checklist it carried on (``carried_checks``), the referat it approved
(``previous_minutes``). Those ids mean nothing on another laptop, where the same meeting
has another id, or none. So a snapshot sent to the shared archive names each also by its
stable id (``meeting_uid``, ``with_uids``), and a snapshot received from it is given this
archive's ids back (``localised``). What names a meeting this archive does not hold is left
out of the received copy: a follow-up can only mark an action this laptop has, and one that
arrives later is marked from the server's own record then (``receiving``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

UID = "meeting_uid"
"""The key beside ``meeting_id`` that names the same meeting by its stable id."""


def _naming(snapshot: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every part of the snapshot that names an earlier meeting."""
    for key in ("carried", "carried_checks"):
        yield from (entry for entry in snapshot.get(key) or () if isinstance(entry, dict))
    previous = snapshot.get("previous_minutes")
    if isinstance(previous, dict):
        yield previous


def with_uids(db: sqlite3.Connection, snapshot: dict[str, Any]) -> None:
    """Name each earlier meeting by its stable id as well (in place)."""
    parts = list(_naming(snapshot))
    ids = {part["meeting_id"] for part in parts}
    marks = ",".join("?" * len(ids))
    uids = dict(db.execute(f"SELECT id, uid FROM meetings WHERE id IN ({marks})", sorted(ids)).fetchall()) if ids else {}
    for part in parts:
        if uids.get(part["meeting_id"]):
            part[UID] = uids[part["meeting_id"]]


def named_uids(snapshot: dict[str, Any]) -> set[str]:
    """The stable ids of the earlier meetings a received snapshot names."""
    return {str(part[UID]) for part in _naming(snapshot) if part.get(UID)}


def localised(db: sqlite3.Connection, snapshot: dict[str, Any]) -> dict[str, Any]:
    """A received snapshot (a copy) naming earlier meetings by this archive's ids; what
    names a meeting this archive does not hold is left out."""
    uids = named_uids(snapshot)
    marks = ",".join("?" * len(uids))
    local = dict(db.execute(f"SELECT uid, id FROM meetings WHERE uid IN ({marks})", sorted(uids)).fetchall()) if uids else {}

    def here(part: Any) -> dict[str, Any] | None:
        if not isinstance(part, dict) or local.get(part.get(UID)) is None:
            return None
        return {**{k: v for k, v in part.items() if k != UID}, "meeting_id": local[part[UID]]}

    copy = dict(snapshot)
    for key in ("carried", "carried_checks"):
        if key in snapshot:
            copy[key] = [entry for entry in map(here, snapshot[key] or ()) if entry is not None]
    if "previous_minutes" in snapshot:
        previous = here(snapshot["previous_minutes"])
        if previous is None:
            del copy["previous_minutes"]
        else:
            copy["previous_minutes"] = previous
    return copy
