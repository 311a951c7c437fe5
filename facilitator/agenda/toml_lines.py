"""Where each key of an agenda stands in its file, so messages can say ``PATH:LINE``.

tomllib returns plain dicts without positions. Agendas are short, hand-written files
in a few shapes (``[meeting]``, ``[[item]]``, ``key = value``), so a line scanner finds
almost every key; when it cannot (exotic TOML), messages simply go without a line.

Lines are split on LF only, as TOML counts them (a pasted U+2028 must not shift every
line after it), and every pattern looks at a bounded prefix of a line, so one enormous
line costs linear time, never quadratic.
"""

from __future__ import annotations

import re

KeyPath = tuple[object, ...]

PREFIX = 400
"""How much of a line the patterns look at: keys and headers sit at its start."""

_HEADER = re.compile(r"\s*(\[\[?)([^\[\]\n]*)(\]\]?)\s*(?:#.*)?$")
_BARE_OR_QUOTED = r"""(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_\-]+)"""
_KEY = re.compile(rf"\s*({_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*)\s*=")
_PART = re.compile(rf"\s*({_BARE_OR_QUOTED})\s*")

MAX_KEY_PARTS = 64
"""More dotted parts than any agenda needs; tomllib takes quadratic time over long chains."""
# Starts only where no bare-key letter stands before it, so a long run of letters is
# tried once, not from each of its positions (which would be quadratic).
_LONG_KEY = re.compile(rf"(?<![A-Za-z0-9_\-])(?:{_BARE_OR_QUOTED}\s*\.\s*){{{MAX_KEY_PARTS}}}")


def split_lines(text: str) -> list[str]:
    """The file's lines as TOML numbers them (CR before LF stripped)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _parts(dotted: str) -> list[str]:
    return [p.strip("\"'") for p in _PART.findall(dotted)]


_STRING_OR_COMMENT = re.compile(r"\"\"\"|'''|[\"'#]")
_BASIC_REST = re.compile(r"(?:[^\"\\]++|\\[\s\S])*+\"")
"""The rest of a one-line basic string after its opening quote: a backslash escapes what follows."""


def string_state(code: str) -> str | None:
    """What string ``code`` leaves open at its end: a multi-line delimiter, a quote, or None.

    Walks the line once, skipping over closed strings and stopping at a comment, so a
    ``\"\"\"`` inside a comment or inside quotes does not count. It jumps from quote to
    quote with patterns, not a character at a time: every line of an agenda passes
    through here when it is loaded, and a 2,000-item one took a third of a second so.
    """
    i = 0
    while (found := _STRING_OR_COMMENT.search(code, i)) is not None:
        mark = found.group()
        if mark == "#":
            return None
        if mark == '"':
            rest = _BASIC_REST.match(code, found.end())
            if rest is None:
                return '"'
            i = rest.end()
            continue
        end = code.find(mark, found.end())  # a literal string, or a multi-line one
        if end < 0:
            return mark
        i = end + len(mark)
    return None


def opens_multiline_string(code: str) -> str | None:
    """The delimiter of a multi-line string left open at the end of ``code``, if any."""
    if '"""' not in code and "'''" not in code:  # most lines: no need to walk their strings
        return None
    state = string_state(code)
    return state if state in ('"""', "'''") else None


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map key paths to 1-based line numbers (the first occurrence wins).

    Paths: ``("format",)``; ``("meeting",)`` for the header and ``("meeting", "title")``
    for a key in it; ``("item", 3)`` for the third ``[[item]]`` header and
    ``("item", 3, "title")`` for its keys; ``("item",)`` for the first ``[item]`` or
    ``[[item]]`` header, and likewise for misnamed headers such as ``[[items]]``.
    """
    lines: dict[KeyPath, int] = {}
    context: KeyPath = ()
    counts: dict[str, int] = {}
    closing: str | None = None  # the delimiter of a multi-line string we are inside
    for number, line in enumerate(split_lines(text), start=1):
        if closing is not None:
            end = line.find(closing)
            if end < 0:
                continue
            closing = opens_multiline_string(line[end + 3 :])
            continue
        head = line[:PREFIX]
        header = _HEADER.match(head)
        if header and len(header.group(1)) == len(header.group(3)):
            parts = _parts(header.group(2)) or [header.group(2).strip()]
            name = ".".join(parts)
            lines.setdefault((parts[0],), number)
            # [item.prompts] and [[item.x]] belong to the latest [[item]], as in TOML itself.
            base = (parts[0], counts[parts[0]], *parts[1:]) if len(parts) > 1 and parts[0] in counts else tuple(parts)
            lines.setdefault(base, number)
            if header.group(1) == "[[":
                counts[name] = counts.get(name, 0) + 1
                context = (*base, counts[name])
            else:
                context = base
            lines.setdefault(context, number)
            continue
        key = _KEY.match(head)
        if key:
            path = context + tuple(_parts(key.group(1)))
            for end in range(len(context) + 1, len(path) + 1):  # dotted keys name their tables too
                lines.setdefault(path[:end], number)
            closing = opens_multiline_string(line[key.end() :])
    return lines


def first_long_key_line(text: str) -> int | None:
    """The first line with a key of more than ``MAX_KEY_PARTS`` dotted parts, in a header,
    before ``=`` or in an inline table.

    Checked before tomllib sees the file: ``a.b.c. … = 1`` with 40,000 parts takes it
    forty seconds, and a 2 MB file could hold one long enough to look like a hang.
    """
    closing: str | None = None
    for number, line in enumerate(split_lines(text), start=1):
        if closing is not None:
            end = line.find(closing)
            if end >= 0:
                closing = opens_multiline_string(line[end + 3 :])
            continue
        if line.count(".") >= MAX_KEY_PARTS and _LONG_KEY.search(line):  # the pattern needs as many dots
            return number
        if "=" in line:
            closing = opens_multiline_string(line[line.index("=") + 1 :])
    return None


def first_deep_line(text: str, depth: int = 100) -> int | None:
    """The first line where brackets nest deeper than ``depth``: where a too-deep file goes wrong."""
    level = 0
    for number, line in enumerate(split_lines(text), start=1):
        for char in line:
            if char in "[{":
                level += 1
                if level > depth:
                    return number
            elif char in "]}":
                level -= 1
    return None
