"""``facilitator room``: the address as the first line, its token kept between runs, and a
one-line message for every way it cannot start. The server runs as the real process."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.room.serve import TOKEN_FILE, room_token
from facilitator.session import MeetingPlan, Session


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def archive(tmp_path: Path, no_user_files: None, valid_agenda: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    session = Session.open_new(MeetingPlan.find(path, valid_agenda))
    session.meeting.start()  # a meeting never started is not kept
    session.close()
    return path


def test_the_token_is_made_once_kept_private_and_made_anew_on_request(tmp_path: Path) -> None:
    first = room_token(tmp_path / "data")
    assert len(first) >= 22 and room_token(tmp_path / "data") == first  # 128 bits
    assert stat.S_IMODE((tmp_path / "data" / TOKEN_FILE).stat().st_mode) == 0o600
    assert room_token(tmp_path / "data", new=True) != first
    (tmp_path / "data" / TOKEN_FILE).write_text("kort\n")  # a damaged file: a new token, not a weak one
    assert room_token(tmp_path / "data") != "kort"


def test_the_address_is_the_first_line_and_the_token_is_kept(archive: Path, tmp_path: Path) -> None:
    env = {**os.environ, "FACILITATOR_ARCHIVE": str(archive), "XDG_DATA_HOME": str(tmp_path / "data")}
    urls = []
    for _ in range(2):
        process = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "room", "1", "--port", "0"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        urls.append(process.stdout.readline().strip())
        process.terminate()
        process.wait(10)
    assert urls[0].startswith("http://127.0.0.1:") and urls[0].split("?t=")[1] == urls[1].split("?t=")[1]


def test_a_meeting_that_is_not_there_is_named(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--archive", str(archive), "room", "7", "--port", "0")
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "Meeting 7 is not in the archive" in err


def test_a_missing_archive_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str], no_user_files: None) -> None:
    code, _, err = run(capsys, "--archive", str(tmp_path / "nothing.sqlite3"), "room")
    assert code == 2 and "nothing.sqlite3" in err and err.strip().count("\n") == 0


@pytest.mark.parametrize("meeting", [[], ["1"]])
def test_a_file_that_is_no_archive_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_user_files: None, meeting: list[str]
) -> None:
    """Not "Meeting None is not in the archive": what is wrong with the file, as every command says it."""
    for path in (tmp_path / "junk.sqlite3", tmp_path):
        if path != tmp_path:
            path.write_text("junk\n")
        code, out, err = run(capsys, "--archive", str(path), "room", *meeting, "--port", "0")
        assert code == 2 and out == "" and err.strip().count("\n") == 0
        assert "None" not in err and "is not in the archive" not in err and str(path) in err


def test_a_port_in_use_is_named(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run(capsys, "--archive", str(archive), "room", "--port", str(port))
    assert code == 2 and out == ""
    assert f"Port {port} cannot be used" in err and "--port" in err and err.strip().count("\n") == 0


@pytest.mark.parametrize("port", ["-1", "65536", "http", ""])
def test_a_port_that_is_none_is_refused(archive: Path, capsys: pytest.CaptureFixture[str], port: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "en", "--archive", str(archive), "room", "--port", port])
    assert exited.value.code == 2
    assert "is not a port" in capsys.readouterr().err
