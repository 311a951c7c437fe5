"""Putting a finished file in place without replacing anything, and a new archive that fails half made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.files.no_replace import available, rename_no_replace

pytestmark = pytest.mark.skipif(not available(), reason="needs renameat2 with RENAME_NOREPLACE (Linux)")


def test_a_file_is_moved_into_an_empty_place(tmp_path: Path) -> None:
    source, target = tmp_path / ".new", tmp_path / "arkiv.sqlite3"
    source.write_bytes(b"whole")
    assert rename_no_replace(source, target) is True
    assert target.read_bytes() == b"whole" and not source.exists()


@pytest.mark.parametrize("there", ["file", "link-to-nothing", "folder"])
def test_nothing_already_there_is_replaced(tmp_path: Path, there: str) -> None:
    source, target = tmp_path / ".new", tmp_path / "arkiv.sqlite3"
    source.write_bytes(b"whole")
    if there == "file":
        target.write_bytes(b"theirs")
    elif there == "folder":
        target.mkdir()
    else:
        target.symlink_to(tmp_path / "nowhere")
    assert rename_no_replace(source, target) is False
    assert source.read_bytes() == b"whole"
    assert os.path.islink(target) if there == "link-to-nothing" else (target.is_dir() or target.read_bytes() == b"theirs")


FAILING_CREATION = """
import resource, signal, sys
from pathlib import Path
from facilitator import i18n
from facilitator.store.archive import Archive
from facilitator.errors import FacilitatorError
i18n.set_language("en")
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, resource.RLIM_INFINITY))
try:
    Archive.open(Path(sys.argv[1]))
except FacilitatorError as error:
    print(error)
"""


def test_a_new_archive_that_cannot_be_finished_leaves_nothing(tmp_path: Path) -> None:
    """Made under a private name, a new archive that fails half way (here a file-size limit
    smaller than a new archive) is told by its own name and leaves no file at all."""
    path = tmp_path / "arkiv.sqlite3"
    result = subprocess.run([sys.executable, "-c", FAILING_CREATION, str(path)], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"the archive {path} cannot be written: this program may not write files larger than 8192 bytes"
        " (a file-size limit, ulimit -f); raise the limit, or choose another archive with --archive PATH\n"
    )
    assert list(tmp_path.iterdir()) == []
