"""Bringing the group's meetings from the shared archive to this laptop: each one once.

The server shows a role only its groups' meetings (row-level security), and a pull takes
every one of them the laptop lacks or holds an older received copy of, never one written
here. Each is stored in a transaction of the laptop's own (``LocalMeetings.receive``), so a
pull cut off keeps what arrived and the next one takes the rest; a second pull takes
nothing. A meeting that follows up another's actions is stored after that one, whatever
the clocks of the laptops that held them said, so its follow-ups find the actions here.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol

from facilitator.shared.follow_ups import server_marks
from facilitator.shared.payload import meeting_groups

UID = "meeting_uid"
"""The key of a snapshot's entries that names an earlier meeting by its stable id (store/received_ids.py)."""


class Receiver(Protocol):
    def known_meetings(self) -> dict[str, int | None]: ...
    def receive(self, uid: str, version: int, source: str, snapshot: dict[str, Any], done: dict[int, str]) -> str: ...


class Pulled(NamedTuple):
    received: int
    refused: int


def pull(db: Any, archive: Receiver, source: str) -> Pulled:
    """Take what the server has newer than this laptop; ``source`` is the address as shown."""
    known = archive.known_meetings()
    wanted = [
        uid
        for uid, version in db.execute("SELECT uid::text, version FROM meetings").fetchall()
        if uid not in known or (known[uid] is not None and known[uid] < version)
    ]
    if not wanted:
        return Pulled(0, 0)
    found = db.execute(
        "SELECT uid::text, version, snapshot, group_name, groups FROM meetings WHERE uid = ANY(%s::uuid[])"
        " ORDER BY started_at NULLS FIRST, uid",
        (wanted,),
    ).fetchall()
    rows = [(uid, version, snapshot) for uid, version, snapshot, group, groups in found if _as_written(snapshot, group, groups)]
    marks = server_marks(db, wanted)
    received, refused = 0, len(found) - len(rows)
    for uid, version, snapshot in _earlier_first(rows):
        outcome = archive.receive(uid, int(version), source, snapshot, marks.get(uid, {}))
        received += outcome == "stored"
        refused += outcome == "refused"
    return Pulled(received, refused)


def _as_written(snapshot: Any, group: str, groups: list[str]) -> bool:
    """Whether the snapshot's groups are the row's. The row's first group is the one whose
    role wrote it (row-level security checks that on the server); its snapshot is the
    writer's word only. A meeting another club wrote, its snapshot naming this club as its
    group, would be filed here as this club's own, with its actions to follow up: refused."""
    if not isinstance(snapshot, dict) or not isinstance(snapshot.get("info"), dict):
        return False
    named = snapshot["info"].get("group")
    return meeting_groups(named if isinstance(named, str) else None, snapshot) == [group, *groups[1:]] == list(groups)


def _named(snapshot: Any) -> set[str]:
    if not isinstance(snapshot, dict):
        return set()
    parts = [*(snapshot.get("carried") or ()), *(snapshot.get("carried_checks") or ()), snapshot.get("previous_minutes")]
    return {str(part[UID]) for part in parts if isinstance(part, dict) and part.get(UID)}


def _earlier_first(rows: list[tuple[str, int, Any]]) -> list[tuple[str, int, Any]]:
    """The rows in their order, but each after the meetings among them it names."""
    by_uid = {row[0]: row for row in rows}
    done: set[str] = set()
    begun: set[str] = set()  # a cycle (which no laptop makes) is cut where it closes
    ordered: list[tuple[str, int, Any]] = []
    for row in rows:
        stack = [(row, False)]
        while stack:
            current, expanded = stack.pop()
            if expanded:
                done.add(current[0])
                ordered.append(current)
                continue
            if current[0] in begun:
                continue
            begun.add(current[0])
            stack.append((current, True))
            stack.extend((by_uid[u], False) for u in sorted(_named(current[2]), reverse=True) if u in by_uid and u not in begun)
    return ordered
