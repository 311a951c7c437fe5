"""What another club's role can do to a club through the shared server, and what it cannot.

A union's clubs share one database; each club's role writes its own group's rows
(row-level security). A review found that one club could still file a meeting of its own
on another club's laptops as that club's, plant an action or a lease on another club's
meeting that stopped that club's syncs for good, and that a meeting of a group the login
does not write for stopped every sync. Each case here is one of those, with a real server
and two real roles."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import psycopg
import pytest
from support.laptops import hold, run
from support.postgres import PostgresServer
from support.union_office import GroupRoles, as_role, set_up

from facilitator.errors import FacilitatorError
from facilitator.shared import lease
from facilitator.store.archive import Archive

A, B = "Klub A", "Klub B"


@pytest.fixture
def union(pg: PostgresServer) -> tuple[str, dict[str, GroupRoles]]:
    database = pg.new_database()
    return database, set_up(pg, database, {A: "a", B: "b"})


def laptop_of(group: str, tmp_path: Path, pg: PostgresServer, union: tuple[str, dict[str, GroupRoles]], capsys) -> Path:  # type: ignore[no-untyped-def]
    database, roles = union
    path = tmp_path / group / "arkiv.sqlite3"
    path.parent.mkdir()
    assert run(capsys, path, "share", pg.url(database, user=roles[group].role))[0] == 0
    return path


def synced(path: Path, group: str, union: tuple[str, dict[str, GroupRoles]], capsys, monkeypatch) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PGPASSWORD", GroupRoles.password(union[1][group].role))
    return run(capsys, path, "sync")


def test_a_meeting_another_club_wrote_naming_this_club_as_its_group_is_refused(
    tmp_path: Path,
    pg: PostgresServer,
    union: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, roles = union
    b = laptop_of(B, tmp_path, pg, union, capsys)
    with Archive.open(b) as archive:
        hold(archive, group=B)
    assert synced(b, B, union, capsys, monkeypatch)[0] == 0
    with as_role(pg, database, roles[B].role) as db:  # what B's own meeting looks like on the server
        snapshot = db.execute("SELECT snapshot FROM meetings").fetchone()[0]
    forged = json.loads(json.dumps(snapshot))
    planted = next(item for item in forged["items"] if item["actions"])["actions"][0]
    planted["what"] = "Overfør 10.000 kr til konto 1234"  # a meeting that reads as B's own, but for this
    with as_role(pg, database, roles[A].role) as db:  # A writes it as a joint meeting with B, filed as B's
        db.execute(
            "INSERT INTO meetings (uid, version, group_name, kind, title, snapshot, groups, started_at)"
            " VALUES (%s, 1, %s, 'klubmøde', 'Klubmøde', %s::jsonb, %s, now())",
            (str(uuid.uuid4()), A, json.dumps(forged), [A, B]),
        )
    code, out, _ = synced(b, B, union, capsys, monkeypatch)
    assert code == 0 and "1 meeting on" in out  # told as a meeting that could not be read, left on the server
    with Archive.open(b, read_only=True) as archive:
        assert len(archive.meetings()) == 1
        assert "Overfør" not in str([a.what for a in archive.open_actions(B)])


def test_another_club_cannot_plant_an_action_or_a_lease_on_a_clubs_meeting(
    tmp_path: Path,
    pg: PostgresServer,
    union: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, roles = union
    b = laptop_of(B, tmp_path, pg, union, capsys)
    with Archive.open(b) as archive:
        meeting_id, meeting = hold(archive, group=B)
        (uid,) = [m.uid for m in archive.shared_meetings()]
    assert synced(b, B, union, capsys, monkeypatch)[0] == 0
    with as_role(pg, database, roles[A].role) as db:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute(
                "INSERT INTO actions (meeting_uid, action_id, group_name, item_title, what, who, done, groups)"
                " VALUES (%s, 1000, %s, 'x', 'x', 'x', false, %s)",
                (uid, A, [A]),
            )
    with as_role(pg, database, roles[A].role) as db:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("INSERT INTO meeting_leases VALUES (%s, %s, 'evil', 'x', 'infinity')", (uid, A))
    with as_role(pg, database, roles[B].role) as db:  # a club's own lease is for minutes, not for ever
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("INSERT INTO meeting_leases VALUES (%s, %s, 'B', 'x', 'infinity')", (uid, B))
        assert lease.take(db, uid, B, holder="B", token="t", seconds=60) is None


def test_a_lease_this_login_cannot_see_is_one_line_not_endless_tries(
    pg: PostgresServer, union: tuple[str, dict[str, GroupRoles]]
) -> None:
    database, roles = union
    uid = str(uuid.uuid4())
    pg.execute(f"INSERT INTO meeting_leases VALUES ('{uid}', '{A}', 'A', 'a', now() + interval '5 minutes')", database)
    with as_role(pg, database, roles[B].role) as db:
        with pytest.raises(
            FacilitatorError, match=f"^The shared archive has a lease on meeting {uid[:8]} that this login cannot see"
        ):
            lease.take(db, uid, B, holder="B", token="b", seconds=60)


def test_meetings_of_a_group_this_login_does_not_write_for_are_left_and_the_rest_are_sent(
    tmp_path: Path,
    pg: PostgresServer,
    union: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, roles = union
    b = laptop_of(B, tmp_path, pg, union, capsys)
    with Archive.open(b) as archive:
        hold(archive, group="Klub Bee", day=dt.date(2026, 11, 2))  # a misspelt group
        hold(archive, group=B, day=dt.date(2026, 11, 3))
    code, out, err = synced(b, B, union, capsys, monkeypatch)
    assert code == 2 and out.splitlines()[0].startswith("Sent 1 of 2 meetings")
    assert err.startswith("Meetings of these groups were not sent, as this login does not write for them: Klub Bee.")
    assert err.count("\n") == 1
    with as_role(pg, database, roles[B].role) as db:
        assert db.execute("SELECT group_name FROM meetings").fetchall() == [(B,)]


def test_tables_are_not_made_in_a_schema_where_every_role_may_create(
    tmp_path: Path, pg: PostgresServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """PostgreSQL 14 and older let every role create in ``public``: a club could put a function
    there that the tables' own functions, running as their owner, would call."""
    database = pg.new_database()
    pg.execute("GRANT CREATE ON SCHEMA public TO PUBLIC", database)
    path = tmp_path / "arkiv.sqlite3"
    assert run(capsys, path, "share", pg.url(database))[0] == 0
    code, out, err = run(capsys, path, "sync")
    assert (code, out) == (2, "")
    assert "lets every role create objects in its schema" in err and "REVOKE CREATE ON SCHEMA public FROM PUBLIC" in err
    assert err.count("\n") == 1
