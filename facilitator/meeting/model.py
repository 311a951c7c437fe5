"""The live state of one meeting, and the only way to change it.

Every change the room makes is a method here that checks its input first and raises a
MeetingError a person can act on. The UI calls these methods and shows the result; the
archive listens for changes and saves them. Time comes from an injectable clock, so
tests can hold a whole meeting in a few microseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import NamedTuple

from facilitator.agenda.model import Agenda, Item, ItemType, MeetingInfo
from facilitator.agenda.loader import MAX_MINUTES
from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting.records import (
    ActionItem,
    Attendee,
    CarriedAction,
    Decision,
    ItemState,
    Presence,
    Principle,
    Span,
    Vote,
)
from facilitator.meeting.speakers import FloorRequest, SpeakersList
from facilitator.meeting.standard_items import is_minutes_approval

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """Local wall-clock time without a zone: what the room's clock on the wall says."""
    return dt.datetime.now().replace(microsecond=0)


class Change(NamedTuple):
    """What changed, so the archive knows what to save and how soon.

    Notes are typed continuously and saved a moment after the typing stops; everything
    else is structural and saved at once.
    """

    kind: str  # "structure" or "notes"
    item_id: int | None = None


STRUCTURE = Change("structure")


class Meeting:
    """One meeting held from an agenda."""

    def __init__(self, agenda: Agenda, *, clock: Clock = system_clock) -> None:
        self.clock = clock
        self.info: MeetingInfo = agenda.meeting
        self.items: list[ItemState] = [ItemState(item, id=index) for index, item in enumerate(agenda.items)]
        self.attendees: dict[str, Attendee] = {name: Attendee(name, Presence.PRESENT) for name in agenda.meeting.participants}
        self.chair: str | None = None
        self.secretary: str | None = None
        for role, name in (("chair", agenda.meeting.chair), ("secretary", agenda.meeting.secretary)):
            if name:
                self.attendees.setdefault(name, Attendee(name, Presence.PRESENT))
                setattr(self, role, name)
        self.current: int | None = None
        self.started_at: dt.datetime | None = None
        self.ended_at: dt.datetime | None = None
        self.speakers = SpeakersList()
        self.carried: list[CarriedAction] = []
        """Open action items from the group's earlier meetings, to follow up (see carry_over)."""
        self.listeners: list[Callable[[Change], None]] = []
        self.last_id = 0
        """The last id given to a decision, vote or action item; ids are unique in a meeting."""

    # --- notifications ---------------------------------------------------------------

    def _changed(self, change: Change = STRUCTURE) -> None:
        for listener in tuple(self.listeners):  # a listener may leave while being told
            listener(change)

    def _new_id(self) -> int:
        self.last_id += 1
        return self.last_id

    # --- the meeting as a whole ------------------------------------------------------

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    def start(self) -> None:
        if self.started:
            raise MeetingError(t("meeting.already_started"))
        self.started_at = self.clock()
        self._enter(0)
        self._changed()

    def end(self) -> None:
        self._require_running()
        now = self.clock()
        self._leave(now)  # closes the visit, a pause and the current speech
        self.ended_at = now
        self._changed()

    def interrupted(self, since: dt.datetime) -> None:
        """The app stopped at ``since`` (quit or crash) and the meeting goes on now.

        The time away is not the item's: its visit, pause and the current speech are
        closed at ``since`` and the item is entered again, so the timer resumes where it
        stood instead of counting the break.
        """
        if not self.started or self.ended or self.current is None:
            return
        state = self.items[self.current]
        if state.visits and state.visits[-1].end is None:
            since = max(since, state.visits[-1].start)
        self._leave(since)
        self._enter(self.current)
        self._changed()

    def _require_running(self) -> None:
        if not self.started:
            raise MeetingError(t("meeting.not_started"))
        if self.ended:
            raise MeetingError(t("meeting.has_ended"))

    # --- moving through the items ----------------------------------------------------

    def go_to(self, index: int) -> None:
        """Make item ``index`` (0-based, in the current order) the current one."""
        self._require_running()
        self._check_index(index)
        if index != self.current:
            self._leave(self.clock())
            self._enter(index)
            self._changed()

    def next_item(self) -> None:
        self._require_running()
        if self.current is None or self.current + 1 >= len(self.items):
            raise MeetingError(t("meeting.no_next_item"))
        self.go_to(self.current + 1)

    def previous_item(self) -> None:
        self._require_running()
        if not self.current:
            raise MeetingError(t("meeting.no_previous_item"))
        self.go_to(self.current - 1)

    def _enter(self, index: int) -> None:
        self.current = index
        self.items[index].visits.append(Span(self.clock()))

    def _leave(self, now: dt.datetime) -> None:
        if self.current is None:
            return
        state = self.items[self.current]
        if state.paused:
            state.pauses[-1] = Span(state.pauses[-1].start, now)
        if state.visits and state.visits[-1].end is None:
            state.visits[-1] = Span(state.visits[-1].start, now)
        if self.speakers.current is not None:
            self.speakers.stop(now)

    def _check_index(self, index: int) -> None:
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(self.items):
            raise MeetingError(
                t("meeting.no_such_item", number=index + 1 if isinstance(index, int) else index, count=len(self.items))
            )

    def _state(self, index: int | None) -> ItemState:
        if index is None:
            if self.current is None:
                raise MeetingError(t("meeting.not_started"))
            index = self.current
        self._check_index(index)
        return self.items[index]

    # --- the item's timer ------------------------------------------------------------

    def toggle_timer(self) -> bool:
        """Pause or resume the current item's timer; True when it now runs."""
        self._require_running()
        state = self._state(None)
        now = self.clock()
        if state.paused:
            state.pauses[-1] = Span(state.pauses[-1].start, now)
        else:
            state.pauses.append(Span(now))
        self._changed()
        return not state.paused

    def seconds_used(self, index: int) -> float:
        return self._state(index).seconds_used(self.clock())

    def seconds_left(self, index: int) -> float | None:
        """Planned minus used; negative when over time, None when nothing was planned."""
        state = self._state(index)
        if state.item.minutes is None:
            return None
        return state.item.minutes * 60 - state.seconds_used(self.clock())

    def planned_end(self) -> dt.datetime | None:
        """When the meeting should end: its start (actual, else planned) plus its duration."""
        start = self.started_at
        if start is None and self.info.date and self.info.start:
            start = dt.datetime.combine(self.info.date, self.info.start)
        if start is None:
            return None
        duration = self.info.duration if self.info.duration is not None else sum(s.item.minutes or 0 for s in self.items)
        return start + dt.timedelta(minutes=duration)

    def projected_end(self) -> dt.datetime | None:
        """When the meeting will end if the rest goes as planned from now."""
        if not self.started or self.current is None:
            return self.planned_end()
        now = self.ended_at or self.clock()
        if self.ended:
            return now
        left = max(0.0, self.seconds_left(self.current) or 0.0)
        later = sum((s.item.minutes or 0) * 60 for s in self.items[self.current + 1 :] if not s.visited)
        return now + dt.timedelta(seconds=left + later)

    # --- what is said and decided about an item --------------------------------------

    def set_notes(self, text: str, index: int | None = None) -> None:
        """Notes may be written before, during and after the meeting: the referent tidies up."""
        if not isinstance(text, str):
            raise MeetingError(t("meeting.not_text", field=t("meeting.field.notes")))
        state = self._state(index)
        if state.notes != text:
            state.notes = text
            self._changed(Change("notes", state.id))

    def toggle_prompt(self, prompt: int, index: int | None = None) -> bool:
        """Mark a prompt as discussed, or not any more; True when it is now discussed."""
        state = self._state(index)
        self._check_choice(prompt, state.item.prompts, "meeting.no_such_prompt")
        state.discussed ^= {prompt}
        self._changed()
        return prompt in state.discussed

    def current_prompt(self, index: int | None = None) -> int | None:
        """The first prompt not yet discussed: the question the room is on."""
        state = self._state(index)
        return next((i for i in range(len(state.item.prompts)) if i not in state.discussed), None)

    def toggle_option(self, option: int, index: int | None = None) -> bool:
        state = self._state(index)
        self._check_choice(option, state.item.options, "meeting.no_such_option")
        state.chosen ^= {option}
        self._changed()
        return option in state.chosen

    @staticmethod
    def _check_choice(number: int, choices: tuple[str, ...], message: str) -> None:
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number < len(choices):
            raise MeetingError(t(message, number=number + 1 if isinstance(number, int) else number, count=len(choices)))

    def add_decision(self, text: str, principles: Iterable[Principle | str] = (), index: int | None = None) -> Decision:
        self._require_running()
        state = self._state(index)
        decision = Decision(self._new_id(), _text(text, "meeting.field.decision"), _principles(principles), self.clock())
        state.decisions.append(decision)
        self._changed()
        return decision

    def record_vote(
        self,
        subject: str,
        votes_for: int,
        against: int,
        abstain: int,
        present: int | None = None,
        index: int | None = None,
    ) -> Vote:
        """Record a vote; ``present`` defaults to the people here now (if attendance is kept)."""
        self._require_running()
        state = self._state(index)
        subject = _text(subject, "meeting.field.subject")
        _count(votes_for, t("meeting.field.votes_for"))
        _count(against, t("meeting.field.against"))
        _count(abstain, t("meeting.field.abstain"))
        cast = votes_for + against + abstain
        if present is None:
            present = self.present_count() or cast  # no attendance kept: the votes cast are all we know
        _count(present, t("meeting.field.present"))
        if cast > present:
            raise MeetingError(t("meeting.vote.more_than_present", cast=cast, present=present))
        vote = Vote(self._new_id(), subject, votes_for, against, abstain, present, self.clock())
        state.votes.append(vote)
        self._changed()
        return vote

    def add_action(self, what: str, who: str, deadline: dt.date | str | None = None, index: int | None = None) -> ActionItem:
        self._require_running()
        state = self._state(index)
        action = ActionItem(
            self._new_id(), _text(what, "meeting.field.what"), _text(who, "meeting.field.who"), _deadline(deadline)
        )
        state.actions.append(action)
        self._changed()
        return action

    def set_action_done(self, action_id: int, done: bool = True) -> None:
        done = _flag(done)
        action = self.find_action(action_id)
        if action.done != done:
            action.done = done
            self._changed()

    def find_action(self, action_id: int) -> ActionItem:
        for state in self.items:
            for action in state.actions:
                if action.id == action_id:
                    return action
        raise MeetingError(t("meeting.no_such_record", id=action_id))

    def remove(self, record_id: int) -> None:
        """Remove a decision, vote or action item entered by mistake."""
        for state in self.items:
            for records in (state.decisions, state.votes, state.actions):
                for position, record in enumerate(records):
                    if record.id == record_id:
                        del records[position]
                        self._changed()
                        return
        raise MeetingError(t("meeting.no_such_record", id=record_id))

    # --- follow-up of earlier meetings ----------------------------------------------

    def carry_over(self, actions: Iterable[CarriedAction]) -> None:
        """Take in the open action items of earlier meetings (the archive finds them)."""
        self.carried = list(actions)
        self._changed()

    def carried_item(self) -> int | None:
        """The item where carried-over actions are followed up: the approval of the last
        minutes; None when the agenda has no such item (the minutes then give them a
        follow-up section of their own)."""
        return next((i for i, s in enumerate(self.items) if is_minutes_approval(s.item.title)), None)

    def set_carried_done(self, meeting_id: int, action_id: int, done: bool = True) -> None:
        done = _flag(done)
        for action in self.carried:
            if (action.meeting_id, action.action_id) == (meeting_id, action_id):
                if action.done != done:
                    action.done = done
                    self._changed()
                return
        raise MeetingError(t("meeting.no_such_carried", meeting=meeting_id, id=action_id))

    # --- the agenda as it changes during the meeting ---------------------------------

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
        item_type = _item_type(type)
        if minutes is not None:
            _count(minutes, t("meeting.field.minutes"), positive=True)
            if minutes > MAX_MINUTES:
                raise MeetingError(t("meeting.too_many_minutes", limit=MAX_MINUTES))
        item = Item(title=_one_line(title, "meeting.field.title"), type=item_type, minutes=minutes)
        if at is None:
            at = len(self.items) if self.current is None else self.current + 1
        if isinstance(at, bool) or not isinstance(at, int) or not 0 <= at <= len(self.items):
            raise MeetingError(t("meeting.no_such_item", number=at + 1 if isinstance(at, int) else at, count=len(self.items)))
        new_id = max((s.id for s in self.items), default=-1) + 1
        self.items.insert(at, ItemState(item, id=new_id, added=True))
        if self.current is not None and at <= self.current:
            self.current += 1
        self._changed()
        return at

    def move_item(self, index: int, to: int) -> None:
        """Move an item to position ``to``; the current item stays current wherever it goes."""
        self._require_running()
        self._check_index(index)
        self._check_index(to)
        current_id = self.items[self.current].id if self.current is not None else None
        self.items.insert(to, self.items.pop(index))
        if current_id is not None:
            self.current = next(i for i, s in enumerate(self.items) if s.id == current_id)
        self._changed()

    def set_carry_on(self, index: int, carry_on: bool = True) -> None:
        """Mark an item to continue at the next meeting."""
        carry_on = _flag(carry_on)
        state = self._state(index)
        if state.carry_on != carry_on:
            state.carry_on = carry_on
            self._changed()

    # --- attendance and roles --------------------------------------------------------

    def person(self, name: str) -> Attendee:
        attendee = self.attendees.get(name.strip()) if isinstance(name, str) else None
        if attendee is None:
            raise MeetingError(t("meeting.unknown_person", name=name))
        return attendee

    def add_person(self, name: str) -> Attendee:
        """Someone not on the list: added as present (arrived now, if the meeting runs)."""
        name = _one_line(name, "meeting.field.name")
        if name in self.attendees:
            raise MeetingError(t("meeting.person_exists", name=name))
        attendee = Attendee(name, Presence.PRESENT, arrived=self._now_if_running(), added=True)
        self.attendees[name] = attendee
        self._changed()
        return attendee

    def set_presence(self, name: str, presence: Presence | str) -> None:
        attendee = self.person(name)
        attendee.presence = _presence(presence)
        if attendee.presence is Presence.PRESENT and attendee.arrived is None:
            attendee.arrived = self._now_if_running()
        if not attendee.is_here:
            self._off_the_list(attendee.name)
        self._changed()

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
        self._changed()

    def return_(self, name: str) -> None:
        """Someone who left comes back."""
        attendee = self.person(name)
        attendee.left = None
        attendee.presence = Presence.PRESENT
        self._changed()

    def set_role(self, role: str, name: str | None) -> None:
        """Set the chair (ordstyrer) or secretary (referent); None clears the role."""
        if role not in ("chair", "secretary"):
            raise MeetingError(t("meeting.bad_role", value=role))
        if name is not None:
            name = self.person(name).name
        setattr(self, role, name)
        self._changed()

    def present_count(self) -> int:
        return sum(1 for attendee in self.attendees.values() if attendee.is_here)

    def _now_if_running(self) -> dt.datetime | None:
        return self.clock() if self.started and not self.ended else None

    # --- the speakers list -----------------------------------------------------------

    def request_floor(self, name: str, point_of_order: bool = False) -> None:
        attendee = self.person(name)
        if self.started and not attendee.is_here:
            raise MeetingError(t("meeting.not_here", name=attendee.name))
        self.speakers.request(attendee.name, point_of_order=_flag(point_of_order))
        self._changed()

    def withdraw_request(self, name: str) -> None:
        self.speakers.withdraw(self.person(name).name)
        self._changed()

    def next_speaker(self) -> FloorRequest | None:
        self._require_running()
        assert self.current is not None
        request = self.speakers.next(self.clock(), self.items[self.current].id)
        self._changed()
        return request

    def stop_speaker(self) -> None:
        self.speakers.stop(self.clock())
        self._changed()

    def set_speakers_closed(self, closed: bool) -> None:
        self.speakers.closed = _flag(closed)
        self._changed()

    def speaking_seconds(self) -> dict[str, float]:
        return self.speakers.seconds_by_person(self.clock())


