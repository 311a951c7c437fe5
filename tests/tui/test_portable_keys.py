"""Keys that reach the app on a laptop and in every common terminal (issue 17).

F2-F9 are media keys on most laptops unless Fn is held, and alt+letter types a letter in
macOS Terminal: each main command has a ctrl key too, shown first, and the old key still
works (the keys are a promise, and a person's keymap still chooses)."""

from __future__ import annotations

from support.app import SIZE, MakeApp
from textual.content import Content
from textual.widgets import TextArea

from facilitator.files.config import Config
from facilitator.tui.commands import ALL_COMMANDS, APP_COMMANDS, MEETING_COMMANDS, key_for
from facilitator.tui.dialogs.form import FormDialog
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.widgets.key_footer import KeyFooter

PORTABLE = {
    "add_decision": ("ctrl+d", "f2"),
    "add_action": ("ctrl+a", "f3"),
    "record_vote": ("ctrl+e", "f4"),
    "prompt_discussed": ("ctrl+k", "f9"),
    "add_item": ("ctrl+u", "f8"),
}
"""The commands that had only a function key: (the ctrl key added, the key they had)."""

ALT_ONLY = {
    "safety_checklist",
    "close_speakers",
    "carry_on",
    "remove_entry",
    "save_agenda",
    "skip_item",
    "move_item_up",
    "move_item_down",
    "drop_item",
    "follow_up",
    "next_meeting",
    "approve_minutes",
    "choose_solutions",
    "forward_matter",
    "show_room",
    "room_mode",
    "room_notes",
}
"""The rarer commands: no ctrl key is left for them that the notes can spare, so on a Mac
without Option as Meta they are in the command palette (the help screen says so)."""

TERMINAL_KEYS = {"ctrl+i", "ctrl+m", "ctrl+h", "ctrl+j", "ctrl+left_square_bracket", "ctrl+["}
"""Sent by the terminal as Tab, Enter, Backspace, line feed and Escape."""

EVERYDAY_EDITING = {"ctrl+c", "ctrl+x", "ctrl+v", "ctrl+z", "ctrl+y", "ctrl+w"}
"""Copy, cut, paste, undo, redo and delete-a-word: kept for the notes."""


def keys(command_key: str) -> list[str]:
    return [key.strip() for key in command_key.split(",")]


def test_every_function_key_command_has_a_ctrl_key_first_and_keeps_its_old_key() -> None:
    meeting = {command.id: keys(command.key) for command in MEETING_COMMANDS}
    for command_id, (ctrl, old) in PORTABLE.items():
        assert meeting[command_id] == [ctrl, old]
    for command_id, command_keys in meeting.items():
        if command_id in ALT_ONLY:
            assert command_keys[0].startswith("alt+"), command_id
        else:
            assert command_keys[0].startswith("ctrl+"), (command_id, command_keys)


def test_no_meeting_key_is_one_the_terminal_or_the_notes_need() -> None:
    bound = [key for command in MEETING_COMMANDS + APP_COMMANDS for key in keys(command.key)]
    assert len(bound) == len(set(bound))
    assert not set(bound) & (TERMINAL_KEYS | EVERYDAY_EDITING | {"ctrl+p"})
    assert "ctrl+q" in keys(next(c.key for c in APP_COMMANDS if c.id == "quit"))


def test_texts_name_the_portable_key_and_the_keymap_still_chooses() -> None:
    assert key_for("add_decision", {}) == "ctrl+d"
    assert key_for("add_decision", {"add_decision": " f11 , alt+d"}) == "f11"
    assert {c.id for c in ALL_COMMANDS} >= set(PORTABLE)


PROMPTS = 3
"""The klubmoede item with discussion questions."""


async def test_both_keys_work_with_the_notes_focused(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n")
        meeting.go_to(PROMPTS)
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        bound = app.screen.active_bindings
        for command_id, command_keys in PORTABLE.items():
            for key in command_keys:  # before the notes' own keys (ctrl+a, ctrl+e …)
                assert (bound[key].binding.id, bound[key].binding.priority, bound[key].enabled) == (command_id, True, True)
        # The F keys are pressed in the dialogs' own tests; a new key here, as a terminal sends it.
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("escape", "ctrl+k")
        await pilot.pause()
        assert meeting.items[PROMPTS].discussed == {0}
        assert app.screen.query_one("#notes", TextArea).text == ""  # no key went to the notes


async def test_the_footer_shows_the_ctrl_key(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        shown = {key.action: key.key for key in app.screen.query_one(KeyFooter).keys}
        for command_id, (ctrl, _old) in PORTABLE.items():
            action = next(c.action for c in MEETING_COMMANDS if c.id == command_id)
            assert shown[action] == ctrl


async def test_a_keymap_entry_replaces_both_keys(make_app: MakeApp, settings: Config) -> None:
    settings.keymap["add_decision"] = "f11"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+d", "f2")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("f11")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)


async def test_the_palette_names_the_keys_the_ctrl_key_first(make_app: MakeApp, settings: Config) -> None:
    settings.keymap["next_item"] = "[b]f12"  # a key from a file is text, not markup
    app = make_app()
    async with app.run_test(size=SIZE):
        helps = {command.title: Content.from_markup(command.help).plain for command in app.get_system_commands(app.screen)}
        decision = next(c for c in MEETING_COMMANDS if c.id == "add_decision")
        assert helps[decision.title()] == f"{decision.help()} · ctrl+d, f2"
        assert helps[MEETING_COMMANDS[0].title()].endswith(" · [b]f12")
