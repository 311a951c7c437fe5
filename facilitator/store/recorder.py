"""Saves a meeting as it changes, on a thread of its own, so typing never waits for the disk.

The meeting tells the recorder of each change (``Meeting.listeners``). A structural
change (a decision, a vote, the next item) is saved at once; notes, which change with
every keystroke, at most ``notes_interval`` seconds later, and at least that often while
someone keeps typing. So a crash loses at most that last moment of typing.

A change that names what it touched (``Change.items``, ``Change.head``) is taken here,
on the caller's thread, as just those items and perhaps the head, and saved as such
(``Archive.save_changes``): deciding on one item of 2,000 costs what it costs at 20.
The first change after the meeting is loaded, and any that names nothing, takes the
whole meeting, which also splits a meeting stored whole before (``meeting_rows``).

A save that fails is kept and tried again, with longer pauses, until it succeeds; the
meeting itself goes on in memory meanwhile. How saving goes is ``health``, a value the
recorder replaces and others read (``save_health``); the recorder never calls anyone back.
If saving cannot finish when the recorder is closed, the whole meeting is written to a
rescue file instead (``rescue_file``), so nothing typed is lost even then.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
from pathlib import Path

from facilitator.errors import ArchiveError
from facilitator.i18n import t
from facilitator.meeting.change import Change
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import ItemState
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.meeting_changes import MeetingChanges
from facilitator.store.meeting_rows import APART, ORDER
from facilitator.store.save_health import SaveHealth
from facilitator.store.snapshot import head_dict, item_dict, to_dict

RETRY_PAUSES = (0.5, 1.0, 2.0, 5.0)
RESCUE_NAMES = 20
"""Names tried per folder for a rescue file before the next folder: the first ones may be taken."""


class Recorder:
    """Saves one meeting; given the meeting and its writer lock, which it lets go at close.

    The session takes the lock and loads (or creates) the meeting: the recorder only saves.
    """

    def __init__(
        self, archive: Archive, meeting_id: int, meeting: Meeting, lock: MeetingLock, *, notes_interval: float = 0.5
    ) -> None:
        self.archive = archive
        self.meeting_id = meeting_id
        self.meeting = meeting
        self.notes_interval = notes_interval
        self.lock = lock
        self.health = SaveHealth()
        """How saving goes; replaced whole on the recorder's thread, read by anyone."""
        self.rescue_file: Path | None = None
        """Where the meeting was written when the archive would not take it at close."""
        self._condition = threading.Condition()
        self._changes = MeetingChanges()
        """What waits to be saved; replaced whole when the thread takes it."""
        self._states: dict[int, ItemState] = {}
        """The meeting's items by id, so that taking the items a change touched costs what
        was touched; made again whenever the items' order changed (or may have)."""
        self._split = False
        """Whether a whole snapshot has been queued since the meeting was loaded: until
        then a change is saved whole, which splits a meeting stored before the split."""
        self._notes_due: float | None = None
        self._retry_at: float | None = None
        self._flushing = 0
        self._busy = False
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name=f"recorder-{meeting_id}", daemon=True)

    # --- life cycle --------------------------------------------------------------------

    def start(self) -> Recorder:
        """Begin listening to the meeting and saving its changes."""
        self.meeting.listeners.append(self._on_change)
        self._thread.start()
        return self

    def close(self, timeout: float = 10.0) -> bool:
        """Save what is pending, stop, release the lock; False (and a rescue file) if saving failed."""
        if self._on_change in self.meeting.listeners:
            self.meeting.listeners.remove(self._on_change)
        saved = self.flush(timeout)
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
        self._thread.join(timeout)
        if not saved:
            self._rescue()
        if not self._thread.is_alive():
            # Only a writer that has stopped may give up the lock; a stuck one keeps it
            # until the process ends, so nobody else can write over what it may yet save.
            self.lock.release()
        return saved

    def flush(self, timeout: float = 10.0) -> bool:
        """Save everything pending now and wait for it; False if it could not be saved in time."""
        deadline = time.monotonic() + timeout
        with self._condition:
            self._flushing += 1
            try:
                if self._changes.notes:
                    self._notes_due = 0.0
                self._retry_at = None
                self._condition.notify_all()
                while self._pending() or self._busy:
                    left = deadline - time.monotonic()
                    if left <= 0 or not self._thread.is_alive():
                        return False
                    self._condition.wait(left)
                return True
            finally:
                self._flushing -= 1

    def _rescue(self) -> None:
        """Write the whole meeting to a file beside the archive (or in the temporary folder).

        The file is made exclusively and private (0600), written whole to a temporary file,
        flushed to the disk and only then given its name, which never replaces anything: a
        link or a file someone put at that name is left alone and the next name is taken.
        ``rescue_file`` is set only when a file is complete; a failed try leaves nothing.
        """
        from facilitator.errors import OutputError
        from facilitator.files.atomic_write import write_atomic
        from facilitator.files.paths import rescue_folders

        data = json.dumps(
            {"archive": str(self.archive.path), "meeting_id": self.meeting_id, "meeting": to_dict(self.meeting)},
            ensure_ascii=False,
            indent=1,
        ).encode("utf-8")
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        stem = f"{self.archive.path.name}.rescue-{self.meeting_id}-{stamp}"
        for folder in rescue_folders(self.archive.path):
            for attempt in range(1, RESCUE_NAMES + 1):
                target = folder / (f"{stem}.json" if attempt == 1 else f"{stem}-{attempt}.json")
                try:
                    write_atomic(target, data, private=True)
                except OutputError:
                    if os.path.lexists(target):
                        continue  # the name is taken (perhaps by a planted link): the next one
                    break  # the folder will not take it (full, read-only): the next folder
                self.rescue_file = target
                return

    # --- hearing changes (on the caller's thread: must be cheap) -------------------------

    def _state(self, item_id: int) -> ItemState | None:
        """The meeting's item of this id; None when it has none (an item dropped)."""
        state = self._states.get(item_id)
        if state is None:  # an item the map has not seen: made before the order said
            self._states = {s.id: s for s in self.meeting.items}
            state = self._states.get(item_id)
        return state

    def _on_change(self, change: Change) -> None:
        if change.kind == "notes" and change.item_id is not None:
            state = self._state(change.item_id)
            if state is None:
                return  # not an item of the meeting: nothing to save
            with self._condition:
                self._changes.notes[change.item_id] = state.notes
                self._changes.titles[change.item_id] = state.item.title
                if self._notes_due is None:
                    self._notes_due = time.monotonic() + self.notes_interval
                    self._condition.notify_all()
            return
        if change.order or change.items is None:
            self._states = {s.id: s for s in self.meeting.items}
        if change.items is None or not self._split:
            snapshot = to_dict(self.meeting, notes=False)
            with self._condition:
                self._changes.take_whole(snapshot)
                self._split = True
                self._condition.notify_all()
            return
        # Only what the change touched is taken, on this thread (the meeting is not
        # thread-safe); the dicts are fresh, so the saving thread owns them.
        head = {**head_dict(self.meeting), ORDER: APART} if change.head else None
        order = [s.id for s in self.meeting.items] if change.order else None
        states = {item_id: self._state(item_id) for item_id in change.items}
        items = {item_id: None if state is None else item_dict(state) for item_id, state in states.items()}
        with self._condition:
            if head is not None:
                self._changes.head = head
            if order is not None:
                self._changes.order = order
            self._changes.items.update(items)
            self._condition.notify_all()

    # --- saving (on the recorder's thread) ----------------------------------------------

    def _pending(self) -> bool:
        return bool(self._changes)

    def _ready(self, now: float) -> bool:
        if self._retry_at is not None and now < self._retry_at:
            return False  # backing off: new keystrokes do not cut the pause short
        if self._changes.structural:
            return True
        return self._notes_due is not None and now >= self._notes_due

    def _wait_time(self, now: float) -> float | None:
        """How long the thread may sleep: while backing off, until the pause ends (notes put
        back after a failure are due at once, but wait for it like everything else)."""
        if self._retry_at is not None and now < self._retry_at:
            return self._retry_at - now
        if self._changes.structural:
            return 0.0
        return max(0.0, self._notes_due - now) if self._notes_due is not None else None

    def _run(self) -> None:
        failures = 0
        while True:
            with self._condition:
                while not self._stopping and not self._ready(time.monotonic()):
                    self._condition.wait(self._wait_time(time.monotonic()))
                if self._stopping and (not self._pending() or failures > len(RETRY_PAUSES)):
                    return
                changes, self._changes, self._notes_due = self._changes, MeetingChanges(), None
                self._busy = True
            try:
                if changes.whole is not None and changes.head is None and not changes.items:
                    self.archive.save(self.meeting_id, changes.whole, changes.notes)
                elif changes.structural:
                    self.archive.save_changes(self.meeting_id, changes)
                elif changes.notes:
                    self.archive.save_notes(self.meeting_id, changes.notes, changes.titles)
            except Exception as error:  # noqa: BLE001 - whatever happens, keep the data and carry on
                message = (
                    str(error) if isinstance(error, ArchiveError) else t("archive.failed", path=self.archive.path, reason=error)
                )
                pause = RETRY_PAUSES[min(failures, len(RETRY_PAUSES) - 1)]
                failures += 1
                with self._condition:
                    self._changes = changes.under(self._changes)  # put back under anything newer
                    if self._changes.notes:
                        self._notes_due = 0.0
                    self._retry_at = None if self._flushing or self._stopping else time.monotonic() + pause
                    self._busy = False
                    self._condition.notify_all()
                self.health = self.health.failed(message)
                continue
            failures = 0
            self.health = self.health.saved()
            with self._condition:
                self._busy = False
                self._retry_at = None
                self._condition.notify_all()
