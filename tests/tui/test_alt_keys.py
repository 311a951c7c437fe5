"""alt+letter followed at once by more keys, as a fast typist, a paste or a script sends it.

Textual's parser read Escape, "s" and the keys behind it as one unknown sequence and gave
"^", "s", and the rest: alt+s (save as agenda) never opened its dialog and "^s" went into
the notes. The parser here is fed bytes as the terminal sends them.
"""

from __future__ import annotations

import inspect

import pytest
from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers.headless_driver import HeadlessDriver
from textual.drivers.linux_driver import LinuxDriver

from facilitator.tui.alt_keys import AltKeyParser, read_alt_keys_whole


def keys(data: str) -> list[str]:
    parser = AltKeyParser()
    return [event.key for event in parser.feed(data) if isinstance(event, events.Key)]


@pytest.mark.parametrize("letter", ["s", "x", "u", "d", "o", "S", "æ"])
def test_alt_and_a_letter_then_text_is_the_alt_key_then_the_text(letter: str) -> None:
    name = f"shift+{letter.lower()}" if letter.isupper() else letter
    assert keys(f"\x1b{letter}Hej, Anne") == [f"alt+{name}", "H", "e", "j", "comma", "space", "A", "n", "n", "e"]


def test_textual_alone_read_it_as_a_circumflex() -> None:
    # The defect this parser mends, seen in the parser it mends: if Textual reads alt+s whole
    # one day, alt_keys.py can go.
    got = [event.key for event in XTermParser().feed("\x1bsab\x1b[A") if isinstance(event, events.Key)]
    assert got == ["circumflex_accent", "s", "a", "b", "up"]


@pytest.mark.parametrize(("control", "key"), [("\x13", "ctrl+s"), ("\r", "enter"), ("\x0c", "ctrl+l"), ("\x06", "ctrl+f")])
def test_escape_then_a_control_key_at_once_is_both_keys(control: str, key: str) -> None:
    # Escape closes a dialog; ctrl+s right behind it calls a speaker, and the name follows.
    assert keys(f"\x1b{control}Anne\r") == ["escape", key, "A", "n", "n", "e", "enter"]


def test_alt_keys_in_a_row_and_between_text() -> None:
    assert keys("\x1bs\x1bxa\x1bu") == ["alt+s", "alt+x", "a", "alt+u"]


@pytest.mark.parametrize(
    ("sent", "meant"),
    [
        ("\x1b[A", ["up"]),  # CSI
        ("\x1b[1;3A", ["alt+up"]),
        ("\x1bOP", ["f1"]),  # SS3
        ("\x1b\x7f", ["ctrl+w"]),  # alt+backspace, a sequence Textual knows
        ("\x1b[13;3u", ["alt+enter"]),  # the kitty keyboard protocol
    ],
)
def test_the_sequences_textual_knows_stay_textuals(sent: str, meant: list[str]) -> None:
    assert keys(sent + "a") == [*meant, "a"]


def test_a_paste_is_still_a_paste() -> None:
    got = list(AltKeyParser().feed("\x1b[200~Hej s\x1b[201~\x1bs"))
    assert [(type(event), getattr(event, "text", None) or getattr(event, "key", None)) for event in got] == [
        (events.Paste, "Hej s"),
        (events.Key, "alt+s"),
    ]


def test_the_terminal_driver_reads_with_it_and_the_headless_one_is_left_alone() -> None:
    import textual.drivers.linux_driver as linux_driver

    assert "XTermParser(" in inspect.getsource(LinuxDriver.run_input_thread), "the driver builds its parser elsewhere now"
    try:
        read_alt_keys_whole(HeadlessDriver)
        read_alt_keys_whole(LinuxDriver)
        assert linux_driver.XTermParser is AltKeyParser
        read_alt_keys_whole(LinuxDriver)  # twice is once
        assert linux_driver.XTermParser is AltKeyParser
    finally:
        linux_driver.XTermParser = XTermParser  # type: ignore[attr-defined]
