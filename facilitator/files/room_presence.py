"""Where a room view of an archive is being served: a small file the view keeps while it runs.

The room view is a process of its own (docs/room-view.md), and it outlives the app that
started it: when the app is closed during a meeting, or killed, the wall goes on showing
the meeting, and a page left open keeps its address. So that the app, started again,
finds the view instead of starting a second one on another port, the view writes where
it is served here, in the data folder, named by the archive's identity, and removes the
file when it ends. A file whose process is gone is a leftover, and is not believed.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import NamedTuple

from facilitator.errors import OutputError
from facilitator.files.atomic_write import write_atomic


class RoomPresence(NamedTuple):
    pid: int
    address: str
    lan: bool


def presence_path(folder: Path, archive: Path) -> Path:
    """The file for ``archive``'s view, in ``folder`` (the data folder): by the archive's
    device and inode, as its locks are, so two names of one archive share one view."""
    real = Path(os.path.realpath(archive))
    try:
        status = os.stat(real)
        identity = f"{status.st_dev:x}-{status.st_ino:x}"
    except OSError:
        identity = real.name
    return folder / f"room-{identity}.json"


def write_presence(path: Path, presence: RoomPresence) -> None:
    """Say where the view is served; a data folder that cannot be written leaves it unsaid
    (the app then starts a view of its own, on another port). The address holds the token,
    so the file is its owner's alone, as the token's own file is."""
    with contextlib.suppress(OSError, OutputError):  # the writer says why as an OutputError
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(presence._asdict()).encode(), overwrite=True, private=True)


def read_presence(path: Path) -> RoomPresence | None:
    """The view being served, if its file says so and its process is still there."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        presence = RoomPresence(int(data["pid"]), str(data["address"]), bool(data["lan"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if presence.pid <= 0 or not presence.address.startswith("http://") or not _alive(presence.pid):
        return None
    return presence


def clear_presence(path: Path, pid: int) -> None:
    """The view ends: its file goes, unless another view has written its own since."""
    current = read_presence(path)
    if current is None or current.pid == pid:
        with contextlib.suppress(OSError):
            path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return False  # another user's process holds that number now: not our view
    return True
