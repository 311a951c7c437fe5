"""Decisions, votes and forward marks in tables of their own (schema 9): written with the
items they belong to, only the rows that differ; read a page at a time down their keys."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.chain import CLUB, DECISION, RESOURCES, SECRET, VIOLENCE, club_meeting, hold, med_meeting
from support.meetings import klubmoede

from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder


def _writes(archive: Archive, table: str, run: object) -> list[str]:
    """The statements that change ``table`` while ``run()`` saves."""
    statements: list[str] = []
    db: sqlite3.Connection = archive._db
    db.set_trace_callback(statements.append)
    try:
        assert callable(run)
        run()
    finally:
        db.set_trace_callback(None)
    return [s for s in statements if s.lstrip().upper().startswith(("INSERT", "DELETE")) and f" {table} " in f"{s} "]


def test_a_change_writes_the_rows_it_touched(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "arkiv.sqlite3") as archive:
        meeting = club_meeting()
        meeting.ended_at = None  # held open again, to go on
        meeting_id = hold(archive, meeting)
        recorder = Recorder(archive, meeting_id, meeting, MeetingLock.take(archive.path, meeting_id)).start()
        meeting.go_to(RESOURCES)
        added = meeting.add_decision("Endnu en beslutning")
        assert recorder.flush()
        assert len(archive.decisions(restricted=True)) == 3
        meeting.forward("beslutning", added.id, "politikermøde")
        writes = _writes(archive, "forwards", recorder.flush)
        assert len(writes) == 1 and writes[0].startswith("INSERT")
        assert _writes(archive, "decisions", lambda: (meeting.set_notes("Noter"), recorder.flush())) == []
        assert [m.text for m in archive.forwarded("politikermøde")] == ["Endnu en beslutning"]
        meeting.unforward("beslutning", added.id, "politikermøde")
        writes = _writes(archive, "forwards", recorder.flush)
        assert len(writes) == 1 and writes[0].startswith("DELETE") and archive.forwarded("politikermøde") == []
        meeting.forward("noter", 0, "politikermøde")
        assert recorder.close()
        assert [(m.kind, m.text) for m in archive.forwarded("politikermøde")] == [("noter", "Noter")]


def test_a_discarded_meeting_leaves_no_rows(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "arkiv.sqlite3") as archive:
        meeting = klubmoede()
        meeting_id = archive.create(meeting)
        assert archive.discard_unstarted(meeting_id)
        db: sqlite3.Connection = archive._db
        assert [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("decisions", "votes", "forwards")] == [0, 0, 0]


GROUPS = ("Klub A", "Klub B")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    path = tmp_path_factory.mktemp("records") / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        for number in range(8):
            meeting = club_meeting(dt.date(2026, 12, 1) + dt.timedelta(days=7 * number), decision=f"Beslutning {number}")
            meeting.info = meeting.info._replace(group=GROUPS[number % 2])
            hold(archive, meeting)
        hold(archive, med_meeting(dt.date(2027, 3, 1)))
    with Archive.open(path, read_only=True) as archive:
        yield archive


@pytest.mark.parametrize("group", [None, "Klub B"])
@pytest.mark.parametrize("restricted", [False, True])
def test_pages_of_decisions_and_votes_make_the_whole_list(archive: Archive, group: str | None, restricted: bool) -> None:
    for listing in (archive.decisions, archive.votes):
        whole = listing(group=group, restricted=restricted)  # type: ignore[operator]
        keys = [(row.meeting_id, getattr(row, "decision_id", getattr(row, "vote_id", 0))) for row in whole]
        assert keys == sorted(keys, reverse=True) and whole
        for size in (1, 3):
            paged: list[object] = []
            after = None
            while page := listing(group=group, restricted=restricted, after=after, limit=size):  # type: ignore[operator]
                assert len(page) <= size
                paged += page
                after = page[-1]
            assert paged == whole
    expected = {group} if group else {*GROUPS, "MED Jobcenter"}
    assert {d.group for d in archive.decisions(group=group, restricted=restricted)} == expected


def test_the_lists_filter_as_asked(archive: Archive) -> None:
    public = archive.decisions()
    assert SECRET not in [d.text for d in public] and all(not d.confidential for d in public)
    closed = [d for d in archive.decisions(restricted=True) if d.confidential]
    assert len(closed) == 8 and {d.text for d in closed} == {SECRET}
    assert {d.meeting_date for d in archive.decisions(since="2027-01-01")} == {
        "2027-01-05",
        "2027-01-12",
        "2027-01-19",
        "2027-03-01",
    }
    assert {d.group for d in archive.decisions(group="Klub A")} == {"Klub A"}
    assert DECISION not in [d.text for d in public] and CLUB not in {d.group for d in public}


def _plans(archive: Archive, run: object, table: str) -> list[str]:
    queries: list[str] = []
    db: sqlite3.Connection = archive._db
    db.set_trace_callback(queries.append)
    try:
        assert callable(run)
        run()
    finally:
        db.set_trace_callback(None)
    selects = [q for q in queries if q.lstrip().upper().startswith("SELECT") and f"FROM {table}" in q]
    assert selects
    return ["\n".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + q)) for q in selects]


def _indexed(plan: str) -> bool:
    lines = plan.splitlines()
    return "TEMP B-TREE" not in plan and all(
        "INDEX" in line or "PRIMARY KEY" in line for line in lines if "SCAN" in line or "SEARCH" in line
    )


@pytest.mark.parametrize("group", [None, "Klub A"])
def test_the_lists_are_read_through_their_keys(archive: Archive, group: str | None) -> None:
    first = archive.decisions(group=group, limit=2)
    plans = _plans(archive, lambda: archive.decisions(group=group, after=first[-1], limit=101), "decisions")
    assert plans and all(_indexed(plan) for plan in plans), plans
    votes = archive.votes(group=group, limit=2)
    plans = _plans(archive, lambda: archive.votes(group=group, after=votes[-1], limit=101), "votes")
    assert plans and all(_indexed(plan) for plan in plans), plans
    plans = _plans(archive, lambda: archive.forwarded("med-udvalg", started_after="2027-01-01"), "forwards")
    assert plans and "forwards_by_venue" in plans[0], plans


def test_forwarded_matters_come_in_meeting_and_agenda_order(archive: Archive) -> None:
    found = archive.forwarded("med-udvalg", started_after="2027-01-01")
    assert [(m.held, m.item_title != "", m.kind) for m in found] == [
        ("2027-01-05", True, "beslutning"),
        ("2027-01-05", True, "beslutning"),
        ("2027-01-12", True, "beslutning"),
        ("2027-01-12", True, "beslutning"),
        ("2027-01-19", True, "beslutning"),
        ("2027-01-19", True, "beslutning"),
    ]
    assert [m.confidential for m in found] == [False, True] * 3
    assert [m.text for m in found[:1]] == ["Beslutning 5"]
    assert [m.item_id for m in found[:2]] == [RESOURCES, VIOLENCE]


def test_last_held_by_group(archive: Archive) -> None:
    assert archive.last_held("med-udvalg", "MED Jobcenter") == "2027-03-01T09:00:00"
    assert archive.last_held("med-udvalg", "Andet udvalg") is None
    assert archive.last_held("klubmøde", None) == "2027-01-19T16:00:00"
