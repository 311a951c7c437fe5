"""The archive: one SQLite file holding every meeting, saved change by change.

A meeting is stored as a snapshot (``store.snapshot``) without its notes, which live in
their own table because they change with every keystroke. Action items and a full-text
index are projections of the snapshots, kept in step in the same transaction, so
questions across meetings ("open actions of our club", "where did we talk about vold?")
never need to read a snapshot.

Opening checks the file before changing anything: a file that is not SQLite, a SQLite
file that is not ours, a corrupt one or one from a newer facilitator is refused with a
clear message and left byte for byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from facilitator.errors import ArchiveError, RefusedArchiveError
from facilitator.i18n import t
from facilitator.store import schema
from facilitator.store.action_closing import ActionClosing
from facilitator.store.approvals import Approvals
from facilitator.store.archive_file import (
    build_new,
    connect_patiently,
    create_file,
    inspect,
    journal_files,
    regular_status,
    remove_if_empty,
    tidy_journals,
)
from facilitator.store.closed_sharing import ClosedSharing
from facilitator.store.error_words import describe_open, is_damage
from facilitator.store.history import History
from facilitator.store.receiving import Receiving
from facilitator.store.record_lists import RecordLists
from facilitator.store.sharing import Sharing
from facilitator.store.snapshot_writer import SnapshotWriter


class Archive(SnapshotWriter, History, ActionClosing, Approvals, RecordLists, Sharing, ClosedSharing, Receiving):
    """An open archive file. Thread-safe: the recorder writes from its own thread.

    Its parts: the connection and its transactions (``connection``), notes and their
    index (``notes_index``), meetings written with their projections (``snapshot_writer``)
    the questions asked of it (``history``), actions closed between meetings
    (``action_closing``), approved minutes (``approvals``), sharing (``sharing``) and
    meetings received from the shared archive (``receiving``). Opening is here, the file's own checks in
    ``archive_file``.
    """

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, create: bool = True) -> Archive:
        """Open (creating and migrating as needed) the archive at ``path``.

        Only a regular file, or a link to one, can be an archive: a pipe would hang the
        first read and a device would be chmod'ed and get a journal beside it, so anything
        else is refused before it is opened for anything but a look. ``create=False``
        (resuming) never turns an empty file into an archive. A failed open takes away the
        ``-wal``/``-shm`` files it made, so a refused file is left as it was found.

        A new archive is made whole under a private name and then put in place (see
        ``build_new``), so a facilitator opening the same new archive at the same moment
        never sees it half made. Only an empty file that was there already, or a system
        that cannot put a file in place without replacing, has it made in place.
        """
        path = Path(path)
        status = regular_status(path)
        if status is None and create and not read_only and build_new(path):
            status = regular_status(path)  # ours, or what another facilitator put there first
        fresh = status is None or status.st_size == 0
        if fresh and read_only:
            raise ArchiveError(t("archive.missing", path=path))
        if fresh and not create:
            raise ArchiveError(t("archive.empty" if status is not None else "archive.missing", path=path))
        journals = journal_files(path)
        made = False
        try:
            if not fresh:
                version = inspect(path, status)
                if version > schema.SCHEMA_VERSION:
                    raise RefusedArchiveError(t("archive.newer", path=path, version=version, supported=schema.SCHEMA_VERSION))
                if not read_only and not os.access(path, os.W_OK):
                    raise ArchiveError(t("archive.read_only", path=path))
                if not read_only and status is not None and status.st_nlink > 1:
                    raise ArchiveError(t("archive.linked", path=path, links=status.st_nlink))
            else:
                made = create_file(path)
            try:
                connection = connect_patiently(path, read_only=read_only)
            except sqlite3.Error as error:
                damaged = is_damage(error)
                raise (RefusedArchiveError if damaged else ArchiveError)(describe_open(error, path)) from None
            archive = cls(path, connection, read_only=read_only)
            archive._journals_before = journals
            if not read_only:
                try:
                    archive._migrate()
                except BaseException:
                    archive.close()
                    raise
        except BaseException as error:
            if isinstance(error, RefusedArchiveError):
                tidy_journals(path, journals)
            if made:
                remove_if_empty(path)
            raise
        return archive

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._index_all_waiting()
            except ArchiveError:
                pass  # the notes themselves are saved; only their place in search waits
            self._close_connection()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        """Bring the schema up to date, one step per transaction.

        The version is read again inside each transaction: another process opening the
        same new archive at the same moment may have taken the step already.
        """
        while True:
            with self._write() as db:
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
                if version > schema.SCHEMA_VERSION:  # a newer facilitator wrote it since we looked
                    raise ArchiveError(
                        t("archive.newer", path=self.path, version=version, supported=schema.SCHEMA_VERSION), permanent=True
                    )
                if version == schema.SCHEMA_VERSION:
                    return
                schema.migrate_one(db, version)
