"""Sending a matter on: the dialogue chain from the club to MED, the managers and the politicians.

The seed's material is one idea in steps: the club exchanges worries, the staff meeting
generates ideas, MED decides, managers and politicians are briefed. A note, a decision or
a chosen solution marked here "send videre til" a venue is what the next agenda of that
venue takes up (``facilitator new KIND --forwarded``), with its origin.

A part of :class:`facilitator.meeting.model.Meeting`, written as a mixin for the reason
given in ``people``. Confidential items may be marked too: whether a matter may reach
an agenda is decided where the agenda is built, which knows whether it is restricted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.agenda.model import MeetingKind
from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting import checks
from facilitator.meeting.change import Change, touched
from facilitator.meeting.records import Forward, ForwardKind, ItemState


class Forwarding:
    """The marks "send videre til" on an item's notes, decisions and chosen solutions."""

    items: list[ItemState]

    if TYPE_CHECKING:  # provided by Meeting

        def _changed(self, change: Change = ...) -> None: ...

        def _state(self, index: int | None) -> ItemState: ...

    def forward(self, kind: ForwardKind | str, ref: int, venue: MeetingKind | str, index: int | None = None) -> Forward:
        """Mark a matter of the item to be sent on to ``venue``; marking it again is no change."""
        state = self._state(index)
        mark = Forward(_kind(kind), ref, checks.venue(venue))
        self._check_matter(state, mark)
        if mark not in state.forwards:
            state.forwards.append(mark)
            self._changed(touched(state.id))
        return mark

    def unforward(self, kind: ForwardKind | str, ref: int, venue: MeetingKind | str, index: int | None = None) -> None:
        """Take a mark off again; taking off one that is not there is no change."""
        state = self._state(index)
        mark = Forward(_kind(kind), ref, checks.venue(venue))
        if mark in state.forwards:
            state.forwards.remove(mark)
            self._changed(touched(state.id))

    def forwarded_to(self, index: int | None = None) -> dict[tuple[ForwardKind, int], tuple[MeetingKind, ...]]:
        """The item's matters sent on, each with its venues in the order they were marked."""
        marks: dict[tuple[ForwardKind, int], tuple[MeetingKind, ...]] = {}
        for mark in self._state(index).forwards:
            marks[mark.kind, mark.ref] = (*marks.get((mark.kind, mark.ref), ()), mark.venue)
        return marks

    @staticmethod
    def _check_matter(state: ItemState, mark: Forward) -> None:
        if isinstance(mark.ref, bool) or not isinstance(mark.ref, int):
            raise MeetingError(t("meeting.no_such_record", id=mark.ref))
        if mark.kind is ForwardKind.NOTES:
            if mark.ref != 0 or not state.notes.strip():
                raise MeetingError(t("meeting.forward.no_notes"))
        elif mark.kind is ForwardKind.DECISION:
            if all(decision.id != mark.ref for decision in state.decisions):
                raise MeetingError(t("meeting.no_such_record", id=mark.ref))
        elif mark.ref not in state.chosen:
            raise MeetingError(t("meeting.forward.not_chosen", number=mark.ref + 1))


def _kind(value: ForwardKind | str) -> ForwardKind:
    try:
        return ForwardKind(value)
    except ValueError:
        valid = ", ".join(k.value for k in ForwardKind)
        raise MeetingError(t("meeting.forward.bad_kind", value=value, valid=valid)) from None
