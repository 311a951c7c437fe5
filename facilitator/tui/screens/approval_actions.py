"""The meeting screen's one key for "Godkendelse af referat": the previous referat approved.

A part of :class:`facilitator.tui.screens.meeting.MeetingScreen`, written as a mixin like
``agenda_actions``. The key names the referat before anything is recorded: the group's
previous one, found by the session when the meeting opened (or now, for a meeting opened
before it had a group).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.meeting.approval import PreviousMinutes
from facilitator.session import Session


class ApprovalActions:
    """Approve the previous referat, with or without remarks."""

    if TYPE_CHECKING:  # provided by MeetingScreen and Textual's Screen
        session: Session
        app: Any

        def notify(self, message: str, *, severity: Any = "information", timeout: float | None = None) -> None: ...

        def _dialog(self, screen: Any, done: Any = None) -> None: ...

    def action_approve_minutes(self) -> None:
        meeting = self.session.meeting
        try:
            if meeting.previous_minutes is None and meeting.info.group:
                meeting.name_previous_minutes(self.session.archive.previous_minutes(meeting.info.group, self.session.meeting_id))
            previous = meeting.check_approval_possible()
        except FacilitatorError as error:
            self.notify(str(error), severity="warning")
            return
        from facilitator.tui.dialogs.approval_form import approval_dialog

        self._dialog(approval_dialog(self.session, previous), self._approved)

    def _approved(self, previous: PreviousMinutes) -> None:
        self.notify(t("meeting_screen.minutes_approved", title=previous.title), timeout=6)
