"""A joint meeting on the shared server: every one of its groups' roles reads it and its actions,
no other role does, and only its first group's role writes it. Its closed items go to the
restricted table only when each of its groups chose so, and each of their restricted roles reads them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import psycopg
import pytest
from support.clock import FakeClock
from support.laptops import run, save
from support.postgres import PostgresServer
from support.union_office import GroupRoles, as_role, set_up

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from facilitator.shared import schema as shared_schema
from facilitator.shared.who_sees import WHO_SEES_STEP
from facilitator.store.archive import Archive

DS, HK, THIRD = "Socialrådgiverklubben", "HK-klubben", "Tredje klub"

JOINT = f"""format = 1
[meeting]
title = "Fællesmøde"
kind = "klubmøde"
groups = ["{DS}", "{HK}"]
participants = ["Anne", "Hanne"]

[[item]]
title = "Arbejdsmiljø"

[[item]]
title = "Personsag"
confidential = true
"""


def hold_joint(archive: Archive) -> None:
    meeting = Meeting(parse_agenda(JOINT.encode()), clock=FakeClock(dt.datetime(2026, 11, 3, 17)))
    meeting_id = archive.create(meeting)
    meeting.start()
    meeting.add_action("Fælles måling af støj", "Hanne", dt.date(2026, 12, 1))
    meeting.go_to(1)
    meeting.set_notes("LUKKET fælles noter")
    save(archive, meeting_id, meeting)


def left_before(db: psycopg.Connection[Any], step: tuple[str, ...]) -> None:
    """The server as a facilitator before ``step`` left it."""
    before = shared_schema.MIGRATIONS.index(step)
    db.execute(shared_schema.VERSION_TABLE)
    for steps in shared_schema.MIGRATIONS[:before]:
        for statement in steps:
            db.execute(statement.encode())
    db.execute("INSERT INTO facilitator_schema (version) VALUES (%s)", (before,))


@pytest.fixture
def roles(pg: PostgresServer) -> tuple[str, dict[str, GroupRoles]]:
    database = pg.new_database()
    return database, set_up(pg, database, {DS: "ds", HK: "hk", THIRD: "tredje"})


def test_a_joint_meeting_is_read_by_each_of_its_groups_roles_and_by_no_other(
    tmp_path: Path,
    pg: PostgresServer,
    roles: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, made = roles
    path = tmp_path / "arkiv.sqlite3"
    assert run(capsys, path, "share", pg.url(database, user=made[DS].role))[0] == 0
    monkeypatch.setenv("PGPASSWORD", GroupRoles.password(made[DS].role))
    with Archive.open(path) as archive:
        hold_joint(archive)
    assert run(capsys, path, "sync")[1].startswith("Sent 1 of 1 ")

    for group in (DS, HK):
        with as_role(pg, database, made[group].role) as db:
            assert db.execute("SELECT title, group_name, groups FROM meetings").fetchall() == [("Fællesmøde", DS, [DS, HK])]
            assert db.execute("SELECT what, groups FROM actions").fetchall() == [("Fælles måling af støj", [DS, HK])]
    with as_role(pg, database, made[THIRD].role) as db:
        assert db.execute("SELECT count(*) FROM meetings").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM actions").fetchone() == (0,)
    with as_role(pg, database, made[HK].role) as db:  # a further group reads, the first group's role writes
        assert db.execute("UPDATE meetings SET title = 'Omskrevet'").rowcount == 0
        assert db.execute("UPDATE meetings SET group_name = %s", (HK,)).rowcount == 0
        assert db.execute("DELETE FROM actions").rowcount == 0
    with psycopg.connect(pg.url(database)) as db:
        assert db.execute("SELECT title, group_name FROM meetings").fetchall() == [("Fællesmøde", DS)]


def test_a_joint_meetings_closed_items_go_only_when_each_group_chose_and_each_restricted_role_reads_them(
    tmp_path: Path,
    pg: PostgresServer,
    roles: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, made = roles
    path = tmp_path / "arkiv.sqlite3"
    assert run(capsys, path, "share", pg.url(database, user=made[DS].role))[0] == 0
    monkeypatch.setenv("PGPASSWORD", GroupRoles.password(made[DS].role))
    with Archive.open(path) as archive:
        hold_joint(archive)
    said = "Closed items from {} are sent to the restricted archive"
    assert run(capsys, path, "share", "--closed-items", DS, "--confirm", said.format(DS))[0] == 0
    assert run(capsys, path, "sync")[1].count("\n") == 2  # sent and received, the public part only: HK has not chosen
    with psycopg.connect(pg.url(database)) as db:
        assert db.execute("SELECT count(*) FROM closed_items").fetchone() == (0,)

    assert run(capsys, path, "share", "--closed-items", HK, "--confirm", said.format(HK))[0] == 0
    assert run(capsys, path, "sync")[1].splitlines()[2:] == ["Sent the closed items of 1 meeting to the restricted archive."]
    for group in (DS, HK):
        with as_role(pg, database, made[group].restricted) as db:
            (content,) = db.execute("SELECT content FROM closed_items").fetchone()  # type: ignore[misc]
            assert [item["notes"] for item in content["items"]] == ["LUKKET fælles noter"]
    with as_role(pg, database, made[THIRD].restricted) as db:
        assert db.execute("SELECT count(*) FROM closed_items").fetchone() == (0,)


def test_rows_sent_before_the_step_get_their_one_group_and_stay_readable(pg: PostgresServer) -> None:
    database = pg.new_database()
    with psycopg.connect(pg.url(database), autocommit=True) as db:
        left_before(db, WHO_SEES_STEP)
        db.execute(
            "INSERT INTO meetings (uid, version, group_name, kind, title, snapshot)"
            " VALUES ('00000000-0000-4000-8000-000000000001', 1, %s, 'klubmøde', 'Før', '{}')",
            (DS,),
        )
        db.execute(
            "INSERT INTO actions (meeting_uid, action_id, group_name, item_title, what, who, done)"
            " VALUES ('00000000-0000-4000-8000-000000000001', 1, %s, 'Punkt', 'Opgave', 'Anne', false)",
            (DS,),
        )
        shared_schema.migrate(db)
        assert shared_schema.server_version(db) == shared_schema.SCHEMA_VERSION
    made = set_up(pg, database, {DS: "ds", HK: "hk"})
    with as_role(pg, database, made[DS].role) as db:
        assert db.execute("SELECT title, groups FROM meetings").fetchall() == [("Før", [DS])]
        assert db.execute("SELECT what, groups FROM actions").fetchall() == [("Opgave", [DS])]
    with as_role(pg, database, made[HK].role) as db:
        assert db.execute("SELECT count(*) FROM meetings").fetchone() == (0,)


def test_a_further_groups_laptop_receives_the_joint_meeting_and_follows_up_its_actions(
    tmp_path: Path,
    pg: PostgresServer,
    roles: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pulling and the joint groups' policy together: HK's laptop gets the meeting DS's laptop
    held with HK, and HK's next meeting follows its action up; a third club's gets nothing."""
    database, made = roles
    laptops = {group: tmp_path / group / "arkiv.sqlite3" for group in (DS, HK, THIRD)}
    for group, path in laptops.items():
        path.parent.mkdir()
        assert run(capsys, path, "share", pg.url(database, user=made[group].role))[0] == 0
    with Archive.open(laptops[DS]) as archive:
        hold_joint(archive)
    monkeypatch.setenv("PGPASSWORD", GroupRoles.password(made[DS].role))
    assert run(capsys, laptops[DS], "sync")[0] == 0

    monkeypatch.setenv("PGPASSWORD", GroupRoles.password(made[HK].role))
    out = run(capsys, laptops[HK], "sync")[1].splitlines()
    assert out[1].startswith("Received 1 meeting ")
    with Archive.open(laptops[HK], read_only=True) as archive:
        assert [a.what for a in archive.open_actions(HK)] == ["Fælles måling af støj"]
        [received] = [archive.load(m.id) for m in archive.meetings()]
        assert [s.item.title for s in received.items] == ["Arbejdsmiljø"]  # the closed item stayed on DS's laptop
        assert received.info.all_groups() == (DS, HK)

    monkeypatch.setenv("PGPASSWORD", GroupRoles.password(made[THIRD].role))
    assert run(capsys, laptops[THIRD], "sync")[1].splitlines()[1].startswith("Received 0 meetings")


