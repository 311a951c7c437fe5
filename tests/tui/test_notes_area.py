"""The notes editor redraws only the rows that change: what it shows must always be what
a whole redraw would show. Each test edits, takes the screen, redraws the editor whole,
and takes the screen again; a row left stale differs."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from facilitator.tui.widgets.notes_area import NotesArea

TEXT = (
    "Travlt i teamet.\n"
    "Flere sager pr. rådgiver siden august, og ventelisten vokser hver uge.\n"
    "\n"
    "Ledelsen er orienteret (mødet den 3. december).\n"
    "Kort linje.\n"
    "Sidste linje med æøå."
)


class Notes(App[None]):
    CSS = """
    Screen { layout: horizontal; }
    #side { width: 12; height: 1fr; }
    #notes { width: 34; height: 9; border: round $primary; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Dagsorden\n1. Punkt\n2. Punkt", id="side")
        notes = NotesArea(id="notes")
        notes.cursor_blink = False  # a blink between two screenshots is not a stale row
        yield notes
        yield Static("Talerliste", id="room")

    def on_mount(self) -> None:
        self.query_one(NotesArea).load_text(TEXT)


async def assert_whole(app: Notes, pilot: object, step: str) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    shown = screen(app)
    app.query_one(NotesArea).refresh()
    await pilot.pause()  # type: ignore[attr-defined]
    assert screen(app) == shown, f"a row was left stale after {step}"


def screen(app: Notes) -> list[str]:
    """The screen as SVG lines, without the name made from a hash of the whole picture."""
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot()).splitlines()


KEYS = {
    "typing inside a line": ["down", "right", "right", *"ABC"],
    "typing that wraps the line onto a new row": ["down", "end", *" og endnu flere ord derefter"],
    "a new line in the middle": ["down", "right", "right", "right", "enter"],
    "joining two lines": ["down", "down", "down", "home", "backspace"],
    "joining a long line to a short one": ["down", "home", "backspace"],
    "selecting across lines and back": ["shift+down", "shift+down", "shift+right", "shift+up", "left"],
    "deleting a selection across lines": ["down", "shift+down", "shift+down", "backspace"],
    "moving the cursor": ["down", "down", "down", "down", "up", "end", "home", "ctrl+end", "ctrl+home"],
    "typing at the bottom until it scrolls": ["ctrl+end", "enter", *"a", "enter", *"b", "enter", "enter", *"cd"],
    "undo and redo": ["down", *"xyz", "enter", *"q", "ctrl+z", "ctrl+z", "ctrl+y"],
    "deleting everything": ["ctrl+a", "backspace", *"ny"],
    "delete at the end of a line": ["end", "delete", "delete"],
}


@pytest.mark.parametrize("keys", KEYS.values(), ids=KEYS.keys())
async def test_what_is_shown_is_the_text(keys: list[str]) -> None:
    app = Notes()
    async with app.run_test(size=(60, 12)) as pilot:
        app.query_one(NotesArea).focus()
        for n, key in enumerate(keys):
            await pilot.press(key)
            await assert_whole(app, pilot, f"{keys[: n + 1]}")


CHANGES = {
    # as many rows, other letters: the next item's notes
    "a new text of the same height": lambda notes: notes.load_text(TEXT.upper()),
    # on the empty line, in view, while the cursor stays on the first
    "an edit away from the cursor": lambda notes: notes.insert("NB ", (2, 0)),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
async def test_a_change_not_typed_is_shown(change: Callable[[NotesArea], object]) -> None:
    app = Notes()
    async with app.run_test(size=(60, 12)) as pilot:
        notes = app.query_one(NotesArea)
        notes.focus()
        await pilot.pause()
        change(notes)
        await assert_whole(app, pilot, "the change")
        assert notes.text != TEXT and notes.cursor_location == (0, 0)


async def test_a_long_random_session_of_keys() -> None:
    moves = ["left", "right", "up", "down", "home", "end", "shift+left", "shift+right", "shift+up", "shift+down"]
    edits = ["enter", "backspace", "delete", "ctrl+z", "ctrl+y", "space", *"abcæøå.,"]
    chooser = random.Random(11)
    app = Notes()
    async with app.run_test(size=(60, 12)) as pilot:
        app.query_one(NotesArea).focus()
        pressed: list[str] = []
        for _ in range(72):
            key = chooser.choice(moves if chooser.random() < 0.4 else edits)
            pressed.append(key)
            await pilot.press(key)
            if len(pressed) % 3 == 0:
                await assert_whole(app, pilot, " ".join(pressed))


class Whole:
    """Records the times the editor is asked to redraw whole."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = NotesArea.refresh

        def refresh(area: NotesArea, *regions: object, **options: object) -> object:
            if not regions:
                self.count += 1
            return original(area, *regions, **options)

        monkeypatch.setattr(NotesArea, "refresh", refresh)


async def test_a_key_redraws_only_the_rows_it_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    app = Notes()
    async with app.run_test(size=(60, 12)) as pilot:
        notes = app.query_one(NotesArea)
        notes.focus()
        await pilot.press("down", "down", "down")
        await pilot.pause()
        whole = Whole(monkeypatch)
        await pilot.press(*"ord")
        await pilot.pause()
        assert whole.count == 0
        assert "ord" in notes.text


@pytest.mark.parametrize("key", ["ctrl+z", "ctrl+y"])
async def test_undo_and_redo_redraw_it_whole(monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    # They may change lines far from where the cursor lands.
    app = Notes()
    async with app.run_test(size=(60, 12)) as pilot:
        app.query_one(NotesArea).focus()
        await pilot.press(*"ab", "ctrl+z")
        await pilot.pause()
        whole = Whole(monkeypatch)
        await pilot.press(key)
        await pilot.pause()
        assert whole.count >= 1


class BlinkingNotes(App[None]):
    def compose(self) -> ComposeResult:
        yield NotesArea(id="notes")


@pytest.mark.parametrize(
    "act",
    [
        pytest.param(lambda pilot: pilot.press("x"), id="a key typed"),
        pytest.param(lambda pilot: pilot.press("\u00a0"), id="a key Textual's TextArea drops (a no-break space)"),
        pytest.param(lambda pilot: pilot.app.query_one(NotesArea).load_text("Et andet punkts noter."), id="another item's notes"),
    ],
)
async def test_the_cursor_is_shown_at_once_and_blinks_again_only_half_a_second_later(
    act: Callable[[object], object],
) -> None:
    # A key shows the cursor at once, whichever handler types it. New notes kept the blink's
    # phase: in its dark half the cursor was missing from a new item, and the blink turned
    # just after the move was drawn, one more frame at a time (docs/performance.md).
    app = BlinkingNotes()
    async with app.run_test() as pilot:
        notes = app.query_one(NotesArea)
        notes.focus()
        await pilot.pause()
        assert notes.cursor_blink
        await pilot.pause(0.2)
        notes.blink_timer.reset()  # its next turn half a second from now
        notes._cursor_visible = False  # the dark half of a blink
        done = act(pilot)
        if done is not None:
            await done  # type: ignore[misc]
        assert notes._cursor_visible
        await pilot.pause(0.3)
        assert notes._cursor_visible  # and stays shown: the blink starts again from the act
