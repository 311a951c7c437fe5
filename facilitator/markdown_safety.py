"""Put text typed in a meeting into Markdown without letting it break the document.

A note may hold its own headings, a stray line of dashes (which Markdown reads as a
heading), or a code fence that is never closed (which would swallow the rest of the
minutes). The minutes' structure is the template's alone: user headings are demoted
below the level of the item they belong to, fences are closed, and text that goes in a
line or a table cell cannot start a block of its own.

Headings are found by markdown-it-py itself, the same parser that renders the HTML, so
what counts as a heading here is exactly what counts there.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

MAX_LEVEL = 6

# A heading starts with '#', a setext heading is underlined with '=' or '-', a fence is
# ``` or ~~~, each after at most three spaces; tabs count as space. Text with none of
# these at the start of a line needs no parse.
_MAY_NEED_WORK = re.compile(r"^[ \t]{0,3}(#|=|-|`{3}|~{3})", re.MULTILINE)


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """CommonMark with GFM tables; raw HTML off, so a note cannot inject markup."""
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def demote_block(text: str, below: int) -> str:
    """A note as Markdown whose headings all sit deeper than level ``below``.

    ATX and setext headings alike become ATX headings of level ``below + their level``,
    at most 6; deeper ones become bold lines. An unclosed code fence is closed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    if not text.strip():
        return ""
    if not _MAY_NEED_WORK.search(text):
        return text  # no heading or fence can be in it: skip the parse (most notes)
    lines = text.split("\n")
    tokens = parser().parse(text)
    replacements: dict[int, list[str]] = {}
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None and token.level == 0:
            start, end = token.map
            inline = tokens[index + 1].content
            level = int(token.tag[1]) + below
            replacements[start] = [
                f"{'#' * level} {inline}" if level <= MAX_LEVEL else f"**{inline}**"
            ]
            for covered in range(start + 1, end):  # a setext heading's text and underline
                replacements[covered] = []
    if replacements:
        rebuilt: list[str] = []
        for number, line in enumerate(lines):
            rebuilt.extend(replacements.get(number, [line]))
        lines = rebuilt
        text = "\n".join(lines)
        tokens = parser().parse(text)
    fence = _open_fence(tokens, lines)
    if fence:
        text += "\n" + fence
    return text


def _open_fence(tokens: list, lines: list[str]) -> str | None:
    """The marker that closes a code fence left open at the end of the text, if any."""
    for token in reversed(tokens):
        if token.type != "fence" or token.map is None:
            continue
        start, end = token.map
        if end < len(lines):
            return None
        closing = lines[end - 1].strip() if end - 1 > start else ""
        if closing.startswith(token.markup) and set(closing) == {token.markup[0]}:
            return None
        return token.markup
    return None


_BLOCK_START = re.compile(r"^(\s*)([#>+*\-=]|`{3,}|~{3,})")
_ORDERED_START = re.compile(r"^(\s*\d{1,9})([.)])")


def inline(text: object) -> str:
    """User text for one line (a list item, a heading, a line of the header).

    Line breaks become spaces, and what would start a block of its own at the head of
    the line (a heading mark, a quote, a list marker, a fence) is escaped.
    """
    line = " ".join(str(text).split())
    match = _BLOCK_START.match(line) or _ORDERED_START.match(line)
    if match:
        # "\# x" and "1\. x": the backslash goes before the character that makes the block.
        line = line[: match.end(1)] + "\\" + line[match.end(1):]
    if line.endswith("#"):
        line = line[:-1] + "\\#"  # a heading's closing hashes would be eaten
    return line


def cell(text: object) -> str:
    """User text for a table cell: on one line, with its pipes escaped."""
    flat = " / ".join(part.strip() for part in str(text).splitlines() if part.strip())
    return inline(flat.replace("\\", "\\\\").replace("|", "\\|"))
