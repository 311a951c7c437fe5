"""A union's shared server as the ``--shared`` tests need it: the schema made by the union
office (the tests' superuser), a database role per club with its group in ``group_roles``,
and laptops that share with the server as their club's role and sync their meetings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import psycopg
import pytest

from facilitator.shared import schema as shared_schema
from facilitator.store.archive import Archive
from support.laptops import hold, run, save
from support.postgres import PostgresServer


class Union:
    """One database on the test server, with a role per club (password ``kode-ROLE``)."""

    def __init__(self, pg: PostgresServer, groups: tuple[str, ...]) -> None:
        self.pg = pg
        self.database = pg.new_database()
        self.roles = {group: f"klub{number}_{self.database}" for number, group in enumerate(groups)}
        with psycopg.connect(pg.url(self.database), autocommit=True) as db:
            shared_schema.migrate(db)
            for group, role in self.roles.items():
                db.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'kode-{role}'".encode())
                db.execute(
                    f"GRANT SELECT, INSERT, UPDATE, DELETE ON meetings, actions, meeting_leases TO {role}".encode()
                )  # as README
                db.execute("INSERT INTO group_roles (group_name, role_name) VALUES (%s, %s)", (group, role))

    def url(self, group: str | None = None) -> str:
        """The club's address (no password in it), or the union office's (superuser) with None."""
        return self.pg.url(self.database) if group is None else self.pg.url(self.database, user=self.roles[group])

    def as_club(self, monkeypatch: pytest.MonkeyPatch, group: str) -> None:
        """The password of the club's role where libpq looks for it."""
        monkeypatch.setenv("PGPASSWORD", f"kode-{self.roles[group]}")

    def laptop(self, tmp_path: Path, name: str, group: str, capsys: pytest.CaptureFixture[str]) -> Path:
        """A laptop's archive shared with the server as ``group``'s role."""
        path = tmp_path / name / "arkiv.sqlite3"
        path.parent.mkdir()
        assert run(capsys, path, "share", self.url(group))[0] == 0
        return path


def held(archive: Archive, group: str, day: dt.date, notes: str, decision: str) -> int:
    """A meeting of ``group`` as ``laptops.hold`` holds it (a closed item with HEMMELIG in
    it), with ``notes`` on its public item and ``decision`` taken there."""
    meeting_id, meeting = hold(archive, group=group, day=day)
    meeting.go_to(2)
    meeting.set_notes(notes)
    meeting.add_decision(decision)
    save(archive, meeting_id, meeting)
    return meeting_id
