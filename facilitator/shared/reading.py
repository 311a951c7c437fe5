"""Reading the shared archive: a connection as the club's role, and the groups it may see.

Every ``--shared`` query goes through here. The connection is the one a sync makes (the
password from libpq's own places, never shown), the server's schema is checked as a sync
checks it (a newer one is refused, an older one brought up to date if the role may), and a
failure of any kind is one line (``failures``).

Row-level security decides what a role sees, on every row. The queries also name the
groups the role may see: a union's server holds five hundred clubs, and a club's query that
names its own group reads that group's rows through an index, where one that leaves it to
the policy would visit every club's rows to be told they are not its own. Naming them
changes no answer: the policy lets the role see exactly those groups' rows. A role that the
policies do not bind (the tables' owner, a superuser) sees every group and names none.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from facilitator.shared import failures
from facilitator.shared.schema import bring_up_to_date
from facilitator.shared.target import shown

BATCH = 500
"""Rows asked for at a time when a list is read whole (``--csv``)."""

_GROUPS = """
    SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, 'USAGE'),
        ARRAY(
            SELECT g.group_name FROM group_roles g JOIN pg_roles x ON x.rolname = g.role_name
            WHERE pg_has_role(current_user, x.oid, 'MEMBER') ORDER BY 1
        )
    FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'meetings'::regclass
"""


def sendable(text: str) -> str:
    """``text`` as the server can take it: a NUL (which PostgreSQL keeps in no text) or a lone
    surrogate (an argument that was not UTF-8) becomes U+FFFD, as a sync sends a NUL."""
    return "".join("\ufffd" if c == "\x00" or "\ud800" <= c <= "\udfff" else c for c in text)


class Reader(NamedTuple):
    """An open connection to the shared archive, and whose rows the role may read."""

    db: Any
    target: str
    """The address as messages show it (no password)."""
    groups: tuple[str, ...] | None
    """The groups whose rows the policies let the role read; None when they do not bind it."""

    def where_groups(self, alias: str, group: str | None = None, uid: str = "meeting_uid") -> tuple[list[str], list[Any]]:
        """The rows of the group asked for, else of the role's groups: a joint meeting's are
        each of its groups', as the policies have it, not only its first group's. Named by
        the first group and by the joint meetings' ids (``joint_reads``), both by index:
        under the policies an array's ``&&`` would read every club's rows (``records_step``)."""
        names = [sendable(group)] if group is not None else list(self.groups) if self.groups is not None else None
        if names is None:
            return [], []
        joint = "ARRAY(SELECT j.meeting_uid FROM joint_reads j WHERE j.group_name = ANY(%s))"
        return [f"({alias}.group_name = ANY(%s) OR {alias}.{uid} = ANY({joint}))"], [names, names]


@contextmanager
def reading(target: str) -> Iterator[Reader]:
    """The shared archive, open for queries; every failure inside is one line."""
    import psycopg  # here: a laptop that never shares never loads it

    from facilitator.shared.sync import connect

    name = shown(target)
    db = connect(target, asking=True)
    try:
        bring_up_to_date(db, name, asking=True)
        bypass, groups = db.execute(_GROUPS).fetchone()
        yield Reader(db, name, None if bypass else tuple(groups))
    except psycopg.Error as error:
        raise failures.on_query(error, name) from None
    finally:
        db.close()


def keyset(
    db: Any,
    select: str,
    conditions: Sequence[str],
    parameters: Sequence[Any],
    order: Sequence[str],
    *,
    descending: bool,
    limit: int | None,
) -> Iterator[tuple[Any, ...]]:
    """The rows of ``select`` (whose last columns are the values of ``order``, none of them
    NULL) meeting ``conditions``, in that order: ``limit`` of them, or all. Each batch
    starts past the last row read (keyset pagination), so the thousandth page costs what
    the first does, where an OFFSET would read every row before it again."""
    direction = " DESC" if descending else ""
    ordering = ", ".join(f"{expression}{direction}" for expression in order)
    past = f"({', '.join(order)}) {'<' if descending else '>'} ({', '.join(['%s'] * len(order))})"
    after: tuple[Any, ...] | None = None
    left = limit
    while left is None or left > 0:
        size = BATCH if left is None else min(BATCH, left)
        where = [*conditions, *([past] if after is not None else [])]
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = db.execute(f"{select}{clause} ORDER BY {ordering} LIMIT %s", [*parameters, *(after or ()), size]).fetchall()
        yield from rows
        if len(rows) < size:
            return
        after = tuple(rows[-1][-len(order) :])
        left = None if left is None else left - len(rows)
