"""The key contract: every action the app offers, its binding id, default key and titles.

One table feeds the footer, the command palette, the help screen and the keymap, so the
four can never disagree. The ids are promises to users (their ``[keymap]`` tables name
them): add new ones, never rename.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding, BindingType

from facilitator.i18n import t
from facilitator.tui.command_keys import COMMAND_KEYS, FOOTER_WORDS
from facilitator.tui.textual_words import in_language


class Command(NamedTuple):
    id: str
    """The binding id, used in the ``[keymap]`` table of the settings file."""
    key: str
    """Its default keys, comma-separated: the first is the one texts name and the footer
    shows, so where a function key has a ctrl key beside it the ctrl key comes first: it
    reaches the app on a laptop without Fn (see the note above ``MEETING_COMMANDS``)."""
    action: str
    priority: bool = True
    """Meeting keys work while the notes editor has the focus, so they come first."""
    show: bool = True
    """In the footer, when there is room for it (key_footer.py)."""

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

    def footer_title(self) -> str:
        """What its footer key says: its title, or shorter words where the title is too long
        for the chair's keys to fit in 80 columns (the palette and F1 say the title)."""
        return t(FOOTER_WORDS.get(self.id, self.title_key))


# Why these keys. F2-F9 are media keys on most laptops unless Fn is held, and alt+letter
# types a letter (ç, ≈) in macOS Terminal unless "Use Option as Meta key" is on, so the main
# commands have a ctrl key that every common terminal sends (xterm, GNOME Terminal, macOS
# Terminal and iTerm2, tmux, Windows Terminal). Left alone: ctrl+i/m/h/j/[ (the terminal
# sends them as Tab, Enter, Backspace, line feed and Escape), ctrl+c/x/v/z/y (copy, cut,
# paste, undo, redo, in the notes as everywhere), ctrl+w (delete a word: no other key does
# it in every terminal), ctrl+q and ctrl+p (quit, palette). Every letter left over is one of
# the notes editor's (TextArea's) readline keys, so the new ones take those whose edit has a
# key of its own: ctrl+a is Home, ctrl+e is End, ctrl+d is Delete, ctrl+k and ctrl+u are
# shift+End and shift+Home then Delete. Only the meeting screen takes them; a dialog's field
# keeps them all. (ctrl+s reaches the app: Textual turns the terminal's flow control off.)
MEETING_COMMANDS: tuple[Command, ...] = (
    Command("next_item", "ctrl+n", "next_item"),
    Command("previous_item", "ctrl+b", "previous_item"),
    Command("add_decision", "ctrl+d,f2", "add_decision"),
    Command("add_action", "ctrl+a,f3", "add_action"),
    Command("record_vote", "ctrl+e,f4", "record_vote"),
    Command("add_speaker", "ctrl+s", "add_speaker"),
    Command("next_speaker", "ctrl+g", "next_speaker"),
    Command("toggle_timer", "ctrl+t", "toggle_timer"),
    Command("attendance", "ctrl+l", "attendance"),
    Command("prompt_discussed", "ctrl+k,f9", "prompt_discussed"),
    Command("preview_minutes", "ctrl+r", "preview_minutes"),
    Command("export_minutes", "ctrl+o", "export_minutes"),
    Command("add_item", "ctrl+u,f8", "add_item"),
    Command("close_speakers", "alt+l", "close_speakers"),
    Command("carry_on", "alt+c", "carry_on"),
    Command("remove_entry", "alt+x", "remove_entry"),
    Command("save_agenda", "alt+s", "save_agenda"),
    Command("skip_item", "alt+u", "skip_item", show=False),
    Command("move_item_up", "alt+up", "move_item_up", show=False),
    Command("move_item_down", "alt+down", "move_item_down", show=False),
    Command("drop_item", "alt+d", "drop_item", show=False),
    Command("end_meeting", "ctrl+f", "end_meeting"),
    Command("follow_up", "alt+o", "follow_up"),
    Command("next_meeting", "alt+n", "next_meeting"),
    Command("approve_minutes", "alt+g", "approve_minutes"),
    Command("choose_solutions", "alt+v,f5", "choose_solutions"),
    Command("forward_matter", "alt+r,f6", "forward_matter"),
    Command("safety_checklist", "alt+k,f7", "safety_checklist"),
    Command("show_room", "alt+w", "show_room"),
    Command("room_mode", "alt+m", "room_mode"),
    Command("room_notes", "alt+t", "room_notes"),
)

NEEDS_RUNNING: frozenset[str] = frozenset(
    {
        "previous_item",
        "add_decision",
        "add_action",
        "record_vote",
        "next_speaker",
        "toggle_timer",
        "prompt_discussed",
        "add_item",
        "carry_on",
        "remove_entry",
        "end_meeting",
        "skip_item",
        "move_item_up",
        "move_item_down",
        "drop_item",
        "next_meeting",
        "choose_solutions",
        "forward_matter",
        "safety_checklist",
    }
)
"""Actions that only make sense between the start and the end of the meeting."""

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
    Command("organisation", "g", "cycle_organisation", priority=False),
    Command("toggle_vote", "s", "toggle_vote", priority=False),
    Command("add_attendee", "enter", "add_person"),
    Command("close_attendance", "escape", "close"),
)

