"""The live state of one meeting, and the only way to change it.

Every change the room makes is a method here that checks its input first and raises a
MeetingError a person can act on. The UI calls these methods and shows the result; the
archive listens for changes and saves them. Time comes from an injectable clock, so
tests can hold a whole meeting in a few microseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from facilitator.agenda.model import Agenda, MeetingInfo
from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting import checks
from facilitator.meeting.agenda_changes import AgendaChanges
from facilitator.meeting.approval import MinutesApproval, PreviousMinutes
from facilitator.meeting.change import HEAD, STRUCTURE, touched
from facilitator.meeting.change import Change as Change  # the name the listeners know it by
from facilitator.meeting.checklist import CarriedCheck, Checklists
from facilitator.meeting.forwarding import Forwarding
from facilitator.meeting.next_meeting import NextMeeting, NextMeetingPlan
from facilitator.meeting.outcomes import Outcomes
from facilitator.meeting.people import People
from facilitator.meeting.records import Attendee, CarriedAction, ForwardKind, ItemState, Presence, Span
from facilitator.meeting.speakers import FloorRequest, SpeakersList

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """Local wall-clock time without a zone: what the room's clock on the wall says."""
    return dt.datetime.now().replace(microsecond=0)


class Meeting(People, Outcomes, AgendaChanges, NextMeetingPlan, Forwarding, Checklists):
    """One meeting held from an agenda.

    Its topics are split over files: who is in the room in ``People``, what is decided in
    ``Outcomes``, the agenda as it changes in ``AgendaChanges``, when the group meets next
    in ``NextMeetingPlan``, what is sent on to other venues in ``Forwarding`` (mixins, for
    the reason ``people`` gives), and here the meeting
    as a whole, the items, their timer, notes and prompts.
    """

    def __init__(self, agenda: Agenda, *, clock: Clock = system_clock) -> None:
        self.clock = clock
        self.info: MeetingInfo = agenda.meeting
        self.items: list[ItemState] = [ItemState(item, id=index) for index, item in enumerate(agenda.items)]
        organisations, non_voting = dict(agenda.meeting.organisations), frozenset(agenda.meeting.non_voting)
        self.attendees: dict[str, Attendee] = {
            name: Attendee(name, Presence.PRESENT, organisation=organisations.get(name), votes=name not in non_voting)
            for name in (*agenda.meeting.participants, *agenda.meeting.guests)
        }
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
        self.carried_checks: list[CarriedCheck] = []
        """The checklist's last statuses at the group's previous meeting (checklist.py)."""
        self.next_meeting: NextMeeting | None = None
        """When and where the group meets next, once the room has said it (next_meeting.py)."""
        """Open action items from the group's earlier meetings, to follow up (see carry_over)."""
        self.previous_minutes: PreviousMinutes | None = None
        """The group's previous referat, approved (or not yet) under "Godkendelse af referat"."""
        self.approval: MinutesApproval | None = None
        """This meeting's own minutes approved: told by the archive, which keeps it; never saved with the meeting."""
        self.listeners: list[Callable[[Change], None]] = []
        self.last_id = 0
        """The last id given to a decision, vote or action item; ids are unique in a meeting."""

    # --- notifications ---------------------------------------------------------------

    def _changed(self, change: Change = STRUCTURE) -> None:
        for listener in tuple(self.listeners):  # a listener may leave while being told
            listener(change)

    def _touched_current(self, *, head: bool = False) -> Change:
        """A change of the current item (if any), and of the head when ``head``."""
        return touched(*(() if self.current is None else (self.items[self.current].id,)), head=head)

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
        self._changed(touched(self.items[0].id, head=True))

    def end(self) -> None:
        self._require_running()
        now = self.clock()
        self._leave(now)  # closes the visit, a pause and the current speech
        self.ended_at = now
        self._changed(self._touched_current(head=True))

    def set_group(self, group: str) -> None:
        """Name the group (the club, the committee) whose meeting this is, when its agenda
        did not: the group is what ties a meeting to the next one, whose follow-up is this
        one's open action items. Not once the meeting has ended: its minutes are written."""
        if self.ended:
            raise MeetingError(t("meeting.has_ended"))
        group = checks.one_line(group, "meeting.field.group")
        # A joint meeting stays joint: the group named becomes its first, the others follow.
        groups = (group, *(g for g in self.info.groups if g != group)) if self.info.groups else ()
        if group != self.info.group or groups != self.info.groups:
            self.info = self.info._replace(group=group, groups=groups if len(groups) > 1 else ())
            self._changed(HEAD)

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
        self._changed(touched(state.id, head=True))

    def _require_running(self) -> None:
        if not self.started:
            raise MeetingError(t("meeting.not_started"))
        if self.ended:
            raise MeetingError(t("meeting.has_ended"))

    # --- moving through the items ----------------------------------------------------

    def go_to(self, index: int, *, keep_speakers: bool = False) -> list[FloorRequest]:
        """Make item ``index`` (0-based, in the current order) the current one.

        The speakers list is the item's: the new item starts with an open, empty list, and
        those still waiting are let go, unless ``keep_speakers`` takes them along (the UI
        asks the chair which). Returns who was let go, so the UI can say so."""
        self._require_running()
        self._check_index(index)
        if index == self.current:
            return []
        left = self._touched_current(head=True)
        self._leave(self.clock())
        gone = self.speakers.new_debate(keep_waiting=keep_speakers)
        self._enter(index)
        self._changed(touched(*(left.items or ()), self.items[index].id, head=True))
        return gone

    def next_index(self) -> int | None:
        """The item that comes after the current one, passing over postponed items."""
        start = -1 if self.current is None else self.current
        return next((i for i in range(start + 1, len(self.items)) if not self.items[i].skipped), None)

    def previous_index(self) -> int | None:
        """The item before the current one, passing over postponed items."""
        if self.current is None:
            return None
        return next((i for i in range(self.current - 1, -1, -1) if not self.items[i].skipped), None)

    def next_item(self, *, keep_speakers: bool = False) -> list[FloorRequest]:
        self._require_running()
        index = self.next_index()
        if index is None:
            raise MeetingError(t("meeting.no_next_item"))
        return self.go_to(index, keep_speakers=keep_speakers)

    def previous_item(self, *, keep_speakers: bool = False) -> list[FloorRequest]:
        self._require_running()
        index = self.previous_index()
        if index is None:
            raise MeetingError(t("meeting.no_previous_item"))
        return self.go_to(index, keep_speakers=keep_speakers)

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
        self._changed(touched(state.id))
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
        return _later(start, duration * 60)

    def projected_end(self) -> dt.datetime | None:
        """When the meeting will end if the rest goes as planned from now."""
        if not self.started or self.current is None:
            return self.planned_end()
        now = self.ended_at or self.clock()
        if self.ended:
            return now
        left = max(0.0, self.seconds_left(self.current) or 0.0)
        later = sum((s.item.minutes or 0) * 60 for s in self.items[self.current + 1 :] if not s.visited and not s.skipped)
        return _later(now, left + later)

    # --- what is said and decided about an item --------------------------------------

    def set_notes(self, text: str, index: int | None = None) -> None:
        """Notes may be written before, during and after the meeting: the referent tidies up."""
        if not isinstance(text, str):
            raise MeetingError(t("meeting.not_text", field=t("meeting.field.notes")))
        state = self._state(index)
        if state.notes != text:
            state.notes = text
            self._changed(Change("notes", state.id))

    def set_room_notes(self, shown: bool, index: int | None = None) -> None:
        """Let the room view show the item's notes, or not any more."""
        shown = checks.flag(shown)
        state = self._state(index)
        if state.room_notes != shown:
            state.room_notes = shown
            self._changed(touched(state.id))

    def toggle_prompt(self, prompt: int, index: int | None = None) -> bool:
        """Mark a prompt as discussed, or not any more; True when it is now discussed."""
        state = self._state(index)
        self._check_choice(prompt, state.item.prompts, "meeting.no_such_prompt")
        state.discussed ^= {prompt}
        self._changed(touched(state.id))
        return prompt in state.discussed

    def current_prompt(self, index: int | None = None) -> int | None:
        """The first prompt not yet discussed: the question the room is on."""
        state = self._state(index)
        return next((i for i in range(len(state.item.prompts)) if i not in state.discussed), None)

    def toggle_option(self, option: int, index: int | None = None) -> bool:
        state = self._state(index)
        self._check_choice(option, state.item.options, "meeting.no_such_option")
        state.chosen ^= {option}
        if option not in state.chosen:  # a solution no longer chosen is not sent on either
            state.forwards = [f for f in state.forwards if not (f.kind is ForwardKind.SOLUTION and f.ref == option)]
        self._changed(touched(state.id))
        return option in state.chosen

    @staticmethod
    def _check_choice(number: int, choices: tuple[str, ...], message: str) -> None:
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number < len(choices):
            raise MeetingError(t(message, number=number + 1 if isinstance(number, int) else number, count=len(choices)))


def _later(moment: dt.datetime, seconds: float) -> dt.datetime | None:
    """``moment`` plus ``seconds``; None past the calendar's end (a damaged or hand-edited
    snapshot may put a meeting's start in the year 9999: it then has no end to show)."""
    try:
        return moment + dt.timedelta(seconds=seconds)
    except OverflowError:
        return None
