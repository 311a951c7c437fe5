"""One open connection to the archive file, and the transactions every part of the archive uses.

Writing, indexing and the history queries all go through ``_write`` and ``_read`` here:
one lock (the recorder writes from its own thread), every SQLite failure turned into an
``ArchiveError`` that says what to do, and nothing left half open. Each write first
makes sure the file is still the one that was opened: a deleted archive is written back
from the connection, which still holds all of it; another file in its place is never
touched.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from facilitator.errors import ArchiveError
from facilitator.i18n import t
from facilitator.store.archive_file import closed_here, connect, identity, open_regular, opened_here, tidy_journals
from facilitator.store.error_words import describe, is_damage, is_permanent


class ArchiveConnection:
    """The connection, its lock and the file it belongs to; the archive's parts build on it."""

    def __init__(self, path: Path, connection: sqlite3.Connection, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._db = connection
        self._lock = threading.RLock()
        self._identity = identity(path)
        self._journals_before: frozenset[str] = frozenset()
        """The -wal/-shm files that were there before this archive was opened: never ours to remove."""
        self._closed = False
        self._damaged = False
        opened_here(self._identity)

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _close_connection(self) -> None:
        """Let go of the file; a damaged one read without writing is left as it was found."""
        self._db.close()
        closed_here(self._identity)
        if self.read_only and self._damaged:
            tidy_journals(self.path, self._journals_before)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; any SQLite failure becomes an ArchiveError, and nothing stays open.

        COMMIT is inside the guarded block: in WAL mode a full disk shows up at COMMIT, and a
        transaction left open there would make every later save fail and hold the lock.
        """
        if self.read_only:
            raise ArchiveError(t("archive.read_only", path=self.path))
        with self._lock:
            self._check_still_there()
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        try:
                            self._db.execute("ROLLBACK")
                        except sqlite3.Error:
                            pass  # SQLite may have rolled back already; the first error is the one to tell
                    raise
            except sqlite3.Error as error:
                raise ArchiveError(describe(error, self.path), permanent=is_permanent(error)) from error

    def _check_still_there(self) -> None:
        """Notice an archive file deleted or replaced while open, instead of saving into the void.

        A deleted file is written back from the open connection, which still holds all of
        it; a different file in its place is not touched.
        """
        try:
            status = os.stat(self.path)
        except FileNotFoundError:
            self._db.execute(f"VACUUM INTO {_sql_text(str(self.path))}")
            fd = open_regular(self.path, None, os.O_RDONLY)  # never chmod what a link put there points to
            try:
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, 0o600)
            finally:
                os.close(fd)
            self._reconnect()
            return
        if (status.st_dev, status.st_ino) != self._identity:
            raise ArchiveError(t("archive.replaced", path=self.path), permanent=True)

    def _reconnect(self) -> None:
        self._db.close()
        self._db = connect(self.path)
        before, self._identity = self._identity, identity(self.path)
        opened_here(self._identity)  # counted before the old one is let go: never a moment at none
        closed_here(before)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as error:
                self._damaged = is_damage(error)
                raise ArchiveError(describe(error, self.path, writing=False)) from error


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
