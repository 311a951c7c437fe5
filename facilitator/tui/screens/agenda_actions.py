"""The meeting screen's moves through the agenda and its changes to it.

A part of :class:`facilitator.tui.screens.meeting.MeetingScreen`, written as a mixin like
the core's own parts (``meeting.people``): one screen, one set of keys. Every action
calls one core method; the screen only decides which item is meant and what to ask.

The item meant is the one chosen in the agenda list while the list has the focus, and
otherwise the current one: a chair who postpones while typing notes means the item on
screen; one who has walked the agenda list to an item means that one.

The speakers list is the item's (``Meeting.go_to``). Leaving an item with people still
waiting is asked about: the chair may have pressed on by mistake (Escape stays), may end
the debate (Enter, the list starts empty) or may take them along (the check). A chair
expects to be asked before names are dropped, and not to be asked when nobody waits.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.i18n import t
from facilitator.meeting.planned_day import other_day_planned
from facilitator.tui.dates_shown import other_day_warning
from facilitator.tui.screens.screen_part import MeetingScreenPart
from facilitator.tui.type_ahead import typed_so_far
from facilitator.tui.widgets.agenda_list import AgendaList


class AgendaActions(MeetingScreenPart):
    """Next, previous, choosing an item, and postponing, moving and dropping items."""

    # --- moving through the agenda ------------------------------------------------------

    async def action_next_item(self) -> None:
        await typed_so_far(self.app)
        self.save_notes_now()
        if not self.meeting.started:
            self._do(self.meeting.start)
            self._tell_if_held_on_another_day()
        else:
            self._move_to(self.meeting.next_index(), lambda keep: self.meeting.next_item(keep_speakers=keep))
        self._redraw_if_due()  # the next item's notes, with the focus, before the keys typed after

    def _tell_if_held_on_another_day(self) -> None:
        """At the start, while the agenda can still be checked: its date is not today's."""
        planned = other_day_planned(self.meeting)
        if self.meeting.started and planned is not None:
            self.notify(other_day_warning(planned, self.meeting), severity="warning", timeout=10)

    async def action_previous_item(self) -> None:
        await typed_so_far(self.app)
        self.save_notes_now()
        self._move_to(self.meeting.previous_index(), lambda keep: self.meeting.previous_item(keep_speakers=keep))
        self._redraw_if_due()

    def choose_item(self, index: int) -> None:
        """The person chose an item in the agenda list: it becomes the current one."""
        if not self.meeting.started or self.meeting.ended:
            self.notify(t("meeting_screen.start_first"), severity="warning")
            return
        self.save_notes_now()
        self._move_to(index, lambda keep: self.meeting.go_to(index, keep_speakers=keep))

    def _move_to(self, target: int | None, move: Callable[[bool], object]) -> None:
        """Go to ``target`` by ``move``; first ask about those waiting, when anyone does."""
        meeting = self.meeting
        if target is None or target == meeting.current or not meeting.speakers.queue or not meeting.started:
            self._do(lambda: move(False))  # a refusal (no next item) is said by the core
            return
        from facilitator.tui.dialogs.meeting_forms import waiting_dialog

        self._dialog(waiting_dialog(meeting, target, move))

    # --- changing the agenda ------------------------------------------------------------

    def _meant(self) -> int | None:
        """The item a command means: the one chosen in the agenda list while it has the
        focus, otherwise the current one."""
        focused = self.focused
        if isinstance(focused, AgendaList) and focused.highlighted is not None:
            return focused.highlighted
        return self.meeting.current

    def action_skip_item(self) -> None:
        index = self._meant()
        if index is None:
            return
        self.save_notes_now()
        wanted = not self.meeting.items[index].skipped
        self._do(lambda: self.meeting.set_skipped(index, wanted))
        if self.meeting.items[index].skipped == wanted:
            number = index + 1
            said = (
                t("meeting_screen.item_skipped", number=number) if wanted else t("meeting_screen.item_unskipped", number=number)
            )
            self.notify(said, timeout=3)

    def action_move_item_up(self) -> None:
        self._shift(-1)

    def action_move_item_down(self) -> None:
        self._shift(1)

    def _shift(self, step: int) -> None:
        index = self._meant()
        if index is None:
            return
        moved = self._do(lambda: self.meeting.shift_item(index, step))
        if moved is not None:
            title = self.meeting.items[moved].item.title
            self.notify(t("meeting_screen.item_moved", title=title, number=moved + 1), timeout=3)

    def action_drop_item(self) -> None:
        index = self._meant()
        if index is None:
            return
        self.save_notes_now()
        dropped = self._do(lambda: self.meeting.drop_item(index))
        if dropped is not None:
            self.notify(t("meeting_screen.item_dropped", title=dropped.item.title), timeout=4)
