"""The tests' own PostgreSQL server: it runs, it stops and starts again, and it is private."""

from __future__ import annotations

import psycopg
import pytest
from support.postgres import SUPERUSER, PostgresServer


def test_the_server_answers_through_its_own_socket(pg: PostgresServer) -> None:
    with psycopg.connect(pg.url()) as db:
        row = db.execute("SELECT current_user, inet_server_port(), current_setting('listen_addresses')").fetchone()
    assert row == (SUPERUSER, None, "")  # no TCP: a Unix socket only
    assert (pg.folder / ".s.PGSQL.5432").exists()


def test_a_stopped_server_refuses_and_a_started_one_answers_again(pg: PostgresServer) -> None:
    name = pg.new_database()
    pg.execute("CREATE TABLE kept (x int); INSERT INTO kept VALUES (7)", name)
    pg.stop()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(pg.url(name), connect_timeout=2)
    pg.start()
    with psycopg.connect(pg.url(name)) as db:
        assert db.execute("SELECT x FROM kept").fetchall() == [(7,)]


def test_other_roles_need_their_password(pg: PostgresServer) -> None:
    pg.execute("CREATE ROLE someone LOGIN PASSWORD 'right'")
    with psycopg.connect(pg.url(user="someone", password="right")) as db:
        assert db.execute("SELECT current_user").fetchone() == ("someone",)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg.url(user="someone", password="wrong"))
