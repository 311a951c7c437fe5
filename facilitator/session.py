"""One meeting being held: the meeting, the archive it is saved in, and its recorder.

The app opens a session when a meeting starts or resumes and closes it when the app
quits. Kept apart from the UI so the start, resume and close paths (locks, breaks,
rescue files) are tested without a screen, and so a script could hold a meeting too.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from facilitator.agenda.loader import load_agenda
from facilitator.agenda.model import Agenda
from facilitator.agenda.shipped import find_agenda
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.meeting.model import Clock, Meeting, system_clock
from facilitator.store.archive import Archive
from facilitator.store.recorder import Recorder


class Session:
    def __init__(self, archive: Archive, recorder: Recorder, *, fresh: bool = False) -> None:
        self.archive = archive
        self.recorder = recorder
        self.closed = False
        self.saved: bool | None = None
        """After close: True when the archive took everything, False when it did not."""
        self.discarded = False
        """True when the meeting was never started nor touched, and so was not kept."""
        self._untouched = fresh
        if fresh:
            recorder.meeting.listeners.append(self._touched)

    def _touched(self, change: object) -> None:
        self._untouched = False

    @property
    def meeting(self) -> Meeting:
        return self.recorder.meeting

    @property
    def meeting_id(self) -> int:
        return self.recorder.meeting_id

    @classmethod
    def new(
        cls,
        archive_path: Path,
        agenda: str | Path,
        *,
        clock: Clock = system_clock,
        on_error: Callable[[str], None] | None = None,
        on_recovered: Callable[[], None] | None = None,
        loaded: Agenda | None = None,
    ) -> Session:
        """A new meeting from an agenda file or a shipped agenda's name (not started yet).

        ``loaded`` is that agenda when the caller has read it already (the command line
        reads it first, to report a broken file before anything else): not read twice.
        """
        path = find_agenda(str(agenda))
        meeting = Meeting(loaded if loaded is not None else load_agenda(path), clock=clock)
        archive = Archive.open(archive_path)
        try:
            meeting_id = archive.create(meeting, agenda_path=str(path.resolve()))
            recorder = Recorder(archive, meeting_id, meeting, on_error=on_error, on_recovered=on_recovered).start()
        except BaseException:
            archive.close()
            raise
        return cls(archive, recorder, fresh=True)

    @classmethod
    def resume(
        cls,
        archive_path: Path,
        meeting_id: int | None = None,
        *,
        clock: Clock = system_clock,
        on_error: Callable[[str], None] | None = None,
        on_recovered: Callable[[], None] | None = None,
    ) -> Session:
        """Go on with a saved meeting (the newest unfinished one by default).

        The time between the last save and now was a break, not the item's time.
        """
        if not os.path.lexists(archive_path):  # a link to nothing is refused by Archive.open
            raise FacilitatorError(t("cli.history.no_archive", path=archive_path))
        archive = Archive.open(archive_path, create=False)  # an empty file is not made an archive here
        try:
            if meeting_id is None:
                unfinished = archive.meetings(unfinished=True)
                if not unfinished:
                    raise FacilitatorError(t("session.nothing_to_resume", path=archive_path))
                meeting_id = unfinished[0].id
            archive.summary(meeting_id)  # a clear "no such meeting" before the lock file is made
            since = archive.last_saved(meeting_id)
            recorder = Recorder.resume(archive, meeting_id, clock=clock, on_error=on_error, on_recovered=on_recovered)
        except BaseException:
            archive.close()
            raise
        if since is not None:
            recorder.meeting.interrupted(since)
        return cls(archive, recorder)

    def close(self) -> bool:
        """Save what is pending and let go; False when the meeting went to a rescue file."""
        if self.closed:
            return True
        self.closed = True
        saved = self.saved = self.recorder.close()
        if saved:
            if self._untouched and not self.meeting.started:
                try:
                    self.discarded = self.archive.discard_unstarted(self.meeting_id)
                except FacilitatorError:
                    pass  # an empty meeting left behind is harmless
            self.archive.close()
        return saved

    @property
    def rescue_file(self) -> Path | None:
        return self.recorder.rescue_file

    @property
    def lost(self) -> bool:
        """Closed, and the last changes are neither in the archive nor in a rescue file."""
        return self.saved is False and self.rescue_file is None
