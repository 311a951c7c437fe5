"""Putting a meeting from a rescue file back into an archive.

When the archive would not take the last saves at the end of a meeting (a full disk, a
stick pulled out), the recorder writes the whole meeting to a rescue file
(``ARCHIVE.rescue-ID-TIME.json``). This is the way back: the meeting goes into the
archive it came from, over its older copy there, or into another archive as a new
meeting; from there it can be resumed or turned into minutes like any other.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.errors import ArchiveError, FacilitatorError, FileTooLargeError, NotRegularFileError, SnapshotError
from facilitator.files.regular_file import read_regular
from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.snapshot import from_dict, to_dict
from facilitator.store.snapshot_values import MAX_ID
from facilitator.text.storable import loads


@dataclass(frozen=True)
class Restored:
    archive: Path
    meeting_id: int
    replaced: bool
    """True when the archive's older copy of the same meeting was brought up to date."""
    ended: bool


MAX_RESCUE_BYTES = 64 * 1024 * 1024
"""A rescue file holds one meeting as JSON: a long meeting is a few megabytes. A file far
larger (or a device that never ends, such as /dev/zero) is not one and is not read."""


def read_rescue(path: Path) -> tuple[Path | None, int | None, Meeting]:
    """The archive named in the file, the meeting's id there, and the meeting itself.

    Everything is checked before anything touches an archive: the file is a regular file
    of a sane size (a pipe given by mistake must not hang the command, a device must not
    be read without end), it is JSON of the right shape, and its meeting passes the whole
    snapshot check. Whatever is wrong is one line naming the file."""
    text = _read_text(path)
    try:
        data = loads(text)  # a JSON escape of a lone surrogate is data: text.storable
    except (ValueError, RecursionError):
        raise FacilitatorError(t("rescue.not_rescue", path=path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("meeting"), dict):
        raise FacilitatorError(t("rescue.not_rescue", path=path))
    archive = data.get("archive")
    meeting_id = data.get("meeting_id")
    if archive is not None and (not isinstance(archive, str) or not archive or "\x00" in archive):
        raise FacilitatorError(t("rescue.not_rescue", path=path))
    if meeting_id is not None and (
        isinstance(meeting_id, bool) or not isinstance(meeting_id, int) or not 1 <= meeting_id <= MAX_ID
    ):
        raise FacilitatorError(t("rescue.not_rescue", path=path))
    try:
        meeting = from_dict(data["meeting"])  # checks the snapshot whole first (snapshot_check)
    except SnapshotError as error:
        raise FacilitatorError(t("rescue.bad_meeting", path=path, reason=error)) from None
    return (Path(archive) if archive else None, meeting_id, meeting)


def _read_text(path: Path) -> str:
    """The file's text, read only if it is a regular file of at most MAX_RESCUE_BYTES
    (``regular_file``: a named pipe answers at once, ``/dev/zero`` is not read for ever)."""
    try:
        data, _ = read_regular(path, MAX_RESCUE_BYTES)
    except (FileNotFoundError, ValueError):  # ValueError: a NUL in the path
        raise FacilitatorError(t("rescue.missing", path=path)) from None
    except NotRegularFileError:
        raise FacilitatorError(t("rescue.not_regular", path=path)) from None
    except FileTooLargeError:
        raise FacilitatorError(t("rescue.too_large", path=path, limit=MAX_RESCUE_BYTES // 2**20)) from None
    except OSError as error:
        raise FacilitatorError(t("rescue.unreadable", path=path, reason=error.strerror or error)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise FacilitatorError(t("rescue.not_rescue", path=path)) from None


def restore(rescue_file: Path, archive_path: Path | None = None) -> Restored:
    """Put the rescued meeting into ``archive_path`` (default: the archive it came from)."""
    origin, meeting_id, meeting = read_rescue(rescue_file)
    target = archive_path or origin
    if target is None:
        raise FacilitatorError(t("rescue.no_archive", path=rescue_file))
    snapshot = to_dict(meeting, notes=False)
    notes = {state.id: state.notes for state in meeting.items}  # emptied notes too: they replace older text
    with Archive.open(target) as archive:
        if meeting_id is not None and _same_file(target, origin) and _same_meeting(archive, meeting_id, snapshot):
            lock = MeetingLock.take(archive.path, meeting_id)
            try:
                archive.save(meeting_id, snapshot, notes)
            finally:
                lock.release()
            return Restored(archive.path, meeting_id, True, meeting.ended)
        new_id = archive.create(meeting)  # as it was rescued, its carried actions as they were
        return Restored(archive.path, new_id, False, meeting.ended)


def _same_file(target: Path, origin: Path | None) -> bool:
    """The archive named is the rescue file's own, by whatever path (the lock follows the file too)."""
    if origin is None:
        return False
    try:
        return target == origin or os.path.samefile(target, origin)
    except OSError:
        return False


def _same_meeting(archive: Archive, meeting_id: int, snapshot: dict[str, Any]) -> bool:
    """The archive's meeting of that id is an older copy of this one, not another meeting."""
    try:
        there = to_dict(archive.load(meeting_id), notes=False)
    except ArchiveError:
        return False
    return there["info"] == snapshot["info"] and there["started_at"] in (None, snapshot["started_at"])
