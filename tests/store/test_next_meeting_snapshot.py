"""The next meeting in the archive: kept exactly, and written only when set, so a version
from before it (whose check refuses a key it does not know) still reads every meeting
that recorded none."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

from support.clock import FakeClock
from support.meetings import state

from facilitator.meeting.model import Meeting
from facilitator.meeting.next_meeting import NextMeeting
from facilitator.store.archive import Archive
from facilitator.store.snapshot import from_dict, to_dict
from facilitator.store.snapshot_check import check_snapshot


def test_round_trip_with_and_without_a_place(running: Meeting, clock: FakeClock) -> None:
    running.set_next_meeting("14/1", "16.30", "Mødelokale 2")
    data = json.loads(json.dumps(to_dict(running)))
    assert data["next_meeting"] == {"date": "2027-01-14", "start": "16:30:00", "place": "Mødelokale 2"}
    back = from_dict(data, clock=clock)
    assert back.next_meeting == NextMeeting(dt.date(2027, 1, 14), dt.time(16, 30), "Mødelokale 2")
    assert state(back) == state(running)
    running.set_next_meeting("14/1", "16")
    data = to_dict(running)
    assert data["next_meeting"]["place"] is None
    assert from_dict(json.loads(json.dumps(data)), clock=clock).next_meeting == NextMeeting(dt.date(2027, 1, 14), dt.time(16))


def test_the_key_is_written_only_when_set(running: Meeting) -> None:
    assert "next_meeting" not in to_dict(running)
    running.set_next_meeting("14/1", "16")
    assert "next_meeting" in to_dict(running)
    running.clear_next_meeting()
    assert "next_meeting" not in to_dict(running)


def test_an_older_snapshot_without_it_reads_as_none(running: Meeting) -> None:
    running.set_next_meeting("14/1", "16")
    data = copy.deepcopy(to_dict(running))
    del data["next_meeting"]
    check_snapshot(data)
    assert from_dict(data).next_meeting is None


def test_the_archive_keeps_it(tmp_path: Path, running: Meeting, clock: FakeClock) -> None:
    running.set_next_meeting("14.1.2027", "kl. 16", "Mødelokale 2")
    clock.advance(5)
    running.end()
    with Archive.open(tmp_path / "arkiv.sqlite3") as archive:
        meeting_id = archive.create(running)
    with Archive.open(tmp_path / "arkiv.sqlite3", read_only=True) as archive:
        assert archive.load(meeting_id).next_meeting == NextMeeting(dt.date(2027, 1, 14), dt.time(16), "Mødelokale 2")
