"""``search --shared``: the club's meetings from every laptop, found on the server with
Danish forms and parts of words, each club's role finding its own club's only, and never a
closed item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.hostile_text import SHORT
from support.laptops import run, save
from support.postgres import PostgresServer
from support.union import Union, held

from facilitator.store.archive import Archive

A, B = "Klubben", "Anden klub"


@pytest.fixture
def union(pg: PostgresServer) -> Union:
    return Union(pg, (A, B))


def uid(path: Path, meeting_id: int = 1) -> str:
    """The meeting's id on the server as the commands show it."""
    with Archive.open(path, read_only=True) as archive:
        return next(m.uid for m in archive.shared_meetings() if m.meeting_id == meeting_id)[:8]


def sync(union: Union, path: Path, group: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    union.as_club(monkeypatch, group)
    assert run(capsys, path, "sync")[0] == 0


@pytest.fixture
def laptops(
    union: Union, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """Laptop a of Klubben and laptop b of Anden klub, a meeting each, synced."""
    a = union.laptop(tmp_path, "a", A, capsys)
    b = union.laptop(tmp_path, "b", B, capsys)
    with Archive.open(a) as archive:
        held(
            archive, A, dt.date(2026, 11, 3), "Voldspolitikken skal drøftes med ØKONOMI-udvalget", "Beslutningerne sendes til MED"
        )
    with Archive.open(b) as archive:
        held(archive, B, dt.date(2026, 11, 4), "Voldspolitikken i Anden klub", "Ingen beslutning om vold")
    sync(union, a, A, capsys, monkeypatch)
    sync(union, b, B, capsys, monkeypatch)
    return a, b


def test_each_clubs_role_finds_its_own_clubs_meetings_and_never_a_closed_item(
    union: Union, laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops
    union.as_club(monkeypatch, A)
    assert run(capsys, a, "search", "--shared", "vold") == (
        0,
        f"{uid(a)} 2026-11-03 Klubmøde › Arbejdsmiljø (note): [Vold]spolitikken skal drøftes med ØKONOMI-udvalget\n",
        "",
    )
    union.as_club(monkeypatch, B)
    assert run(capsys, b, "search", "--shared", "vold") == (
        0,
        f"{uid(b)} 2026-11-04 Klubmøde › Arbejdsmiljø (note): [Vold]spolitikken i Anden klub\n"
        f"{uid(b)} 2026-11-04 Klubmøde › Arbejdsmiljø (decision): Ingen beslutning om [vold]\n",
        "",
    )
    assert run(capsys, b, "search", "--shared", "ØKONOMI") == (0, "", "nothing found\n")
    for group, path in ((A, a), (B, b)):
        union.as_club(monkeypatch, group)
        for secret in ("HEMMELIG", "hemmelig noter", "afstemning", "opgave"):
            assert run(capsys, path, "search", "--shared", secret) == (0, "", "nothing found\n")
    # The union office (the tables' owner) sees every club's.
    office = union.laptop(a.parent.parent, "office", A, capsys)
    assert run(capsys, office, "share", union.url())[0] == 0
    found = run(capsys, office, "search", "--shared", "voldspolitikken")[1].splitlines()
    assert [line[:8] for line in found] == [uid(b), uid(a)]  # the newest meeting first


def test_parts_of_words_danish_word_forms_and_case_all_count(
    union: Union, laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _ = laptops
    union.as_club(monkeypatch, A)
    note = f"{uid(a)} 2026-11-03 Klubmøde › Arbejdsmiljø (note): "
    decision = f"{uid(a)} 2026-11-03 Klubmøde › Arbejdsmiljø (decision): "
    assert run(capsys, a, "search", "--shared", "vold")[1] == note + "[Vold]spolitikken skal drøftes med ØKONOMI-udvalget\n"
    assert run(capsys, a, "search", "--shared", "politik")[1] == note + "Volds[politik]ken skal drøftes med ØKONOMI-udvalget\n"
    assert run(capsys, a, "search", "--shared", "økonomi")[1] == note + "Voldspolitikken skal drøftes med [ØKONOMI]-udvalget\n"
    # Danish forms: neither word is part of the other, their stem is the same.
    assert run(capsys, a, "search", "--shared", "udvalgene")[1] == note + "Voldspolitikken skal drøftes med ØKONOMI-[udvalg]et\n"
    assert run(capsys, a, "search", "--shared", "drøftet")[1] == note + "Voldspolitikken skal [drøft]es med ØKONOMI-udvalget\n"
    assert run(capsys, a, "search", "--shared", "beslutningen")[1] == decision + "[Beslutning]erne sendes til MED\n"
    # Every word must occur in one record; a word found nowhere ends the search.
    assert run(capsys, a, "search", "--shared", "vold", "udvalget")[1].count("\n") == 1
    assert run(capsys, a, "search", "--shared", "vold", "sendes") == (0, "", "nothing found\n")
    assert run(capsys, a, "search", "--shared", "dagsorden", "qjx") == (0, "", "nothing found\n")
    assert run(capsys, a, "search", "--shared", "og")[0] == 0  # a stop word is matched as text


def test_hostile_queries_are_words_to_look_for_and_nothing_else(
    union: Union, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = union.laptop(tmp_path, "a", A, capsys)
    plain = "Kaffe og kage til alle"
    signs = "Rabat 100 % på kaffe_automaten \\ 'citat' & | ! ( ) :*"
    with Archive.open(a) as archive:
        held(archive, A, dt.date(2026, 11, 3), plain, "Ingen")
        held(archive, A, dt.date(2026, 11, 4), signs, "Ingen")
    sync(union, a, A, capsys, monkeypatch)
    line = f"{uid(a, 2)} 2026-11-04 Klubmøde › Arbejdsmiljø (note): "
    for query in (
        "%",
        "_",
        "\\",
        "'",
        "100 %",
        "e_a",
        "&",
        "|",
        "!",
        ":*",
        "! (",
        "'citat'",
        "kaffe & !",
        "kaffe_automaten \\ 'citat'",
    ):
        code, out, err = run(capsys, a, "search", "--shared", query)
        assert code == 0 and out.startswith(line) and out.count("\n") == 1, query
    # Operators are words to find: "|" is no "or", "!" no "not", ":*" no prefix.
    for query in ("%%%", "_a_", "k%e", "ka:*", "kaffe | kage", "kaffe & !kage", "kaffe <-> kage", "ka*", "\\%"):
        assert run(capsys, a, "search", "--shared", query) == (0, "", "nothing found\n"), query
    assert (
        run(capsys, a, "search", "--shared", "kage")[1]
        == f"{uid(a)} 2026-11-03 Klubmøde › Arbejdsmiljø (note): Kaffe og [kage] til alle\n"
    )
    for name, query in SHORT.items():
        code, out, err = run(capsys, a, "search", "--shared", query)
        assert code == 0 and (out, err) == ("", "nothing found\n"), name
    assert run(capsys, a, "search", "--shared", "ka\x00ffe")[1].count("\n") == 2  # a NUL parts words, as locally
    # An argument that was not UTF-8 (a lone surrogate) is looked for, not sent raw.
    assert run(capsys, a, "search", "--shared", "kaffe\udcff") == (0, "", "nothing found\n")
    assert run(capsys, a, "actions", "--shared", "--group", "\udcff\x00") == (0, "", "nothing to show\n")


def test_a_meeting_sent_again_is_found_as_it_is_now(
    union: Union, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from support.laptops import hold

    a = union.laptop(tmp_path, "a", A, capsys)
    with Archive.open(a) as archive:
        meeting_id, meeting = hold(archive, group=A)
        meeting.go_to(2)
        meeting.set_notes("Første udgave om sygefravær")
        save(archive, meeting_id, meeting)
    sync(union, a, A, capsys, monkeypatch)
    assert run(capsys, a, "search", "--shared", "sygefravær")[1].count("\n") == 1
    with Archive.open(a) as archive:
        meeting.set_notes("Anden udgave om trivsel")
        save(archive, meeting_id, meeting)
    sync(union, a, A, capsys, monkeypatch)
    assert run(capsys, a, "search", "--shared", "sygefravær") == (0, "", "nothing found\n")
    assert run(capsys, a, "search", "--shared", "trivsel")[1].count("\n") == 1


def test_hits_come_newest_first_a_page_at_a_time(
    union: Union, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = union.laptop(tmp_path, "a", A, capsys)
    with Archive.open(a) as archive:
        for day in range(1, 6):
            held(archive, A, dt.date(2026, 11, day), f"Arbejdsmiljø møde {day}", "Ingen")
    sync(union, a, A, capsys, monkeypatch)
    code, out, err = run(capsys, a, "search", "--shared", "--limit", "3", "arbejdsmiljø")
    assert [line.rsplit(" ", 1)[1] for line in out.splitlines()] == ["5", "4", "3"]
    assert [line[:8] for line in out.splitlines()] == [uid(a, n) for n in (5, 4, 3)]
    assert (
        err == "these are the 3 newest hits; there are more: narrow the search with another word, or see more with --limit 15\n"
    )
    assert run(capsys, a, "search", "--shared", "--limit", "5", "arbejdsmiljø")[1:] == (
        out + "".join(f"{uid(a, n)} 2026-11-0{n} Klubmøde › Arbejdsmiljø (note): [Arbejdsmiljø] møde {n}\n" for n in (2, 1)),
        "",
    )


def test_the_records_are_read_by_group_and_written_by_the_server_alone(union: Union, laptops: tuple[Path, Path]) -> None:
    import psycopg

    for group in (A, B):
        role = union.roles[group]
        with psycopg.connect(union.pg.url(union.database, user=role, password=f"kode-{role}"), autocommit=True) as db:
            assert db.execute("SELECT DISTINCT group_name FROM search_texts").fetchall() == [(group,)]
            assert db.execute("SELECT DISTINCT group_name FROM decision_log").fetchall() == [(group,)]
            assert db.execute("SELECT count(*) FROM search_texts WHERE body LIKE '%HEMMELIG%'").fetchone() == (0,)
            for forged in (
                "INSERT INTO search_texts (meeting_uid, seq, group_name, newest, item_title, kind, body, folded)"
                " SELECT meeting_uid, 99, group_name, newest, 'x', 'note', 'falsk', 'falsk' FROM search_texts LIMIT 1",
                "DELETE FROM decision_log",
                "SELECT facilitator_records(ARRAY(SELECT uid FROM meetings))",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    db.execute(forged)
