"""The room view's eyes on the meeting: the archive, read-only, from a process of its own.

The room view runs beside the chair's app, not inside it (docs/room-view.md says why): it
learns of a change when the app has saved it, which the recorder does at once for
everything but the notes (within half a second). It asks SQLite whether anything was
committed since it last looked (``PRAGMA data_version``, which costs nothing) and reads
the meeting again only then. So the chair's typing never waits for it, and a browser that
stops reading can at worst stall this process, never the meeting.

Without a meeting id it follows "the meeting being held": the newest that has not ended,
and when that one ends, the next one started in the archive.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from facilitator.errors import FacilitatorError
from facilitator.meeting.model import Clock, system_clock
from facilitator.output.room_state import room_state
from facilitator.store.archive import Archive

WAITING: dict[str, Any] = {"status": "none"}
"""No meeting to show yet: the page says it waits for one."""

GONE: dict[str, Any] = {"status": "gone"}
"""The meeting named is not in the archive (any more), or the archive cannot be read."""


class Follower:
    """Reads the meeting shown on the wall; tells the room's data when it may have changed."""

    def __init__(self, archive_path: Path, meeting_id: int | None = None, *, clock: Clock = system_clock) -> None:
        self.archive_path = archive_path
        self.named = meeting_id
        self.clock = clock
        self._archive: Archive | None = None
        self._version: int | None = None
        self.meeting_id: int | None = meeting_id
        self.state: dict[str, Any] = WAITING
        self.text = json.dumps(WAITING)

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None

    def poll(self) -> bool:
        """Look again; True when what the wall shows may have changed (``text`` is then new)."""
        try:
            state = self._read()
        except FacilitatorError:
            self.close()  # opened again next time: the archive may be back
            self._version = None
            state = GONE
        text = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
        if text == self.text:
            return False
        self.state, self.text = state, text
        return True

    def _read(self) -> dict[str, Any]:
        if self._archive is None:
            self._archive = Archive.open(self.archive_path, read_only=True, create=False)
        version = self._archive.data_version()
        if version == self._version:
            return self.state  # nothing committed since (the page counts the timer on by itself)
        self._version = version
        meeting_id = self.named if self.named is not None else self._held()
        if meeting_id is None:
            return WAITING
        self.meeting_id = meeting_id
        try:
            meeting = self._archive.load(meeting_id, clock=self.clock)
        except FacilitatorError:
            if self.named is None:
                return WAITING
            raise
        return room_state(meeting, now=self.clock())

    def _held(self) -> int | None:
        """The meeting being held: the newest not ended; else the one followed so far."""
        assert self._archive is not None
        unfinished = self._archive.meetings(unfinished=True, limit=1)
        if unfinished:
            return unfinished[0].id
        return self.meeting_id
