"""One writer per meeting: an operating-system lock that dies with its process.

A lock file beside the archive is locked with flock (POSIX) or msvcrt (Windows). The
kernel releases it when the process ends, however it ends, so a meeting killed with
SIGKILL can be resumed at once, while a second live process is refused.

The lock belongs to the archive file, not to the name it was opened by: it lies beside
the file a link points to and is named by the file's device and inode, so the same
archive reached through a symbolic link, another spelling of its path, or a hard link in
the same folder finds the same lock. (Hard links in other folders never get this far:
the archive refuses to be written under more than one name, see ``Archive.open``.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from facilitator.errors import ArchiveError, FacilitatorError
from facilitator.files.paths import lock_path
from facilitator.i18n import t

if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt
else:
    import fcntl


class MeetingLock:
    def __init__(self, archive: Path, meeting_id: int) -> None:
        self.path = lock_path(archive, meeting_id)
        self._fd: int | None = None

    @classmethod
    def take(cls, archive: Path, meeting_id: int) -> MeetingLock:
        """The meeting's lock, held; refused, naming the meeting, while another process writes it."""
        lock = cls(archive, meeting_id)
        if not lock.acquire():
            raise FacilitatorError(t("archive.meeting_in_use", id=meeting_id, path=archive))
        return lock

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it."""
        for _ in range(5):
            try:
                fd = os.open(
                    self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600
                )
            except OSError as error:  # a link planted at the lock's name, a folder we may not write in
                raise ArchiveError(t("archive.lock_failed", path=self.path, reason=error.strerror or error)) from None
            try:
                if sys.platform == "win32":  # pragma: no cover - Windows
                    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                else:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
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
