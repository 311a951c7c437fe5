"""Text from a person, a file or the archive, made safe to show on a terminal.

Such text is data. It may hold control characters: an agenda title with an escape
sequence that retitles the terminal (OSC 0), clears it (CSI 2J) or writes the clipboard
(OSC 52); a carriage return that overwrites its own line; a newline that forges a second
line of output. Before it reaches a terminal, through the command line or the app, each
control character is shown as a visible sign instead of being sent: C0 and DEL as the
Unicode control pictures (``␛``, ``␍``, ``␊``), C1 as ``\\x9b``. Every other character,
letters of any script, emoji, joiners, direction marks, goes through as typed.

This is decided here, once. ``i18n.t`` passes every value it fills into a message
through :func:`one_line`, so a value can never add a line to a message or smuggle a
sequence into it; the command line's output and the app's widgets pass whole texts
through :func:`visible`, keeping the newlines that multi-line fields are allowed.
"""

from __future__ import annotations

import re

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
"""C0 and DEL as their control pictures: ␀ … ␟ and ␡."""

_C1 = {code: f"\\x{code:02x}" for code in range(0x80, 0xA0)}

_LINE_BREAKS = {0x2028: "\u2424", 0x2029: "\u2424", 0x85: "\u2424"}
"""Line and paragraph separators (and NEL) break a line on some terminals and editors;
in a one-line value they are shown as the newline sign ␤."""

_ALWAYS = {**_PICTURES, **_C1}
_KEEP_NEWLINE = {code: sign for code, sign in _ALWAYS.items() if code != 0x0A}
_KEEP_NEWLINE_AND_TAB = {code: sign for code, sign in _KEEP_NEWLINE.items() if code != 0x09}
_KEEP_LINE_ENDS_AND_TAB = {code: sign for code, sign in _KEEP_NEWLINE_AND_TAB.items() if code != 0x0D}
_ONE_LINE = {**_ALWAYS, **_LINE_BREAKS}

_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: object) -> str:
    """``text`` as one line: every control character and line break shown as a sign.

    For values put into a message or a table cell: a title, a name, a path.
    """
    value = str(text)
    if not _ANY_CONTROL.search(value):  # the common case costs one scan
        return value
    return value.translate(_ONE_LINE)


def visible(text: str, *, tabs: bool = True) -> str:
    """``text`` with its newlines kept (and tabs, unless ``tabs=False``), every other
    control character shown as a sign: for notes, purposes and whole messages."""
    if not _ANY_CONTROL.search(text):
        return text
    text = text.replace("\r\n", "\n")
    return text.translate(_KEEP_NEWLINE_AND_TAB if tabs else _KEEP_NEWLINE)


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character that must not reach a terminal as it is."""
    return bool(_ANY_CONTROL.search(text))


def without_escapes(text: str) -> str:
    """For files (the minutes): what the person typed, but no raw ESC or C1 character.

    Minutes are read in editors and pagers and printed with ``cat``; an escape sequence in
    them would act there, and a lone carriage return would hide the text before it. So
    this is :func:`visible`: newlines and tabs stay, Windows line ends become newlines.
    """
    return visible(text)


def in_data_file(text: str) -> str:
    """For a data file (the CSV lists): as :func:`without_escapes`, but a carriage return
    stays as typed, since the file's own quoting carries it as part of the cell's text."""
    if not _ANY_CONTROL.search(text):
        return text
    return text.translate(_KEEP_LINE_ENDS_AND_TAB)
