"""The meeting screen's keys for the dialogue chain: choose solutions, turn them into a
draft decision or an action item, and mark matters "send videre til" another venue.

A part of :class:`facilitator.tui.screens.meeting.MeetingScreen`, a mixin like
``agenda_actions``. The picker hands on the next step asked for as it closes, and the
dialog of that step opens here, as every dialog of the screen does.
"""

from __future__ import annotations

from facilitator.i18n import t
from facilitator.meeting.records import ActionItem, Decision
from facilitator.tui.screens.screen_part import MeetingScreenPart
from facilitator.tui.type_ahead import typed_so_far


class ChainActions(MeetingScreenPart):
    """Opens the solutions picker and the forward dialog, and the dialogs they lead to."""

    def action_choose_solutions(self) -> None:
        current = self.meeting.current
        if current is None or not self.meeting.items[current].item.options:
            self.notify(t("meeting_screen.no_solutions"), timeout=4)
            return
        from facilitator.tui.dialogs.solutions import NextStep, SolutionsDialog

        def next_step(step: NextStep) -> None:
            if step.kind == "decision":
                self.draft_decision(step.solutions)
            else:
                self.action_from_solution(step.solutions[0])

        self._dialog(SolutionsDialog(self.meeting, next_step))

    def draft_decision(self, solutions: tuple[int, ...]) -> None:
        from facilitator.tui.dialogs.decision_form import decision_dialog

        self._dialog(decision_dialog(self.meeting, solutions), self._decided)

    def _decided(self, decision: Decision) -> None:
        review = self.meeting.review_action(decision)
        if review is not None:
            self.notify(t("meeting_screen.review_action", who=review.who), timeout=5)

    def action_from_solution(self, option: int) -> None:
        current = self.meeting.current
        if current is None:
            return
        from facilitator.tui.dialogs.meeting_forms import action_dialog

        what = self.meeting.items[current].item.options[option]

        def made(action: ActionItem) -> None:
            self.notify(t("meeting_screen.action_from_solution", number=option + 1), timeout=3)

        self._dialog(action_dialog(self.meeting, what=what), made)

    async def action_forward_matter(self) -> None:
        await typed_so_far(self.app)  # the notes are one of the matters: as typed, up to the key
        self.save_notes_now()
        current = self.meeting.current
        from facilitator.tui.dialogs.forward import ForwardDialog, matters

        if current is None or not matters(self.meeting, current):
            self.notify(t("meeting_screen.nothing_to_forward"), timeout=5)
            return
        self._dialog(ForwardDialog(self.meeting))