CHECKLIST_COMMANDS: tuple[Command, ...] = (
    Command("check_ok", "o", "check_ok", priority=False),
    Command("check_missing", "m", "check_missing", priority=False),
    Command("check_agreed", "a", "check_agreed", priority=False),
    Command("check_cycle", "space", "check_cycle", priority=False),
    Command("check_clear", "backspace", "check_clear", priority=False),
    Command("close_checklist", "escape", "close"),
)
"""The AMiR's checklist (alt+k): the keys act on the highlighted point; arrows move."""

DIALOG_COMMANDS: tuple[Command, ...] = (
    Command("dialog_save", "enter", "save"),
    Command("dialog_cancel", "escape", "cancel"),
    Command("dialog_next_field", "tab", "next_field"),
    # A priority key, as the two above: else the screen's own Tab (Textual's, hidden) is
    # the one the footer finds first, and a dialog's footer is to say what Tab does.
)

SOLUTION_COMMANDS: tuple[Command, ...] = (
    Command("toggle_solution", "space", "toggle_solution", priority=False),
    Command("solution_number", "1,2,3,4,5,6,7,8,9", "solution_number", priority=False, show=False),
    Command("draft_decision", "b", "draft_decision", priority=False),
    Command("solution_action", "o", "solution_action", priority=False),
    Command("close_solutions", "escape", "close"),
)
"""The solutions picker's keys (dialogs/solutions.py): letters and digits, as the
attendance list's, for the list has no field to type in."""

FORWARD_COMMANDS: tuple[Command, ...] = (
    Command("toggle_venue", "space", "toggle_venue", priority=False),
    Command("forward_next_list", "tab", "next_list"),
    Command("close_forward", "escape", "close"),
)
"""The keys of the dialog that marks matters "send videre til" (dialogs/forward.py)."""

ITEM_COMMANDS: tuple[Command, ...] = (Command("lists_from_notes", "tab", "lists_from_notes", priority=False, show=False),)
"""The notes' own key: not in the palette (it moves the focus from the notes, and the open
palette holds the focus itself), not in the footer (Tab is Tab), but on F1 and in the keymap
like every key."""

ROOM_DIALOG_COMMANDS: tuple[Command, ...] = (
    Command("room_network", "l", "other_network", priority=False),
    Command("close_room_dialog", "escape,enter", "close"),
)

HELP_COMMANDS: tuple[Command, ...] = (Command("close_help", "escape,f1,q", "close", priority=False),)

APP_COMMANDS: tuple[Command, ...] = (
    Command("help", "f1", "help"),
    Command("quit", "ctrl+q", "quit"),
)

ALL_COMMANDS: tuple[Command, ...] = (
    *MEETING_COMMANDS,
    *PREVIEW_COMMANDS,
    *START_COMMANDS,
    *ATTENDANCE_COMMANDS,
    *CHECKLIST_COMMANDS,
    *DIALOG_COMMANDS,
    *SOLUTION_COMMANDS,
    *FORWARD_COMMANDS,
    *ITEM_COMMANDS,
    *ROOM_DIALOG_COMMANDS,
    *HELP_COMMANDS,
    *APP_COMMANDS,
)
BINDING_IDS: frozenset[str] = frozenset(command.id for command in ALL_COMMANDS)

CHAIR_KEYS: tuple[str, ...] = ("next_item", "add_decision", "add_action", "add_speaker", "end_meeting", "help")
"""The keys a chair needs, always in the meeting screen's footer, first and in this order
(they fit at 80 columns); the others follow while there is room, and all are on F1 and in
the palette."""


def bindings(commands: tuple[Command, ...]) -> list[BindingType]:
    """Bindings that carry message keys, not words: one class serves both languages, and
    the footer says them in the language in use when it draws them (:func:`spoken`).

    Textual merges a class's BINDINGS when the class is made, so bindings titled in words
    would need a class per language."""
    return [
        Binding(c.key, c.action, c.title_key, id=c.id, priority=c.priority, show=c.show, tooltip=c.help_key) for c in commands
    ]


_MESSAGE_KEYS: frozenset[str] = frozenset(key for c in ALL_COMMANDS for key in (c.title_key, c.help_key))


def spoken(text: str) -> str:
    """A binding's description or tooltip as the person reads it: one of our message keys
    in the language in use; Textual's own (its palette key's) too (textual_words.py)."""
    return t(text) if text in _MESSAGE_KEYS else in_language(text)


_FOOTER_WORDS_BY_TITLE: dict[str, str] = {COMMAND_KEYS[command_id][0]: key for command_id, key in FOOTER_WORDS.items()}


def footer_words(description: str) -> str:
    """A binding's description as its footer key says it: the short words of a chair's key
    (the six must fit in 80 columns beside the palette's), else its title (:func:`spoken`)."""
    short = _FOOTER_WORDS_BY_TITLE.get(description)
    return t(short) if short is not None else spoken(description)


def key_for(command_id: str, keymap: dict[str, str]) -> str:
    """The key a person presses for a command, after their keymap: for texts that name it."""
    default = next(c.key for c in ALL_COMMANDS if c.id == command_id)
    return keymap.get(command_id, default).split(",")[0].strip()
