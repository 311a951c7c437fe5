"""Write a file so that it is either all there or not there at all.

Agendas written by ``new`` and minutes written at the end of a meeting must never be
half-written by a full disk or a killed process, and must never silently replace a file
the user already has.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from facilitator.errors import OutputError
from facilitator.i18n import t


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False, private: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary file is fsynced and then renamed over the target (or, when nothing may
    be overwritten, hard-linked to it, which fails if a file appeared meanwhile), so
    readers see the old file or the new one, never a mixture. On any failure the
    temporary file is removed again. Only regular files are ever replaced: a link, a
    device or a pipe at the target is refused, even with ``overwrite``. ``private`` makes
    the file readable by its owner alone (0600), whatever was there before and whatever
    the umask: restricted minutes and rescued meetings hold confidential matters.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        status: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OutputError(t("output.failed", path=path, reason=error.strerror or error)) from None
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise OutputError(t("output.is_dir", path=path))
        if not stat.S_ISREG(status.st_mode):
            raise OutputError(t("output.not_regular", path=path))
        if not overwrite:
            raise OutputError(t("output.exists", path=path))
    if not folder.is_dir():
        raise OutputError(t("output.no_folder", path=path, folder=folder))
    mode = 0o600 if private else stat.S_IMODE(status.st_mode) if status is not None else _default_mode()
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            if hasattr(os, "fchmod"):  # by descriptor: the name could be swapped for a link meanwhile
                os.fchmod(stream.fileno(), mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if not hasattr(os, "fchmod"):  # pragma: no cover - Windows
            os.chmod(temporary, mode)
        if overwrite:
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
        _fsync_folder(folder)
    except FileExistsError:
        raise OutputError(t("output.exists", path=path)) from None
    except PermissionError:
        raise OutputError(t("output.no_permission", path=path, folder=folder)) from None
    except OSError as error:
        full = error.errno in (errno.ENOSPC, errno.EDQUOT)
        raise OutputError(
            t("output.disk_full" if full else "output.failed", path=path, reason=error.strerror or str(error))
        ) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _link_new(temporary: str, path: Path) -> None:
    """Put the file in place only if nothing is there yet, atomically where the disk can.

    A hard link fails with FileExistsError if a file appeared since we looked. Some
    file systems (FAT on a USB stick) cannot link; there we look once more and rename.
    """
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(path):
            raise FileExistsError(path) from None
        os.replace(temporary, path)


def _default_mode() -> int:
    """The mode a plain ``open(path, "w")`` would give, honouring the user's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