# --- checks of values coming from people ------------------------------------------------


def _text(value: object, field_key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise MeetingError(t("meeting.blank", field=t(field_key)))
    return value.strip()


def _one_line(value: object, field_key: str) -> str:
    text = _text(value, field_key)
    if "\n" in text or "\r" in text:
        raise MeetingError(t("meeting.not_one_line", field=t(field_key)))
    return text


def _flag(value: object) -> bool:
    """Yes or no, and nothing that merely looks like it ("nej" is a true string)."""
    if not isinstance(value, bool):
        raise MeetingError(t("meeting.not_flag", value=value))
    return value


def _count(value: object, field_name: str, *, positive: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < (1 if positive else 0):
        raise MeetingError(t("meeting.not_positive" if positive else "meeting.not_count", field=field_name, value=value))
    return value


def _deadline(value: dt.date | str | None) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise MeetingError(t("meeting.bad_deadline", value=value))


def _principles(values: Iterable[Principle | str] | Principle | str | None) -> tuple[Principle, ...]:
    if values is None:
        return ()
    if isinstance(values, str):  # one principle given on its own, not its letters
        values = [values]
    chosen: list[Principle] = []
    for value in values:
        try:
            principle = Principle(value)
        except ValueError:
            raise MeetingError(t("meeting.bad_principle", value=value, valid=", ".join(p.value for p in Principle))) from None
        if principle not in chosen:
            chosen.append(principle)
    return tuple(sorted(chosen, key=list(Principle).index))


def _item_type(value: ItemType | str) -> ItemType:
    try:
        return ItemType(value.strip().lower() if isinstance(value, str) else value)
    except ValueError:
        raise MeetingError(t("meeting.bad_item_type", value=value)) from None


def _presence(value: Presence | str) -> Presence:
    try:
        return Presence(value)
    except ValueError:
        raise MeetingError(t("meeting.bad_presence", value=value)) from None
