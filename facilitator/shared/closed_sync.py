"""Sending closed items to the restricted table, for the groups that chose it in words.

It runs after the public part of every meeting is on the server (the restricted row points
at its meeting, and takes the meeting's groups from it). The laptop's login cannot read the
restricted table: it asks the server's own functions (``who_sees``) which versions they
hold of its meetings, sends the newer ones, and takes back the closed items of a group
whose choice was taken back. A meeting goes when every one of its groups chose: a joint
meeting's closed items are the business of all of them. Each meeting is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

from facilitator.shared.payload import without_nul


class SharedMeeting(Protocol):
    @property
    def meeting_id(self) -> int: ...
    @property
    def uid(self) -> str: ...
    @property
    def version(self) -> int: ...


class Choices(Protocol):
    @property
    def chosen(self) -> dict[str, str]: ...
    @property
    def taken_back(self) -> frozenset[str]: ...


class LocalClosedItems(Protocol):
    """What the sending asks of the laptop's archive (``store.closed_sharing``)."""

    def closed_choices(self) -> Choices: ...
    def closed_meeting(self, meeting_id: int) -> dict[str, Any]: ...
    def closed_taken_back(self, group: str) -> None: ...


class ClosedResult(NamedTuple):
    sent: int
    taken_back: tuple[tuple[str, int], ...]
    """Each group taken back, with how many meetings' closed items the server deleted."""


def send_closed(db: Any, archive: LocalClosedItems, local: Sequence[SharedMeeting]) -> ClosedResult:
    """Take back what groups no longer share, then send the closed items of chosen groups'
    meetings that the restricted table lacks in this version."""
    choices = archive.closed_choices()
    taken_back = []
    for group in sorted(choices.taken_back):
        with db.transaction():
            gone = db.execute("SELECT facilitator_take_back_closed(%s)", (without_nul(group),)).fetchone()[0]
        archive.closed_taken_back(group)
        taken_back.append((group, int(gone)))
    if not choices.chosen:
        return ClosedResult(0, tuple(taken_back))
    chosen = {without_nul(g) for g in choices.chosen}
    uids = [m.uid for m in local]
    groups = dict(db.execute("SELECT uid::text, groups FROM meetings WHERE uid = ANY(%s::uuid[])", (uids,)).fetchall())
    held = dict(db.execute("SELECT meeting_uid::text, version FROM facilitator_closed_versions(%s::uuid[])", (uids,)).fetchall())
    sent = 0
    for meeting in local:
        of = groups.get(meeting.uid)
        if not of or not set(of) <= chosen or held.get(meeting.uid, 0) >= meeting.version:
            continue
        content = json.dumps(without_nul(archive.closed_meeting(meeting.meeting_id)), ensure_ascii=False)
        with db.transaction():
            written = db.execute(
                "SELECT facilitator_put_closed(%s::uuid, %s, %s::jsonb)", (meeting.uid, meeting.version, content)
            ).fetchone()[0]
        sent += bool(written)
    return ClosedResult(sent, tuple(taken_back))
