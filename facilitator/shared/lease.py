"""One writer per meeting across laptops: a lease row on the server, with its holder and its expiry.

A laptop that holds a meeting holds its lease: a row keyed by the meeting's stable id (so it
holds however the same meeting came to be on two laptops), naming the laptop and the moment
it runs out. The laptop renews it while the meeting is open and deletes it when the meeting
closes; a laptop that crashes or loses the network simply stops renewing, and the lease runs
out by itself. Another laptop may take the meeting once the lease is gone or has run out.

Why a row and not a session-level advisory lock: an advisory lock lives exactly as long as
one connection, and a meeting room's Wi-Fi does not keep one connection for two hours; the
lock would be lost at every drop without the laptop knowing, and a dead connection holds it
until the server notices (TCP keep-alive, often hours). Nor does an advisory lock say who
holds it (a number and a backend pid), nor does row-level security apply to it. A row says
who and until when, survives short connections, and is seen only by the group's role.

The laptop is named by a ``token`` (its archive, not its process: the archive's own writer
lock already keeps two processes of one archive apart) and shown by ``holder`` (the host's
name). Times are the server's (``now()``), so laptops' clocks never decide.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from facilitator.shared import failures
from facilitator.text.visible import one_line

LEASES = (
    """CREATE TABLE meeting_leases (
        uid uuid PRIMARY KEY,
        group_name text NOT NULL,
        holder text NOT NULL,
        token text NOT NULL,
        expires_at timestamptz NOT NULL
    )""",
    "ALTER TABLE meeting_leases ENABLE ROW LEVEL SECURITY",
)
"""The server's step for leases (appended to ``schema.MIGRATIONS``); its policy is made there,
with the others' condition."""


class Holder(NamedTuple):
    """Who holds a meeting elsewhere, and until when (the server's time, timezone-aware)."""

    holder: str
    until: dt.datetime


_TAKE = """
    INSERT INTO meeting_leases (uid, group_name, holder, token, expires_at)
    VALUES (%(uid)s, %(group)s, %(holder)s, %(token)s, now() + make_interval(secs => %(seconds)s))
    ON CONFLICT (uid) DO UPDATE SET
        group_name = excluded.group_name, holder = excluded.holder, token = excluded.token, expires_at = excluded.expires_at
    WHERE meeting_leases.token = excluded.token OR meeting_leases.expires_at <= now()
    RETURNING token
"""


HOLDER_CHARS = 60
"""How much of a holder's name is shown: a laptop's host name, not a page of text."""

TRIES = 3
"""Takings of a lease released between its two statements before it counts as unseen."""


def take(db: Any, uid: str, group: str | None, *, holder: str, token: str, seconds: float) -> Holder | None:
    """Take or renew the meeting's lease for ``seconds``: None when it is ours now, else who
    holds it. One statement, so two laptops taking it at the same moment cannot both win."""
    for _ in range(TRIES):
        with db.transaction():
            row = db.execute(
                _TAKE, {"uid": uid, "group": group or "", "holder": holder, "token": token, "seconds": seconds}
            ).fetchone()
            if row is not None:
                return None
            other = db.execute("SELECT holder, expires_at FROM meeting_leases WHERE uid = %s", (uid,)).fetchone()
        if other is not None:
            return Holder(shown_holder(other[0]), other[1])
        # Released between the two statements: try again. Or a lease this role cannot see
        # (another group's, on this meeting's id): that does not go away by trying.
    raise failures.lease_unseen(uid)


def shown_holder(name: object) -> str:
    """A holder's name as the server gives it, made fit to show here, once: any laptop of the
    group (or a person with the group's login) wrote it, so it is data from elsewhere, one
    short line with no control character in it, whatever it holds."""
    return one_line(name)[:HOLDER_CHARS].strip() or "?"


def release(db: Any, uid: str, token: str) -> None:
    """Let go of the meeting, if the lease is still ours (one taken over since is left alone)."""
    db.execute("DELETE FROM meeting_leases WHERE uid = %s AND token = %s", (uid, token))
