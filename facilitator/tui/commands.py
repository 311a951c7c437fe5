"""The key contract: every action the app offers, its binding id, default key and titles.

One table feeds the footer, the command palette, the help screen and the keymap, so the
four can never disagree. The ids are promises to users (their ``[keymap]`` tables name
them): add new ones, never rename.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding, BindingType

from facilitator.i18n import t
from facilitator.tui.command_keys import COMMAND_KEYS


class Command(NamedTuple):
    id: str
    """The binding id, used in the ``[keymap]`` table of the settings file."""
    key: str
    action: str
    priority: bool = True
    """Meeting keys work while the notes editor has the focus, so they come first."""

    @property
    def title_key(self) -> str:
        """The message key of its title: what its binding carries as its description."""
        return COMMAND_KEYS[self.id][0]

    @property
    def help_key(self) -> str:
        """The message key of its one-line help: what its binding carries as its tooltip."""
        return COMMAND_KEYS[self.id][1]

    def title(self) -> str:
        return t(self.title_key)

    def help(self) -> str:
        return t(self.help_key)


MEETING_COMMANDS: tuple[Command, ...] = (
    Command("next_item", "ctrl+n", "next_item"),
    Command("previous_item", "ctrl+b", "previous_item"),
    Command("add_decision", "f2", "add_decision"),
    Command("add_action", "f3", "add_action"),
    Command("record_vote", "f4", "record_vote"),
    Command("add_speaker", "ctrl+s", "add_speaker"),
    Command("next_speaker", "ctrl+g", "next_speaker"),
    Command("toggle_timer", "ctrl+t", "toggle_timer"),
    Command("attendance", "ctrl+l", "attendance"),
    Command("prompt_discussed", "f9", "prompt_discussed"),
    Command("preview_minutes", "ctrl+r", "preview_minutes"),
    Command("export_minutes", "ctrl+o", "export_minutes"),
    Command("add_item", "f8", "add_item"),
    Command("close_speakers", "alt+l", "close_speakers"),
    Command("carry_on", "alt+c", "carry_on"),
    Command("remove_entry", "alt+x", "remove_entry"),
    Command("save_agenda", "alt+s", "save_agenda"),
    Command("end_meeting", "ctrl+f", "end_meeting"),
)

PREVIEW_COMMANDS: tuple[Command, ...] = (
    Command("export_minutes", "ctrl+o", "export_minutes"),
    Command("refresh_preview", "ctrl+r", "refresh"),
    Command("close_preview", "escape", "close", priority=False),
)

START_COMMANDS: tuple[Command, ...] = (
    Command("open_selected", "enter", "open_selected"),
    Command("refresh_start", "ctrl+r", "refresh"),
)

ATTENDANCE_COMMANDS: tuple[Command, ...] = (
    Command("toggle_present", "space", "toggle_present", priority=False),
    Command("apologies", "a", "apologies", priority=False),
    Command("leave_return", "l", "leave_return", priority=False),
    Command("make_chair", "o", "make_chair", priority=False),
    Command("make_secretary", "r", "make_secretary", priority=False),
    Command("add_attendee", "enter", "add_person"),
    Command("close_attendance", "escape", "close"),
)

DIALOG_COMMANDS: tuple[Command, ...] = (
    Command("dialog_save", "enter", "save"),
    Command("dialog_cancel", "escape", "cancel"),
)

APP_COMMANDS: tuple[Command, ...] = (
    Command("help", "f1", "help"),
    Command("quit", "ctrl+q", "quit"),
)

ALL_COMMANDS: tuple[Command, ...] = (
    *MEETING_COMMANDS,
    *PREVIEW_COMMANDS,
    *START_COMMANDS,
    *ATTENDANCE_COMMANDS,
    *DIALOG_COMMANDS,
    *APP_COMMANDS,
)
BINDING_IDS: frozenset[str] = frozenset(command.id for command in ALL_COMMANDS)


def bindings(commands: tuple[Command, ...]) -> list[BindingType]:
    """Bindings that carry message keys, not words: one class serves both languages, and
    the footer says them in the language in use when it draws them (:func:`spoken`).

    Textual merges a class's BINDINGS when the class is made, so bindings titled in words
    would need a class per language."""
    return [Binding(c.key, c.action, c.title_key, id=c.id, priority=c.priority, tooltip=c.help_key) for c in commands]


_MESSAGE_KEYS: frozenset[str] = frozenset(key for c in ALL_COMMANDS for key in (c.title_key, c.help_key))


def spoken(text: str) -> str:
    """A binding's description or tooltip as the person reads it: one of our message keys
    in the language in use; Textual's own (its palette key's) as Textual wrote it."""
    return t(text) if text in _MESSAGE_KEYS else text


def key_for(command_id: str, keymap: dict[str, str]) -> str:
    """The key a person presses for a command, after their keymap: for texts that name it."""
    default = next(c.key for c in ALL_COMMANDS if c.id == command_id)
    return keymap.get(command_id, default).split(",")[0]
