"""A real PostgreSQL server of the tests' own (``bench/pg_server.py``, which the bench shares):
``initdb`` into a fresh folder in /tmp, ``pg_ctl`` to start it, a Unix socket only.

Where PostgreSQL or psycopg is missing the tests that need it are skipped, except under
``.ci/run`` (``FACILITATOR_NEED_POSTGRES``), where that is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _server_module() -> object:
    """``bench/pg_server.py``, loaded from its file: the bench's folder is not put on the path,
    where its modules' names (``data``, ``figure``) would meet the tests'."""
    name = "facilitator_bench_pg_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parents[2] / "bench" / "pg_server.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


_server = _server_module()
SUPERUSER: str = _server.SUPERUSER  # type: ignore[attr-defined]
PORT: int = _server.PORT  # type: ignore[attr-defined]
SERVER_USER: str = _server.SERVER_USER  # type: ignore[attr-defined]
find_bindir = _server.find_bindir  # type: ignore[attr-defined]
PostgresServer = _server.PostgresServer  # type: ignore[attr-defined]
missing = _server.missing  # type: ignore[attr-defined]


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
