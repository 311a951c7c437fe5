"""Sending a laptop's meetings to the shared archive: each one the server lacks, once.

The server decides what is sent: a meeting goes when its local version is newer than the
server's (or the server has none), so a sync run twice sends nothing the second time, a
meeting changed since is sent again, and a server restored from an old backup gets back what
it lost. Each meeting is one transaction, committed before the next is sent and then recorded
locally: a sync cut off (the server killed, the network gone) keeps what arrived and the next
sync carries on from there. An upsert that would set a meeting back to an older version
changes nothing, so two syncs racing cannot undo each other.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol

from facilitator.shared import failures
from facilitator.shared.closed_sync import ClosedResult, LocalClosedItems, send_closed
from facilitator.shared.payload import action_rows, meeting_row
from facilitator.shared.schema import SCHEMA_VERSION, migrate, server_version
from facilitator.shared.target import connect_options, shown


class LocalMeeting(Protocol):
    @property
    def meeting_id(self) -> int: ...
    @property
    def uid(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def group(self) -> str | None: ...


class LocalMeetings(LocalClosedItems, Protocol):
    """What a sync asks of the laptop's archive (``store.archive.Archive`` is one)."""

    def shared_meetings(self) -> list[Any]: ...
    def public_meeting(self, meeting_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]: ...
    def mark_sent(self, meeting_id: int, version: int) -> None: ...


class SyncResult(NamedTuple):
    meetings: int
    sent: int
    closed: ClosedResult = ClosedResult(0, ())
    """Closed items sent to the restricted table, and groups' taken back (``closed_sync``)."""


_UPSERT_MEETING = """
    INSERT INTO meetings (uid, version, group_name, kind, title, held_on, started_at, ended_at, snapshot, groups)
    VALUES (%(uid)s, %(version)s, %(group_name)s, %(kind)s, %(title)s, %(held_on)s, %(started_at)s, %(ended_at)s, %(snapshot)s::jsonb,
        %(groups)s)
    ON CONFLICT (uid) DO UPDATE SET
        version = excluded.version, group_name = excluded.group_name, groups = excluded.groups, kind = excluded.kind,
        title = excluded.title,
        held_on = excluded.held_on, started_at = excluded.started_at, ended_at = excluded.ended_at,
        snapshot = excluded.snapshot, received_at = now()
    WHERE meetings.version < excluded.version
    RETURNING uid
"""
_INSERT_ACTION = """
    INSERT INTO actions (meeting_uid, action_id, group_name, item_title, what, who, deadline, done, groups)
    VALUES (%(meeting_uid)s, %(action_id)s, %(group_name)s, %(item_title)s, %(what)s, %(who)s, %(deadline)s, %(done)s, %(groups)s)
"""


def connect(target: str) -> Any:
    """A connection to the shared archive, or a SharedArchiveError saying why not."""
    import psycopg  # here: a laptop that never shares never loads it

    try:
        return psycopg.connect(target, autocommit=True, **connect_options(target))
    except psycopg.Error as error:
        raise failures.on_connect(error, shown(target)) from None


def sync(archive: LocalMeetings, target: str) -> SyncResult:
    """Send every meeting whose version the server does not have yet."""
    import psycopg

    name = shown(target)
    db = connect(target)
    try:
        version = server_version(db)
        if version > SCHEMA_VERSION:
            raise failures.server_newer(name, version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            migrate(db)
        local = archive.shared_meetings()
        held = _server_versions(db, [m.uid for m in local])
        sent = 0
        for meeting in local:
            if held.get(meeting.uid, 0) >= meeting.version:
                continue
            snapshot, actions = archive.public_meeting(meeting.meeting_id)
            row = meeting_row(meeting.uid, meeting.version, meeting.group, snapshot)
            with db.transaction():
                written = db.execute(_UPSERT_MEETING, row).fetchone()
                if written is not None:
                    db.execute("DELETE FROM actions WHERE meeting_uid = %s", (meeting.uid,))
                    with db.cursor() as cursor:
                        cursor.executemany(_INSERT_ACTION, action_rows(meeting.uid, meeting.group, actions, row["groups"]))
            archive.mark_sent(meeting.meeting_id, meeting.version)
            sent += written is not None
        return SyncResult(len(local), sent, send_closed(db, archive, local))
    except psycopg.Error as error:
        raise failures.on_sync(error, name) from None
    finally:
        db.close()


def _server_versions(db: Any, uids: list[str]) -> dict[str, int]:
    rows = db.execute("SELECT uid::text, version FROM meetings WHERE uid = ANY(%s::uuid[])", (uids,)).fetchall()
    return {uid: int(version) for uid, version in rows}
