"""``search --shared`` on a union's server: one club's role searching 100,000 meetings of 500
clubs, against the same club's search on a server of 1,000 meetings of 5 clubs.

Each club has 200 meetings on both servers, so the figure asks one thing: whether the other
clubs' meetings make a club's search slower. The search runs as the club's own database role,
row-level security and all, through ``shared.reading`` and ``shared.search`` as the command
does (the connection made once, as the times of a query are what is measured).

The servers' data is made by SQL (``generate_series``), not through the app: 100,000
meetings, each with three items holding notes of about forty words, a decision and an action
item, words drawn from the shipped agendas' vocabulary (``data.vocabulary``) by a hash of
their place, so every build is the same. The meetings go in with the records trigger off;
the records are then made in one statement and the GIN indexes built after them, which is
minutes, where one meeting at a time would be an hour. The server's folder is kept in
``bench/.cache/`` and built again only when this file or the server's schema changes.

Needs PostgreSQL's binaries (Debian's ``postgresql``) and psycopg; without them the rows are
left out, with a line saying why.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import statistics
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from core_figures import search_words
from data import vocabulary
from figure import Figure, Paired
from pg_server import SERVER_USER, PostgresServer, find_bindir

import facilitator.shared.records_step as records_step
import facilitator.shared.schema as shared_schema

SERVERS = {"big": (100_000, 500), "small": (1_000, 5)}
"""Database name: (meetings, clubs); 200 meetings a club on both."""
CLUB = "Klub 3"
ROLE = "bench_klub"
PASSWORD = "bench-kode"
NOTE_WORDS = 40


def unavailable() -> str | None:
    """Why the rows cannot be measured here, or None."""
    if find_bindir() is None:
        return "search --shared: left out, PostgreSQL is not installed (apt-get install postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "search --shared: left out, psycopg is not installed"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f"search --shared: left out, running as root without a {SERVER_USER!r} user to run PostgreSQL as"
    return None


def _key() -> str:
    here = Path(__file__).read_bytes()
    shared = Path(shared_schema.__file__).read_bytes() + Path(records_step.__file__).read_bytes()
    return hashlib.sha256(here + shared).hexdigest()[:12]


def server(cache: Path) -> PostgresServer:
    """The kept server, started; built first when there is none of this key."""
    bindir = find_bindir()
    assert bindir is not None
    folder = cache / f"shared-{_key()}"
    for old in cache.glob("shared-*"):
        if old != folder:
            PostgresServer(bindir, old).remove()
    pg = PostgresServer(bindir, folder)
    if not (pg.data / "PG_VERSION").exists():
        pg.initdb()
    pg.start()
    try:
        for name, (meetings, clubs) in SERVERS.items():
            mark = folder / f"built-{name}"
            if not mark.exists():
                print(f"building a shared archive of {meetings:,} meetings of {clubs} clubs (kept in {folder})…", flush=True)
                pg.execute(f'DROP DATABASE IF EXISTS "{name}"')
                _build(pg, name, meetings, clubs)
                mark.write_text("")
    except BaseException:
        pg.stop()
        raise
    return pg


_MEETINGS = """
INSERT INTO meetings (uid, version, group_name, kind, title, held_on, started_at, ended_at, snapshot)
SELECT md5('møde ' || n)::uuid, 1, 'Klub ' || (n %% %(clubs)s), 'klubmøde', 'Klubmøde ' || (n / %(clubs)s),
    date '2020-01-01' + (n / %(clubs)s), timestamp '2020-01-01 17:00' + (n / %(clubs)s) * interval '1 day',
    timestamp '2020-01-01 19:00' + (n / %(clubs)s) * interval '1 day',
    jsonb_build_object('info', jsonb_build_object('title', 'Klubmøde'), 'items', (
        SELECT jsonb_agg(jsonb_build_object(
            'id', k, 'item', jsonb_build_object('title', 'Punkt ' || k, 'confidential', false),
            'notes', bench_text(n * 10 + k, %(note_words)s),
            'decisions', jsonb_build_array(jsonb_build_object('id', 10 + k, 'text', bench_text(n * 10 + k + 3, 10), 'principles', '[]'::jsonb)),
            'votes', '[]'::jsonb,
            'actions', jsonb_build_array(jsonb_build_object(
                'id', 20 + k, 'what', bench_text(n * 10 + k + 6, 8), 'who', 'Anne', 'deadline', null, 'done', false))
        ) ORDER BY k) FROM generate_series(0, 2) k
    ))
