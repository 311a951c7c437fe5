"""What a meeting decides and who does what: decisions, votes, action items, and the follow-up
of the open actions carried over from earlier meetings.

A part of :class:`facilitator.meeting.model.Meeting`, written as a mixin for the reason
given in ``people``: one object, one public surface, one state saved and announced. What
it needs from the meeting is declared at the top, for the type checker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from facilitator.agenda.model import MeetingInfo
from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting import checks, entitlement
from facilitator.meeting.approval import PreviousMinutes, checked_remark
from facilitator.meeting.change import HEAD, Change, touched
from facilitator.meeting.drafts import review_owner, review_what
from facilitator.meeting.records import ActionItem, CarriedAction, Decision, ForwardKind, ItemState, Principle, Vote
from facilitator.meeting.standard_items import is_minutes_approval


class Outcomes:
    """Decisions, votes and action items of a meeting, and the carried-over actions."""

    clock: Callable[[], dt.datetime]
    items: list[ItemState]
    carried: list[CarriedAction]
    previous_minutes: PreviousMinutes | None
    ended_at: dt.datetime | None
    info: MeetingInfo
    chair: str | None

    if TYPE_CHECKING:  # provided by Meeting and People

        def _changed(self, change: Change = ...) -> None: ...

        def _require_running(self) -> None: ...

        def _state(self, index: int | None) -> ItemState: ...

        def _new_id(self) -> int: ...

        def voters_present(self, organisation: str | None = None) -> int: ...

        def vote_organisations(self) -> tuple[str, ...]: ...

        def present_count(self) -> int: ...

    # --- what is decided about an item -----------------------------------------------

    def add_decision(
        self,
        text: str,
        principles: Iterable[Principle | str] = (),
        index: int | None = None,
        *,
        answers: Mapping[Principle | str, str] | None = None,
        review: dt.date | str | None = None,
        solutions: Iterable[int] = (),
    ) -> Decision:
        """A decision; ``answers`` says how it meets the principles (a blank answer is
        none, an answered principle counts as ticked), ``solutions`` which of the item's
        options it was drafted from, ``review`` when a temporary one is evaluated again.

        A review date also makes an action item, in the same change: "Evaluering af
        midlertidig løsning: …", for the chair (else the group), due that day. So the date
        is followed up as every deadline is: ``actions --open``, the group's next meeting,
        ``actions done``, with nothing new in the archive. Removing the decision removes
        that action too while it is as it was made (open, same text and day)."""
        self._require_running()
        state = self._state(index)
        text = checks.text(text, "meeting.field.decision")
        answered = checks.answers(answers)
        ticked = checks.principles((*checks.principles(principles), *(p for p, _ in answered)))
        chosen = checks.options(solutions, len(state.item.options))
        review_date = checks.deadline(review, today=self.clock().date())
        decision = Decision(self._new_id(), text, ticked, self.clock(), answered, review_date, chosen)
        state.decisions.append(decision)
        if review_date is not None:
            who = review_owner(self.chair, self.info.group)
            state.actions.append(ActionItem(self._new_id(), review_what(text), who, review_date))
        self._changed(touched(state.id, head=True))  # the head: last_id
        return decision

    def needs_review(self, solutions: Iterable[int], index: int | None = None) -> bool:
        """Whether a decision drafted from these options takes up a temporary solution,
        and so should be given a date to review it."""
        state = self._state(index)
        return any(option in state.item.temporary for option in solutions)

    def record_vote(
        self,
        subject: str,
        votes_for: int,
        against: int,
        abstain: int,
        present: int | None = None,
        index: int | None = None,
        *,
        organisation: str | None = None,
    ) -> Vote:
        """Record a vote; ``present`` defaults to the people here now who may vote (if
        attendance is kept): the guests and those without a vote are left out. With
        ``organisation`` the vote is held among that organisation's members only, and
        only they count. More votes than voters are refused, saying so."""
        self._require_running()
        state = self._state(index)
        subject = checks.text(subject, "meeting.field.subject")
        checks.count(votes_for, t("meeting.field.votes_for"))
        checks.count(against, t("meeting.field.against"))
        checks.count(abstain, t("meeting.field.abstain"))
        cast = votes_for + against + abstain
        if organisation is not None:
            organisation = checks.one_line(organisation, "meeting.field.organisation")
            if organisation not in self.vote_organisations():
                raise MeetingError(t("meeting.vote.no_such_organisation", organisation=organisation))
        if self.present_count():  # attendance is kept: only those entitled count
            entitlement.check_cast(cast, self.voters_present(organisation), self.present_count(), organisation)
        if present is None:
            present = self.voters_present(organisation) or cast  # no attendance kept: the votes cast are all we know
        checks.count(present, t("meeting.field.present"))
        if cast > present:
            raise MeetingError(t("meeting.vote.more_than_present", cast=cast, present=present))
        vote = Vote(self._new_id(), subject, votes_for, against, abstain, present, self.clock(), organisation)
        state.votes.append(vote)
        self._changed(touched(state.id, head=True))  # the head: last_id
        return vote

    def add_action(self, what: str, who: str, deadline: dt.date | str | None = None, index: int | None = None) -> ActionItem:
        self._require_running()
        state = self._state(index)
        action = ActionItem(
            self._new_id(),
            checks.text(what, "meeting.field.what"),
            checks.text(who, "meeting.field.who"),
            checks.deadline(deadline, today=self.clock().date()),
        )
        state.actions.append(action)
        self._changed(touched(state.id, head=True))  # the head: last_id
        return action

    def set_action_done(self, action_id: int, done: bool = True) -> None:
        done = checks.flag(done)
        state, action = self._find_action(action_id)
        if action.done != done:
            action.done = done
            self._changed(touched(state.id))

    def find_action(self, action_id: int) -> ActionItem:
        return self._find_action(action_id)[1]

    def _find_action(self, action_id: int) -> tuple[ItemState, ActionItem]:
        for state in self.items:
            for action in state.actions:
                if action.id == action_id:
                    return state, action
        raise MeetingError(t("meeting.no_such_record", id=action_id))

    def remove(self, record_id: int) -> None:
        """Remove a decision, vote or action item entered by mistake."""
        for state in self.items:
            kinds: tuple[list[Decision] | list[Vote] | list[ActionItem], ...] = (state.decisions, state.votes, state.actions)
            for records in kinds:
                for position in range(len(records)):  # by index: each list keeps its own type
                    if records[position].id == record_id:
                        removed = records[position]
                        del records[position]
                        if isinstance(removed, Decision):
                            self._remove_review(state, removed)
                        # a removed decision is no longer sent on either
                        state.forwards = [
                            f for f in state.forwards if not (f.kind is ForwardKind.DECISION and f.ref == record_id)
                        ]
                        self._changed(touched(state.id))
                        return
        raise MeetingError(t("meeting.no_such_record", id=record_id))

    def review_action(self, decision: Decision) -> ActionItem | None:
        """The open action that follows up a decision's review date, as ``add_decision``
        made it; None when it has none, or it was done or removed."""
        state = next((s for s in self.items if decision in s.decisions), None)
        return None if state is None else _review_of(state, decision)

    @staticmethod
    def _remove_review(state: ItemState, decision: Decision) -> None:
        """A decision entered by mistake takes its review with it: left alone, the next
        meeting would follow up a decision no one made. A review done already stays: it
        is then the room's own record."""
        action = _review_of(state, decision)
        if action is not None:
            state.actions.remove(action)

    # --- follow-up of earlier meetings ----------------------------------------------

    def carry_over(self, actions: Iterable[CarriedAction]) -> None:
        """Take in the open action items of earlier meetings (the archive finds them)."""
        self.carried = list(actions)
        self._changed(HEAD)

    def carried_item(self) -> int | None:
        """The item where carried-over actions are followed up: the approval of the last
        minutes; None when the agenda has no such item (the minutes then give them a
        follow-up section of their own)."""
        return next((i for i, s in enumerate(self.items) if is_minutes_approval(s.item.title)), None)

    def set_carried_done(self, meeting_id: int, action_id: int, done: bool = True) -> None:
        done = checks.flag(done)
        for action in self.carried:
            if (action.meeting_id, action.action_id) == (meeting_id, action_id):
                if action.done != done:
                    action.done = done
                    self._changed(HEAD)
                return
        raise MeetingError(t("meeting.no_such_carried", meeting=meeting_id, id=action_id))

    # --- the approval of the previous minutes ------------------------------------------

    def name_previous_minutes(self, previous: PreviousMinutes | None) -> None:
        """The group's previous referat (the archive finds it), to be approved here."""
        if previous != self.previous_minutes:
            self.previous_minutes = previous
            self._changed(HEAD)

    def check_approval_possible(self) -> PreviousMinutes:
        """The previous referat, when this meeting may still record its approval."""
        if self.ended_at is not None:
            raise MeetingError(t("meeting.has_ended"))
        if self.previous_minutes is None:
            raise MeetingError(t("approval.no_previous"))
        return self.previous_minutes

    def approve_previous(self, remark: str | None = None) -> PreviousMinutes:
        """Record here that the previous referat was approved ("godkendt"), or approved
        with remarks ("godkendt med bemærkninger") when ``remark`` says something."""
        previous = self.check_approval_possible()._replace(approved=True, remark=checked_remark(remark))
        self.previous_minutes = previous
        self._changed(HEAD)
        return previous


def _review_of(state: ItemState, decision: Decision) -> ActionItem | None:
    if decision.review is None:
        return None
    what = review_what(decision.text)
    return next(
        (a for a in state.actions if not a.done and a.id > decision.id and a.what == what and a.deadline == decision.review),
        None,
    )
