"""The archive file itself, handled with care before and after SQLite gets it.

Only a regular file (or a link to one) can be an archive: it is looked at through a
descriptor opened without blocking and checked again after opening, so a pipe, a device
or a file swapped in meanwhile is never written to. A new archive is made whole under a
private name and put in place without replacing anything. The -wal/-shm/-journal files
a look at a refused file made are taken away again, but never while anyone (in this
process or another) has that archive open.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
import threading
import time
from pathlib import Path

from facilitator.errors import ArchiveError, RefusedArchiveError
from facilitator.files.no_replace import available as _can_place
from facilitator.files.no_replace import rename_no_replace
from facilitator.i18n import t
from facilitator.store import schema
from facilitator.store.error_words import describe, describe_open, describe_os_error, error_name, is_damage, is_permanent

if sys.platform != "win32":  # Windows has no fcntl: its journals are left in place
    import fcntl

SQLITE_HEADER = b"SQLite format 3\x00"


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        connection = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False, timeout=5)
    else:
        connection = sqlite3.connect(path, check_same_thread=False, timeout=5, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
        except BaseException:
            connection.close()
            raise
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def connect_patiently(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """Connect, trying again while another facilitator is in the middle of making the same new
    archive: switching it to WAL can be refused at once as busy, without SQLite's wait."""
    for pause in (0.05, 0.1, 0.2, 0.4, 0.8, 0.0):
        try:
            return connect(path, read_only=read_only)
        except sqlite3.Error as error:
            if not pause or error_name(error) not in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                raise
            time.sleep(pause)
    raise AssertionError("unreachable")


