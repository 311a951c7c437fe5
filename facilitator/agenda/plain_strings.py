"""An agenda's one-line strings handed to tomllib as literal strings where that means the same.

tomllib reads a ``"basic"`` string a character at a time in Python, to find its escapes,
and a ``'literal'`` one with a single search. An agenda is mostly such strings: of the
time a 2,000-item agenda took to read, half went on walking them. A line whose every
``"`` delimits a string without escapes (no backslash, no ``'``, no comment, an even
number of ``"``) reads the same with each ``"`` written ``'``: the same values, and as
long, so every error is found at the same line and column. Lines in or opening a
multi-line string are left as they are, and so is a file with a control character
(tomllib names it differently in the two kinds of string) and every line after one
that leaves a string open.
"""

from __future__ import annotations

import re

from facilitator.agenda.toml_lines import string_state

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_MULTILINE = ('"""', "'''")


def as_literal_strings(lines: list[str]) -> str:
    """The document of ``lines``, its plain one-line strings written as literal strings."""
    text = "\n".join(lines)
    if '"' not in text or _CONTROL.search(text):
        return text
    multiline = '"""' in text or "'''" in text
    if multiline and "\\" in text:  # an escaped quote could hide where a multi-line string ends
        return text
    closing: str | None = None  # the delimiter of the multi-line string we are inside
    written: list[str] = []
    for number, line in enumerate(lines):
        left_open: str | None = None  # a one-line string this line leaves open
        if closing is not None or (multiline and ('"""' in line or "'''" in line)):
            if closing is not None:
                end = line.find(closing)
                state = None if end < 0 else string_state(line[end + 3 :])
                closing = closing if end < 0 else None
            else:
                state = string_state(line)
            if state in _MULTILINE:
                closing = state
            else:
                left_open = state
        elif '"' in line and "'" not in line and "\\" not in line and "#" not in line and not line.count('"') % 2:
            line = line.replace('"', "'")
        elif '"' in line or "'" in line:
            left_open = string_state(line)
        if left_open is not None:
            # tomllib looks for the end of a string left open on the lines after, which must
            # stay as they were for it to stop where it did, with the same message.
            return "\n".join([*written, *lines[number:]])
        written.append(line)
    return "\n".join(written)
