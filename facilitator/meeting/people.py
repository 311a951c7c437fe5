"""Who is in the room: attendance, the chair and the secretary, and who has the floor.

A part of :class:`facilitator.meeting.model.Meeting`, written as a mixin rather than a
component the meeting holds. Callers say ``meeting.add_person(...)`` and
``meeting.next_speaker()``: these change the one state the meeting saves and announces
(whether it runs, the clock, the current item, its listeners), so a component would need
a reference back to the meeting and the meeting a forwarding method for each call. A
mixin keeps one object and one public surface, and still gives the topic a file of its
own; what it needs from the meeting is declared at the top, for the type checker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from facilitator.agenda.model import MeetingInfo
from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting import checks, entitlement
from facilitator.meeting.change import HEAD, Change
from facilitator.meeting.records import Attendee, ItemState, Presence, Speech
from facilitator.meeting.speakers import FloorRequest, SpeakersList


class People:
    """Attendance, roles and the speakers list of a meeting."""

    clock: Callable[[], dt.datetime]
    info: MeetingInfo
    items: list[ItemState]
    current: int | None
    attendees: dict[str, Attendee]
    chair: str | None
    secretary: str | None
    speakers: SpeakersList

    if TYPE_CHECKING:  # provided by Meeting

        @property
        def started(self) -> bool: ...

        @property
        def ended(self) -> bool: ...

        def _changed(self, change: Change = ...) -> None: ...

        def _require_running(self) -> None: ...

        def _state(self, index: int | None) -> ItemState: ...

    # --- attendance and roles --------------------------------------------------------

    def person(self, name: str) -> Attendee:
        attendee = self.attendees.get(name.strip()) if isinstance(name, str) else None
        if attendee is None:
            raise MeetingError(t("meeting.unknown_person", name=name))
        return attendee

    def add_person(self, name: str, organisation: str | None = None, votes: bool = True) -> Attendee:
        """Someone not on the list: added as present (arrived now, if the meeting runs),
        of ``organisation`` and with or without a vote."""
        name = checks.one_line(name, "meeting.field.name")
        if name in self.attendees:
            raise MeetingError(t("meeting.person_exists", name=name))
        organisation = _organisation(organisation)
        attendee = Attendee(
            name,
            Presence.PRESENT,
            arrived=self._now_if_running(),
            added=True,
            organisation=organisation,
            votes=checks.flag(votes),
        )
        self.attendees[name] = attendee
        self._changed(HEAD)
        return attendee

    def set_membership(self, name: str, organisation: str | None, votes: bool) -> None:
        """Which organisation someone comes from, and whether they may vote."""
        attendee = self.person(name)
        attendee.organisation = _organisation(organisation)
        attendee.votes = checks.flag(votes)
        self._changed(HEAD)

    def set_presence(self, name: str, presence: Presence | str) -> None:
        attendee = self.person(name)
        attendee.presence = checks.presence(presence)
        if attendee.presence is Presence.PRESENT and attendee.arrived is None:
            attendee.arrived = self._now_if_running()
        if not attendee.is_here:
            self._off_the_list(attendee.name)
        self._changed(HEAD)

    def _off_the_list(self, name: str) -> None:
        """Someone who is not here cannot wait for the floor."""
        if any(request.name == name for request in self.speakers.queue):
            self.speakers.withdraw(name)

    def leave(self, name: str) -> None:
        """An early departure, at the time it happens."""
        self._require_running()
        attendee = self.person(name)
        if not attendee.is_here:
            raise MeetingError(t("meeting.not_here", name=name))
        attendee.left = self.clock()
        self._off_the_list(attendee.name)
        self._changed(HEAD)

    def return_(self, name: str) -> None:
        """Someone who left comes back."""
        attendee = self.person(name)
        attendee.left = None
        attendee.presence = Presence.PRESENT
        self._changed(HEAD)

    def set_role(self, role: str, name: str | None) -> None:
        """Set the chair (ordstyrer) or secretary (referent); None clears the role."""
        if role not in ("chair", "secretary"):
            raise MeetingError(t("meeting.bad_role", value=role))
        if name is not None:
            name = self.person(name).name
        setattr(self, role, name)
        self._changed(HEAD)

    def present_count(self) -> int:
        return sum(1 for attendee in self.attendees.values() if attendee.is_here)

    def voters_present(self, organisation: str | None = None) -> int:
        """Those here who may vote (among ``organisation``'s members, if named): the guests
        the agenda names do not, nor those without a voting right."""
        return entitlement.entitled(self.attendees.values(), frozenset(self.info.guests), organisation)

    def vote_organisations(self) -> tuple[str, ...]:
        """The organisations of the voters here: what a vote may be held among."""
        return entitlement.organisations(self.attendees.values(), frozenset(self.info.guests))

    def _now_if_running(self) -> dt.datetime | None:
        return self.clock() if self.started and not self.ended else None

    # --- the speakers list -----------------------------------------------------------

    def request_floor(self, name: str, point_of_order: bool = False) -> None:
        attendee = self.person(name)
        if self.started and not attendee.is_here:
            raise MeetingError(t("meeting.not_here", name=attendee.name))
        self.speakers.request(attendee.name, point_of_order=checks.flag(point_of_order))
        self._changed(HEAD)

    def withdraw_request(self, name: str) -> None:
        self.speakers.withdraw(self.person(name).name)
        self._changed(HEAD)

    def next_speaker(self) -> FloorRequest | None:
        self._require_running()
        assert self.current is not None
        request = self.speakers.next(self.clock(), self.items[self.current].id)
        self._changed(HEAD)
        return request

    def stop_speaker(self) -> None:
        self.speakers.stop(self.clock())
        self._changed(HEAD)

    def set_speakers_closed(self, closed: bool) -> None:
        self.speakers.closed = checks.flag(closed)
        self._changed(HEAD)

    def speaking_seconds(self, index: int | None = None) -> dict[str, float]:
        """Speaking time per person, most first: in the whole meeting, or on item ``index``."""
        item = None if index is None else self._state(index).id
        return self.speakers.seconds_by_person(self.clock(), item)

    def speeches_on(self, index: int) -> list[Speech]:
        """Who spoke on item ``index`` and when, in order, the speech in progress included."""
        item = self._state(index).id
        return [speech for speech in self.speakers.all_speeches() if speech.item == item]


def _organisation(organisation: str | None) -> str | None:
    """A blank organisation is none."""
    if organisation is None or (isinstance(organisation, str) and not organisation.strip()):
        return None
    return checks.one_line(organisation, "meeting.field.organisation")
