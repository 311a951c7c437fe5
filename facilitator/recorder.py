"""Saves a meeting as it changes, on a thread of its own, so typing never waits for the disk.

The meeting tells the recorder of each change (``Meeting.listeners``). A structural
change (a decision, a vote, the next item) is saved at once; notes, which change with
every keystroke, at most ``notes_interval`` seconds later, and at least that often while
someone keeps typing. So a crash loses at most that last moment of typing.

A save that fails (a full disk, a busy archive) is kept and tried again, with longer
pauses, until it succeeds; ``on_error`` hears of the first failure and ``on_recovered``
of the success after it, so the UI can say so while the meeting goes on.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from facilitator.archive import Archive
from facilitator.errors import FacilitatorError
from facilitator.meeting import Change, Meeting
from facilitator.meeting_lock import MeetingLock
from facilitator.meeting_snapshot import to_dict
from facilitator.i18n import t

RETRY_PAUSES = (0.5, 1.0, 2.0, 5.0)


class Recorder:
    def __init__(
        self, archive: Archive, meeting_id: int, meeting: Meeting, *,
        notes_interval: float = 0.5,
        on_error: Callable[[str], None] | None = None,
        on_recovered: Callable[[], None] | None = None,
    ) -> None:
        self.archive = archive
        self.meeting_id = meeting_id
        self.meeting = meeting
        self.notes_interval = notes_interval
        self.on_error = on_error
        self.on_recovered = on_recovered
        self.lock = MeetingLock(archive.path, meeting_id)
        self._condition = threading.Condition()
        self._snapshot: dict[str, Any] | None = None
        self._notes: dict[int, str] = {}
        self._titles: dict[int, str] = {}
        self._notes_due: float | None = None
        self._busy = False
        self._stopping = False
        self._failing = False
        self._thread = threading.Thread(target=self._run, name=f"recorder-{meeting_id}", daemon=True)

    # --- life cycle --------------------------------------------------------------------

    def start(self) -> Recorder:
        """Take the meeting's writer lock and begin listening; refused if another process writes it."""
        if not self.lock.acquire():
            raise FacilitatorError(t("archive.meeting_in_use", id=self.meeting_id, path=self.archive.path))
        self.meeting.listeners.append(self._on_change)
        self._thread.start()
        return self

    def close(self, timeout: float = 10.0) -> bool:
        """Save what is pending, stop, and release the lock; False if saving did not finish."""
        if self._on_change in self.meeting.listeners:
            self.meeting.listeners.remove(self._on_change)
        saved = self.flush(timeout)
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self.lock.release()
        return saved

    def flush(self, timeout: float = 10.0) -> bool:
        """Save everything pending now and wait for it; False if it could not be saved in time."""
        deadline = time.monotonic() + timeout
        with self._condition:
            if self._notes:
                self._notes_due = 0.0
            self._condition.notify_all()
            while self._pending() or self._busy:
                left = deadline - time.monotonic()
                if left <= 0 or not self._thread.is_alive():
                    return False
                self._condition.wait(left)
        return True

    # --- hearing changes (on the caller's thread: must be cheap) -------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind == "notes" and change.item_id is not None:
            state = next(s for s in self.meeting.items if s.id == change.item_id)
            with self._condition:
                self._notes[change.item_id] = state.notes
                self._titles[change.item_id] = state.item.title
                if self._notes_due is None:
                    self._notes_due = time.monotonic() + self.notes_interval
                    self._condition.notify_all()
            return
        snapshot = to_dict(self.meeting, notes=False)
        with self._condition:
            self._snapshot = snapshot
            self._condition.notify_all()

    # --- saving (on the recorder's thread) ----------------------------------------------

    def _pending(self) -> bool:
        return self._snapshot is not None or bool(self._notes)

    def _run(self) -> None:
        failures = 0
        while True:
            with self._condition:
                while not self._stopping:
                    if self._snapshot is not None:
                        break
                    if self._notes_due is not None and time.monotonic() >= self._notes_due:
                        break
                    wait = None if self._notes_due is None else max(0.0, self._notes_due - time.monotonic())
                    self._condition.wait(wait)
                if self._stopping and not self._pending():
                    return
                snapshot, notes, titles = self._snapshot, self._notes, self._titles
                self._snapshot, self._notes, self._titles, self._notes_due = None, {}, {}, None
                self._busy = True
            try:
                if snapshot is not None:
                    self.archive.save(self.meeting_id, snapshot, notes)
                elif notes:
                    self.archive.save_notes(self.meeting_id, notes, titles)
            except FacilitatorError as error:
                with self._condition:
                    # Put it back unless something newer arrived meanwhile.
                    if self._snapshot is None:
                        self._snapshot = snapshot
                    self._notes = {**notes, **self._notes}
                    self._titles = {**titles, **self._titles}
                    if self._notes:
                        self._notes_due = 0.0
                    self._busy = False
                    self._condition.notify_all()
                if not self._failing and self.on_error:
                    self.on_error(str(error))
                self._failing = True
                pause = RETRY_PAUSES[min(failures, len(RETRY_PAUSES) - 1)]
                failures += 1
                with self._condition:
                    if not self._stopping:
                        self._condition.wait(pause)
                    elif failures > len(RETRY_PAUSES):
                        return  # stopping, and the disk will not take it: give up, flush() reported False
                continue
            failures = 0
            if self._failing:
                self._failing = False
                if self.on_recovered:
                    self.on_recovered()
            with self._condition:
                self._busy = False
                self._condition.notify_all()
