"""The health-and-safety rep's checklist: the seed's safety precautions, each given a status.

An agenda item may carry a checklist (``checklist = ["Tjekke fysiske
sikkerhedsforanstaltninger: alarmsystemer og flugtveje.", …]``). During the meeting each
point is set ok, mangler (missing) or aftalt (agreed, to be done), or left not yet set.
The statuses carry to the group's next meeting as its open actions do: that meeting's
follow-up shows each point's last status, so a "mangler" is taken up again. A point is
known by its text, so the next meeting finds it again even in an agenda edited since.

A part of :class:`facilitator.meeting.model.Meeting`, written as a mixin for the reason
given in ``people``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting.change import HEAD, Change, touched
from facilitator.meeting.records import ItemState


class CheckStatus(str, Enum):
    """A point's status; a point not yet set has none."""

    OK = "ok"
    MISSING = "mangler"
    AGREED = "aftalt"


CHECK_STATUS_KEYS: dict[CheckStatus | None, str] = {
    CheckStatus.OK: "checklist.status.ok",
    CheckStatus.MISSING: "checklist.status.missing",
    CheckStatus.AGREED: "checklist.status.agreed",
    None: "checklist.status.unset",
}
"""The words of each status, and of a point not yet set."""


def status_words(status: CheckStatus | None, lang: str | None = None) -> str:
    return t(CHECK_STATUS_KEYS[status], lang=lang)


@dataclass(frozen=True)
class CarriedCheck:
    """A point's last status at an earlier meeting of the group, followed up here."""

    point: str
    status: CheckStatus
    meeting_id: int
    meeting_title: str
    meeting_date: str | None = None
    """The day it was held (ISO), as for carried actions."""
    confidential: bool = False
    """Set under a closed item: shown where that item's content may be (the restricted
    minutes), never in a public output nor on the meeting screen's follow-up."""


@dataclass(frozen=True)
class CheckLine:
    """One point as the room sees it: its status here, and its last one before."""

    index: int
    point: str
    status: CheckStatus | None
    before: CarriedCheck | None


def check_status(value: CheckStatus | str | None) -> CheckStatus | None:
    """A status as a person or a caller gives it; None clears it."""
    if value is None or isinstance(value, CheckStatus):
        return value
    try:
        return CheckStatus(str(value).strip().lower())
    except ValueError:
        valid = ", ".join(s.value for s in CheckStatus)
        raise MeetingError(t("meeting.checklist.bad_status", value=value, valid=valid)) from None


class Checklists:
    """The statuses of the items' checklists, and those carried over from the group's last meeting."""

    items: list[ItemState]
    carried_checks: list[CarriedCheck]

    if TYPE_CHECKING:  # provided by Meeting

        def _changed(self, change: Change = ...) -> None: ...

        def _require_running(self) -> None: ...

        def _state(self, index: int | None) -> ItemState: ...

    def set_check(self, point: int, status: CheckStatus | str | None, index: int | None = None) -> None:
        """Give point ``point`` of the item's checklist a status (None: not yet set)."""
        self._require_running()
        state = self._state(index)
        checklist = state.item.checklist
        if isinstance(point, bool) or not isinstance(point, int) or not 0 <= point < len(checklist):
            shown = point + 1 if isinstance(point, int) else point
            raise MeetingError(t("meeting.checklist.no_such_point", number=shown, count=len(checklist)))
        new = check_status(status)
        if state.checks.get(point) == new:
            return
        if new is None:
            del state.checks[point]
        else:
            state.checks[point] = new
        self._changed(touched(state.id))

    def carry_checks(self, checks: list[CarriedCheck]) -> None:
        """Take in the last statuses of the group's previous meeting (the session finds them)."""
        self.carried_checks = list(checks)
        self._changed(HEAD)

    def check_lines(self, index: int | None = None) -> list[CheckLine]:
        """The item's points, each with its status here and its last one before."""
        state = self._state(index)
        before = {check.point: check for check in self.carried_checks}
        return [CheckLine(i, point, state.checks.get(i), before.get(point)) for i, point in enumerate(state.item.checklist)]

    def last_checks(self, meeting_id: int, title: str, held: str | None) -> list[CarriedCheck]:
        """Every point's last status as this meeting leaves it, for the group's next
        meeting: those set here, and those carried in and not set again (so a point
        followed up but not on this agenda is still followed up next time)."""
        last = {check.point: check for check in self.carried_checks}
        for state in self.items:
            for i, status in sorted(state.checks.items()):
                point = state.item.checklist[i]
                last.pop(point, None)  # set here: it goes after those carried, in the agenda's order
                last[point] = CarriedCheck(point, status, meeting_id, title, held, state.item.confidential)
        return list(last.values())
