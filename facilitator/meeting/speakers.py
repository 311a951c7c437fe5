"""The speakers list (talerliste): who has asked for the floor, who speaks, for how long.

Points of order (til forretningsordenen) go before everyone else, among themselves in
the order they were asked. Closing the list stops new ordinary requests; a point of order
can always be raised.

The list belongs to the item being discussed: the meeting starts each item with an empty,
open list (see ``Meeting.go_to``), and every speech keeps the id of its item, so each
item's speaking times are known after the meeting and saved with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting.records import Span, Speech


@dataclass(frozen=True)
class FloorRequest:
    name: str
    point_of_order: bool = False


@dataclass
class SpeakersList:
    queue: list[FloorRequest] = field(default_factory=list)
    speeches: list[Speech] = field(default_factory=list)
    """Finished speeches, oldest first."""
    current: Speech | None = None
    """The speech in progress; its span has no end yet."""
    closed: bool = False

    def request(self, name: str, *, point_of_order: bool = False) -> None:
        if self.closed and not point_of_order:
            raise MeetingError(t("speakers.closed", name=name))
        if any(r.name == name and r.point_of_order == point_of_order for r in self.queue):
            raise MeetingError(t("speakers.already_waiting", name=name))
        request = FloorRequest(name, point_of_order)
        if point_of_order:
            position = sum(1 for r in self.queue if r.point_of_order)
            self.queue.insert(position, request)
        else:
            self.queue.append(request)

    def withdraw(self, name: str) -> None:
        before = len(self.queue)
        self.queue = [r for r in self.queue if r.name != name]
        if len(self.queue) == before:
            raise MeetingError(t("speakers.not_waiting", name=name))

    def next(self, now: dt.datetime, item: int) -> FloorRequest | None:
        """End the current speech and give the floor to the first in line (None if nobody)."""
        self.stop(now)
        if not self.queue:
            return None
        request = self.queue.pop(0)
        self.current = Speech(request.name, item, Span(now), request.point_of_order)
        return request

    def stop(self, now: dt.datetime) -> None:
        if self.current is not None:
            speech = self.current
            self.speeches.append(Speech(speech.name, speech.item, Span(speech.span.start, now), speech.point_of_order))
            self.current = None

    def new_debate(self, *, keep_waiting: bool = False) -> list[FloorRequest]:
        """A new item: the list opens again, and those waiting are let go unless kept;
        returns who was let go."""
        gone = [] if keep_waiting else self.queue
        if not keep_waiting:
            self.queue = []
        self.closed = False
        return gone

    def all_speeches(self) -> tuple[Speech, ...]:
        """Every speech, oldest first, the one in progress last."""
        return (*self.speeches, *([self.current] if self.current else []))

    def seconds_by_person(self, now: dt.datetime, item: int | None = None) -> dict[str, float]:
        """Total speaking time per person, the current speech included, most first; only
        on the item with id ``item`` when one is given."""
        totals: dict[str, float] = {}
        for speech in self.all_speeches():
            if item is None or speech.item == item:
                totals[speech.name] = totals.get(speech.name, 0.0) + speech.span.seconds(now)
        return dict(sorted(totals.items(), key=lambda pair: -pair[1]))
