"""The agenda as it changes during the meeting: items added, moved, postponed and dropped.

A part of :class:`facilitator.meeting.model.Meeting`, written as a mixin for the reason
given in ``people``: one object, one public surface, one state saved and announced. What
it needs from the meeting is declared at the top, for the type checker.

The rules are the chair's. What is behind the meeting stays where it was: only the items
still to come (after the current one, never visited) move, so the minutes keep the order
in which things were taken. A postponed item (udsat) stays on the agenda and in the
minutes, marked as such, and goes on the next agenda; the meeting passes over it on its
way forward. Dropping takes an item out as if it had never been on the agenda, so it is
only for an item that has nothing recorded: anything else would vanish from the minutes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from facilitator.agenda.model import MAX_MINUTES, Item, ItemType
from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting import checks
from facilitator.meeting.change import Change, reordered, touched
from facilitator.meeting.records import ItemState
from facilitator.meeting.speakers import SpeakersList


class AgendaChanges:
    """Adding, moving, postponing and dropping items while the meeting runs."""

    clock: Callable[[], dt.datetime]
    items: list[ItemState]
    current: int | None
    speakers: SpeakersList

    if TYPE_CHECKING:  # provided by Meeting

        def _changed(self, change: Change = ...) -> None: ...

        def _require_running(self) -> None: ...

        def _check_index(self, index: int) -> None: ...

        def _state(self, index: int | None) -> ItemState: ...

    def add_item(
        self,
        title: str,
        type: ItemType | str = ItemType.DROEFTELSE,
        minutes: int | None = None,
        at: int | None = None,
    ) -> int:
        """Add an item during the meeting, by default right after the current one; returns its index.

        The agenda file's rules hold here too (a title on one line, at most a day's
        minutes), so the next agenda written from this meeting always checks clean.
        """
        self._require_running()
        item_type = checks.item_type(type)
        if minutes is not None:
            checks.count(minutes, t("meeting.field.minutes"), positive=True)
            if minutes > MAX_MINUTES:
                raise MeetingError(t("meeting.too_many_minutes", limit=MAX_MINUTES))
        item = Item(title=checks.one_line(title, "meeting.field.title"), type=item_type, minutes=minutes)
        if at is None:
            at = len(self.items) if self.current is None else self.current + 1
        if isinstance(at, bool) or not isinstance(at, int) or not 0 <= at <= len(self.items):
            raise MeetingError(t("meeting.no_such_item", number=at + 1 if isinstance(at, int) else at, count=len(self.items)))
        new_id = max((s.id for s in self.items), default=-1) + 1
        self.items.insert(at, ItemState(item, id=new_id, added=True))
        if self.current is not None and at <= self.current:
            self.current += 1
        self._changed(reordered(new_id))
        return at

    def move_item(self, index: int, to: int) -> None:
        """Move an item to position ``to``; the current item stays current wherever it goes.

        No rule of the chair's: for scripts and tests that lay out an agenda. The room
        moves items with :meth:`shift_item`."""
        self._require_running()
        self._check_index(index)
        self._check_index(to)
        current_id = self.items[self.current].id if self.current is not None else None
        moved = self.items.pop(index)
        self.items.insert(to, moved)
        if current_id is not None:
            self.current = next(i for i, s in enumerate(self.items) if s.id == current_id)
        self._changed(reordered(moved.id))  # the item moved is saved too

    def is_still_to_come(self, index: int) -> bool:
        """After the current item and never taken: an item whose place may still change."""
        self._check_index(index)
        return (self.current is None or index > self.current) and not self.items[index].visited

    def shift_item(self, index: int, step: int) -> int:
        """Move an item still to come one place up (``step`` -1) or down (+1) among the
        items still to come; returns its new index."""
        self._require_running()
        if step not in (-1, 1):
            raise MeetingError(t("meeting.bad_step", value=step))
        title = self._state(index).item.title
        if not self.is_still_to_come(index):
            raise MeetingError(t("meeting.move_taken", title=title))
        to = index + step
        if not 0 <= to < len(self.items) or not self.is_still_to_come(to):
            raise MeetingError(t("meeting.move_up_end" if step < 0 else "meeting.move_down_end", title=title))
        self.move_item(index, to)
        return to

    def set_skipped(self, index: int, skipped: bool = True) -> None:
        """Postpone an item (udsat), or take it up again.

        Any item may be postponed, the current one too: a discussion can be stopped, and a
        decision to postpone is recorded like any other. Postponing does not move the
        meeting on; the chair does, and the meeting passes over postponed items."""
        self._require_running()
        skipped = checks.flag(skipped)
        state = self._state(index)
        if state.skipped != skipped:
            state.skipped = skipped
            self._changed(touched(state.id))

    def recorded(self, index: int) -> bool:
        """Whether the meeting has anything of the item: time, notes, ticks, records or speeches."""
        state = self._state(index)
        return bool(
            state.visited
            or state.notes.strip()
            or state.discussed
            or state.chosen
            or state.decisions
            or state.votes
            or state.actions
            or any(speech.item == state.id for speech in self.speakers.all_speeches())
        )

    def drop_item(self, index: int) -> ItemState:
        """Take an item off the agenda as if it had never been on it; returns it.

        Refused for an item the meeting has recorded anything of: it would vanish from the
        minutes with what was said and decided. Such an item is postponed instead."""
        self._require_running()
        state = self._state(index)
        if self.recorded(index):
            raise MeetingError(t("meeting.drop_recorded", title=state.item.title))
        del self.items[index]
        if self.current is not None and index < self.current:
            self.current -= 1
        self._changed(reordered(state.id))
        return state

    def set_carry_on(self, index: int, carry_on: bool = True) -> None:
        """Mark an item to continue at the next meeting."""
        carry_on = checks.flag(carry_on)
        state = self._state(index)
        if state.carry_on != carry_on:
            state.carry_on = carry_on
            self._changed(touched(state.id))
