"""A dialog's own keys and buttons (issue 17): its footer says Enter, Escape and Tab as they
work there, not the meeting screen's keys blocked under it, and a mouse can answer it with
buttons that take the same way as the keys."""

from __future__ import annotations

import pytest
from support.app import MakeApp, until
from support.forms import Typed, press
from textual.app import App
from textual.binding import Binding
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from facilitator.i18n import t
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.commands import ALL_COMMANDS, BINDING_IDS, DIALOG_COMMANDS, HELP_COMMANDS, ITEM_COMMANDS, Command
from facilitator.tui.dialogs.attendance import AttendanceDialog
from facilitator.tui.dialogs.form import FormDialog
from facilitator.tui.dialogs.forward import ForwardDialog
from facilitator.tui.dialogs.remove import RemoveDialog
from facilitator.tui.dialogs.solutions import SolutionsDialog
from facilitator.tui.screens.help import HelpScreen
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.screens.preview import PreviewScreen
from facilitator.tui.screens.start import StartScreen
from facilitator.tui.widgets.item_view import ItemView

SMALL = (80, 24)


def footer_keys(app: App[None]) -> list[tuple[str, str]]:
    """(key, words) of each key the top screen's own footer shows, in order on the screen."""
    keys = [key for key in app.screen.query(FooterKey) if key.display and key.region.width]
    assert all(key.region.right <= app.size.width and key.region.y == app.size.height - 1 for key in keys)
    return [(key.key, key.description) for key in sorted(keys, key=lambda key: key.region.x)]


async def started(pilot: object, app: FacilitatorApp) -> None:
    app.session.meeting.start()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_a_dialogs_footer_says_its_own_keys(make_app: MakeApp, danish: None) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot, app)
        await pilot.press("ctrl+d")  # the decision: a text and four boxes
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert footer_keys(app) == [("enter", "Gem"), ("escape", "Fortryd"), ("tab", "Næste felt")]
        assert not any(key.action == "next_item" for key in app.screen.query(FooterKey))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("alt+s")  # save as agenda: one field, so Tab has nowhere to go
        await pilot.pause()
        assert footer_keys(app) == [("enter", "Gem"), ("escape", "Fortryd")]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+f")  # a question: its own yes and no, on its keys and its buttons
        await pilot.pause()
        assert footer_keys(app) == [("enter", "Afslut mødet"), ("escape", "Fortsæt mødet")]
        buttons = [str(button.label) for button in app.screen.query(Button)]
        assert buttons == ["Afslut mødet", "Fortsæt mødet"]
        await pilot.click("#answer-no")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and not app.session.meeting.ended


async def test_clicking_save_saves_as_enter_does(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot, app)
        meeting = app.session.meeting
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.click("#answer-yes")  # nothing typed: refused beside the field, as Enter is
        await pilot.pause()
        assert isinstance(app.screen, FormDialog) and app.screen.query_one("#error-text").display
        await press(pilot, Typed("Klubben"))
        await pilot.press(*" skriver")
        await pilot.click("#answer-yes")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert [d.text for d in meeting.items[meeting.current].decisions] == ["Klubben skriver"]
        await press(pilot, "ctrl+d")
        assert await until(pilot, lambda: isinstance(app.screen, FormDialog))  # the last one's closing may still run
        await press(pilot, Typed("Fortrudt"))
        await pilot.click("#answer-no")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and len(meeting.items[meeting.current].decisions) == 1


async def test_the_buttons_are_for_the_mouse_and_tab_goes_from_field_to_field(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot, app)
        await pilot.press("ctrl+s")  # a name and a box
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "field-name"
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "field-name"
        assert not any(button.can_focus for button in app.screen.query(Button))


async def test_the_other_dialogs_show_their_own_keys_and_close_with_a_click(make_app: MakeApp, danish: None) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        meeting = app.session.meeting
        await started(pilot, app)
        meeting.add_decision("Forkert")
        await pilot.press("alt+x")
        await pilot.pause()
        assert isinstance(app.screen, RemoveDialog)
        assert footer_keys(app) == [("enter", t("cmd.remove_entry")), ("escape", "Fortryd")]  # Enter removes the entry chosen
        await pilot.click("#answer-no")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and meeting.items[meeting.current].decisions
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceDialog)
        assert ("escape", "Luk") in footer_keys(app) and not any(k.action == "next_item" for k in app.screen.query(FooterKey))
        await pilot.click("#answer-no")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert footer_keys(app) == [("escape", t("cmd.close_help"))]
        await pilot.press("f1")  # one of its keys that close it, though F1 is the app's too
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


# --- the contract: every key has an id, words and a way to it ---------------------------------

BOUND: dict[type, tuple[Command, ...]] = {
    MeetingScreen: MeetingScreen.COMMANDS_TABLE,
    PreviewScreen: PreviewScreen.COMMANDS_TABLE,
    StartScreen: StartScreen.COMMANDS_TABLE,
    AttendanceDialog: AttendanceDialog.COMMANDS_TABLE,
    FormDialog: DIALOG_COMMANDS,
    RemoveDialog: DIALOG_COMMANDS,
    SolutionsDialog: SolutionsDialog.COMMANDS_TABLE,
    ForwardDialog: ForwardDialog.COMMANDS_TABLE,
    HelpScreen: HELP_COMMANDS,
    ItemView: ITEM_COMMANDS,
}


@pytest.mark.parametrize("holder", [*BOUND, FacilitatorApp], ids=lambda holder: holder.__name__)
def test_every_binding_has_an_id_its_words_and_a_palette_entry(holder: type) -> None:
    own = [binding for binding in holder.BINDINGS if isinstance(binding, Binding)]
    assert own and len(own) == len(holder.BINDINGS)
    by_id = {c.id: c for c in ALL_COMMANDS}
    for binding in own:
        assert binding.id in BINDING_IDS, (holder.__name__, binding.key)
        command = by_id[binding.id]
        assert (binding.description, binding.tooltip, binding.key) == (command.title_key, command.help_key, command.key)
    if holder is ItemView:  # Tab from the notes moves the focus: on F1 and in the keymap, not in the palette
        return
    if holder is FacilitatorApp:
        return  # help and quit: the palette lists them on every screen (app.get_system_commands)
    palette = {c.id for c in holder.COMMANDS_TABLE}
    never_there = {"dialog_save", "dialog_next_field"} if holder is RemoveDialog else set()  # its check_action says no
    assert {b.id for b in own if b.show} - never_there <= palette
