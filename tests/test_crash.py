"""Kill a real meeting process with SIGKILL: everything it reported saved must come back."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.archive import Archive
from facilitator.recorder import Recorder

CHILD = Path(__file__).with_name("meeting_child.py")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def kill_at_random(archive: Path, seconds: float) -> list[str]:
    """Run the child, kill it after ``seconds``, return what it said before dying."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(archive)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=CHILD.parent,
    )
    time.sleep(seconds)
    os.kill(child.pid, signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, err
    return out.splitlines()


@pytest.mark.parametrize("seed", range(6))
def test_sigkill_loses_nothing_committed(tmp_path: Path, seed: int) -> None:
    archive_path = tmp_path / "arkiv.sqlite3"
    moment = random.Random(seed).uniform(0.4, 2.0)  # after start-up, at a random point of the meeting
    said = kill_at_random(archive_path, moment)
    saved = [int(line.split()[1]) for line in said if line.startswith("saved ")]
    typed = [line.split() for line in said if line.startswith("typed ")]
    assert said and said[0].startswith("meeting "), "the child never got going"
    assert saved, "killed before the first change was saved: nothing was tested"
    meeting_id = int(said[0].split()[1])

    with Archive.open(archive_path) as archive:
        meeting = archive.load(meeting_id)
        decisions = [d.text for s in meeting.items for d in s.decisions]
        for step in saved:
            assert f"beslutning {step}" in decisions
        # Nothing half-written: the decisions are a gapless run from the first.
        assert decisions == [f"beslutning {n}" for n in range(len(decisions))]
        if typed:
            length, item_id = int(typed[-1][1]), int(typed[-1][2])
            notes = next(s.notes for s in meeting.items if s.id == item_id)
            assert len(notes) >= length and set(notes) <= {"ø"}
        # The meeting resumes: the kernel released the writer lock with the process.
        recorder = Recorder(archive, meeting_id, meeting).start()
        meeting.add_decision("efter genstart")
        assert recorder.close()
        assert archive.load(meeting_id).items[meeting.current].decisions[-1].text == "efter genstart"


def test_a_second_process_cannot_write_a_meeting_in_use(tmp_path: Path) -> None:
    from facilitator.errors import FacilitatorError

    archive_path = tmp_path / "arkiv.sqlite3"
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(archive_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=CHILD.parent,
    )
    try:
        first = child.stdout.readline()
        assert first.startswith("meeting "), child.stderr.read()
        meeting_id = int(first.split()[1])
        child.stdout.readline()  # the first change is saved: the child is writing
        with Archive.open(archive_path) as archive:
            meeting = archive.load(meeting_id)
            with pytest.raises(FacilitatorError, match=f"meeting {meeting_id} is already open in another facilitator"):
                Recorder(archive, meeting_id, meeting).start()
    finally:
        child.kill()
        child.communicate(timeout=30)
