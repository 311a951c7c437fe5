"""The meeting screen's key for the next meeting: when and where the group meets next.

A part of :class:`facilitator.tui.screens.meeting.MeetingScreen`, a mixin like
``agenda_actions``. The key works on every item, because the date is often settled in
passing; the item "Næste møde" is where the room expects it, and shows what is recorded.
"""

from __future__ import annotations

from facilitator.i18n import t
from facilitator.meeting.next_meeting import NextMeeting, written_plan
from facilitator.tui.screens.screen_part import MeetingScreenPart


class NextMeetingAction(MeetingScreenPart):
    """Opens the dialog of the next meeting, and says what it recorded."""

    def action_next_meeting(self) -> None:
        from facilitator.tui.dialogs.next_meeting_form import next_meeting_dialog

        self._dialog(next_meeting_dialog(self.meeting), self._next_meeting_recorded)

    def _next_meeting_recorded(self, result: tuple[NextMeeting | None]) -> None:
        planned = result[0]
        if planned is None:
            self.notify(t("meeting_screen.next_meeting_cleared"), timeout=4)
        else:
            self.notify(t("meeting_screen.next_meeting_set", when=written_plan(planned)), timeout=6)
