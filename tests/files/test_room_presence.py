"""The file a room view keeps while it serves an archive: believed only while its process lives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from facilitator.files.room_presence import RoomPresence, clear_presence, presence_path, read_presence, write_presence


def test_a_view_is_found_by_the_archive_under_any_name(tmp_path: Path) -> None:
    archive = tmp_path / "arkiv.sqlite3"
    archive.write_bytes(b"")
    (tmp_path / "link.sqlite3").symlink_to(archive)
    path = presence_path(tmp_path / "data", archive)
    assert presence_path(tmp_path / "data", tmp_path / "link.sqlite3") == path
    write_presence(path, RoomPresence(os.getpid(), "http://127.0.0.1:8765/?t=x", False))
    assert read_presence(path) == RoomPresence(os.getpid(), "http://127.0.0.1:8765/?t=x", False)
    clear_presence(path, os.getpid() + 1)  # another view's leaving does not take this one's file
    assert read_presence(path) is not None
    clear_presence(path, os.getpid())
    assert not path.exists() and read_presence(path) is None


def test_a_leftover_of_a_process_that_is_gone_is_not_believed(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    path = tmp_path / "room.json"
    write_presence(path, RoomPresence(int(gone.stdout), "http://127.0.0.1:8765/?t=x", True))
    assert read_presence(path) is None


def test_a_damaged_file_is_nothing(tmp_path: Path) -> None:
    path = tmp_path / "room.json"
    for text in (
        "",
        "{",
        "[]",
        '{"pid": "x", "address": "http://a", "lan": false}',
        '{"pid": 1, "address": "javascript:x", "lan": false}',
    ):
        path.write_text(text)
        assert read_presence(path) is None


def test_a_data_folder_that_cannot_be_written_leaves_it_unsaid(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    write_presence(blocked / "room.json", RoomPresence(os.getpid(), "http://127.0.0.1:1/?t=x", False))
    assert read_presence(blocked / "room.json") is None


def test_the_file_with_the_address_and_its_token_is_its_owners_alone(tmp_path: Path) -> None:
    """The address holds the secret token, which ``room-token`` keeps readable by its owner
    only; the file that says where the view is must not give it to other users."""
    path = tmp_path / "room.json"
    old = os.umask(0o022)
    try:
        write_presence(path, RoomPresence(os.getpid(), "http://127.0.0.1:8765/?t=hemmelig", False))
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_file_that_cannot_be_written_leaves_it_unsaid_whatever_the_reason(tmp_path: Path) -> None:
    """Not only a folder that cannot be made: a file the writer refuses (here a folder in its
    place; a read-only data folder is refused the same way) leaves the view serving, unsaid."""
    path = tmp_path / "room.json"
    path.mkdir()
    write_presence(path, RoomPresence(os.getpid(), "http://127.0.0.1:1/?t=x", False))
    assert read_presence(path) is None
