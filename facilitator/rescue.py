"""Putting a meeting from a rescue file back into an archive.

When the archive would not take the last saves at the end of a meeting (a full disk, a
stick pulled out), the recorder writes the whole meeting to a rescue file
(``ARCHIVE.rescue-ID-TIME.json``). This is the way back: the meeting goes into the
archive it came from, over its older copy there, or into another archive as a new
meeting; from there it can be resumed or turned into minutes like any other.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.archive import Archive
from facilitator.errors import ArchiveError, FacilitatorError
from facilitator.i18n import t
from facilitator.meeting import Meeting
from facilitator.meeting_lock import MeetingLock
from facilitator.meeting_snapshot import from_dict, to_dict


@dataclass(frozen=True)
class Restored:
    archive: Path
    meeting_id: int
    replaced: bool
    """True when the archive's older copy of the same meeting was brought up to date."""
    ended: bool


def read_rescue(path: Path) -> tuple[Path | None, int | None, Meeting]:
    """The archive named in the file, the meeting's id there, and the meeting itself."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        meeting = from_dict(data["meeting"])
    except FileNotFoundError:
        raise FacilitatorError(t("rescue.missing", path=path)) from None
    except OSError as error:
        raise FacilitatorError(t("rescue.unreadable", path=path, reason=error.strerror or error)) from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise FacilitatorError(t("rescue.not_rescue", path=path)) from None
    archive = data.get("archive")
    meeting_id = data.get("meeting_id")
    return (
        Path(archive) if isinstance(archive, str) else None,
        meeting_id if isinstance(meeting_id, int) else None,
        meeting,
    )


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
            lock = MeetingLock(archive.path, meeting_id)
            if not lock.acquire():
                raise FacilitatorError(t("archive.meeting_in_use", id=meeting_id, path=archive.path))
            try:
                archive.save(meeting_id, snapshot, notes)
            finally:
                lock.release()
            return Restored(archive.path, meeting_id, True, meeting.ended)
        new_id = archive.create(meeting)
        archive.save(new_id, snapshot, notes)  # as it was rescued: create() took in open actions anew
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
