"""The minutes as they stand, rendered, with export.

Rendering happens on a worker thread from a copy of the meeting, so the room can go on
while it runs and typing never triggers it. The document is cut at its item headings
(notes can never make a heading of that level: markdown_safety demotes them) and where a
long stretch can safely be cut (``pieces``). The pieces that fill the first screen are
mounted before it is drawn, the rest only as the reader scrolls towards them
(``MinutesView``), so a long meeting's preview appears at once and then costs nothing
more until someone reads on.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Label, Static

from facilitator.errors import FacilitatorError
from facilitator.i18n import get_language, t
from facilitator.meeting.model import Meeting
from facilitator.store.snapshot import from_dict, to_dict
from facilitator.tui import literal
from facilitator.tui.commands import PREVIEW_COMMANDS, bindings
from facilitator.tui.dialogs.output_forms import export_dialog
from facilitator.tui.widgets.key_footer import KeyFooter
from facilitator.tui.widgets.minutes_section import Piece, pieces
from facilitator.tui.widgets.minutes_view import MinutesView


class PreviewScreen(Screen[None]):
    BINDINGS = bindings(PREVIEW_COMMANDS)
    COMMANDS_TABLE = PREVIEW_COMMANDS

    def __init__(self, meeting: Meeting, *, live: bool = True) -> None:
        super().__init__(id="preview-screen")
        self.meeting = meeting
        self.live = live
        """False for a meeting opened from the archive only to read and export."""

    def compose(self) -> ComposeResult:
        yield Label(literal.line(t("preview.title", title=self.meeting.info.title)), id="preview-title")
        yield Static(literal.block(t("preview.rendering")), id="preview-status")
        yield MinutesView(id="minutes")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_minutes()

    def action_refresh(self) -> None:
        self.refresh_minutes()

    def refresh_minutes(self) -> None:
        # The copy is taken here, on the UI thread, where the meeting is changed; the
        # worker renders the copy while the meeting goes on.
        copy = from_dict(to_dict(self.meeting), clock=self.meeting.clock, copy=True)
        copy.approval = self.meeting.approval  # the archive's word, not the snapshot's
        self.query_one("#preview-status", Static).update(literal.block(t("preview.rendering")))
        self._make_minutes(copy, get_language())

    @work(thread=True, exclusive=True, group="render")
    def _make_minutes(self, meeting: Meeting, lang: str) -> None:
        from textual.worker import get_current_worker

        from facilitator.output.minutes import render

        worker = get_current_worker()  # cancelled when the app quits: the rendering stops then
        try:
            # The restricted copy only when there is something closed to show, so the banner
            # "restricted copy" is never on minutes that have nothing confidential in them.
            closed = any(state.item.confidential for state in meeting.items)
            text = render(meeting, style="referat", restricted=closed, lang=lang, stop=lambda: worker.is_cancelled)
        except FacilitatorError as error:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, str(error))
            return
        if not worker.is_cancelled:
            # Textual types the callback as Callable[..., T | Awaitable[T]], which mypy cannot
            # solve for a coroutine function (it infers Never); Textual awaits it all the same.
            self.app.call_from_thread(self._show, pieces(text))  # type: ignore[arg-type]

    def _failed(self, message: str) -> None:
        self.query_one("#preview-status", Static).update(literal.block(message))
        self.notify(message, severity="error")

    async def _show(self, parts: list[Piece]) -> None:
        await self.query_one("#minutes", MinutesView).show(parts)
        self.query_one("#preview-status", Static).update(literal.block(t("preview.note")))

    def action_export_minutes(self) -> None:
        def wrote(path: Path | None) -> None:
            if path is not None:
                self.notify(t("meeting_screen.minutes_written", path=path), timeout=10)

        self.app.push_screen(export_dialog(self.meeting), wrote)

    def action_close(self) -> None:
        self.dismiss(None)
