"""The things a meeting records: attendance, decisions, votes, action items, speeches.

Plain records, created and changed only by :class:`facilitator.meeting.model.Meeting`, which
checks every value first. Decisions, votes and speeches are facts once made, so they are
frozen; an action item can later be marked done, and a person can arrive or leave.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from facilitator.agenda.model import Item, MeetingKind

if TYPE_CHECKING:
    from facilitator.meeting.checklist import CheckStatus


class Principle(str, Enum):
    """The four principles for wellbeing under change, from the source text."""

    PLANNING = "planlægning"
    COMMUNICATION = "kommunikation"
    INVOLVEMENT = "inddragelse"
    SUPPORT = "støtte"


class Presence(str, Enum):
    PRESENT = "til stede"
    ABSENT = "fraværende"
    APOLOGIES = "afbud"


@dataclass
class Attendee:
    name: str
    presence: Presence = Presence.ABSENT
    arrived: dt.datetime | None = None
    """Set for a late arrival: someone who came after the meeting started."""
    left: dt.datetime | None = None
    """Set for an early departure."""
    added: bool = False
    """Added during the meeting rather than listed in the agenda."""
    organisation: str | None = None
    """Which organisation they come from, in a joint meeting ("HK-klubben")."""
    votes: bool = True
    """Whether they may vote; a guest never does, whatever this says."""

    @property
    def is_here(self) -> bool:
        return self.presence is Presence.PRESENT and self.left is None


@dataclass(frozen=True)
class Decision:
    id: int
    text: str
    principles: tuple[Principle, ...] = ()
    """The principles the decision was checked against; every answered one among them."""
    at: dt.datetime | None = None
    answers: tuple[tuple[Principle, str], ...] = ()
    """The room's short answer to a principle's question ("Hvordan sikres god
    planlægning?"), in the principles' order; a principle may be ticked without one."""
    review: dt.date | None = None
    """When a temporary solution is to be evaluated again: the seed says such solutions
    serve only in the short term, so the date is followed up like an action's deadline."""
    solutions: tuple[int, ...] = ()
    """The indexes of the item's options (solutions) the decision was drafted from."""

    def answer(self, principle: Principle) -> str | None:
        return next((text for p, text in self.answers if p is principle), None)


class ForwardKind(str, Enum):
    """What of an item is sent on to another venue."""

    NOTES = "noter"
    DECISION = "beslutning"
    SOLUTION = "løsning"


@dataclass(frozen=True)
class Forward:
    """A matter marked "send videre til" a venue: the next agenda of that venue takes it
    up as an item with its origin (the dialogue chain from the club to MED, the managers
    and the politicians)."""

    kind: ForwardKind
    ref: int
    """The decision's id, the solution's option index, or 0 for the item's notes."""
    venue: MeetingKind


@dataclass(frozen=True)
class Vote:
    id: int
    subject: str
    votes_for: int
    against: int
    abstain: int
    present: int
    """How many were present when the vote was taken."""
    at: dt.datetime | None = None
    organisation: str | None = None
    """Held among this organisation's members only (a DS-only vote in a joint meeting)."""


@dataclass
class ActionItem:
    id: int
    what: str
    who: str
    deadline: dt.date | None = None
    done: bool = False


@dataclass
class CarriedAction:
    """An open action item from an earlier meeting of the same group, followed up here."""

    meeting_id: int
    action_id: int
    meeting_title: str
    meeting_date: str | None
    what: str
    who: str
    deadline: dt.date | None = None
    done: bool = False
    """Marked done at this meeting."""
    confidential: bool = False
    """Recorded under a closed item: shown only where that item's content may be shown
    (the restricted minutes), never in a public output."""


@dataclass(frozen=True)
class Span:
    """A stretch of time; ``end`` is None while it is still running."""

    start: dt.datetime
    end: dt.datetime | None = None

    def seconds(self, now: dt.datetime) -> float:
        return ((self.end or now) - self.start).total_seconds()


@dataclass(frozen=True)
class Speech:
    name: str
    item: int
    """The id of the item being discussed (``ItemState.id``)."""
    span: Span
    point_of_order: bool = False


@dataclass
class ItemState:
    """One agenda item as the meeting is living it."""

    item: Item
    id: int
    """Stable through moves and additions; speeches refer to the item by it."""
    visits: list[Span] = field(default_factory=list)
    """Each time the item was the current one: entered and left."""
    pauses: list[Span] = field(default_factory=list)
    """Times the item's timer was paused; they do not count as time used."""
    notes: str = ""
    discussed: set[int] = field(default_factory=set)
    """Indexes of the item's prompts that the meeting has discussed."""
    chosen: set[int] = field(default_factory=set)
    """Indexes of the item's options that the meeting has chosen."""
    decisions: list[Decision] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    forwards: list[Forward] = field(default_factory=list)
    """What of the item is sent on, and to which venues."""
    checks: dict[int, CheckStatus] = field(default_factory=dict)
    """The status of each point of the item's checklist that has one, by its index."""
    added: bool = False
    """Added during the meeting (under Eventuelt, say)."""
    carry_on: bool = False
    """Marked to continue at the next meeting."""
    skipped: bool = False
    """Postponed (udsat): passed over in this meeting, shown so in the minutes, and on
    the next agenda."""
    room_notes: bool = False
    """The chair has let the room view show this item's notes (off by default: notes are
    typed as said, and the wall is for everyone in the room)."""

    def seconds_used(self, now: dt.datetime) -> float:
        running = sum(visit.seconds(now) for visit in self.visits)
        paused = sum(pause.seconds(now) for pause in self.pauses)
        return max(0.0, running - paused)

    @property
    def visited(self) -> bool:
        return bool(self.visits)

    @property
    def paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1].end is None
