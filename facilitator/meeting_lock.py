"""One writer per meeting: an operating-system lock that dies with its process.

A lock file beside the archive is locked with flock (POSIX) or msvcrt (Windows). The
kernel releases it when the process ends, however it ends, so a meeting killed with
SIGKILL can be resumed at once, while a second live process is refused.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


class MeetingLock:
    def __init__(self, archive: Path, meeting_id: int) -> None:
        self.path = archive.with_name(f"{archive.name}.meeting-{meeting_id}.lock")
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it."""
        for _ in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                else:  # pragma: no cover - Windows
                    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                os.close(fd)
                return False
            # The holder before us may have removed the file between our open and our
            # lock; then we hold a lock on a file nobody else can see. Try again.
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                return True
            os.close(fd)
        return False

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.unlink(self.path)
        except OSError:
            pass
        os.close(fd)
