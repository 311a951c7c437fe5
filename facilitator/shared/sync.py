"""A laptop and the shared archive in step: the group's meetings brought here, this laptop's sent.

First the pull (``pull``): every meeting of the laptop's groups it lacks, or holds an older
received copy of, is stored here, so that the group's next meeting follows up its actions.
Then the sending, below. Pulling first means a meeting of this laptop whose actions a
received meeting ticked off (which marks them done here) goes out in the same sync.

The server decides what is sent: a meeting goes when its local version is newer than the
server's (or the server has none), so a sync run twice sends nothing the second time, a
meeting changed since is sent again, and a server restored from an old backup gets back what
it lost. Each meeting is one transaction, committed before the next is sent and then recorded
locally: a sync cut off (the server killed, the network gone) keeps what arrived and the next
sync carries on from there. An upsert that would set a meeting back to an older version
changes nothing, so two syncs racing cannot undo each other.

Two things keep a meeting back though its version here is ahead: another laptop holds it
now (its lease), or another laptop wrote it after this archive last sent it (a copy of the
archive that went on from an older point: versions are each copy's own count of saves).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, NamedTuple, Protocol

from facilitator.shared import failures
from facilitator.shared.closed_sync import ClosedResult, LocalClosedItems, send_closed
from facilitator.shared.follow_ups import write_actions, write_follow_ups
from facilitator.shared.payload import meeting_row
from facilitator.shared.pull import pull
from facilitator.shared.schema import bring_up_to_date
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
    @property
    def sent(self) -> int | None: ...


class LocalMeetings(LocalClosedItems, Protocol):
    """What a sync asks of the laptop's archive (``store.archive.Archive`` is one)."""

    def shared_meetings(self) -> list[Any]: ...
    def public_meeting(self, meeting_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]: ...
    def mark_sent(self, meeting_id: int, version: int) -> None: ...
    def known_meetings(self) -> dict[str, int | None]: ...
    def receive(self, uid: str, version: int, source: str, snapshot: dict[str, Any], done: dict[int, str]) -> str: ...


class SyncResult(NamedTuple):
    meetings: int
    sent: int
    received: int = 0
    """Meetings stored here from the server: new here, or newer than the copy here."""
    refused: int = 0
    """Meetings on the server this facilitator could not read (left there, not stored)."""
    closed: ClosedResult = ClosedResult(0, ())
    """Closed items sent to the restricted table, and groups' taken back (``closed_sync``)."""
    not_sent: tuple[str, ...] = ()
    """The groups of meetings not sent: without a group (""), or of a group this login does
    not write for (a misspelt group, a group the union office has not set up). The others
    were sent all the same."""
    newer_uids: tuple[str, ...] = ()
    """The ids of meetings written here that the server holds in a newer version than this
    laptop's (another laptop wrote them since: a copied archive), and of those kept back
    (``sync``'s ``keep_back``): this laptop's copy was not sent."""
    held_there: tuple[str, ...] = ()
    """The ids of meetings written here that another laptop holds now (its lease): not sent
    while it does, so that a copy of this archive cannot write over the meeting being held."""
    already: int = 0
    """Meetings not sent because the server held this version of them already."""

    @property
    def newer_there(self) -> int:
        return len(self.newer_uids)


_UPSERT_MEETING = """
    INSERT INTO meetings (uid, version, group_name, kind, title, held_on, started_at, ended_at, snapshot, groups, written_by)
    VALUES (%(uid)s, %(version)s, %(group_name)s, %(kind)s, %(title)s, %(held_on)s, %(started_at)s, %(ended_at)s, %(snapshot)s::jsonb,
        %(groups)s, %(written_by)s)
    ON CONFLICT (uid) DO UPDATE SET
        version = excluded.version, group_name = excluded.group_name, groups = excluded.groups, kind = excluded.kind,
        written_by = excluded.written_by,
        title = excluded.title,
        held_on = excluded.held_on, started_at = excluded.started_at, ended_at = excluded.ended_at,
        snapshot = excluded.snapshot, received_at = now()
    WHERE meetings.version < excluded.version
    RETURNING uid
"""


def connect(target: str, *, asking: bool = False) -> Any:
    """A connection to the shared archive, or a SharedArchiveError saying why not
    (``asking``: for a question, failures.on_connect)."""
    import psycopg  # here: a laptop that never shares never loads it

    try:
        return psycopg.connect(target, autocommit=True, **connect_options(target))
    except psycopg.Error as error:
        raise failures.on_connect(error, shown(target), asking=asking) from None


