"""The meeting's lease on the server: taken, renewed by its holder, refused to another while it
lasts, taken over once run out, let go only by its holder; and a group's role sees and takes
only its own group's leases (row-level security, as for meetings)."""

from __future__ import annotations

import psycopg
from support.postgres import PostgresServer

from facilitator.shared import schema as shared_schema
from facilitator.shared.lease import Holder, release, take

UID = "6f1c1f9e-3f0a-4e53-9a53-0c6f3d1b2a10"


def test_a_lease_is_one_laptops_until_it_runs_out_or_is_let_go(pg: PostgresServer) -> None:
    with psycopg.connect(pg.url(pg.new_database()), autocommit=True) as db:
        shared_schema.migrate(db)
        assert take(db, UID, "Klubben", holder="anne-laptop", token="a", seconds=60) is None
        assert take(db, UID, "Klubben", holder="anne-laptop", token="a", seconds=60) is None  # renewed
        other = take(db, UID, "Klubben", holder="bo-laptop", token="b", seconds=60)
        assert isinstance(other, Holder) and other.holder == "anne-laptop"
        expires = db.execute("SELECT expires_at FROM meeting_leases").fetchone()
        assert expires is not None and other.until == expires[0]
        release(db, UID, "b")  # not b's to let go
        assert take(db, UID, "Klubben", holder="bo-laptop", token="b", seconds=60) == other
        db.execute("UPDATE meeting_leases SET expires_at = now() - interval '1 second'")
        assert take(db, UID, "Klubben", holder="bo-laptop", token="b", seconds=60) is None  # run out: taken over
        assert take(db, UID, "Klubben", holder="anne-laptop", token="a", seconds=60) is not None
        release(db, UID, "a")  # a lets go of what is b's now: nothing happens
        assert db.execute("SELECT holder FROM meeting_leases").fetchall() == [("bo-laptop",)]
        release(db, UID, "b")
        assert db.execute("SELECT count(*) FROM meeting_leases").fetchone() == (0,)


def test_a_groups_role_sees_and_takes_only_its_own_groups_leases(pg: PostgresServer) -> None:
    database = pg.new_database()
    roles = {"Klubben": f"lease_a_{database}", "Anden klub": f"lease_b_{database}"}
    with psycopg.connect(pg.url(database), autocommit=True) as db:
        shared_schema.migrate(db)
        for group, role in roles.items():
            db.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'kode'".encode())
            db.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON meeting_leases TO {role}".encode())
            db.execute("INSERT INTO group_roles (group_name, role_name) VALUES (%s, %s)", (group, role))
    with psycopg.connect(pg.url(database, user=roles["Klubben"], password="kode"), autocommit=True) as db:
        assert take(db, UID, "Klubben", holder="anne-laptop", token="a", seconds=60) is None
        try:
            take(db, "0b8e4a4c-94a8-4d39-8a5c-2f7f7b0f3c11", "Anden klub", holder="anne-laptop", token="a", seconds=60)
        except psycopg.errors.InsufficientPrivilege as error:
            assert "row-level security" in str(error)
        else:
            raise AssertionError("a lease of another group's meeting was taken")
    with psycopg.connect(pg.url(database, user=roles["Anden klub"], password="kode"), autocommit=True) as db:
        assert db.execute("SELECT count(*) FROM meeting_leases").fetchone() == (0,)  # Klubben's lease is not seen
        release(db, UID, "a")  # nor let go
    with psycopg.connect(pg.url(database)) as db:
        assert db.execute("SELECT holder, group_name FROM meeting_leases").fetchall() == [("anne-laptop", "Klubben")]


HOSTILE_HOLDERS = [
    "\x1b]0;pwned\x07\x1b[2J[b]bo[/b]",
    "[@click=app.quit]klik[/]\nforged line",
    "x" * 10_000,
    "",
    "\u2028\x9b31m",
]


def test_a_holder_written_by_another_laptop_is_one_short_line_here(pg: PostgresServer) -> None:
    """The holder's name comes from the server, written by any laptop with the group's login:
    what reaches a message is one short line with no control character, whatever it was."""
    from facilitator.shared.live import HELD, LiveState

    with psycopg.connect(pg.url(pg.new_database()), autocommit=True) as db:
        shared_schema.migrate(db)
        for name in HOSTILE_HOLDERS:
            db.execute("DELETE FROM meeting_leases")
            assert take(db, UID, "Klubben", holder=name, token="a", seconds=60) is None
            other = take(db, UID, "Klubben", holder="bo-laptop", token="b", seconds=60)
            assert other is not None
            assert 0 < len(other.holder) <= 60
            refused = LiveState(HELD, holder=other).refused
            assert refused is not None
            for text in (other.holder, refused, LiveState(HELD, holder=other).shown()):
                assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in text), text
