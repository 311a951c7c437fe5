"""Who sees what on the shared server: each group's database role reads and writes only its
group's meetings and actions (row-level security), whatever its laptops send."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import psycopg
import pytest
from support.laptops import hold, run
from support.postgres import PostgresServer

from facilitator.shared import schema as shared_schema
from facilitator.store.archive import Archive


def test_a_groups_role_sees_and_writes_only_its_own_groups_meetings(
    tmp_path: Path, pg: PostgresServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database = pg.new_database()
    with psycopg.connect(pg.url(database), autocommit=True) as db:  # the union office sets up the server
        shared_schema.migrate(db)
        roles = {"Klubben": f"klub_a_{database}", "Anden klub": f"klub_b_{database}"}
        for group, role in roles.items():
            db.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'kode-{role}'".encode())
            db.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON meetings, actions TO {role}".encode())
            db.execute("INSERT INTO group_roles (group_name, role_name) VALUES (%s, %s)", (group, role))

    def laptop(name: str, group: str, role: str) -> tuple[Path, str]:
        path = tmp_path / name / "arkiv.sqlite3"
        path.parent.mkdir()
        url = pg.url(database, user=role)
        assert run(capsys, path, "share", url)[0] == 0
        with Archive.open(path) as archive:
            hold(archive, group=group, day=dt.date(2026, 11, 3 + len(name)))
        return path, url

    def as_role(role: str) -> None:
        monkeypatch.setenv("PGPASSWORD", f"kode-{role}")

    a, _ = laptop("a", "Klubben", roles["Klubben"])
    b, _ = laptop("bb", "Anden klub", roles["Anden klub"])
    as_role(roles["Klubben"])
    assert run(capsys, a, "sync")[1].startswith("Sent 1 of 1 ")
    as_role(roles["Anden klub"])
    assert run(capsys, b, "sync")[1].startswith("Sent 1 of 1 ")

    for group, role in roles.items():
        with psycopg.connect(pg.url(database, user=role, password=f"kode-{role}")) as db:
            assert db.execute("SELECT DISTINCT group_name FROM meetings").fetchall() == [(group,)]
            assert db.execute("SELECT DISTINCT group_name FROM actions").fetchall() == [(group,)]
            assert db.execute("SELECT count(*) FROM meetings").fetchone() == (1,)

    # A laptop of the other club's role cannot put a meeting into Klubben's archive.
    wrong, url = laptop("ccc", "Klubben", roles["Anden klub"])
    code, out, err = run(capsys, wrong, "sync")
    assert code == 2 and out.startswith(f"Sent 0 of 1 meeting to {url}") and err.count("\n") == 1
    assert err.startswith("Meetings of these groups were not sent, as this login does not write for them: Klubben.")
    with Archive.open(wrong, read_only=True) as archive:
        assert len(archive.unsent()) == 1
    with psycopg.connect(pg.url(database)) as db:
        assert db.execute("SELECT group_name, count(*) FROM meetings GROUP BY 1 ORDER BY 1").fetchall() == [
            ("Anden klub", 1),
            ("Klubben", 1),
        ]
