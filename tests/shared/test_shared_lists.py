"""``meetings``, ``actions`` and ``decisions`` with ``--shared``: the club's history from
every laptop, in the local lists' form and order, a page at a time; and each failure in one
line that shows no password."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import psycopg
import pytest
from support.laptops import run
from support.postgres import PostgresServer
from support.union import Union, held

from facilitator.shared import reading
from facilitator.shared import schema as shared_schema
from facilitator.store.archive import Archive

A, B = "Klubben", "Anden klub"


@pytest.fixture
def union(pg: PostgresServer) -> Union:
    return Union(pg, (A, B))


def uids(path: Path) -> list[str]:
    """The laptop's meetings' ids on the server as the commands show them, oldest first."""
    with Archive.open(path, read_only=True) as archive:
        return [m.uid[:8] for m in archive.shared_meetings()]


@pytest.fixture
def club(union: Union, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Klubben's chair (two meetings) and referent (one, between them), Anden klub's one; synced."""
    chair, referent = union.laptop(tmp_path, "chair", A, capsys), union.laptop(tmp_path, "referent", A, capsys)
    other = union.laptop(tmp_path, "other", B, capsys)
    with Archive.open(chair) as archive:
        held(archive, A, dt.date(2026, 11, 3), "Noter 1", "Første beslutning")
        held(archive, A, dt.date(2026, 11, 5), "Noter 3", "Tredje beslutning")
    with Archive.open(referent) as archive:
        held(archive, A, dt.date(2026, 11, 4), "Noter 2", "Anden beslutning")
    with Archive.open(other) as archive:
        held(archive, B, dt.date(2026, 11, 6), "Andre noter", "Den anden klubs beslutning")
    for path, group in ((chair, A), (referent, A), (other, B)):
        union.as_club(monkeypatch, group)
        assert run(capsys, path, "sync")[0] == 0
    union.as_club(monkeypatch, A)
    return chair, referent


def test_meetings_lists_the_clubs_meetings_from_every_laptop_newest_first(
    club: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    chair, referent = club
    first, third = uids(chair)
    (second,) = uids(referent)
    code, out, err = run(capsys, referent, "meetings", "--shared")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "id        date        title     group    status",
        f"{third}  2026-11-05  Klubmøde  Klubben  not finished",
        f"{second}  2026-11-04  Klubmøde  Klubben  not finished",
        f"{first}  2026-11-03  Klubmøde  Klubben  not finished",
    ]
    code, out, err = run(capsys, referent, "meetings", "--shared", "--limit", "2")
    assert [line[:8] for line in out.splitlines()[1:]] == [third, second]
    assert err == "these are the 2 newest meetings; there are more: see more with --limit 10\n"


