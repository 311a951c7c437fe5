"""The meeting screen's key for the AMiR's safety checklist (alt+k, F7).

A part of :class:`facilitator.tui.screens.meeting.MeetingScreen`, a mixin like
``agenda_actions``. The checklist belongs to an item (the one on threats and violence in
the shipped agendas): on another item the key says which items have one, rather than
open an empty list.
"""

from __future__ import annotations

from facilitator.i18n import t
from facilitator.tui.screens.screen_part import MeetingScreenPart


class ChecklistAction(MeetingScreenPart):
    """Opens the current item's checklist."""

    def action_safety_checklist(self) -> None:
        meeting = self.meeting
        current = meeting.current
        if current is None:
            return
        if not meeting.items[current].item.checklist:
            numbers = [str(i + 1) for i, state in enumerate(meeting.items) if state.item.checklist]
            if numbers:
                self.notify(t("meeting_screen.no_checklist", numbers=", ".join(numbers)), timeout=5)
            else:
                self.notify(t("meeting_screen.no_checklist_anywhere"), timeout=5)
            return
        from facilitator.tui.dialogs.checklist import ChecklistDialog

        self._dialog(ChecklistDialog(meeting, current))
