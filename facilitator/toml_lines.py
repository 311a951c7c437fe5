"""Where each key of an agenda stands in its file, so messages can say ``PATH:LINE``.

tomllib returns plain dicts without positions. Agendas are short, hand-written files
in a few shapes (``[meeting]``, ``[[item]]``, ``key = value``), so a line scanner finds
almost every key; when it cannot (exotic TOML), messages simply go without a line.
"""

from __future__ import annotations

import re

KeyPath = tuple[object, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*(\]\]?)\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_\-]+))*)\s*=(.*)$""")
_PART = re.compile(r"""\s*("[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_\-]+)\s*""")


def _parts(dotted: str) -> list[str]:
    return [p.strip("\"'") for p in _PART.findall(dotted)]


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map key paths to 1-based line numbers (the first occurrence wins).

    Paths: ``("format",)``; ``("meeting",)`` for the header and ``("meeting", "title")``
    for a key in it; ``("item", 3)`` for the third ``[[item]]`` header and
    ``("item", 3, "title")`` for its keys; ``("item",)`` for a single-bracket ``[item]``.
    """
    lines: dict[KeyPath, int] = {}
    context: KeyPath = ()
    counts: dict[str, int] = {}
    closing: str | None = None  # the delimiter of a multi-line string we are inside
    for number, line in enumerate(text.splitlines(), start=1):
        if closing is not None:
            if line.count(closing) % 2 == 1:
                closing = None
            continue
        header = _HEADER.match(line)
        if header and header.group(1) == header.group(3)[::-1].replace("]", "["):
            parts = _parts(header.group(2))
            name = ".".join(parts)
            if header.group(1) == "[[":
                counts[name] = counts.get(name, 0) + 1
                context = (name, counts[name])
            elif parts[0] in counts and len(parts) > 1:
                # [item.prompts] belongs to the latest [[item]]
                context = (parts[0], counts[parts[0]], *parts[1:])
            else:
                context = tuple(parts)
            lines.setdefault(context, number)
            continue
        key = _KEY.match(line)
        if key:
            path = context + tuple(_parts(key.group(1)))
            for end in range(len(context) + 1, len(path) + 1):  # dotted keys name their tables too
                lines.setdefault(path[:end], number)
            rest = key.group(2)
            for delimiter in ('"""', "'''"):
                if rest.count(delimiter) % 2 == 1:
                    closing = delimiter
                    break
    return lines
