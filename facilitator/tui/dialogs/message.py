"""A message too long for a notification, in a dialog to read at one's own pace.

An agenda with mistakes is refused with every problem in it, one per line, and twenty
lines in a notification that vanishes after fifteen seconds can neither be read whole
nor scrolled. Here the message stays until it is closed, and scrolls; it is data (it
quotes the file's own words), so it is shown literally.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from facilitator.i18n import t
from facilitator.tui import literal
from facilitator.tui.commands import DIALOG_COMMANDS, bindings, key_for

CLOSING = tuple(c for c in DIALOG_COMMANDS if c.id in ("dialog_save", "dialog_cancel"))
"""Enter and Escape, as in every dialog (and as the person's keymap puts them): both close."""


class MessageDialog(ModalScreen[None]):
    BINDINGS = bindings(CLOSING)

    def __init__(self, title: str, message: str, keymap: dict[str, str] | None = None) -> None:
        super().__init__(id="message-dialog")
        self.title_text = title
        self.message = message
        self.keymap = keymap or {}

    def compose(self) -> ComposeResult:
        keys = [key_for(command.id, self.keymap) for command in CLOSING]
        with Vertical(classes="dialog wide tall"):
            yield Label(literal.line(self.title_text), classes="dialog-title")
            with VerticalScroll(id="message-text"):
                yield Static(literal.block(self.message))
            yield Static(literal.block(t("dialog.message.hint", save=keys[0], cancel=keys[1])), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#message-text").focus()

    def action_save(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
