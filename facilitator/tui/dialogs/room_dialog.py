"""Where the room view is served: its address, and a QR code of it for phones on the room's network.

The view itself runs as a process of its own (``tui/room_process.py``). This dialog shows
where to open it and lets the chair choose between this computer only (a projector on
the laptop's own cable) and the room's network (a second screen, members' phones). The
address carries the secret token: it is shown whole, to be typed or scanned.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from facilitator.i18n import t
from facilitator.tui import literal
from facilitator.tui.commands import ROOM_DIALOG_COMMANDS, bindings, key_for

DARK = "#000000 on #ffffff"
"""The QR code's modules: black on white whatever the theme, as a phone's camera reads it."""


def qr_lines(address: str) -> Content:
    """The address as a QR code in half blocks: two modules a character, with its quiet zone."""
    import segno

    matrix = [list(row) for row in segno.make(address, error="l", boost_error=False).matrix_iter(scale=1, border=2)]
    if len(matrix) % 2:
        matrix.append([0] * len(matrix[0]))
    lines: list[Content] = []
    for top, bottom in zip(matrix[::2], matrix[1::2], strict=True):
        pieces = []
        for upper, lower in zip(top, bottom, strict=True):
            pieces.append(("▀", f"{'#000000' if upper else '#ffffff'} on {'#000000' if lower else '#ffffff'}"))
        lines.append(literal.assemble(*pieces))
    return literal.join("\n", lines)


class RoomDialog(ModalScreen[bool | None]):
    """Shows where the view is; dismissed with True to serve it on the other network."""

    BINDINGS = bindings(ROOM_DIALOG_COMMANDS)
    COMMANDS_TABLE = ROOM_DIALOG_COMMANDS

    def __init__(self, address: str, *, lan: bool, keymap: dict[str, str] | None = None) -> None:
        super().__init__(id="room-dialog")
        self.address = address
        self.lan = lan
        self.keymap = keymap or {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Label(literal.line(t("room.dialog.title")), classes="dialog-title")
            yield from self._body()

    def _body(self) -> ComposeResult:
        with VerticalScroll(id="room-dialog-body", can_focus=False):
            where = t("room.dialog.lan") if self.lan else t("room.dialog.loopback")
            yield Static(literal.block(where))
            yield Static(literal.line(self.address, "bold"), id="room-address")
            if self.lan:
                yield Static(qr_lines(self.address), id="room-qr")
        hint = t(
            "room.dialog.hint",
            other=key_for("room_network", self.keymap),
            network=t("room.dialog.to_loopback" if self.lan else "room.dialog.to_lan"),
            close=key_for("close_room_dialog", self.keymap),
        )
        yield Static(literal.block(hint), classes="dialog-hint")

    def action_other_network(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(None)