FROM generate_series(1, %(meetings)s) n
"""


def _build(pg: PostgresServer, database: str, meetings: int, clubs: int) -> None:
    import psycopg

    pg.execute(f'CREATE DATABASE "{database}" TEMPLATE template0')
    words = vocabulary()
    gin = [s for s in records_step.TABLES if s.startswith("CREATE INDEX") and "USING gin" in s]
    with psycopg.connect(pg.url(database), autocommit=True) as db:
        shared_schema.migrate(db)
        if db.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (ROLE,)).fetchone() is None:  # roles are the server's
            db.execute(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'".encode())
        db.execute(f"GRANT SELECT ON meetings, actions TO {ROLE}".encode())
        db.execute("INSERT INTO group_roles (group_name, role_name) VALUES (%s, %s)", (CLUB, ROLE))
        db.execute("CREATE TABLE bench_words (i integer PRIMARY KEY, w text NOT NULL)")
        db.execute("INSERT INTO bench_words SELECT n, w FROM unnest(%s::text[]) WITH ORDINALITY AS u (w, n)", (words,))
        db.execute(
            "CREATE FUNCTION bench_text(seed bigint, n integer) RETURNS text LANGUAGE sql STABLE AS $$"
            " SELECT string_agg(w.w, ' ' ORDER BY g) FROM generate_series(1, n) g"
            f" JOIN bench_words w ON w.i = 1 + abs(hashint8(seed * 1000 + g)) % {len(words)} $$"
        )
        db.execute("ALTER TABLE meetings DISABLE TRIGGER meetings_records")
        db.execute(_MEETINGS, {"clubs": clubs, "meetings": meetings, "note_words": NOTE_WORDS})
        db.execute("ALTER TABLE meetings ENABLE TRIGGER meetings_records")
        for statement in gin:
            db.execute(f"DROP INDEX {statement.split()[2]}".encode())
        db.execute("SELECT facilitator_records(ARRAY(SELECT uid FROM meetings))")
        for statement in gin:
            db.execute(statement.encode())
        db.execute("VACUUM ANALYZE")


def search_shared(runs: int, cache: Path) -> list[Figure]:
    """Median and 95th percentile of one search as the club's role, big server against small."""
    from facilitator.shared.reading import reading
    from facilitator.shared.search import search

    pg = server(cache)
    queries = search_words()
    os.environ["PGPASSWORD"] = PASSWORD
    try:
        with ExitStack() as stack:
            readers = {name: stack.enter_context(reading(pg.url(name, user=ROLE))) for name in SERVERS}
            for name, reader in readers.items():
                if not all(search(reader, q, limit=21) for q in queries):
                    raise RuntimeError(f"a query of {queries} finds nothing on the server {name}")

            def once(reader: Any, query: str) -> float:
                started = time.perf_counter()
                search(reader, query, limit=21)
                return time.perf_counter() - started

            big: list[float] = []
            small: list[float] = []
            for run in range(runs * len(queries)):
                query = queries[run % len(queries)]
                small.append(once(readers["small"], query))
                big.append(once(readers["big"], query))
    finally:
        os.environ.pop("PGPASSWORD", None)
        pg.stop()
    ratios = tuple(v / b for v, b in zip(big, small, strict=True) if b)
    median = Paired(statistics.median(big), statistics.median(small), ratios)
    return [
        median.figure("search --shared as a club: 100,000 meetings against 1,000, median", 1.5, "s"),
        Figure("search --shared as a club: the same, 95th percentile", _p95(big), _p95(small), 2.0, "s"),
    ]


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]
