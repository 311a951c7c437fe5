"""The shared archive's tests run against a real PostgreSQL server, one per test process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.postgres import PostgresServer, postgres_server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """Started once per worker: initdb and a start cost about a second."""
    yield from postgres_server()


@pytest.fixture
def pg(postgres: PostgresServer) -> Iterator[PostgresServer]:
    """The server, running (a test that stopped it leaves it running again for the next)."""
    if not postgres.running:
        postgres.start()
    yield postgres
    if not postgres.running:
        postgres.start()


@pytest.fixture
def club(pg: PostgresServer) -> str:
    """The URL of a fresh database on the server, for the club's shared archive (as its superuser)."""
    return pg.url(pg.new_database())
