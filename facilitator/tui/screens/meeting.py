"""The meeting screen: the agenda, the current item with its notes, the clock and the room.

It holds no meeting state. Every key calls one core method; the core tells the screen
what changed, and the screen redraws once per burst of changes. The clock ticks once a
second and redraws only what time changes (the timers), never the notes.

Messages go up, attributes down: the widgets say what the person did in messages of their
own (``ItemView.NotesEdited``, ``ItemView.PromptTicked``, ``AgendaList.ItemChosen`` …),
which the screen handles by calling the core; the screen shows the result by calling the
widgets' ``show``. It never listens to a widget's inner parts by their ids. Dialogs
close with a typed result (a ``Decision``, a ``Path``), given to the callback passed to
:meth:`MeetingScreen._dialog`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.meeting.model import Change, Meeting
from facilitator.session import Session
from facilitator.tui.commands import CHAIR_KEYS, MEETING_COMMANDS, NEEDS_RUNNING, bindings, key_for
from facilitator.tui.screens.agenda_actions import AgendaActions
from facilitator.tui.screens.approval_actions import ApprovalActions
from facilitator.tui.screens.breakpoints import set_breakpoint_classes
from facilitator.tui.screens.chain_actions import ChainActions
from facilitator.tui.screens.checklist_action import ChecklistAction
from facilitator.tui.screens.next_meeting_action import NextMeetingAction
from facilitator.tui.screens.room_actions import RoomActions
from facilitator.tui.screens.settled_layout import SettledLayout
from facilitator.tui.type_ahead import typed_so_far
from facilitator.tui.widgets.agenda_list import AgendaList
from facilitator.tui.widgets.attendance_panel import AttendancePanel
from facilitator.tui.widgets.item_view import ItemView
from facilitator.tui.widgets.key_footer import KeyFooter
from facilitator.tui.widgets.speakers_panel import RoomLine, SpeakersPanel
from facilitator.tui.widgets.status_bar import StatusBar

WARM_UP_AFTER = 2.0
"""Seconds after the meeting screen opens: past the first frames, before anyone asks."""

SHARED_WORDS_FROM = 120
"""The width from which the status bar says how sharing goes in words ("Delt: synkroniseret
20:14"); below it a word or a sign ("Delt ✓"), so the meeting's title keeps some room."""

COVER_NOTICE_SECONDS = 8.0
"""How long the notice that text typed on the cover page was not kept stays, and is not
repeated: one notice for a burst of typing, not one per key."""


Result = TypeVar("Result")


class MeetingScreen(AgendaActions, NextMeetingAction, ApprovalActions, ChainActions, ChecklistAction, RoomActions, SettledLayout):
    BINDINGS = bindings(MEETING_COMMANDS)
    COMMANDS_TABLE = MEETING_COMMANDS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (45, "-tall")]
    """A wall's tall screen gives the item's questions and solutions the room the notes
    do not need: at 50 rows the notes had 30 empty rows while solutions were cut off."""

    def __init__(self, session: Session, *, keymap: dict[str, str] | None = None) -> None:
        super().__init__(id="meeting-screen")
        self.session = session
        self.keymap = keymap or {}
        """The person's keys by binding id, for texts that name a key."""
        self._redraw_pending = False
        self._footer_state: tuple[bool, bool] | None = None
        """What the footer's enabled keys depend on (started, ended), as last shown."""
        self.exported: Path | None = None
        """Where the minutes were last written from this screen (to say so at the end)."""
        self._cover_told = False

    @property
    def meeting(self) -> Meeting:
        return self.session.meeting

    def compose(self) -> ComposeResult:
        set_breakpoint_classes(self, self.app.size)  # the first layout is the one that stays
        yield StatusBar(id="status-bar")
        yield RoomLine(id="room-line")
        with Horizontal(id="body"):
            yield AgendaList(id="agenda")
            yield ItemView(keymap=self.keymap, id="item")
            with VerticalScroll(id="room", can_focus=False):
                yield SpeakersPanel(id="speakers")
                yield AttendancePanel(id="attendance")
        yield KeyFooter(compact=True, first=CHAIR_KEYS)

    def on_mount(self) -> None:
        self.meeting.listeners.append(self._on_change)
        self.redraw()
        self.set_interval(1.0, self.tick)
        self.set_timer(WARM_UP_AFTER, self._warm_up)

    @work(thread=True, exit_on_error=False)
    def _warm_up(self) -> None:
        """Prepare the preview and the dialogs while the room is still settling: their
        first opening then draws at once instead of first importing and compiling; the
        meeting screen does not import them itself, so that it opens sooner
        (docs/performance.md)."""
        from facilitator.output.minutes import warm_up
        from facilitator.tui.dialogs import attendance, meeting_forms, output_forms, remove  # noqa: F401
        from facilitator.tui.screens import preview  # noqa: F401  (and Rich's Markdown with it)

        try:
            warm_up()
        except Exception:  # noqa: BLE001 - a broken template is reported when the preview is asked for
            pass

    def on_unmount(self) -> None:
        self.stop_room()
        if self._on_change in self.meeting.listeners:
            self.meeting.listeners.remove(self._on_change)

    # --- drawing ------------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        """Called by the core inside each change: only note that a redraw is due."""
        if change.kind == "notes" or self._redraw_pending:
            return
        self._redraw_pending = True
        self.call_later(self._redraw_if_due)

    def _redraw_if_due(self) -> None:
        """The redraw a burst of changes asked for, unless a key drew it already."""
        if self._redraw_pending:
            self.redraw()

    def redraw(self) -> None:
        self._redraw_pending = False
        meeting = self.meeting
        item_view = self.query_one(ItemView)
        shown = item_view.item_id
        self._show_status(meeting)
        self.query_one(AgendaList).show(meeting)
        item_view.show(meeting)
        self.query_one(SpeakersPanel).show(meeting)
        self.query_one(AttendancePanel).show(meeting)
        self.query_one(RoomLine).show(meeting)
        self.show_room_mode()
        self._refresh_footer(meeting)
        if item_view.item_id != shown and item_view.item_id is not None:
            item_view.focus_notes()

    def _refresh_footer(self, meeting: Meeting) -> None:
        """Ask the footer to show which keys work only when that changes: the footer builds
        all its keys again for every request, and most changes (a decision, a speaker) change
        none of them."""
        state = (meeting.started, meeting.ended)
        if state != self._footer_state:
            if self._footer_state is not None:  # the first time, the footer is still to be built
                self.refresh_bindings()
            self._footer_state = state

    def _show_status(self, meeting: Meeting) -> None:
        sharing = self.session.sharing
        short = self.size.width < SHARED_WORDS_FROM
        shared = (sharing.state.shown(short=short), sharing.state.needs_look) if sharing is not None else None
        self.query_one(StatusBar).show(meeting, unsaved=self.session.save_health.failing, shared=shared)

    def tick(self) -> None:
        meeting = self.meeting
        self._show_status(meeting)
        self.query_one(AgendaList).tick(meeting)
        if meeting.speakers.current is not None:
            self.query_one(SpeakersPanel).show(meeting)
            self.query_one(RoomLine).show(meeting)
        self.show_room_mode()

    # --- calling the core ---------------------------------------------------------------

    def _do(self, change: Callable[[], Result]) -> Result | None:
        """Run one core change; a refusal is a notification, and the meeting goes on."""
        try:
            return change()
        except FacilitatorError as error:
            self.notify(str(error), severity="warning")
            return None

    def save_notes_now(self) -> None:
        """Before the meeting moves on, the editor's text belongs to the item it was typed on."""
        if not self.is_mounted:  # quit at once: nothing can have been typed yet
            return
        item_view = self.query_one(ItemView)
        if item_view.item_id is None:
            return
        index = self._index_of(item_view.item_id)
        if index is not None:
            self.meeting.set_notes(item_view.notes, index)

    def _index_of(self, item_id: int) -> int | None:
        return next((i for i, s in enumerate(self.meeting.items) if s.id == item_id), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        meeting = self.meeting
        if action == "next_item":
            return None if meeting.ended else True
        if action in NEEDS_RUNNING and (not meeting.started or meeting.ended):
            return None  # shown dimmed in the footer
        return True

    def on_key(self, event: events.Key) -> None:
        """Text typed on the cover page, before the meeting starts, has nowhere to go (the
        notes belong to an item, and no item is open yet): it is not dropped without a
        word. The notice says why and which key starts the meeting; once per burst."""
        if self.meeting.started or not event.is_printable or self._cover_told:
            return
        self._cover_told = True
        self.notify(
            t("meeting_screen.cover_typed", key=key_for("next_item", self.keymap)),
            severity="warning",
            timeout=COVER_NOTICE_SECONDS,
        )
        self.set_timer(COVER_NOTICE_SECONDS, self._cover_notice_over)

    def _cover_notice_over(self) -> None:
        self._cover_told = False

    # --- moving through the agenda: see AgendaActions ------------------------------------

    @on(AgendaList.ItemChosen)
    def item_chosen(self, event: AgendaList.ItemChosen) -> None:
        self.choose_item(event.index)

    # --- the item -----------------------------------------------------------------------

    @on(ItemView.NotesEdited)
    def notes_edited(self, event: ItemView.NotesEdited) -> None:
        item_id = event.item_view.item_id
        index = None if item_id is None else self._index_of(item_id)
        if index is not None:
            self.meeting.set_notes(event.item_view.notes, index)

    @on(ItemView.PromptTicked)
    def prompt_ticked(self, event: ItemView.PromptTicked) -> None:
        self._do(lambda: self.meeting.toggle_prompt(event.index))

    @on(ItemView.OptionTicked)
    def option_ticked(self, event: ItemView.OptionTicked) -> None:
        self._do(lambda: self.meeting.toggle_option(event.index))

    @on(ItemView.CarriedTicked)
    def carried_ticked(self, event: ItemView.CarriedTicked) -> None:
        action = self.meeting.carried[event.index]
        self._do(lambda: self.meeting.set_carried_done(action.meeting_id, action.action_id, not action.done))

    def action_follow_up(self) -> None:
        """The earlier meetings' open actions, to tick done: their list gets the focus on the
        item where they are followed up; elsewhere the person is told which item that is."""
        meeting = self.meeting
        if not meeting.carried:
            self.notify(t("meeting_screen.follow_up_none" if meeting.info.group else "meeting_screen.follow_up_no_group"))
        elif not self.query_one(ItemView).focus_carried():
            index = meeting.carried_item() or 0
            self.notify(t("meeting_screen.follow_up_at", number=index + 1, title=meeting.items[index].item.title))

    def action_prompt_discussed(self) -> None:
        prompt = self.meeting.current_prompt()
        if prompt is None:
            self.notify(t("meeting_screen.no_prompt"))
            return
        self._do(lambda: self.meeting.toggle_prompt(prompt))

    def action_toggle_timer(self) -> None:
        running = self._do(self.meeting.toggle_timer)
        if running is not None:
            self.notify(t("meeting_screen.timer_runs" if running else "meeting_screen.timer_paused"), timeout=2)

    def action_carry_on(self) -> None:
        current = self.meeting.current
        if current is not None:
            state = self.meeting.items[current]
            wanted = not state.carry_on
            self._do(lambda: self.meeting.set_carry_on(current, wanted))
            if state.carry_on == wanted:
                self.notify(t("meeting_screen.carry_on" if wanted else "meeting_screen.no_carry_on"), timeout=3)

    # --- dialogs ------------------------------------------------------------------------

    def _dialog(self, screen: Screen[Result], done: Callable[[Result], None] | None = None) -> None:
        """Open a dialog; ``done`` gets its result when it closes with one (not cancelled)."""

        def closed(result: Result | None) -> None:
            if result is not None and done is not None:
                done(result)

        self.app.push_screen(screen, closed)

    def action_add_decision(self) -> None:
        from facilitator.tui.dialogs.meeting_forms import decision_dialog

        self._dialog(decision_dialog(self.meeting), self._decided)

    def action_add_action(self) -> None:
        from facilitator.tui.dialogs.meeting_forms import action_dialog

        self._dialog(action_dialog(self.meeting))

    def action_record_vote(self) -> None:
        from facilitator.tui.dialogs.meeting_forms import vote_dialog

        self._dialog(vote_dialog(self.meeting))

    def action_add_speaker(self) -> None:
        from facilitator.tui.dialogs.meeting_forms import speaker_dialog

        self._dialog(speaker_dialog(self.meeting))

    def action_add_item(self) -> None:
        from facilitator.tui.dialogs.meeting_forms import item_dialog

        self._dialog(item_dialog(self.meeting), lambda index: self.notify(t("meeting_screen.item_added", number=index + 1)))

    def action_attendance(self) -> None:
        from facilitator.tui.dialogs.attendance import AttendanceDialog

        self._dialog(AttendanceDialog(self.meeting))

    def action_remove_entry(self) -> None:
        current = self.meeting.current
        state = self.meeting.items[current] if current is not None else None
        if state is None or not (state.decisions or state.votes or state.actions):
            self.notify(t("meeting_screen.nothing_to_remove"))
            return
        from facilitator.tui.dialogs.remove import RemoveDialog

        self._dialog(RemoveDialog(self.meeting))

    def action_next_speaker(self) -> None:
        request = self._do(self.meeting.next_speaker)
        if request is None and not self.meeting.speakers.queue:
            self.notify(t("meeting_screen.no_speakers"), timeout=3)

    def action_close_speakers(self) -> None:
        closed = not self.meeting.speakers.closed
        self._do(lambda: self.meeting.set_speakers_closed(closed))
        if self.meeting.speakers.closed == closed:
            self.notify(t("meeting_screen.speakers_closed" if closed else "meeting_screen.speakers_open"), timeout=3)

    async def action_preview_minutes(self) -> None:
        await typed_so_far(self.app)
        self._preview()

    def _preview(self) -> None:
        self.save_notes_now()
        from facilitator.tui.screens.preview import PreviewScreen

        self.app.push_screen(PreviewScreen(self.meeting))

    async def action_export_minutes(self) -> None:
        await typed_so_far(self.app)
        self.save_notes_now()
        from facilitator.tui.dialogs.output_forms import export_dialog

        self._dialog(export_dialog(self.meeting), self._wrote)

    def action_save_agenda(self) -> None:
        from facilitator.tui.dialogs.output_forms import save_agenda_dialog

        self._dialog(save_agenda_dialog(self.meeting), lambda path: self.notify(t("meeting_screen.agenda_written", path=path)))

    def _wrote(self, path: Path) -> None:
        self.exported = path
        self.notify(t("meeting_screen.minutes_written", path=path), timeout=10)

    def action_end_meeting(self) -> None:
        def end(_: bool) -> None:
            self.save_notes_now()
            if self._do(self.meeting.end) is None and self.meeting.ended:
                if self.exported is not None:
                    self.notify(t("meeting_screen.exported_before_end", path=self.exported), severity="warning", timeout=15)
                else:
                    self.notify(t("meeting_screen.ended"), timeout=6)
                self._preview()

        from facilitator.tui.dialogs.output_forms import confirm_dialog

        answers = (t("cmd.end_meeting"), t("meeting_screen.end_no"))
        self._dialog(confirm_dialog(t("cmd.end_meeting"), t("meeting_screen.end_question"), answers, dialog_id="end"), end)
