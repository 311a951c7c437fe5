"""The meeting screen's keys for the room: the view on the wall, the room mode, the notes shown.

A part of :class:`facilitator.tui.screens.meeting.MeetingScreen`, written as a mixin like
``agenda_actions``. The room view is a process of its own that reads the archive
(docs/room-view.md); the app starts it, shows where it is, and stops it when it ends. The
room mode is the same screen drawn as the wall sees it, so every meeting key still works
in it; its view is made the first time it is asked for, not at every start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from facilitator.errors import FacilitatorError
from facilitator.i18n import get_language, t
from facilitator.tui.screens.screen_part import MeetingScreenPart

if TYPE_CHECKING:
    from facilitator.tui.room_process import RoomProcess

ROOM_MODE = "-room-mode"
"""The screen's class in room mode (facilitator.tcss hides the chair's panels by it)."""


class RoomActions(MeetingScreenPart):
    """ "Vis på storskærm", the room mode, and the notes shown on the wall."""

    _room: RoomProcess | None = None

    def action_show_room(self) -> None:
        from facilitator.tui.room_process import RoomProcess

        if self._room is None or not self._room.serving:
            self._room = RoomProcess.running(self._presence_file())  # left running by the app before
        if self._room is not None:
            self._show_room_dialog()
        else:
            self._start_room(lan=False)

    def _presence_file(self) -> Path:
        from facilitator.files.paths import data_dir
        from facilitator.files.room_presence import presence_path

        return presence_path(data_dir(), self.session.archive.path)

    @work(thread=True, exclusive=True, group="room", exit_on_error=False)
    def _start_room(self, *, lan: bool) -> None:
        """Started in a thread: Python starting the view takes a moment, and the meeting goes on."""
        from facilitator.tui.room_process import RoomProcess

        self.app.call_from_thread(self.notify, t("room.starting"), timeout=3)
        if self._room is not None:
            self._room.stop()
            self._room = None
        try:
            self._room = RoomProcess.start(self.session.archive.path, self.session.meeting_id, lan=lan, lang=get_language())
        except FacilitatorError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=10)
            return
        self.app.call_from_thread(self._show_room_dialog)

    def _show_room_dialog(self) -> None:
        from facilitator.tui.dialogs.room_dialog import RoomDialog

        room = self._room
        if room is None:
            return

        def chosen(other: bool | None) -> None:
            if other:
                self._start_room(lan=not room.lan)

        self.app.push_screen(RoomDialog(room.address, lan=room.lan, keymap=self.keymap), chosen)

    def stop_room(self) -> None:
        """The app ends. The view goes on while the meeting does: the wall keeps showing it
        through a restart of the app, which finds the view again. After the meeting has
        ended, the view ends with the app (or by itself, some minutes later)."""
        if self._room is not None and self.meeting.ended:
            self._room.stop()
        self._room = None

    async def action_room_mode(self) -> None:
        from facilitator.tui.widgets.room_view import RoomView

        shown = not self.has_class(ROOM_MODE)
        if shown and not self.query(RoomView):
            await self.mount(RoomView(id="room-view"), before=self.query_one("KeyFooter"))
        self.save_notes_now()
        self.set_class(shown, ROOM_MODE)
        if shown:
            self.set_focus(None)  # the notes are hidden: nothing typed may land in them unseen
            self.query_one(RoomView).show(self.meeting)
        else:
            self.redraw()
            self.query_one("ItemView").focus_notes()
        self.notify(t("room.mode_on" if shown else "room.mode_off"), timeout=3)

    def show_room_mode(self) -> None:
        """Draw the room mode's view again, when it is shown (from the screen's redraw and tick)."""
        if self.has_class(ROOM_MODE):
            from facilitator.tui.widgets.room_view import RoomView

            self.query_one(RoomView).show(self.meeting)

    def action_room_notes(self) -> None:
        meeting = self.meeting
        if meeting.current is None:
            return
        shown = not meeting.items[meeting.current].room_notes
        self._do(lambda: meeting.set_room_notes(shown))
        self.notify(t("room.notes_on" if shown else "room.notes_off"), timeout=4)