def sync(archive: LocalMeetings, target: str, *, token: str, keep_back: Collection[str] = ()) -> SyncResult:
    """Receive every meeting the laptop lacks, then send every one whose version the server does not have yet.

    ``token``: this laptop's, as its leases name it (``live.laptop_token``): a meeting whose
    lease another token holds is not sent, and the server keeps it as the one that wrote
    what is sent. ``keep_back``: ids of meetings not to send though their version here has
    passed the server's: the open meeting found newer on the server once (``live``), whose
    copy here would otherwise replace the other computer's as soon as enough was typed."""
    import psycopg

    name = shown(target)
    db = connect(target)
    try:
        bring_up_to_date(db, name)
        pulled = pull(db, archive, name)
        local = archive.shared_meetings()
        held = _server_versions(db, [m.uid for m in local])
        elsewhere = _held_elsewhere(db, [m.uid for m in local], token)
        sent = already = 0
        not_sent: list[str] = []
        newer: list[str] = []
        for meeting in local:
            there, writer = held.get(meeting.uid, (0, None))
            kept = _written_elsewhere_since(meeting, there, writer, token) or meeting.uid in keep_back
            if (there > meeting.version or kept) and meeting.uid not in elsewhere:
                newer.append(meeting.uid)  # held elsewhere now says more: it is told as held
            if there >= meeting.version or kept or meeting.uid in elsewhere:
                already += there == meeting.version and not kept
                continue
            snapshot, actions = archive.public_meeting(meeting.meeting_id)
            row = meeting_row(meeting.uid, meeting.version, meeting.group, snapshot) | {"written_by": token}
            try:
                with db.transaction():
                    written = db.execute(_UPSERT_MEETING, row).fetchone()
                    if written is not None:
                        write_actions(db, meeting.uid, meeting.group, actions, row["groups"])
                        write_follow_ups(db, meeting.uid, snapshot)
            except psycopg.errors.InsufficientPrivilege:  # row-level security: not this login's group (or none)
                not_sent.append(meeting.group or "")
                continue
            archive.mark_sent(meeting.meeting_id, meeting.version)
            sent += written is not None
        closed = send_closed(
            db, archive, [m for m in local if (m.group or "") not in not_sent and m.uid not in newer and m.uid not in elsewhere]
        )
        return SyncResult(
            len(local),
            sent,
            pulled.received,
            pulled.refused,
            closed,
            tuple(dict.fromkeys(not_sent)),
            tuple(newer),
            tuple(m.uid for m in local if m.uid in elsewhere and held.get(m.uid, (0, None))[0] != m.version),
            already,
        )
    except psycopg.Error as error:
        raise failures.on_sync(error, name) from None
    finally:
        db.close()


def _server_versions(db: Any, uids: list[str]) -> dict[str, tuple[int, str | None]]:
    """Each meeting's version on the server, and the token of the laptop that wrote it."""
    rows = db.execute("SELECT uid::text, version, written_by FROM meetings WHERE uid = ANY(%s::uuid[])", (uids,)).fetchall()
    return {uid: (int(version), writer) for uid, version, writer in rows}


def _written_elsewhere_since(meeting: LocalMeeting, there: int, writer: str | None, token: str) -> bool:
    """Whether another laptop wrote the meeting on the server after this archive last sent
    it: a copy of this archive that went on from an older point. Versions are each copy's
    own count of its saves, so this copy's count passing the server's says nothing; what
    the server holds is newer than what was sent from here, and not from here. Not known
    when this archive has no record of sending it (shared anew), or the server none of who
    wrote it (a row from before ``written_by``): then the versions decide, as they did."""
    return meeting.sent is not None and there > meeting.sent and writer is not None and writer != token


def _held_elsewhere(db: Any, uids: list[str], token: str) -> set[str]:
    """Which of the meetings another laptop holds now: a lease of another token, not run out
    (by the server's clock). A lease of another group's meeting is not seen, nor needed. A
    role the union office did not grant the leases (a setup from before them) holds none and
    sees none: it syncs as it did then."""
    import psycopg

    try:
        rows = db.execute(
            "SELECT uid::text FROM meeting_leases WHERE uid = ANY(%s::uuid[]) AND token <> %s AND expires_at > now()",
            (uids, token),
        ).fetchall()
    except psycopg.errors.InsufficientPrivilege:
        return set()
    return {row[0] for row in rows}
