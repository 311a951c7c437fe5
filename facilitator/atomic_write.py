"""Write a file so that it is either all there or not there at all.

Agendas written by ``new`` and minutes written at the end of a meeting must never be
half-written by a full disk or a killed process, and must never silently replace a file
the user already has.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.i18n import t


class OutputError(FacilitatorError):
    """A file could not be written where the user asked."""


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary file is fsynced and renamed over the target, so readers see the old
    file or the new one, never a mixture; on any failure it is removed again.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(t("output.is_dir", path=path))
    if path.exists() and not overwrite:
        raise OutputError(t("output.exists", path=path))
    if not folder.is_dir():
        raise OutputError(t("output.no_folder", path=path, folder=folder))
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
        temporary = None
        _fsync_folder(folder)
    except PermissionError:
        raise OutputError(t("output.no_permission", path=path, folder=folder)) from None
    except OSError as error:
        key = "output.disk_full" if error.errno in (errno.ENOSPC, errno.EDQUOT) else "output.failed"
        raise OutputError(t(key, path=path, reason=error.strerror or str(error))) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


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
