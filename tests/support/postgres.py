"""The tests' own PostgreSQL server: ``bench/postgres_server.py`` (shared with the bench, which
tells how it is made and kept apart), with pytest's skip around it.

Where PostgreSQL or psycopg is missing the tests that need it are skipped, except under
``.ci/run`` (``FACILITATOR_NEED_POSTGRES``), where that is a failure.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.append(str(BENCH))

from postgres_server import PORT, SERVER_USER, SUPERUSER, PostgresServer, find_bindir, missing  # noqa: E402

__all__ = ["PORT", "SERVER_USER", "SUPERUSER", "PostgresServer", "find_bindir", "need_postgres", "postgres_server"]


def need_postgres() -> Path:
    """The binaries' folder, or skip (fail under ``.ci/run``) with why not."""
    why = missing()
    if why:
        if os.environ.get("FACILITATOR_NEED_POSTGRES"):
            pytest.fail(why, pytrace=False)
        pytest.skip(why)
    bindir = find_bindir()
    assert bindir is not None
    return bindir


def postgres_server() -> Iterator[PostgresServer]:
    """The body of a session fixture: one server per test process (per xdist worker)."""
    server = PostgresServer(need_postgres())
    try:
        server.initdb()
        server.start()
        yield server
    finally:
        server.remove()
