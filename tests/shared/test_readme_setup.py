"""The README's "Delt arkiv for en klub" is true: its SQL and commands, taken from README.md as
written (each block marked ``<!-- readme-test: NAME -->``), set up a fresh server and connect
a club to it. Only the host changes: ``arkiv.example.org`` becomes the test server's socket.

The shell blocks hold only what this test can run: ``facilitator …`` (in-process, in the
UI's default language), ``export VAR=…``, ``VAR=… facilitator …`` and ``chmod 600
~/.pgpass``; anything else fails the test, so a command cannot slip in untested."""

from __future__ import annotations

import io
import os
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from support.laptops import hold
from support.postgres import PORT, PostgresServer

from facilitator.cli import main
from facilitator.store.archive import Archive

README = Path(__file__).resolve().parents[2] / "README.md"
HOST = "arkiv.example.org"
GROUP = "Socialrådgiverklubben"
SECRET = "LUKKET-README"


def blocks() -> dict[str, str]:
    """The README's marked blocks by name: the text between the fences below each mark."""
    found = re.findall(r"<!-- readme-test: (\S+) -->\n```\w*\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return dict(found)


class Shell:
    """Runs a README shell block the way a person's shell would, for the few forms it holds."""

    def __init__(self, pg: PostgresServer, home: Path, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch) -> None:
        self.pg, self.home, self.capsys, self.mp = pg, home, capsys, mp
        self.outputs: list[str] = []

    def here(self, text: str) -> str:
        return text.replace(f"@{HOST}/klubarkiv", f"@/klubarkiv?host={self.pg.folder}&port={PORT}")

    def run(self, block: str, typed: str = "") -> None:
        self.mp.delenv("PGPASSWORD", raising=False)  # each block in a shell of its own
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if not words:
                continue
            if words[0] == "export":
                name, _, value = words[1].partition("=")
                self.mp.setenv(name, value)
            elif words[:2] == ["chmod", "600"] and words[2] == "~/.pgpass":
                os.chmod(self.home / ".pgpass", 0o600)
            else:
                once: dict[str, str] = {}
                while "=" in words[0] and words[0] != "facilitator":
                    name, _, value = words.pop(0).partition("=")
                    once[name] = value
                assert words[0] == "facilitator", f"the README runs something this test cannot: {line}"
                self.facilitator([self.here(w) for w in words[1:]], once, typed)

    def facilitator(self, args: list[str], env: dict[str, str], typed: str) -> None:
        with pytest.MonkeyPatch.context() as mp:
            for name, value in env.items():
                mp.setenv(name, value)
            mp.setattr("sys.stdin", io.StringIO(typed))
            code = main(args)
        out, err = self.capsys.readouterr()
        assert (code, err) == (0, ""), (args, out, err)
        self.outputs.append(out)


@pytest.fixture
def clean_server(pg: PostgresServer) -> Iterator[PostgresServer]:
    """The README's names are fixed, and roles belong to the whole server: taken away after."""
    yield pg
    pg.execute("DROP DATABASE IF EXISTS klubarkiv WITH (FORCE)")
    for role in ("klub_ds_lukket", "klub_ds", "arkiv_ejer"):
        pg.execute(f"DROP ROLE IF EXISTS {role}")


def superuser(pg: PostgresServer, sql: str, database: str = "postgres") -> None:
    """A block as psql runs it: statement by statement (CREATE DATABASE refuses a transaction)."""
    for statement in re.split(r";\s*$", sql, flags=re.M):
        if statement.strip():
            pg.execute(statement, database=database)


def rows(pg: PostgresServer, role: str, password: str, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(pg.url("klubarkiv", user=role, password=password)) as db:
        return db.execute(sql.encode()).fetchall()


def test_the_readme_sets_up_a_server_and_connects_a_club(
    tmp_path: Path, clean_server: PostgresServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pg, readme = clean_server, blocks()
    assert set(readme) == {
        *("owner.sql", "public.sql", "schema.sh", "group.sql", "pgpass", "club.sh", "pgpassword.sh"),
        *("pg_service.conf", "service.sh", "closed.sh", "takeback.sh"),
    }
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATOR_ARCHIVE", str(tmp_path / "klub.sqlite3"))  # the club laptop's own archive
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.delenv("FACILITATOR_LANG", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / ".pgpass"))
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / ".pg_service.conf"))
    shell = Shell(pg, tmp_path, capsys, monkeypatch)

    # The union office.
    superuser(pg, readme["owner.sql"])
    superuser(pg, "GRANT CREATE ON SCHEMA public TO PUBLIC", database="klubarkiv")  # as PostgreSQL 14 left it
    superuser(pg, readme["public.sql"], database="klubarkiv")
    shell.run(readme["schema.sh"])
    assert shell.outputs[-1].startswith("Sendte 0 af 0 møder")
    superuser(pg, readme["group.sql"], database="klubarkiv")

    # A club's laptop, with a meeting held, connects and syncs.
    with Archive.open(tmp_path / "klub.sqlite3") as archive:
        hold(archive, group=GROUP, secret=SECRET)
    (tmp_path / ".pgpass").write_text(readme["pgpass"].replace(HOST, str(pg.folder)), encoding="utf-8")
    shell.run(readme["club.sh"])
    assert shell.outputs[-1].startswith("Sendte 1 af 1 møde til")
    assert rows(pg, "klub_ds", "skift-mig-ds", "SELECT group_name FROM meetings") == [(GROUP,)]
    (tmp_path / ".pgpass").rename(tmp_path / "pgpass-away")  # the environment's turn
    shell.run(readme["pgpassword.sh"])
    (tmp_path / "pgpass-away").rename(tmp_path / ".pgpass")
    (tmp_path / ".pg_service.conf").write_text(readme["pg_service.conf"].replace(HOST, str(pg.folder)), encoding="utf-8")
    shell.run(readme["service.sh"])
    assert shell.outputs[-1].startswith("Sendte 0 af 1 møde til")
    assert all(
        SECRET not in text for (text,) in rows(pg, "arkiv_ejer", "skift-mig-ejer", "SELECT to_jsonb(m)::text FROM meetings m")
    )

    # The group chooses to share its closed items; only its restricted role reads them.
    shell.run(readme["closed.sh"], typed=readme_sentence())
    assert shell.outputs[-1].splitlines()[2] == "Sendte de lukkede punkter fra 1 møde til det begrænsede arkiv."
    (content,) = rows(pg, "klub_ds_lukket", "skift-mig-ds-lukket", "SELECT content::text FROM closed_items")
    assert SECRET in str(content[0])
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        rows(pg, "klub_ds", "skift-mig-ds", "SELECT * FROM closed_items")

    shell.run(readme["takeback.sh"])
    assert shell.outputs[-1].splitlines()[2] == f"Slettede de lukkede punkter fra 1 møde i {GROUP} fra det begrænsede arkiv."
    assert rows(pg, "klub_ds_lukket", "skift-mig-ds-lukket", "SELECT count(*) FROM closed_items") == [(0,)]


def readme_sentence() -> str:
    """What the person types back, as the README says it."""
    said = re.search(
        r'\("(Lukkede punkter fra Socialrådgiverklubben .*?)"\)', README.read_text(encoding="utf-8").replace("\n", " ")
    )
    assert said is not None
    return said.group(1) + "\n"
