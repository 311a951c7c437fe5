"""SQLite's and the operating system's failures, in words a person can act on.

The archive says what went wrong with its file (busy, full, damaged, read-only, a size
limit) and whether trying again can help: the recorder retries a busy or full disk, but
never a damaged or replaced file. Python 3.10 gives no SQLite error names, so the kind
of error is read from its message there.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
from pathlib import Path

from facilitator.i18n import t

if sys.platform != "win32":  # Windows has no resource module and no ulimit
    import resource

DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
"""The errors that mean the file itself is damaged (or no database at all)."""


def describe_os_error(error: OSError, path: Path) -> str:
    """An operating system's refusal in words: a size limit and a disk error are no damage."""
    if error.errno == errno.EFBIG or (error.errno in (errno.EIO, errno.ENOSPC) and size_limit() is not None):
        return t("archive.size_limit", path=path, limit=size_limit() or 0)
    if error.errno == errno.EIO:
        return t("archive.read_error", path=path, reason=error.strerror or error)
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return t("archive.disk_full", path=path)
    return t("archive.cannot_open", path=path, reason=error.strerror or error)


def size_limit() -> int | None:
    """The largest file this process may write (ulimit -f), or None when there is no limit."""
    if sys.platform == "win32":  # pragma: no cover - Windows
        return None
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return None if soft == resource.RLIM_INFINITY else int(soft)


def describe_open(error: sqlite3.Error, path: Path) -> str:
    """Why an archive could not be opened: damage only where SQLite found damage."""
    name = error_name(error)
    if name in DAMAGE:
        return t("archive.corrupt", path=path)
    if name in ("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN") and size_limit() is not None:
        return t("archive.size_limit", path=path, limit=size_limit())
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return t("archive.busy", path=path)
    if name == "SQLITE_FULL":
        return t("archive.disk_full", path=path)
    if name == "SQLITE_IOERR":
        return t("archive.read_error", path=path, reason=error)
    if name == "SQLITE_READONLY":
        return t("archive.read_only", path=path)
    return t("archive.cannot_open", path=path, reason=error)


_TEMPORARY = {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PROTOCOL"}


_BY_TEXT = (
    ("locked", "SQLITE_BUSY"),
    ("busy", "SQLITE_BUSY"),
    ("is full", "SQLITE_FULL"),
    ("readonly", "SQLITE_READONLY"),
    ("read-only", "SQLITE_READONLY"),
    ("malformed", "SQLITE_CORRUPT"),
    ("not a database", "SQLITE_NOTADB"),
    ("disk i/o", "SQLITE_IOERR"),
    ("unable to open", "SQLITE_CANTOPEN"),
    ("could not decode", "SQLITE_CORRUPT"),  # Python's word for text that a damaged page turned to garbage
)


def error_name(error: sqlite3.Error) -> str:
    """The primary SQLite result name (SQLITE_IOERR_WRITE -> SQLITE_IOERR).

    Python 3.10 does not give the name; its message then tells the kind of error.
    """
    name = getattr(error, "sqlite_errorname", "") or ""
    if not name:
        text = str(error).lower()
        return next((value for key, value in _BY_TEXT if key in text), "SQLITE_ERROR")
    return "_".join(name.split("_")[:2])


def is_damage(error: sqlite3.Error) -> bool:
    return error_name(error) in DAMAGE


def is_permanent(error: sqlite3.Error) -> bool:
    """Worth trying again (a busy or full disk, an I/O hiccup), or never going to work."""
    return error_name(error) not in _TEMPORARY


def describe(error: sqlite3.Error, path: Path, *, writing: bool = True) -> str:
    name = error_name(error)
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return t("archive.busy", path=path)
    if name in ("SQLITE_FULL", "SQLITE_IOERR") and size_limit() is not None:
        return t("archive.size_limit", path=path, limit=size_limit())
    if name == "SQLITE_FULL":
        return t("archive.disk_full", path=path)
    if name == "SQLITE_IOERR":
        return t("archive.io_error" if writing else "archive.read_error", path=path, reason=error)
    if name == "SQLITE_READONLY":
        return t("archive.read_only", path=path)
    if name in DAMAGE:
        return t("archive.corrupt", path=path)
    return t("archive.failed" if writing else "archive.read_failed", path=path, reason=error)
