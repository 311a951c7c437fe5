"""Closing an action item outside a meeting: ``facilitator actions done 12-3``.

An action is done when the meeting that made it ticks it, or when a later meeting of the
group ticks it in its follow-up; but much is done between meetings, and the list of open
actions must not grow for ever because nobody held a meeting to say so.

What may be changed, and how, follows from who else writes. A meeting being held (its
writer lock taken by a running facilitator) saves its whole snapshot with every change,
and the action's done mark is projected from that snapshot: a mark written here would be
undone by the next save, so such a meeting is refused and the action is ticked in the
app. Any other meeting is locked here for the moment of the change, and the mark goes
into its snapshot as well as into the action list, so that resuming it later, or
building the list again from the snapshots, keeps the action done. A later meeting that
carried the action over may be held meanwhile: it only ever changes the marks it made
itself (``done_in``), so it leaves this one alone. The meeting's time of last save is not
touched: a resumed meeting counts its break from there. A meeting whose minutes are
approved is never written again: its action is marked done in the action list alone. A
meeting received from the shared archive is refused: its next copy would undo the mark, and
no other laptop would learn it; the group's next meeting ticks it off (``receiving``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from facilitator.errors import ArchiveError, FacilitatorError
from facilitator.i18n import t
from facilitator.store.approvals import approval_row
from facilitator.store.connection import ArchiveConnection
from facilitator.store.lock import MeetingLock
from facilitator.store.meeting_rows import store_marked, whole_snapshot

_ID = re.compile(r"\s*(\d+)\s*[-./:]\s*(\d+)\s*")


class ActionKey(NamedTuple):
    """An action item across the archive: its meeting and its number in that meeting."""

    meeting_id: int
    action_id: int

    def __str__(self) -> str:
        """How ``facilitator actions`` shows it and ``actions done`` takes it: ``12-3``."""
        return f"{self.meeting_id}-{self.action_id}"

    @classmethod
    def parse(cls, text: str) -> ActionKey:
        """``12-3`` (also ``12.3``, ``12/3``): what a person types after reading the list."""
        match = _ID.fullmatch(text)
        if match is None:
            raise FacilitatorError(t("actions.done.bad_id", id=text))
        return cls(int(match.group(1)), int(match.group(2)))


class ClosedAction(NamedTuple):
    key: ActionKey
    what: str
    who: str


class ActionClosing(ArchiveConnection):
    def close_action(self, key: ActionKey) -> ClosedAction:
        """Mark one action done for good; refused with one line a person can act on when
        there is no such action, it is done already, or its meeting is being held."""
        found = self._action(key)  # an unknown or done action is told before any lock is made
        lock = MeetingLock(self.path, key.meeting_id)
        if not lock.acquire():
            raise ArchiveError(t("actions.done.meeting_held", id=key, meeting=key.meeting_id))
        try:
            with self._write() as db:
                row = db.execute("SELECT snapshot FROM meetings WHERE id = ?", (key.meeting_id,)).fetchone()
                done = db.execute(
                    "SELECT done FROM actions WHERE meeting_id = ? AND action_id = ?", (key.meeting_id, key.action_id)
                ).fetchone()
                if row is None or done is None:
                    raise ArchiveError(t("actions.done.unknown", id=key))
                if done[0]:
                    raise ArchiveError(t("actions.done.already", id=key))
                if approval_row(db, key.meeting_id) is not None:  # its minutes stay as approved
                    db.execute("UPDATE actions SET done = 1 WHERE meeting_id = ? AND action_id = ?", key)
                    return found
                try:
                    snapshot = whole_snapshot(db, key.meeting_id, row[0])
                    marked = [item for item in snapshot["items"] for action in item["actions"] if action["id"] == key.action_id]
                    for item in marked:
                        for action in item["actions"]:
                            if action["id"] == key.action_id:
                                action["done"] = True
                except (ValueError, KeyError, TypeError) as error:  # a damaged meeting is told, and left as it is
                    reason = error if isinstance(error, ValueError) else type(error).__name__
                    raise ArchiveError(
                        t("archive.bad_meeting", id=key.meeting_id, path=self.path, reason=reason), permanent=True
                    ) from None
                store_marked(db, key.meeting_id, row[0], snapshot, marked)
                db.execute("UPDATE actions SET done = 1 WHERE meeting_id = ? AND action_id = ?", key)
        finally:
            lock.release()
        return found

    def _action(self, key: ActionKey) -> ClosedAction:
        with self._read() as db:
            row = db.execute(
                "SELECT what, who, done, done_in FROM actions WHERE meeting_id = ? AND action_id = ?", key
            ).fetchone()
        if row is None:
            raise ArchiveError(t("actions.done.unknown", id=key))
        source = self.received_from(key.meeting_id)  # type: ignore[attr-defined]  # Receiving's, beside this in Archive
        if source is not None:
            raise ArchiveError(t("actions.done.received", id=key, meeting=key.meeting_id, source=source))
        if row[2]:
            if row[3] is not None:
                raise ArchiveError(t("actions.done.already_in", id=key, meeting=row[3]))
            raise ArchiveError(t("actions.done.already", id=key))
        return ClosedAction(key, row[0], row[1])
