"""Lists read a page at a time through indexes: meetings, action items, and the queries
behind the start screen and ``actions --open`` (their plans are checked here; how fast
they are is shown in bench/list_figures.py, never timed in a test)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.meetings import klubmoede

from facilitator.store.archive import Archive
from facilitator.store.history import ActionRow
from facilitator.store.schema import MIGRATIONS, PAGED_LISTS, migrate_one
from facilitator.store.snapshot import to_dict

GROUPS = ("Klub A", "Klub B")
MEETINGS = 14
LIST_INDEXES = {"meetings_finished", "actions_by_deadline", "actions_open_by_deadline"}


def _hold(archive: Archive, group: str, number: int, *, end: bool = True) -> int:
    meeting = klubmoede(group)
    meeting_id = archive.create(meeting)
    meeting.start()
    meeting.go_to(1)
    deadlines = [None, f"2027-0{1 + number % 3}-1{number % 7}", None, "2027-01-10"]
    for index, deadline in enumerate(deadlines):
        action = meeting.add_action(f"Opgave {number}-{index}", "Anne", deadline)
        if (number + index) % 3 == 0:
            meeting.set_action_done(action.id)
    if end:
        meeting.end()
    archive.save(meeting_id, to_dict(meeting, notes=False))
    return meeting_id


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """Built once for the module: every test here only reads it."""
    path = tmp_path_factory.mktemp("paged") / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        for number in range(MEETINGS):
            _hold(archive, GROUPS[number % 2], number, end=number not in (4, 9))
    with Archive.open(path, read_only=True) as archive:
        yield archive


def test_pages_of_meetings_make_the_whole_list(archive: Archive) -> None:
    whole = archive.meetings()
    assert [m.id for m in whole] == list(range(MEETINGS, 0, -1))
    for finished, unfinished in ((False, False), (True, False), (False, True)):
        expected = [m for m in whole if (not finished or m.finished) and (not unfinished or not m.finished)]
        paged: list[int] = []
        before = None
        while page := archive.meetings(finished=finished, unfinished=unfinished, before=before, limit=3):
            assert len(page) <= 3
            paged += [m.id for m in page]
            before = page[-1].id
        assert paged == [m.id for m in expected]
    assert [m.id for m in archive.meetings(finished=True, limit=2)] == [14, 13]
    assert [m.id for m in archive.meetings(finished=True, before=11, limit=2)] == [9, 8]  # 10 is not finished
    assert [m.id for m in archive.meetings(unfinished=True)] == [10, 5]


@pytest.mark.parametrize("open_only", [False, True])
@pytest.mark.parametrize("group", [None, "Klub B"])
@pytest.mark.parametrize("restricted", [False, True])
def test_pages_of_actions_make_the_whole_list(archive: Archive, open_only: bool, group: str | None, restricted: bool) -> None:
    whole = archive.actions(open_only=open_only, group=group, restricted=restricted)
    assert whole, "the archive has actions of every kind asked for"
    # The promised order: by deadline, none last, then by meeting and action.
    keys = [(a.deadline is None, a.deadline or "", a.meeting_id, a.action_id) for a in whole]
    assert keys == sorted(keys)
    assert any(a.deadline is None for a in whole) and any(a.deadline for a in whole)
    for size in (1, 4, 7):
        paged: list[ActionRow] = []
        after = None
        while page := archive.actions(open_only=open_only, group=group, restricted=restricted, after=after, limit=size):
            assert len(page) <= size
            paged += page
            after = page[-1]
        assert paged == whole
    assert archive.actions(open_only=open_only, group=group, restricted=restricted, limit=5) == whole[:5]


def test_a_page_of_actions_past_a_deadline_begins_after_it(archive: Archive) -> None:
    whole = archive.actions(open_only=True)
    dated = [a for a in whole if a.deadline]
    assert archive.actions(open_only=True, after=dated[-1], limit=2) == [a for a in whole if a.deadline is None][:2]
    assert archive.actions(open_only=True, after=whole[-1]) == []


def _plans(archive: Archive, run: object) -> list[str]:
    """The query plans of every query ``run()`` makes on the archive's connection."""
    queries: list[str] = []
    db: sqlite3.Connection = archive._db
    db.set_trace_callback(queries.append)
    try:
        assert callable(run)
        run()
    finally:
        db.set_trace_callback(None)
    selects = [q for q in queries if q.lstrip().upper().startswith("SELECT") and ("FROM meetings" in q or "FROM actions" in q)]
    assert selects
    return ["\n".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + q)) for q in selects]


def _indexed(plan: str) -> bool:
    """Every table of the plan found through an index or its key; no sort over all rows."""
    lines = plan.splitlines()
    return "TEMP B-TREE" not in plan and all(
        "INDEX" in line or "PRIMARY KEY" in line for line in lines if "SCAN" in line or "SEARCH" in line
    )


def test_the_start_screens_queries_use_indexes(archive: Archive) -> None:
    plans = _plans(archive, lambda: (archive.meetings(unfinished=True), archive.meetings(finished=True, limit=11)))
    assert len(plans) == 2 and all(_indexed(plan) for plan in plans), plans
    assert "meetings_unfinished" in plans[0] and "meetings_finished" in plans[1]
    plans = _plans(archive, lambda: archive.meetings(finished=True, before=8, limit=11))
    assert all(_indexed(plan) for plan in plans) and "meetings_finished (id<?)" in plans[0], plans


@pytest.mark.parametrize("group", [None, "Klub A"])
def test_open_actions_are_read_through_their_index(archive: Archive, group: str | None) -> None:
    first = archive.actions(open_only=True, group=group, limit=3)
    plans = _plans(archive, lambda: archive.actions(open_only=True, group=group, after=first[-1], limit=101))
    assert plans and all(_indexed(plan) and "actions_open_by_deadline" in plan for plan in plans), plans
    plans = _plans(archive, lambda: archive.actions(group=group, limit=101))
    assert plans and all(_indexed(plan) and "actions_by_deadline" in plan for plan in plans), plans


def test_an_archive_before_the_list_indexes_is_read_alike_and_gets_them(tmp_path: Path) -> None:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        for number in range(3):
            _hold(archive, "Klub A", number)
        meetings, actions = archive.meetings(finished=True, limit=10), archive.actions(open_only=True)
    db = sqlite3.connect(path)
    for index in LIST_INDEXES:
        db.execute(f"DROP INDEX {index}")
    db.commit()
    with Archive.open(path, read_only=True) as archive:  # the same answers without them
        assert archive.meetings(finished=True, limit=10) == meetings and archive.actions(open_only=True) == actions
    with db:
        migrate_one(db, MIGRATIONS.index(PAGED_LISTS))
    assert LIST_INDEXES <= {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    db.close()