def test_a_further_groups_lists_and_search_on_the_server_find_the_joint_meeting(
    tmp_path: Path,
    pg: PostgresServer,
    roles: tuple[str, dict[str, GroupRoles]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every ``--shared`` list and search asks for the role's groups: a joint meeting is
    HK's too, though DS's role wrote it (its first group), in ``meetings`` and ``actions`` as
    in the records the server made of it (``search``, ``decisions``); a third club's role
    finds nothing of it, and the closed item's notes are in no one's."""
    database, made = roles
    laptops = {group: tmp_path / f"{made[group].role}.sqlite3" for group in (DS, HK, THIRD)}
    for group, laptop in laptops.items():
        assert run(capsys, laptop, "share", pg.url(database, user=made[group].role))[0] == 0
    with Archive.open(laptops[DS]) as archive:
        hold_joint(archive)
        [meeting_id] = [m.id for m in archive.meetings()]
        meeting = archive.load(meeting_id)
        meeting.go_to(0)
        meeting.add_decision("Støjmålingen gøres i fællesskab")
        save(archive, meeting_id, meeting)
    monkeypatch.setenv("PGPASSWORD", GroupRoles.password(made[DS].role))
    assert run(capsys, laptops[DS], "sync")[0] == 0

    def asks(group: str, *args: str) -> str:
        monkeypatch.setenv("PGPASSWORD", GroupRoles.password(made[group].role))
        code, out, err = run(capsys, laptops[group], *args)
        assert code == 0, err
        return out

    for group, sees in ((DS, True), (HK, True), (THIRD, False)):
        for args, shown in (
            (("meetings", "--shared"), "Fællesmøde"),
            (("actions", "--shared"), "Fælles måling af støj"),
            (("actions", "--shared", "--group", group), "Fælles måling af støj"),
            (("search", "--shared", "støjmåling"), "gøres i fællesskab"),
            (("search", "--shared", "måling"), "af støj"),  # a part of a word, by trigrams
            (("decisions", "--shared"), "Støjmålingen gøres i fællesskab"),
            (("decisions", "--shared", "--group", group), "Støjmålingen gøres i fællesskab"),
        ):
            out = asks(group, *args)
            assert (shown in out) is sees, (group, args, out)
        assert "LUKKET" not in asks(group, "search", "--shared", "LUKKET")
    assert "Fælles måling af støj" not in asks(HK, "actions", "--shared", "--group", THIRD)
    assert "Støjmålingen" not in asks(HK, "decisions", "--shared", "--group", THIRD)


def test_records_made_before_the_joint_step_get_their_meetings_groups(pg: PostgresServer) -> None:
    """A server whose records were made before the step: the step gives each record its
    meeting's groups (the first group when the meeting's list was left empty), and the
    further group of a joint meeting reads them from then on."""
    database = pg.new_database()
    joint, single = "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"
    snapshot = '{"items": [{"id": 0, "item": {"title": "Punkt"}, "notes": "Fælles støjmåling", "decisions": [{"id": 1, "text": "Vedtaget"}]}]}'
    with psycopg.connect(pg.url(database), autocommit=True) as db:
        left_before(db, shared_schema.JOINT_RECORDS_STEP)
        db.execute(
            "INSERT INTO meetings (uid, version, group_name, groups, kind, title, snapshot) VALUES"
            " (%s, 1, %s, %s, 'klubmøde', 'Fælles', %s::jsonb), (%s, 1, %s, '{}', 'klubmøde', 'Eget', %s::jsonb)",
            (joint, DS, [DS, HK], snapshot, single, DS, snapshot),
        )
        shared_schema.migrate(db)
        assert db.execute("SELECT DISTINCT meeting_uid::text, groups FROM search_texts ORDER BY 1").fetchall() == [
            (joint, [DS, HK]),
            (single, [DS]),
        ]
        assert db.execute("SELECT meeting_uid::text, groups FROM decision_log ORDER BY 1").fetchall() == [
            (joint, [DS, HK]),
            (single, [DS]),
        ]
        db.execute("UPDATE meetings SET groups = %s WHERE uid = %s", ([DS, THIRD], joint))  # the trigger makes them again
        assert db.execute("SELECT DISTINCT groups FROM search_texts WHERE meeting_uid = %s", (joint,)).fetchone() == (
            [DS, THIRD],
        )
    made = set_up(pg, database, {DS: "ds", HK: "hk", THIRD: "tredje"})
    for group, uids in ((DS, [joint, single]), (HK, []), (THIRD, [joint])):
        with as_role(pg, database, made[group].role) as db:
            for table in ("search_texts", "decision_log"):
                rows = db.execute(f"SELECT DISTINCT meeting_uid::text FROM {table} ORDER BY 1").fetchall()  # noqa: S608
                assert [r[0] for r in rows] == uids, (group, table)
            further = [r[0] for r in db.execute("SELECT meeting_uid::text FROM joint_reads").fetchall()]
            assert further == ([joint] if group == THIRD else []), group  # what its queries name by index
