"""Closed items on the shared server: nowhere without a group's choice in words; with it, in the
restricted table only, which the group's ordinary role may not even ask and another group's
restricted role sees nothing of; taken back, deleted at the next sync."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import psycopg
import pytest
from support.hostile_text import HOSTILE
from support.laptops import hold, run, save
from support.postgres import PostgresServer
from support.union_office import GroupRoles, as_role, every_table, set_up

from facilitator.store.archive import Archive

SECRET = "LUKKET-7f3a"
SAID = "Closed items from Klubben are sent to the restricted archive"


@pytest.fixture
def office(pg: PostgresServer) -> tuple[str, dict[str, GroupRoles]]:
    database = pg.new_database()
    return database, set_up(pg, database, {"Klubben": "klub_a", "Anden klub": "klub_b"})


def laptop(
    tmp_path: Path,
    pg: PostgresServer,
    database: str,
    roles: GroupRoles,
    capsys: pytest.CaptureFixture[str],
    mp: pytest.MonkeyPatch,
) -> Path:
    """A laptop of the group, sharing as its role, with a meeting per hostile string in every
    field of its closed item, and a later one that carries those closed actions over."""
    path = tmp_path / roles.role / "arkiv.sqlite3"
    path.parent.mkdir()
    assert run(capsys, path, "share", pg.url(database, user=roles.role))[0] == 0
    mp.setenv("PGPASSWORD", GroupRoles.password(roles.role))
    with Archive.open(path) as archive:
        for name, text in HOSTILE.items():
            meeting_id, meeting = hold(archive, group=roles.group, secret=f"{SECRET} {name} {text}")
            meeting.go_to(1)  # the closed item: who does an action, too
            meeting.add_action("Ringe tilbage", f"{SECRET} {name} {text} hvem")
            save(archive, meeting_id, meeting)
        hold(archive, group=roles.group, day=dt.date(2026, 12, 1), secret=SECRET)
    return path


def test_without_the_choice_no_closed_item_reaches_any_table_of_the_server(
    tmp_path: Path,
    pg: PostgresServer,
    office: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, roles = office
    a = laptop(tmp_path, pg, database, roles["Klubben"], capsys, monkeypatch)
    code, out, err = run(capsys, a, "sync")
    assert (code, err) == (0, "") and out.startswith(f"Sent {len(HOSTILE) + 1} of {len(HOSTILE) + 1} ")
    assert "restricted" not in out
    tables = every_table(pg.url(database))
    assert {"public.meetings", "public.actions", "public.closed_items", "public.group_roles"} <= set(tables)
    for name, rows in tables.items():
        assert SECRET not in rows and "Personsag" not in rows, name
    assert "Støj i storrummet" in tables["public.meetings"] and tables["public.closed_items"] == ""


def test_with_the_choice_closed_items_are_in_the_restricted_table_only_and_only_its_role_reads_them(
    tmp_path: Path,
    pg: PostgresServer,
    office: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, roles = office
    klubben = roles["Klubben"]
    a = laptop(tmp_path, pg, database, klubben, capsys, monkeypatch)
    assert run(capsys, a, "share", "--closed-items", "Klubben", "--confirm", SAID)[0] == 0
    code, out, err = run(capsys, a, "sync")
    meetings = len(HOSTILE) + 1
    assert (code, err) == (0, "")
    assert out.splitlines()[2:] == [f"Sent the closed items of {meetings} meetings to the restricted archive."]

    tables = every_table(pg.url(database))
    for name, rows in tables.items():
        assert (SECRET in rows) == (name == "public.closed_items"), name
    with as_role(pg, database, klubben.restricted) as db:
        rows = db.execute("SELECT content FROM closed_items").fetchall()
    assert len(rows) == meetings
    written = {
        field: [text for (content,) in rows for text in texts(content)]
        for field, texts in {
            "notes": lambda c: [i["notes"] for i in c["items"]],
            "decisions": lambda c: [d["text"] for i in c["items"] for d in i["decisions"]],
            "votes": lambda c: [v["subject"] for i in c["items"] for v in i["votes"]],
            "actions": lambda c: [a["what"] for a in c["actions"]],
            "who": lambda c: [a["who"] for a in c["actions"]],
            "carried": lambda c: [a["what"] for a in c["carried"]],
        }.items()
    }
    for name, text in HOSTILE.items():
        on_server = f"{SECRET} {name} {text}".replace("\x00", "\ufffd")
        assert f"{on_server} noter" in written["notes"], name
        assert f"{on_server} beslutning" in written["decisions"], name
        assert f"{on_server} afstemning" in written["votes"], name
        assert f"{on_server} opgave" in written["actions"] and f"{on_server} opgave" in written["carried"], name
        assert f"{on_server} hvem" in written["who"], name

    with (
        as_role(pg, database, klubben.role) as db,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"),
    ):
        db.execute("SELECT count(*) FROM closed_items")
    with as_role(pg, database, roles["Anden klub"].restricted) as db:
        assert db.execute("SELECT count(*) FROM closed_items").fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("SELECT count(*) FROM meetings")
    with as_role(pg, database, roles["Anden klub"].role) as db:  # nor through the laptops' functions
        assert db.execute("SELECT count(*) FROM facilitator_closed_versions(ARRAY(SELECT gen_random_uuid()))").fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("SELECT facilitator_take_back_closed('Klubben')")

    assert run(capsys, a, "sync")[1].splitlines()[2:] == []  # nothing new to send


def test_a_choice_taken_back_deletes_what_was_sent_at_the_next_sync_and_sends_no_more(
    tmp_path: Path,
    pg: PostgresServer,
    office: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, roles = office
    klubben = roles["Klubben"]
    path = tmp_path / "arkiv.sqlite3"
    assert run(capsys, path, "share", pg.url(database, user=klubben.role))[0] == 0
    monkeypatch.setenv("PGPASSWORD", GroupRoles.password(klubben.role))
    with Archive.open(path) as archive:
        hold(archive, secret=SECRET)
    assert (
        run(
            capsys,
            path,
            "share",
            "--closed-items",
            "Klubben",
            "--confirm",
            "  closed ITEMS from  Klubben are sent to the restricted archive.",
        )[0]
        == 0
    )
    assert run(capsys, path, "sync")[1].splitlines()[2:] == ["Sent the closed items of 1 meeting to the restricted archive."]

    assert run(capsys, path, "share", "--no-closed-items", "Klubben")[1] == (
        "Closed items from Klubben are sent no more; the next sync deletes those already sent.\n"
    )
    shown = run(capsys, path, "share")[1].splitlines()
    assert shown[1:] == ["Closed items from Klubben were taken back; the next sync deletes those already sent."]
    assert SECRET in every_table(pg.url(database))["public.closed_items"]  # until the next sync
    with Archive.open(path) as archive:
        hold(archive, day=dt.date(2026, 12, 1), secret=SECRET)
    out = run(capsys, path, "sync")[1].splitlines()
    assert out[2:] == ["Deleted the closed items of 1 meeting of Klubben from the restricted archive."]
    for name, rows in every_table(pg.url(database)).items():
        assert SECRET not in rows, name
    assert run(capsys, path, "sync")[1].splitlines()[2:] == []
    assert run(capsys, path, "share")[1].splitlines()[1:] == []
    assert (
        run(capsys, path, "share", "--no-closed-items", "Klubben")[1]
        == "Closed items from Klubben were not being sent; nothing changed.\n"
    )


def test_the_choice_is_made_by_typing_the_sentence_back_and_nothing_else_makes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "arkiv.sqlite3"
    for typed in ("ja\n", "Closed items from Anden klub are sent to the restricted archive\n", ""):
        monkeypatch.setattr("sys.stdin", io.StringIO(typed))
        code, out, err = run(capsys, path, "share", "--closed-items", "Klubben")
        assert code == 2
        assert out == (
            "Closed items stay on this laptop unless you choose otherwise. To send them to the shared archive's"
            f" restricted table, type this sentence:\n  {SAID}\n> "
        )
        assert err == (
            "The sentence was not typed as shown, so nothing changed: closed items from Klubben stay on this laptop."
            f" To choose, type: {SAID}\n"
        )
        with Archive.open(path, read_only=True) as archive:
            assert archive.closed_choices().chosen == {}
    assert run(capsys, path, "share", "--closed-items", "Klubben", "--confirm", "yes")[0] == 2
    assert run(capsys, path, "share", "--confirm", SAID)[2] == "--confirm goes with --closed-items GROUP.\n"
    assert (
        run(capsys, path, "share", "--closed-items", " ", "--confirm", SAID)[2]
        == "Name the group whose closed items are meant.\n"
    )

    monkeypatch.setattr("sys.stdin", io.StringIO(SAID + "\n"))
    code, out, _ = run(capsys, path, "share", "--closed-items", "Klubben")
    assert code == 0 and out.endswith(
        "\n> Closed items from Klubben are sent to the restricted archive from the next sync on; there only the group's"
        " restricted role reads them. Take it back with: facilitator share --no-closed-items GROUP\n"
    )
    with Archive.open(path, read_only=True) as archive:
        assert archive.closed_choices().chosen == {"Klubben": SAID}
    assert run(capsys, path, "share")[1].splitlines() == [
        f"The archive {path} is not shared. Share it with: facilitator share postgresql://user@host/database",
        "Closed items from Klubben are sent to the restricted archive.",
    ]


def test_the_danish_sentence_chooses_in_danish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from facilitator.cli import main

    path = tmp_path / "arkiv.sqlite3"
    sentence = "Lukkede punkter fra Klubben sendes til det begrænsede arkiv"
    assert main(["--lang", "da", "--archive", str(path), "share", "--closed-items", "Klubben", "--confirm", sentence]) == 0
    assert capsys.readouterr().out.startswith(
        "Lukkede punkter fra Klubben sendes til det begrænsede arkiv fra næste synkronisering"
    )


def test_a_login_cannot_pass_for_another_group_with_a_group_roles_table_of_its_own(
    tmp_path: Path,
    pg: PostgresServer,
    office: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, roles = office
    path = tmp_path / "arkiv.sqlite3"
    assert run(capsys, path, "share", pg.url(database, user=roles["Klubben"].role))[0] == 0
    monkeypatch.setenv("PGPASSWORD", GroupRoles.password(roles["Klubben"].role))
    with Archive.open(path) as archive:
        hold(archive, secret=SECRET)
    assert run(capsys, path, "share", "--closed-items", "Klubben", "--confirm", SAID)[0] == 0
    assert run(capsys, path, "sync")[0] == 0
    other = roles["Anden klub"].role
    with as_role(pg, database, other) as db:
        for table in ("group_roles", "meetings"):
            db.execute(f"CREATE TEMP TABLE {table} (LIKE public.{table})".encode())
        db.execute("CREATE TEMP TABLE closed_items (meeting_uid uuid, version bigint, group_name text, groups text[])")
        db.execute("INSERT INTO pg_temp.group_roles VALUES ('Klubben', %s, %s)", (other, other))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("SELECT facilitator_take_back_closed('Klubben')")
        assert db.execute(
            "SELECT count(*) FROM facilitator_closed_versions(ARRAY(SELECT uid FROM public.meetings))"
        ).fetchone() == (0,)
    assert SECRET in every_table(pg.url(database))["public.closed_items"]
