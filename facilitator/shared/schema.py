"""The shared archive's tables in PostgreSQL, and the steps that bring a server up to date.

As in the SQLite archive (``store/schema.py``), the schema moves by numbered steps, each in
one transaction, and the version is kept on the server (``facilitator_schema``). A client
meets a server at its own version, older (it takes the missing steps, if its role may) or
newer (it refuses, and says to update). Two clients taking a step at the same moment are
kept in line by an advisory lock.

A meeting is a row keyed by its stable id with its version and the public part of its
snapshot (jsonb); its action items are rows of their own, for the group's open-action
follow-up. Both carry the group's name, which row-level security reads: a group's database
role sees and writes only its group's rows (``group_roles`` says which role is whose; the
union office fills it in). The table owner (who migrates) is not bound by the policies.
"""

from __future__ import annotations

import contextlib
from typing import Any

from facilitator.shared import failures, records_step
from facilitator.shared.lease import LEASES
from facilitator.shared.who_sees import WHO_SEES_STEP, WRITERS_STEP

LOCK_KEY = 0x46414332  # "FAC2": the advisory lock of migrating

_MAY = """EXISTS (
    SELECT 1 FROM group_roles g JOIN pg_roles r ON r.rolname = g.role_name
    WHERE g.group_name = {table}.group_name AND pg_has_role(current_user, r.oid, 'MEMBER')
)"""
"""A row is a role's when its group's role is one the role is a member of (by oid: a role
named in ``group_roles`` that does not exist yet gives no error, only no rows)."""

JOINT_RECORDS_STEP: tuple[str, ...] = (
    *records_step.JOINT_STEP,
    f"CREATE POLICY by_group ON joint_reads FOR SELECT USING ({_MAY.format(table='joint_reads')})",
)
"""A joint meeting's records read by each of its groups (``records_step.JOINT_STEP``), and
which joint meetings are a group's read by that group's role only."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        # Every client reads the version before anything else, whatever its role.
        "GRANT SELECT ON facilitator_schema TO PUBLIC",
        """CREATE TABLE meetings (
            uid uuid PRIMARY KEY,
            version bigint NOT NULL CHECK (version > 0),
            group_name text NOT NULL,
            kind text NOT NULL,
            title text NOT NULL,
            held_on date,
            started_at timestamp,
            ended_at timestamp,
            snapshot jsonb NOT NULL,
            received_at timestamptz NOT NULL DEFAULT now()
        )""",
        "CREATE INDEX meetings_by_group ON meetings (group_name, started_at)",
        """CREATE TABLE actions (
            meeting_uid uuid NOT NULL REFERENCES meetings (uid) ON DELETE CASCADE,
            action_id integer NOT NULL,
            group_name text NOT NULL,
            item_title text NOT NULL,
            what text NOT NULL,
            who text NOT NULL,
            deadline date,
            done boolean NOT NULL,
            PRIMARY KEY (meeting_uid, action_id)
        )""",
        "CREATE INDEX actions_open_by_group ON actions (group_name, deadline) WHERE NOT done",
    ),
    (
        # Who sees what: each group's rows to that group's role only.
        "CREATE TABLE group_roles (group_name text PRIMARY KEY, role_name name NOT NULL)",
        "GRANT SELECT ON group_roles TO PUBLIC",
        "ALTER TABLE meetings ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE actions ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY by_group ON meetings USING ({_MAY.format(table='meetings')}) WITH CHECK ({_MAY.format(table='meetings')})",
        f"CREATE POLICY by_group ON actions USING ({_MAY.format(table='actions')}) WITH CHECK ({_MAY.format(table='actions')})",
    ),
    # A joint meeting read by each of its groups; closed items a group chose to share, in a
    # table its restricted role alone reads (shared/who_sees.py).
    WHO_SEES_STEP,
    (
        # Follow-up across laptops: an action ticked off in a later meeting of the group, on
        # whichever laptop held it, names that meeting (shared/follow_ups.py). The action's own
        # meeting sent again keeps the mark, so a newer copy of it does not open it again.
        "ALTER TABLE actions ADD COLUMN done_in uuid",
    ),
    (
        # Search and history on the server: records made from the snapshots by the server, read by group.
        *records_step.TABLES,
        *(f"CREATE POLICY by_group ON {table} FOR SELECT USING ({_MAY.format(table=table)})" for table in records_step.READABLE),
        *records_step.FILLING,
    ),
    (
        # One writer per meeting across laptops: a lease per meeting (shared/lease.py), the group's only.
        *LEASES,
        f"CREATE POLICY by_group ON meeting_leases USING ({_MAY.format(table='meeting_leases')})"
        f" WITH CHECK ({_MAY.format(table='meeting_leases')})",
    ),
    # Rows that hang on a meeting (its actions, its lease) only of the meeting's own group
    # (shared/who_sees.py).
    WRITERS_STEP,
    # A joint meeting's records (search, decisions) read by each of its groups, as the meeting is.
    JOINT_RECORDS_STEP,
    # Which laptop wrote a meeting last (its lease token, ``live.laptop_token``): a copy of an
    # archive that went on from an older point is told from the laptop that sent it (sync.py).
    ("ALTER TABLE meetings ADD COLUMN written_by text",),
)

SCHEMA_VERSION = len(MIGRATIONS)

VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS facilitator_schema (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)"
)


def server_version(db: Any) -> int:
    """The server's schema version; 0 for a database facilitator has not set up."""
    row = db.execute("SELECT to_regclass('facilitator_schema') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    found = db.execute("SELECT version FROM facilitator_schema").fetchone()
    return int(found[0]) if found else 0


def migrate(db: Any) -> int:
    """Take the server's schema up to ours, a step per transaction; returns the version found
    first. A newer server is left alone (the caller refuses it)."""
    found = server_version(db)
    while True:
        # The lock before the transaction, not inside it: a transaction begun before another
        # client's step was committed keeps the server's cached "no such table" from its first
        # look, and would take the step again ("relation already exists").
        db.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
        try:
            with db.transaction():
                version = server_version(db)  # again, under the lock: another client may have taken the step
                if version >= SCHEMA_VERSION:
                    return found
                db.execute(VERSION_TABLE)
                for step in MIGRATIONS[version]:
                    db.execute(step)
                db.execute(
                    "INSERT INTO facilitator_schema (version) VALUES (%s) ON CONFLICT (one) DO UPDATE SET version = excluded.version",
                    (version + 1,),
                )
        finally:
            with contextlib.suppress(Exception):  # a connection gone has let go of the lock with it
                db.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))


_OPEN_SCHEMA = """SELECT EXISTS (
    SELECT 1 FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
    WHERE n.nspname = current_schema() AND a.grantee = 0 AND a.privilege_type = 'CREATE'
)"""
"""Whether every role may create objects in the schema the tables go into (PostgreSQL 14 and
older give PUBLIC that on ``public``): a club's role could then put a function there that
the tables' own functions, which run as their owner, would call in place of PostgreSQL's."""


def bring_up_to_date(db: Any, name: str, *, asking: bool = False) -> None:
    """What every conversation with the server does first: an older schema is taken up to
    ours (if the role may), a newer one refused in words (``name``: the address as shown;
    ``asking``: for a question, failures.on_connect)."""
    version = server_version(db)
    if version > SCHEMA_VERSION:
        raise failures.server_newer(name, version, SCHEMA_VERSION, asking=asking)
    if version < SCHEMA_VERSION:
        if db.execute(_OPEN_SCHEMA).fetchone()[0]:
            raise failures.open_schema(name)
        migrate(db)
