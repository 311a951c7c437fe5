"""The meeting screen's one key for "Godkendelse af referat": the previous referat approved.

A part of :class:`facilitator.tui.screens.meeting.MeetingScreen`, written as a mixin like
``agenda_actions``. The key names the referat before anything is recorded: the group's
previous one, found by the session when the meeting opened (or now, for a meeting opened
before it had a group).
"""

from __future__ import annotations

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.meeting.approval import PreviousMinutes
from facilitator.tui.screens.screen_part import MeetingScreenPart


class ApprovalActions(MeetingScreenPart):
    """Approve the previous referat, with or without remarks."""

    def action_approve_minutes(self) -> None:
        try:
            previous = self.session.previous_to_approve()
        except FacilitatorError as error:
            self.notify(str(error), severity="warning")
            return
        from facilitator.tui.dialogs.approval_form import approval_dialog

        self._dialog(approval_dialog(self.session, previous), self._approved)

    def _approved(self, previous: PreviousMinutes) -> None:
        self.notify(t("meeting_screen.minutes_approved", title=previous.title), timeout=6)
