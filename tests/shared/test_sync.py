"""``facilitator share`` and ``sync`` against a real PostgreSQL server: two laptops, one club.

Each test has a database of its own on the worker's server (``pg.new_database``); the
server is started once per worker (conftest.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import psycopg
import pytest
from support.hostile_text import SHORT
from support.laptops import GROUP, hold, laptop, run, save, server_rows
from support.postgres import PostgresServer

from facilitator.errors import FacilitatorError
from facilitator.shared import schema as shared_schema
from facilitator.shared.sync import sync
from facilitator.store.archive import Archive
from facilitator.store.closed_sharing import ClosedChoices


def received(count: int, club: str) -> str:
    """The second line of a sync's report."""
    return f"Received {count} meeting{'' if count == 1 else 's'} from {club} that this laptop lacked or held an older copy of.\n"


def local_versions(path: Path) -> dict[str, int]:
    with Archive.open(path, read_only=True) as archive:
        return {m.uid: m.version for m in archive.shared_meetings()}


def test_two_laptops_share_one_club_and_every_meeting_arrives_once(
    tmp_path: Path, pg: PostgresServer, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptop(tmp_path, "a", club, capsys), laptop(tmp_path, "b", club, capsys)
    with Archive.open(a) as archive:
        hold(archive)
    assert run(capsys, a, "sync")[1:] == (
        f"Sent 1 of 1 meeting to {club}.\n{received(0, club)}",
        "",
    )

    with Archive.open(b) as archive:  # the referent's laptop holds the next meeting
        second_id, second = hold(archive, day=dt.date(2026, 12, 1))
    assert run(capsys, b, "sync")[0] == 0

    pg.stop()  # the server goes away in the middle of meeting 2, which goes on
    with Archive.open(b) as archive:
        second.add_decision("Besluttet mens serveren var væk")
        save(archive, second_id, second)
    code, out, err = run(capsys, b, "sync")
    assert code == 2 and out == ""
    assert (
        err
        == f"The shared archive {club} cannot be reached (no server answers there). Nothing is lost: try again when it is back.\n"
    )
    pg.start()

    assert run(capsys, b, "sync")[1] == f"Sent 1 of 1 meeting to {club}.\n{received(0, club)}"
    assert run(capsys, a, "sync")[1] == f"Sent 0 of 1 meeting to {club}; 1 already there.\n{received(1, club)}"
    assert run(capsys, b, "sync")[1] == f"Sent 0 of 1 meeting to {club}; 1 already there.\n{received(0, club)}"

    rows = server_rows(club)
    held = {**local_versions(a), **local_versions(b)}
    assert {m["uid"]: m["version"] for m in rows["meetings"]} == held and len(rows["meetings"]) == 2
    assert {m["group_name"] for m in rows["meetings"]} == {GROUP}
    latest = next(m for m in rows["meetings"] if m["held_on"] == "2026-12-01" or m["started_at"].startswith("2026-12-01"))
    decisions = [d["text"] for item in latest["snapshot"]["items"] for d in item["decisions"]]
    assert "Besluttet mens serveren var væk" in decisions
    actions = sorted((r["what"], r["who"]) for r in rows["actions"])
    assert actions == sorted(
        [(f"Måle støjen {day}", "Bo") for day in ("2026-11-03", "2026-12-01")]
        + [(f"Tale med ledelsen {day}", "Anne") for day in ("2026-11-03", "2026-12-01")]
    )


def test_a_meeting_changed_after_a_sync_is_sent_again_and_only_it(
    tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a = laptop(tmp_path, "a", club, capsys)
    with Archive.open(a) as archive:
        first_id, first = hold(archive)
        hold(archive, day=dt.date(2026, 11, 17))
    assert run(capsys, a, "sync")[1].startswith("Sent 2 of 2 ")
    with Archive.open(a) as archive:
        first.end()
        save(archive, first_id, first)
    assert run(capsys, a, "sync")[1].startswith("Sent 1 of 2 ")
    assert run(capsys, a, "sync")[1].startswith("Sent 0 of 2 ")
    assert {m["uid"]: m["version"] for m in server_rows(club)["meetings"]} == local_versions(a)


class StopsTheServer:
    """An archive that has the server killed after the first meeting it hands over."""

    def __init__(self, archive: Archive, pg: PostgresServer) -> None:
        self.archive, self.pg, self.handed = archive, pg, 0

    def interrupt(self) -> None:
        self.pg.stop()

    def shared_meetings(self) -> list[Any]:
        return self.archive.shared_meetings()

    def public_meeting(self, meeting_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        self.handed += 1
        if self.handed == 2:
            self.interrupt()
        return self.archive.public_meeting(meeting_id)

    def mark_sent(self, meeting_id: int, version: int) -> None:
        self.archive.mark_sent(meeting_id, version)

    def closed_choices(self) -> ClosedChoices:
        return self.archive.closed_choices()

    def closed_meeting(self, meeting_id: int) -> dict[str, Any]:
        return self.archive.closed_meeting(meeting_id)

    def closed_taken_back(self, group: str) -> None:
        self.archive.closed_taken_back(group)

    def known_meetings(self) -> dict[str, int | None]:
        return self.archive.known_meetings()

    def receive(self, uid: str, version: int, source: str, snapshot: dict[str, Any], done: dict[int, str]) -> str:
        return self.archive.receive(uid, version, source, snapshot, done)


class DropsTheConnection(StopsTheServer):
    """An archive whose sync loses its connection after the first meeting, the server running
    on: what a dropped network or a restarted pooler does (the server ends the session)."""

    def __init__(self, archive: Archive, pg: PostgresServer, club: str) -> None:
        super().__init__(archive, pg)
        self.club = club

    def interrupt(self) -> None:
        with psycopg.connect(self.club, autocommit=True) as db:  # the tests' club is reached as the superuser
            ended = db.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchone()
        assert ended == (1,)


@pytest.mark.parametrize("cut", ["killed", "dropped"])
def test_a_sync_cut_off_keeps_what_arrived_and_the_next_sync_sends_the_rest(
    cut: str, tmp_path: Path, pg: PostgresServer, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The server killed after the first meeting, or the connection dropped with the server
    running on: one line, the first meeting recorded as sent, the rest sent by the next sync."""
    a = laptop(tmp_path, "a", club, capsys)
    with Archive.open(a) as archive:
        for day in (3, 10, 17):
            hold(archive, day=dt.date(2026, 11, day))
        cutting = StopsTheServer(archive, pg) if cut == "killed" else DropsTheConnection(archive, pg, club)
        with pytest.raises(
            Exception, match=r"^The sync with .* stopped \(.*\)\. Nothing is lost: what was sent stays sent; sync again later\.$"
        ):
            sync(cutting, club, token="laptop")
        assert len(archive.unsent()) == 2  # the first arrived and is recorded
    if not pg.running:
        pg.start()
    assert len(server_rows(club)["meetings"]) == 1
    assert run(capsys, a, "sync")[1].startswith("Sent 2 of 3 ")
    assert {m["uid"]: m["version"] for m in server_rows(club)["meetings"]} == local_versions(a)


def test_closed_items_never_reach_the_server_whatever_they_hold(
    tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a = laptop(tmp_path, "a", club, capsys)
    secret = "LUKKET-7f3a"
    with Archive.open(a) as archive:
        for name, text in SHORT.items():
            hold(archive, secret=f"{secret} {name} {text}")
        hold(archive, day=dt.date(2026, 12, 1), secret=secret)  # carries the closed actions over, marked
    code, out, err = run(capsys, a, "sync")
    assert code == 0 and out.startswith(f"Sent {len(SHORT) + 1} of {len(SHORT) + 1} "), err
    with psycopg.connect(club) as db:
        everything = db.execute("SELECT string_agg(to_jsonb(m)::text, ' ') FROM meetings m").fetchone()[0]
        everything += db.execute("SELECT string_agg(to_jsonb(a)::text, ' ') FROM actions a").fetchone()[0]
    assert secret not in everything and "Personsag" not in everything
    assert "Støj i storrummet" in everything and "Måle støjen" in everything


def test_public_hostile_text_arrives_as_written_but_a_nul(tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]) -> None:
    a = laptop(tmp_path, "a", club, capsys)
    with Archive.open(a) as archive:
        meeting_id, meeting = hold(archive)
        meeting.go_to(2)
        for text in SHORT.values():
            meeting.add_decision(text)
        save(archive, meeting_id, meeting)
    assert run(capsys, a, "sync")[0] == 0
    (row,) = server_rows(club)["meetings"]
    decisions = [d["text"] for item in row["snapshot"]["items"] for d in item["decisions"]]
    assert decisions[-len(SHORT) :] == [text.replace("\x00", "\ufffd") for text in SHORT.values()]


def test_a_wrong_password_is_one_line_that_shows_no_password(
    tmp_path: Path, pg: PostgresServer, club: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    role = f"klub_{Path(club.split('?')[0]).name}"
    pg.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'rigtigt-kodeord'")
    url = club.replace("facilitator_test@", f"{role}@")
    a = laptop(tmp_path, "a", url, capsys)
    with Archive.open(a) as archive:
        hold(archive)
    monkeypatch.setenv("PGPASSWORD", "forkert-kodeord-123")
    code, out, err = run(capsys, a, "sync")
    assert (code, out) == (2, "")
    assert err == f"The shared archive {url} refused the login: wrong password (set PGPASSWORD or ~/.pgpass). Nothing is lost.\n"
    assert "forkert-kodeord-123" not in err
    with psycopg.connect(club) as db:
        assert shared_schema.server_version(db) == 0  # nothing was done on the server
    with Archive.open(a, read_only=True) as archive:
        assert len(archive.unsent()) == 1 and archive.share_target() == url


def test_an_unreachable_server_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://klub@/arkiv?host={tmp_path}/ingen-server"
    a = laptop(tmp_path, "a", url, capsys)
    with Archive.open(a) as archive:
        hold(archive)
    code, out, err = run(capsys, a, "sync")
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert err.startswith(f"The shared archive {url} cannot be reached (") and "Nothing is lost" in err
    with Archive.open(a, read_only=True) as archive:
        assert len(archive.unsent()) == 1


def test_a_server_schema_newer_than_the_client_is_refused_untouched(
    tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with psycopg.connect(club, autocommit=True) as db:
        shared_schema.migrate(db)
        db.execute("UPDATE facilitator_schema SET version = 99")
    a = laptop(tmp_path, "a", club, capsys)
    with Archive.open(a) as archive:
        hold(archive)
    code, out, err = run(capsys, a, "sync")
    supported = shared_schema.SCHEMA_VERSION
    assert (code, out) == (2, "")
    assert (
        err
        == f"The shared archive {club} has schema 99, newer than this facilitator knows ({supported}): update facilitator. Nothing is lost.\n"
    )
    assert server_rows(club)["meetings"] == []


def test_share_keeps_no_password_and_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "arkiv.sqlite3"
    assert (
        run(capsys, path, "share")[1]
        == f"The archive {path} is not shared. Share it with: facilitator share postgresql://user@host/database\n"
    )
    code, out, err = run(capsys, path, "share", "postgresql://klub:hemmeligt@server.example/arkiv")
    assert (code, out) == (2, "") and "hemmeligt" not in err
    assert err == "Leave the password out of the address: it is read from PGPASSWORD or ~/.pgpass and never stored.\n"
    assert run(capsys, path, "share", "postgresql://klub@server.example/arkiv?password=x")[0] == 2
    assert run(capsys, path, "share", "mysql://klub@server.example/arkiv")[2] == (
        "Not a PostgreSQL address: mysql://klub@server.example/arkiv (write postgresql://user@host/database).\n"
    )
    assert run(capsys, path, "share", "postgresql://klub@server.example/arkiv")[1] == (
        f"The archive {path} is shared with postgresql://klub@server.example/arkiv. Send its meetings with: facilitator sync\n"
    )
    assert run(capsys, path, "share")[1] == f"The archive {path} is shared with postgresql://klub@server.example/arkiv.\n"
    assert b"hemmeligt" not in path.read_bytes()
    assert run(capsys, path, "share", "--stop")[1] == f"The archive {path} is no longer shared.\n"
    assert (
        run(capsys, path, "sync")[2]
        == f"The archive {path} is not shared yet: facilitator share postgresql://user@host/database\n"
    )


def test_sync_needs_an_archive_that_is_shared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "arkiv.sqlite3"
    assert run(capsys, path, "sync") == (2, "", f"there is no archive at {path} yet; it is made when the first meeting starts\n")
    assert not path.exists()
    with Archive.open(path):
        pass
    assert run(capsys, path, "sync") == (
        2,
        "",
        f"The archive {path} is not shared yet: facilitator share postgresql://user@host/database\n",
    )


def test_a_server_of_an_older_schema_is_brought_up_to_date_by_the_sync(
    tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with psycopg.connect(club, autocommit=True) as db:  # a server set up by a facilitator of schema 1
        db.execute(shared_schema.VERSION_TABLE)
        for step in shared_schema.MIGRATIONS[0]:
            db.execute(step.encode())
        db.execute("INSERT INTO facilitator_schema (version) VALUES (1)")
    a = laptop(tmp_path, "a", club, capsys)
    with Archive.open(a) as archive:
        hold(archive)
    assert run(capsys, a, "sync")[1].startswith("Sent 1 of 1 ")
    with psycopg.connect(club) as db:
        # every step since schema 1 taken (further steps of issue 22 are appended: no fixed number)
        assert shared_schema.server_version(db) == shared_schema.SCHEMA_VERSION >= 6
        assert db.execute("SELECT to_regclass(%s) IS NOT NULL", ("meeting_leases",)).fetchone() == (True,)
        assert db.execute("SELECT relrowsecurity FROM pg_class WHERE relname = 'meetings'").fetchone() == (True,)


@pytest.mark.parametrize(
    ("url", "english", "danish"),
    [
        ("postgresql://klub@/arkiv?host=/nowhere/at/all", "no server answers there", "ingen server svarer dér"),
        ("postgresql://klub@127.0.0.1:1/arkiv", "no server answers there", "ingen server svarer dér"),
        (
            "postgresql://klub@arkiv.example.invalid/arkiv?sslmode=require",
            "the host name is not known; is the network there?",
            "værtsnavnet kendes ikke; er der net?",
        ),
    ],
)
def test_the_usual_ways_out_of_reach_are_said_in_the_users_language(url: str, english: str, danish: str) -> None:
    """libpq's and the system's English words ("No such file or directory", "Connection
    refused", "Name or service not known") do not reach a Danish message."""
    from facilitator.i18n import set_language
    from facilitator.shared.sync import connect

    for language, reason in (("en", english), ("da", danish)):
        set_language(language)
        try:
            with pytest.raises(FacilitatorError) as caught:
                connect(url)
        finally:
            set_language("en")
        assert f"({reason})" in str(caught.value), str(caught.value)
