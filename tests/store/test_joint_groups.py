"""A joint meeting in the archive: its actions are listed and followed up in every group it
held, through indexes; an archive of schema 8 migrates to keep joint meetings' groups."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from support.clock import FakeClock
from support.joint import JOINT
from support.paths import DATA

from facilitator.agenda.loader import parse_agenda
from facilitator.cli import main
from facilitator.errors import MeetingError
from facilitator.meeting.model import Meeting
from facilitator.session import carry_over
from facilitator.store.archive import Archive
from facilitator.store.schema import JOINT_KEPT, SCHEMA_VERSION
from facilitator.store.snapshot import to_dict

OLD = DATA / "archives" / "v8-meetings.sqlite3"


def one_group(group: str) -> Meeting:
    return Meeting(parse_agenda(JOINT.replace('groups = ["Socialrådgiverklubben", "HK-klubben"]', f'group = "{group}"').encode()))


def hold_joint(
    archive: Archive, clock: FakeClock, refused: str = "^5 votes, but only 4 entitled to vote from DS are present$"
) -> int:
    """The issue's joint meeting: 4 DS and 2 HK members and a guest."""
    meeting = Meeting(parse_agenda(JOINT.encode()), clock=clock)
    meeting_id = archive.create(meeting)
    meeting.start()
    with pytest.raises(MeetingError, match=refused):
        meeting.record_vote("Kun DS stemmer", 4, 1, 0, organisation="DS")
    meeting.record_vote("Kun DS stemmer", 4, 0, 0, organisation="DS")
    meeting.add_action("Fælles henvendelse til ledelsen", "Hanne")
    meeting.end()
    archive.save(meeting_id, to_dict(meeting, notes=False))
    return meeting_id


def test_a_joint_meetings_action_shows_in_every_group_and_carries_over(tmp_path: Path, clock: FakeClock, danish: None) -> None:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        joint = hold_joint(archive, clock, "^5 stemmer, men kun 4 stemmeberettigede fra DS er til stede$")
        for group in ("Socialrådgiverklubben", "HK-klubben"):
            assert [a.what for a in archive.actions(group=group)] == ["Fælles henvendelse til ledelsen"]
            nxt = one_group(group)
            carry_over(archive, nxt)
            assert [(c.meeting_id, c.what) for c in nxt.carried] == [(joint, "Fælles henvendelse til ledelsen")]
            assert nxt.previous_minutes is not None and nxt.previous_minutes.meeting_id == joint
        assert archive.actions(group="FOA") == []
        assert set(archive.groups()) == {"Socialrådgiverklubben", "HK-klubben"}
    assert main(["--lang", "en", "actions", "--group", "HK-klubben", "--archive", str(path)]) == 0


def test_done_when_a_ds_vote_beyond_its_members_is_refused_and_hk_lists_the_joint_action(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 20's test: 4 DS and 2 HK members and a guest; a DS-only vote of 5 is refused
    (hold_joint), and the joint action shows in ``actions --group HK-klubben``."""
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        hold_joint(archive, clock)
        capsys.readouterr()
    assert main(["--lang", "en", "actions", "--group", "HK-klubben", "--archive", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Hanne" in out and "Fælles henvendelse til ledelsen" in out


def _plans(db: sqlite3.Connection, queries: list[str]) -> list[str]:
    selects = [q for q in queries if q.lstrip().upper().startswith("SELECT") and "meeting_groups" in q]
    assert selects
    return ["\n".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + q)) for q in selects]


def test_the_group_queries_use_indexes(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        for number in range(6):
            hold_joint(archive, clock) if number % 3 == 0 else archive.create(one_group("HK-klubben"))
    with Archive.open(path, read_only=True) as archive:
        db: sqlite3.Connection = archive._db
        queries: list[str] = []
        db.set_trace_callback(queries.append)
        archive.actions(open_only=True, group="HK-klubben", limit=3)
        archive.open_actions(["HK-klubben", "Socialrådgiverklubben"])
        archive.previous_minutes(["HK-klubben"], 99)
        db.set_trace_callback(None)
        plans = _plans(db, queries)
    assert len(plans) == 4  # the dated and undated pages of actions, the follow-up, the previous minutes
    for plan in plans:
        lines = [line for line in plan.splitlines() if "SCAN" in line or "SEARCH" in line]
        assert all("INDEX" in line or "PRIMARY KEY" in line for line in lines), plan
    assert "actions_open_by_deadline" in plans[0]


def test_a_schema_8_archive_migrates_and_lists_by_group_the_same(tmp_path: Path) -> None:
    path = tmp_path / "arkiv.sqlite3"
    shutil.copyfile(OLD, path)
    path.chmod(0o600)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 8 and JOINT_KEPT == 10

    def seen(archive: Archive) -> object:
        return (
            [archive.actions(group=g, open_only=o) for g in ("Socialrådgiverklubben", "HK-klubben") for o in (False, True)],
            [archive.open_actions(g) for g in ("Socialrådgiverklubben", "HK-klubben")],
            archive.groups(),
            archive.previous_minutes("HK-klubben", 3),
        )

    with Archive.open(path, read_only=True) as archive:  # not migrated: read without the table
        before = seen(archive)
    with Archive.open(path) as archive:
        assert archive.schema_version == SCHEMA_VERSION >= JOINT_KEPT
        assert seen(archive) == before
        assert archive._db.execute("SELECT count(*) FROM meeting_groups").fetchone() == (0,)
    assert [[a.what for a in rows] for rows in before[0]] == [  # type: ignore[index]
        ["Skriv til ledelsen", "Book lokale"],
        ["Skriv til ledelsen"],
        ["Indkald arbejdsmiljøgruppen"],
        ["Indkald arbejdsmiljøgruppen"],
    ]
