"""Every key, grouped by where it works, with the keys the user's keymap gave them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from facilitator.i18n import t
from facilitator.tui import literal
from facilitator.tui.commands import (
    APP_COMMANDS,
    ATTENDANCE_COMMANDS,
    CHECKLIST_COMMANDS,
    DIALOG_COMMANDS,
    FORWARD_COMMANDS,
    HELP_COMMANDS,
    ITEM_COMMANDS,
    MEETING_COMMANDS,
    PREVIEW_COMMANDS,
    ROOM_DIALOG_COMMANDS,
    SOLUTION_COMMANDS,
    START_COMMANDS,
    Command,
    bindings,
)
from facilitator.tui.widgets.key_footer import KeyFooter

GROUPS: tuple[tuple[str, tuple[Command, ...]], ...] = (
    ("help.meeting", MEETING_COMMANDS),
    ("help.notes", ITEM_COMMANDS),
    ("help.everywhere", APP_COMMANDS),
    ("help.dialogs", DIALOG_COMMANDS),
    ("help.attendance", ATTENDANCE_COMMANDS),
    ("help.solutions", SOLUTION_COMMANDS),
    ("help.forward", FORWARD_COMMANDS),
    ("help.checklist", CHECKLIST_COMMANDS),
    ("help.preview", PREVIEW_COMMANDS),
    ("help.room_dialog", ROOM_DIALOG_COMMANDS),
    ("help.start", START_COMMANDS),
    ("help.help", HELP_COMMANDS),
)


def keys_shown(keys: list[str]) -> str:
    """A command's keys as the table says them: the digits 1 to 9 as one run ("1–9"), so
    the solutions' numbers do not widen the key column for every row."""
    if len(keys) > 2 and all(key.isdigit() for key in keys):
        first = int(keys[0])
        if keys == [str(n) for n in range(first, first + len(keys))]:
            return f"{keys[0]}–{keys[-1]}"
    return ", ".join(keys)


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings(HELP_COMMANDS)
    COMMANDS_TABLE = HELP_COMMANDS

    def __init__(self, keymap: dict[str, str], settings_path: object) -> None:
        super().__init__(id="help-screen")
        self.keymap = keymap
        self.settings_path = settings_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Label(literal.line(t("cmd.help")), classes="dialog-title")
            yield DataTable(id="keys", cursor_type="row", zebra_stripes=True)
            yield Static(literal.block(t("help.reach")), classes="dialog-hint")
            yield Static(literal.block(t("help.hint", path=self.settings_path)), classes="dialog-hint")
        yield KeyFooter(first=("close_help",))

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # A DataTable reads a str cell as Rich markup: every cell is literal Rich text, and the
        # keys come from the person's settings file.
        cell = literal.rich_line
        table.add_columns(cell(t("help.col.key")), cell(t("help.col.command")), cell(t("help.col.id")), cell(t("help.col.what")))
        for group, commands in GROUPS:
            table.add_row(cell(""), cell(f"— {t(group)} —"), cell(""), cell(""))
            for command in commands:
                key = keys_shown([part.strip() for part in self.keymap.get(command.id, command.key).split(",")])
                table.add_row(cell(key), cell(command.title()), cell(command.id), cell(command.help()))
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