def test_actions_lists_the_clubs_actions_by_deadline_open_and_as_csv(
    club: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    chair, referent = club
    first, third = uids(chair)
    (second,) = uids(referent)
    code, out, err = run(capsys, chair, "actions", "--shared")
    lines = out.splitlines()
    assert (code, err, len(lines)) == (0, "", 7)
    assert lines[0].split() == ["id", "deadline", "who", "what", "meeting", "item"]
    # By deadline (all on 20 December), then meeting, oldest first; without a deadline last.
    assert [line.split()[1] for line in lines[1:]] == [f"{u}-{n}" for n in (5, 6) for u in (first, second, third)]
    assert lines[1].split("  ")[0] == "·" and "Måle støjen 2026-11-03" in lines[1] and "Den anden" not in out
    code, out, err = run(capsys, chair, "actions", "--shared", "--limit", "2")
    assert out.count("\n") == 3 and err.startswith("these are the first 2 actions by deadline; there are more")
    assert run(capsys, chair, "actions", "--shared", "--group", B) == (0, "", "nothing to show\n")
    monkeypatch.setattr(reading, "BATCH", 2)  # the whole list, read a batch at a time
    code, out, err = run(capsys, chair, "actions", "--shared", "--csv")
    rows = out.lstrip("\ufeff").splitlines()
    assert rows[0] == "id,done,deadline,who,what,meeting,date,item"
    assert [row.split(",")[0] for row in rows[1:]] == [f"{u}-{n}" for n in (5, 6) for u in (first, second, third)]
    assert rows[1] == f"{first}-5,no,2026-12-20,Bo,Måle støjen 2026-11-03,{first} Klubmøde,2026-11-03,Arbejdsmiljø"


def test_actions_open_leaves_out_those_done(union: Union, club: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    chair, _ = club
    first = uids(chair)[0]
    with psycopg.connect(union.url(), autocommit=True) as db:
        db.execute("UPDATE actions SET done = true WHERE action_id = 5")
    ids = [line.split()[1] for line in run(capsys, chair, "actions", "--shared", "--open")[1].splitlines()[1:]]
    assert len(ids) == 3 and all(i.endswith("-6") for i in ids)
    assert f"✓  {first}-5" in run(capsys, chair, "actions", "--shared")[1]


def test_decisions_lists_the_clubs_decision_log_newest_first_and_as_csv(
    club: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    chair, referent = club
    first, third = uids(chair)
    (second,) = uids(referent)
    code, out, err = run(capsys, chair, "decisions", "--shared")
    assert (code, err) == (0, "")
    assert [line.split("  ")[0] for line in out.splitlines()] == ["meeting"] + [
        f"{u} 2026-11-0{d}" for u, d in ((third, 5), (third, 5), (second, 4), (second, 4), (first, 3), (first, 3))
    ]
    assert "Tredje beslutning" in out.splitlines()[1] and "Dagsordenen godkendt – æøå" in out.splitlines()[2]
    assert "Den anden klubs" not in out
    since = run(capsys, chair, "decisions", "--shared", "--since", "2026-11-04")[1]
    assert since.count("\n") == 5 and first not in since
    code, out, err = run(capsys, chair, "decisions", "--shared", "--limit", "1")
    assert out.count("\n") == 2 and err.startswith("these are the newest 1 decisions; there are more")
    assert run(capsys, chair, "decisions", "--shared", "--group", B) == (0, "", "nothing to show\n")
    monkeypatch.setattr(reading, "BATCH", 4)
    rows = run(capsys, chair, "decisions", "--shared", "--csv")[1].lstrip("\ufeff").splitlines()
    assert rows[0] == "id,meeting,date,group,item,decision,principles and answers,review,sent on to"
    assert rows[1] == f"{third},Klubmøde,2026-11-05,Klubben,Arbejdsmiljø,Tredje beslutning,,,"
    assert [row[:8] for row in rows[1:]] == [third, third, second, second, first, first]


def test_shared_questions_fail_in_one_line_without_a_password(
    union: Union, club: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    chair, _ = club
    url = union.url(A)
    commands = (["search", "--shared", "noter"], ["meetings", "--shared"], ["actions", "--shared"], ["decisions", "--shared"])
    monkeypatch.setenv("PGPASSWORD", "forkert-kodeord-123")
    for command in commands:
        assert run(capsys, chair, *command) == (
            2,
            "",
            f"The shared archive {url} refused the login: wrong password (set PGPASSWORD or ~/.pgpass).\n",
        )  # a question had nothing to lose: the message does not say that nothing is lost
    union.as_club(monkeypatch, A)
    union.pg.stop()
    try:
        for command in commands:
            code, out, err = run(capsys, chair, *command)
            assert (code, out) == (2, "") and err.count("\n") == 1
            assert err.startswith(f"The shared archive {url} cannot be reached (") and "lost" not in err
    finally:
        union.pg.start()
    with psycopg.connect(union.url(), autocommit=True) as db:
        db.execute("UPDATE facilitator_schema SET version = 99")
    for command in commands:
        code, out, err = run(capsys, chair, *command)
        assert (code, out) == (2, "") and err.startswith(f"The shared archive {url} has schema 99, newer than this")
        assert "lost" not in err
    for command in (commands[0], commands[2], commands[3]):  # meetings has no --restricted
        assert run(capsys, chair, *command, "--restricted") == (
            2,
            "",
            "Closed items stay on the laptops and are never in the shared archive: leave out --restricted with --shared.\n",
        )
    alone = tmp_path / "alone" / "arkiv.sqlite3"
    for command in commands:
        assert run(capsys, alone, *command) == (
            2,
            "",
            f"The archive {alone} is not shared, so there is no shared archive to ask: facilitator share postgresql://user@host/database\n",
        )
    assert not alone.exists()


def test_a_role_of_no_group_sees_nothing_and_the_office_sees_every_club(
    union: Union, club: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stranger = f"fremmed_{union.database}"
    union.pg.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD 'kode-fremmed'", union.database)
    union.pg.execute(f"GRANT SELECT ON meetings, actions TO {stranger}", union.database)  # but in no group
    path = tmp_path / "stranger" / "arkiv.sqlite3"
    path.parent.mkdir()
    assert run(capsys, path, "share", union.pg.url(union.database, user=stranger))[0] == 0
    monkeypatch.setenv("PGPASSWORD", "kode-fremmed")
    for command in (
        ["search", "--shared", "noter"],
        ["meetings", "--shared"],
        ["actions", "--shared"],
        ["decisions", "--shared"],
    ):
        assert run(capsys, path, *command)[:2] == (0, ""), command
    office = tmp_path / "office" / "arkiv.sqlite3"
    office.parent.mkdir()
    assert run(capsys, office, "share", union.url())[0] == 0
    lines = run(capsys, office, "meetings", "--shared")[1].splitlines()[1:]
    assert [f"  {B}  " in line for line in lines] == [True, False, False, False]
    assert [f"  {A}  " in line for line in lines] == [False, True, True, True]
    with psycopg.connect(union.url()) as db:
        assert db.execute("SELECT count(*) FROM search_texts").fetchone() == (4 * 5,)
    assert shared_schema.SCHEMA_VERSION >= 3
