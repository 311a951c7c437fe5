"""A Danish user sees Danish only: every screen, every dialog, the palette's results (and its
"nothing found"), the notices Textual writes itself (ctrl+c), read off the screen as drawn.

What counts as English is in support/english.py: the libraries' own phrases and the words
of our English catalogue that the Danish one never uses. The same screens in English must
show English, so a check that finds nothing because nothing was drawn would fail there.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from rich.console import Console
from support.app import SIZE, MakeApp
from support.clock import FakeClock
from support.english import leaks
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from facilitator import i18n
from facilitator.i18n import t
from facilitator.tui.commands import BINDING_IDS, MEETING_COMMANDS
from facilitator.tui.dialogs.message import MessageDialog
from facilitator.tui.palette import LocalPalette


def screen_text(app: Any) -> str:
    """The screen as a person reads it: every layer, dialogs over what they cover, as text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, force_terminal=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


class Seen:
    """The screens one visit showed, by what was on them."""

    def __init__(self) -> None:
        self.screens: dict[str, str] = {}

    async def look(self, pilot: Pilot[Any], what: str, pause: float | None = None) -> None:
        await pilot.pause(pause)
        await pilot.pause()
        self.screens[what] = screen_text(pilot.app)

    def leaks(self) -> dict[str, list[str]]:
        return {what: found for what, text in self.screens.items() if (found := leaks(without_ids(text)))}


def without_ids(text: str) -> str:
    """The screen without the commands' ids, which the help screen lists: names a person
    writes in the settings file as they are (``attendance = "f5"``), the same in both languages."""
    return re.sub(rf"(?<![\w])({'|'.join(sorted(BINDING_IDS))})(?![\w])", " ", text)


def held(app: Any, clock: FakeClock) -> None:
    """A meeting some way in, so that every panel and dialog has something to show."""
    meeting = app.session.meeting
    for name in ("Anne", "Bo", "Cecilie"):
        meeting.add_person(name)
    meeting.set_role("chair", "Anne")
    meeting.start()
    meeting.go_to(3)
    meeting.add_decision("Klubben beder om et møde med ledelsen")
    meeting.record_vote("Skrive til ledelsen", 3, 0, 0)
    meeting.add_action("Skriv til ledelsen", "Anne", "2026-12-15")
    meeting.request_floor("Cecilie")
    meeting.next_speaker()
    clock.advance(20)  # over time: the status bar says so


DIALOGS = tuple(
    command.action
    for command in MEETING_COMMANDS
    if command.id
    in ("add_decision", "add_action", "record_vote", "add_speaker", "attendance", "add_item", "remove_entry", "save_agenda")
)
"""The meeting's dialogs, opened by their actions (whatever key a keymap gives them)."""


async def visit_the_meeting(app: Any, clock: FakeClock, seen: Seen, dialogs: tuple[str, ...] = DIALOGS) -> None:
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await seen.look(pilot, "cover")
        held(app, clock)
        meeting_screen = app.screen
        await meeting_screen.run_action("previous_item")  # the screen redraws the held meeting
        await meeting_screen.run_action("next_item")
        await seen.look(pilot, "meeting")
        for action in dialogs:
            await meeting_screen.run_action(action)
            await seen.look(pilot, action)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is meeting_screen, action
        await meeting_screen.run_action("export_minutes")
        await seen.look(pilot, "export_minutes")
        choice = app.screen.query_one(Select)
        choice.focus()
        choice.expanded = True  # the select's open list, and the keys it brings
        await seen.look(pilot, "export_minutes, the list open")
        assert isinstance(app.focused, SelectOverlay)
        await pilot.press("escape", "escape")
        await meeting_screen.run_action("end_meeting")
        await seen.look(pilot, "end_meeting")
        await pilot.press("escape")
        await pilot.press("ctrl+c")  # Textual's notice of how to quit
        await seen.look(pilot, "ctrl+c")
        assert t("app.quit_hint.title") in seen.screens["ctrl+c"]  # the notice is on the screen read
        await meeting_screen.run_action("toggle_timer")
        await seen.look(pilot, "a notice")
        await app.run_action("help")
        await seen.look(pilot, "help")
        await pilot.press("escape")
        await meeting_screen.run_action("preview_minutes")
        await app.workers.wait_for_complete()
        await seen.look(pilot, "preview", 0.2)


async def visit_the_palette(app: Any, seen: Seen, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LocalPalette, "NO_MATCHES_DELAY", 0.01)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+p")
        await seen.look(pilot, "palette")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"tid")
        await seen.look(pilot, "palette results", 0.2)
        await pilot.press(*"qqxzzy")
        await seen.look(pilot, "palette without a match", 0.1)
        assert t("app.palette_no_matches") in seen.screens["palette without a match"]
        await pilot.press("escape")
        await app.run_action("change_theme")
        await pilot.press(*"qqxzzy")
        await seen.look(pilot, "themes without a match", 0.1)


async def visit_the_start(app: Any, seen: Seen) -> None:
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await seen.look(pilot, "start")
        await app.run_action("help")
        await seen.look(pilot, "start, help")
        await pilot.press("escape")
        app.tell_refusal(t("app.cannot_open"), "\n".join(["fejl.toml:3: punkt 1 »Valg«: ukendt type"] * 20))
        await seen.look(pilot, "a long refusal")
        assert isinstance(app.screen, MessageDialog)


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_the_meeting_and_its_dialogs_speak_the_language(make_app: MakeApp, clock: FakeClock, lang: str) -> None:
    i18n.set_language(lang)
    seen = Seen()
    # English only has to show that the check sees English: a few screens are enough.
    await visit_the_meeting(make_app(), clock, seen, DIALOGS if lang == "da" else DIALOGS[:1])
    assert_in_language(seen, lang)


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_the_palette_speaks_the_language(make_app: MakeApp, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language(lang)
    seen = Seen()
    await visit_the_palette(make_app(), seen, monkeypatch)
    assert_in_language(seen, lang)


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_the_start_screen_speaks_the_language(make_app: MakeApp, valid_agenda: object, lang: str) -> None:
    i18n.set_language(lang)
    seen = Seen()
    await visit_the_start(make_app(None), seen)
    assert_in_language(seen, lang)


def assert_in_language(seen: Seen, lang: str) -> None:
    if lang == "da":
        assert seen.leaks() == {}
    else:  # the check can see English: in English every screen has some
        assert [what for what, text in seen.screens.items() if not leaks(text)] == []
