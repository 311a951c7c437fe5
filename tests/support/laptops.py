"""Laptops for the shared archive's tests: a local archive each, meetings held in it, the CLI run on it,
and what the server holds, read as its superuser."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import psycopg
import pytest

from facilitator.agenda.loader import parse_agenda
from facilitator.cli import main
from facilitator.meeting.model import Meeting
from facilitator.session import MeetingPlan, Session
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict
from support.clock import FakeClock

GROUP = "Klubben"

AGENDA = """format = 1
[meeting]
title = "Klubmøde"
kind = "klubmøde"
group = "{group}"
participants = ["Anne", "Bo"]

[[item]]
title = "Godkendelse af dagsorden"

[[item]]
title = "Personsag"
confidential = true

[[item]]
title = "Arbejdsmiljø"
"""


def laptop(tmp_path: Path, name: str, club: str, capsys: pytest.CaptureFixture[str]) -> Path:
    """A laptop's archive in a folder of its own, shared with ``club``."""
    path = tmp_path / name / "arkiv.sqlite3"
    path.parent.mkdir()
    assert run(capsys, path, "share", club)[0] == 0
    return path


def hold(
    archive: Archive, *, group: str = GROUP, day: dt.date = dt.date(2026, 11, 3), secret: str = "HEMMELIG"
) -> tuple[int, Meeting]:
    """A meeting of ``group`` held and saved: a decision, notes and two actions in public, and
    ``secret`` in every field of the closed item (its notes, a decision, a vote, an action)."""
    meeting = Meeting(parse_agenda(AGENDA.format(group=group).encode()), clock=FakeClock(dt.datetime.combine(day, dt.time(17))))
    meeting.carry_over(archive.open_actions(group))
    meeting_id = archive.create(meeting)
    meeting.start()
    meeting.add_decision("Dagsordenen godkendt – æøå")
    meeting.go_to(1)
    meeting.set_notes(f"{secret} noter")
    meeting.add_decision(f"{secret} beslutning")
    meeting.record_vote(f"{secret} afstemning", 2, 0, 0, 2)
    meeting.add_action(f"{secret} opgave", "Anne", dt.date(2026, 12, 1))
    meeting.go_to(2)
    meeting.set_notes("Støj i storrummet")
    meeting.add_action(f"Måle støjen {day}", "Bo", dt.date(2026, 12, 20))
    meeting.add_action(f"Tale med ledelsen {day}", "Anne")
    save(archive, meeting_id, meeting)
    return meeting_id, meeting


def save(archive: Archive, meeting_id: int, meeting: Meeting) -> None:
    archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items if s.notes})


def run(capsys: pytest.CaptureFixture[str], archive: Path, *args: str) -> tuple[int, str, str]:
    """The command line on ``archive``: exit status, stdout, stderr."""
    code = main(["--lang", "en", "--archive", str(archive), *args])
    out, err = capsys.readouterr()
    return code, out, err


def server_rows(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of the shared tables, as the superuser sees them (no policy applies to it)."""
    with psycopg.connect(url) as db:
        return {
            table: [
                json.loads(json.dumps(r[0])) for r in db.execute(f"SELECT to_jsonb(t) FROM {table} t ORDER BY 1::text").fetchall()
            ]
            for table in ("meetings", "actions")
        }


def open_next(archive: Path, agenda_folder: Path, *, group: str = GROUP, day: dt.date = dt.date(2026, 12, 1)) -> Session:
    """The group's next meeting opened on this laptop as the app opens one (``Session.open_new``):
    the group's open actions, received ones too, carried over to be followed up; started."""
    agenda = agenda_folder / "klubmoede.toml"
    agenda.write_text(AGENDA.format(group=group), encoding="utf-8")
    session = Session.open_new(MeetingPlan.find(archive, agenda), clock=FakeClock(dt.datetime.combine(day, dt.time(17))))
    session.meeting.start()
    return session


def archive_bytes(path: Path) -> bytes:
    """The archive file with its journal: everything this laptop keeps."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