def read_only_uri(path: Path, *, inspecting: bool = False) -> str:
    """Open for reading; as immutable where the file cannot change under us.

    SQLite reads a WAL file only where it can make the ``-wal`` and ``-shm`` files beside
    it. ``immutable`` tells it the file will not change, so it needs neither: true on a
    read-only disk (a write-protected stick), in a folder we may not write in when no
    ``-wal`` is there (nobody can be writing it then: a writer would need to make one),
    and true enough for the first look at a file that nobody has open for writing (no
    ``-wal`` beside it), which so leaves a file that is not ours without a trace.
    """
    real = path.resolve()  # SQLite keeps its -wal beside the file a link points to
    uri = f"{real.as_uri()}?mode=ro"
    try:
        read_only_disk = bool(os.statvfs(real).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        read_only_disk = False
    unused = not os.path.lexists(f"{real}-wal")
    locked_folder = unused and not os.access(real.parent, os.W_OK)
    return uri + "&immutable=1" if read_only_disk or locked_folder or (inspecting and unused) else uri


JOURNALS = ("-wal", "-shm", "-journal")
_SHM_DMS_BYTE = 128
"""The byte of the -shm file every open WAL connection holds a shared lock on (os_unix.c)."""

_OPEN_HERE: dict[tuple[int, int], int] = {}
"""Archives this process has open, by identity: their -wal/-shm are never taken away."""
_OPEN_HERE_LOCK = threading.Lock()


def identity(path: Path) -> tuple[int, int]:
    """The file behind ``path`` (device, inode): what a replaced archive no longer is."""
    status = os.stat(path)
    return (status.st_dev, status.st_ino)


def opened_here(file: tuple[int, int]) -> None:
    """Count an open connection to the archive ``file`` in this process."""
    with _OPEN_HERE_LOCK:
        _OPEN_HERE[file] = _OPEN_HERE.get(file, 0) + 1


def closed_here(file: tuple[int, int]) -> None:
    """Count a connection to ``file`` closed; its journals may be tidied once none is left."""
    with _OPEN_HERE_LOCK:
        left = _OPEN_HERE.pop(file, 1) - 1
        if left:
            _OPEN_HERE[file] = left


def journal_files(path: Path) -> frozenset[str]:
    """Which of the -wal, -shm and -journal files lie beside the archive now."""
    real = os.path.realpath(path)
    return frozenset(suffix for suffix in JOURNALS if os.path.lexists(real + suffix))


def tidy_journals(path: Path, before: frozenset[str]) -> None:
    """Take away the -wal/-shm/-journal files that opening ``path`` made, if nobody uses them.

    SQLite leaves them behind where it cannot clean up (a refused file with a ``-wal``
    beside it, a file-size limit). Only files that were not there before are removed,
    only when no other connection of this process has the archive open, and only while
    holding the lock every live WAL connection shares, so a meeting running in another
    process never loses its journal.
    """
    real = os.path.realpath(path)
    made = [suffix for suffix in JOURNALS if suffix not in before and os.path.lexists(real + suffix)]
    if not made or sys.platform == "win32":
        return
    try:
        status = os.stat(real)
    except OSError:
        status = None
    if status is not None:
        with _OPEN_HERE_LOCK:
            if _OPEN_HERE.get((status.st_dev, status.st_ino)):
                return
    guard: int | None = None
    try:
        if os.path.lexists(real + "-shm"):
            guard = os.open(real + "-shm", os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
            fcntl.lockf(guard, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
        for suffix in made:
            os.unlink(real + suffix)
    except OSError:
        pass  # in use by another process, or not ours to remove: left as it is
    finally:
        if guard is not None:
            os.close(guard)


def remove_if_empty(path: Path) -> None:
    """Take away the empty file a failed open made, so a failure leaves nothing behind."""
    try:
        if os.lstat(path).st_size == 0:
            os.unlink(path)
    except OSError:
        pass


def regular_status(path: Path) -> os.stat_result | None:
    """The archive file's status, or None where there is none; anything but a regular file is refused.

    A link is followed: a link to an archive is that archive. A link that leads nowhere
    is refused too, for creating the archive through it would put it somewhere unseen.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        try:
            if not stat.S_ISLNK(os.lstat(path).st_mode):
                return regular_status(path)  # made a moment ago (by another facilitator): look again
        except FileNotFoundError:
            return None
        raise RefusedArchiveError(t("archive.not_regular", path=path)) from None
    except OSError as error:
        raise ArchiveError(describe_os_error(error, path)) from None
    if stat.S_ISDIR(status.st_mode):
        raise ArchiveError(t("archive.is_dir", path=path))
    if not stat.S_ISREG(status.st_mode):
        raise RefusedArchiveError(t("archive.not_regular", path=path))
    return status


def open_regular(path: Path, status: os.stat_result | None, flags: int) -> int:
    """An open descriptor of ``path``, which must still be the regular file looked at.

    Opened without blocking, so a pipe put there since cannot hang us, and checked
    again after opening, so a device put there since is never written to.
    """
    fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (status is not None and (now.st_dev, now.st_ino) != (status.st_dev, status.st_ino)):
            raise RefusedArchiveError(t("archive.not_regular", path=path))
    except BaseException:
        os.close(fd)
        raise
    return fd


def build_new(path: Path) -> bool:
    """Put a new, fully migrated archive at ``path``, unless something gets there first.

    The archive is made under a private name beside ``path`` and renamed into place only
    when it is complete, and never over anything: another facilitator opening the same
    new archive at the same moment sees no file or a finished archive, never an empty
    file, one switching to WAL, or tables without their mark. Losing that race is fine
    (the winner's archive is opened); a failure takes away only the private file, which
    nobody else can be using. False where this system cannot rename without replacing:
    the caller then makes the archive in place, as before.
    """
    if not _can_place():
        return False
    private = path.parent / f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}.new"
    create_file(private, shown=path)
    try:
        connection = connect(private)
        try:
            for version in range(schema.SCHEMA_VERSION):
                connection.execute("BEGIN IMMEDIATE")
                try:
                    schema.migrate_one(connection, version)
                    connection.execute("COMMIT")
                except BaseException:
                    if connection.in_transaction:
                        try:
                            connection.execute("ROLLBACK")
                        except sqlite3.Error:
                            pass  # the first error is the one to tell
                    raise
            # Everything into the file itself: a -wal left under the private name holds nothing it needs.
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
        return rename_no_replace(private, path) is not None
    except sqlite3.Error as error:
        raise ArchiveError(describe(error, path), permanent=is_permanent(error)) from None
    except OSError as error:
        raise ArchiveError(describe_os_error(error, path)) from None
    finally:
        for suffix in ("", *JOURNALS):
            try:
                os.unlink(f"{private}{suffix}")
            except OSError:
                pass  # moved into place, or never made


def create_file(path: Path, *, shown: Path | None = None) -> bool:
    """Create the archive readable by its owner only: minutes can hold personal matters.

    True when this call made the file. The new file is made exclusively, never through a
    link; an empty regular file already there (or made by another facilitator a moment
    ago) is made private too, through a descriptor checked to be that regular file.
    ``shown`` is the archive a private file is made for: messages name it, and a private
    name already taken is a failure, not a file to use.
    """
    named = shown or path
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(
                path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600
            )
            made = True
        except FileExistsError:
            if shown is not None:
                raise
            fd = open_regular(path, regular_status(path), os.O_RDONLY)
            made = False
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
        return made
    except PermissionError:
        raise ArchiveError(t("archive.cannot_create", path=named, folder=named.parent)) from None
    except OSError as error:
        if error.errno == errno.EROFS:  # a write-protected USB stick or a read-only share
            raise ArchiveError(t("archive.cannot_create", path=named, folder=named.parent)) from None
        raise ArchiveError(describe_os_error(error, named)) from None


_LOOK = (
    "SELECT (SELECT application_id FROM pragma_application_id),"
    " (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)"
)
"""The marks and the tables, read in one statement and so from one snapshot. Read one by one,
they could straddle the commit of another facilitator making the same new archive: no mark
yet, but its tables already there, which looks exactly like somebody else's database."""


def inspect(path: Path, status: os.stat_result | None = None) -> int:
    """The schema version of an existing archive, read without changing a byte."""
    try:
        fd = open_regular(path, status, os.O_RDONLY)
        try:
            header = os.read(fd, len(SQLITE_HEADER))
        finally:
            os.close(fd)
    except OSError as error:
        raise ArchiveError(describe_os_error(error, path)) from None
    if header != SQLITE_HEADER:
        raise RefusedArchiveError(t("archive.foreign", path=path))
    first = read_only_uri(path, inspecting=True)
    # The first look takes no locks (immutable): it can catch another facilitator in the
    # middle of writing a new archive. A refusal is only believed from a look with locks.
    for uri in (first, read_only_uri(path)) if "immutable" in first else (first,):
        try:
            connection = sqlite3.connect(uri, uri=True)
            try:
                application_id, version, tables = connection.execute(_LOOK).fetchone()
            finally:
                connection.close()
        except sqlite3.Error as error:
            damaged = is_damage(error)
            refusal: ArchiveError = (RefusedArchiveError if damaged else ArchiveError)(describe_open(error, path))
        else:
            if application_id == schema.APPLICATION_ID or not (tables or version):
                break
            refusal = RefusedArchiveError(t("archive.foreign", path=path))
    else:
        raise refusal
    return int(version)
