"""alt+letter is alt+letter, also when more keys follow it in the same read from the terminal.

A terminal sends alt+s as two bytes, Escape and "s". Textual's input parser (8.2) waits after
the Escape for the rest of an escape sequence; when the next key comes before its escape
delay (100 ms), as it does for a fast typist, a paste or a script, it reads "s" and the
keys after it as one unknown sequence and hands them on as "^", "s", and the rest: the
dialog that alt+s opens never opens and "^s" lands in the notes. Only when nothing follows
within the delay does it read alt+s.

The same befell Escape itself when a control key followed it at once: Escape, then ctrl+s
(close the dialog, call the next speaker) gave "^" and the name went into the dialog that
should have closed.

Escape and one printable character that cannot begin a longer sequence (``[`` CSI, ``O``
SS3, ``P`` DCS, ``]`` OSC, ``_`` APC, ``^`` PM, ``X`` SOS) is a whole key, the alt key
every terminal means by it; Escape and a control character (Enter, ctrl+s) are the two
keys pressed. :class:`AltKeyParser` says so at once, and reads the keys after them as
keys. Sequences Textual knows (alt+backspace, the arrows, the function keys) are Textual's
as before.

A driver builds its parser by the name its module imported, so :func:`read_alt_keys_whole`
points that name at this parser before the app starts (a driver that builds none, the
headless one of the tests, is left as it is); tests/tui/test_textual_internals.py
says loudly when Textual moves it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from textual import events
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual._xterm_parser import XTermParser
from textual.driver import Driver

ESCAPE = "\x1b"

STARTS_A_LONGER_SEQUENCE = frozenset("[OP]_^X")
"""After Escape, these begin a control sequence of more characters, never a key of their own."""


def is_alt_key(sequence: str) -> bool:
    """Whether the terminal sent an alt key: Escape and one character that begins nothing longer."""
    return (
        len(sequence) == 2
        and sequence[0] == ESCAPE
        and sequence[1] not in STARTS_A_LONGER_SEQUENCE
        and sequence[1].isprintable()
        and sequence not in ANSI_SEQUENCES_KEYS
    )


def is_escape_and_control(sequence: str) -> bool:
    """Whether the terminal sent Escape and then a control key (Enter, ctrl+s), two keys."""
    return (
        len(sequence) == 2
        and sequence[0] == ESCAPE
        and sequence[1] != ESCAPE
        and ord(sequence[1]) < 0x20
        and sequence not in ANSI_SEQUENCES_KEYS
    )


class AltKeyParser(XTermParser):
    """Textual's parser, which reads Escape and the key after it without waiting for more."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if is_alt_key(sequence):
            return super()._sequence_to_key_events(sequence[1], alt=True)
        if is_escape_and_control(sequence):
            return [events.Key("escape", ESCAPE), *super()._sequence_to_key_events(sequence[1])]
        return super()._sequence_to_key_events(sequence, alt)


def read_alt_keys_whole(driver_class: type[Driver]) -> None:
    """Make the app's terminal driver read with :class:`AltKeyParser`; before the app runs."""
    module = sys.modules[driver_class.__module__]
    if getattr(module, "XTermParser", None) is XTermParser:
        module.XTermParser = AltKeyParser  # type: ignore[attr-defined]
