"""The way back from a rescue file: the meeting returns to an archive whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.archives import failing_rescue

from facilitator.agenda.loader import load_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.cli import main
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder
from facilitator.store.snapshot import to_dict


@pytest.fixture
def rescued(tmp_path: Path, running: Meeting, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Meeting]:
    """A meeting whose last changes the archive would not take at close: a rescue file."""
    path = tmp_path / "arkiv.sqlite3"
    recorder = failing_rescue(path, running, monkeypatch)
    running.set_notes("Noter med æøå 👩🏽‍💻")
    assert recorder.close(timeout=0.5) is False
    recorder.archive.close()
    assert recorder.rescue_file is not None
    return path, recorder.rescue_file, running


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_restore_brings_the_archive_copy_up_to_date(
    rescued: tuple[Path, Path, Meeting], capsys: pytest.CaptureFixture[str]
) -> None:
    path, rescue_file, meeting = rescued
    with Archive.open(path, read_only=True) as archive:
        assert to_dict(archive.load(1)) != to_dict(meeting)  # the archive lacks the last changes
    code, out, err = run(capsys, "restore", str(rescue_file))
    assert (code, err) == (0, "")
    assert (
        out
        == f"Meeting 1 in {path} is up to date again from the rescue file.\nGo on with it: facilitator resume 1. The rescue file can be deleted.\n"
    )
    with Archive.open(path, read_only=True) as archive:
        assert to_dict(archive.load(1)) == to_dict(meeting)
        assert [m.id for m in archive.meetings()] == [1]


def test_restore_into_another_archive_adds_the_meeting(
    rescued: tuple[Path, Path, Meeting], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, rescue_file, meeting = rescued
    other = tmp_path / "andet.sqlite3"
    with Archive.open(other) as archive:
        archive.create(Meeting(load_agenda(shipped_agendas()["klubmoede"])))
    code, out, _ = run(capsys, "restore", str(rescue_file), "--archive", str(other))
    assert code == 0 and out.startswith(f"The rescued meeting is meeting 2 in {other}.")
    with Archive.open(other, read_only=True) as archive:
        assert to_dict(archive.load(2)) == to_dict(meeting)


def test_restore_refuses_a_meeting_open_elsewhere(
    rescued: tuple[Path, Path, Meeting], capsys: pytest.CaptureFixture[str]
) -> None:
    path, rescue_file, meeting = rescued
    with Archive.open(path) as archive:
        holder = Recorder(archive, 1, archive.load(1), MeetingLock.take(archive.path, 1)).start()
        try:
            code, _, err = run(capsys, "restore", str(rescue_file))
        finally:
            holder.close()
    assert code == 2 and err.startswith("meeting 1 is already open in another facilitator")


@pytest.mark.parametrize(
    ("content", "told"),
    [
        (None, "does not exist; rescue files lie beside the archive"),
        (b"\xff\xfe garbage", "is not a facilitator rescue file, or it is damaged; it was left as it was"),
        (b'{"archive": "x", "meeting_id": 1}', "is not a facilitator rescue file, or it is damaged"),
        (b'{"meeting": {"version": 1}}', "holds a meeting that cannot be read (the snapshot lacks info); it was left as it was"),
    ],
    ids=["missing", "garbage", "no-meeting", "broken-meeting"],
)
def test_a_bad_rescue_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, told: str) -> None:
    rescue_file = tmp_path / "arkiv.sqlite3.rescue-1-20261201-150000.json"
    if content is not None:
        rescue_file.write_bytes(content)
    code, out, err = run(capsys, "restore", str(rescue_file), "--archive", str(tmp_path / "arkiv.sqlite3"))
    assert (code, out) == (2, "")
    assert err.startswith(f"{rescue_file} {told}") and err.count("\n") == 1, err
    assert not (tmp_path / "arkiv.sqlite3").exists()
    if content is not None:
        assert rescue_file.read_bytes() == content


def test_the_rescue_file_names_its_archive_and_meeting(rescued: tuple[Path, Path, Meeting]) -> None:
    path, rescue_file, _ = rescued
    data = json.loads(rescue_file.read_text(encoding="utf-8"))
    assert (data["archive"], data["meeting_id"]) == (str(path), 1)
    assert rescue_file.stat().st_mode & 0o777 == 0o600
