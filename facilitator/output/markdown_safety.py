"""Put text typed in a meeting into Markdown without letting it break the document.

A note may hold its own headings, a stray line of dashes (which Markdown reads as a
heading), or a code fence that is never closed (which would swallow the rest of the
minutes). The minutes' structure is the template's alone: user headings are demoted
below the level of the item they belong to, fences are closed, and text that goes in a
line or a table cell cannot start a block of its own.

Nor can it turn the template's words around. A direction control (U+202E, say) lasts to
the end of its paragraph, which in the Markdown file is the line (the template's "– Bo,
deadline …" after an action item) and in HTML a paragraph of several source lines; so
every one a line of user text opens is closed at that line's end. One-line text with
right-to-left letters or direction controls is also isolated (FSI … PDI), so it orders
as one unit and cannot take the template's punctuation and digits along: a Hebrew name
in "Ankomst: NAME (15:30)" would otherwise show the time in front of the name, and two
Hebrew names in "Til stede:" would swap places.
Everything else goes in as typed, character for character.

Headings are found by markdown-it-py itself, the same parser that renders the HTML, so
what counts as a heading here is exactly what counts there.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from markdown_it import MarkdownIt
from markdown_it.token import Token

MAX_LEVEL = 6

# A heading starts with '#', a setext heading is underlined with '=' or '-', a fence is
# ``` or ~~~, each after at most three spaces; tabs count as space. Text with none of
# these at the start of a line needs no parse.
_MAY_NEED_WORK = re.compile(r"^[ \t>*+\-\d.)]*?(#|=|-|`{3}|~{3})", re.MULTILINE)
"""A line that may hold a heading, an underline or a fence, also behind list and quote markers."""


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """CommonMark with GFM tables; raw HTML off, so a note cannot inject markup, and
    images off: an image in someone's text (``![x](https://…)``) would be fetched from
    wherever it points each time the minutes are opened. It shows as a link instead."""
    return MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")


def demote_block(text: str, below: int) -> str:
    """A note as Markdown whose headings all sit deeper than level ``below``.

    ATX and setext headings alike become ATX headings of level ``below + their level``,
    at most 6; deeper ones become bold lines. An unclosed code fence is closed, and so
    is every direction control left open at the end of a line (``close_directions``).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    if not text.strip():
        return ""
    if not _MAY_NEED_WORK.search(text):
        return close_directions(text)  # no heading or fence can be in it: skip the parse (most notes)
    lines = text.split("\n")
    tokens = parser().parse(text)
    replacements: dict[int, list[str]] = {}
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.map is None:
            continue
        start, end = token.map
        inline = tokens[index + 1].content
        if token.level > 0:  # inside a list item or a quote: "0) # Title", "> Title" over "> ---"
            replacements.update(_nested_heading(lines, start, end, inline))
            continue
        level = int(token.tag[1]) + below
        replacements[start] = [f"{'#' * level} {inline}" if level <= MAX_LEVEL else f"**{inline}**"]
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
    return close_directions(text)


_ATX_AFTER_CONTAINERS = re.compile(r"^(?P<containers>[ \t>*+\-\d.)]*?)#{1,6}(?=[ \t]|$)")
"""An ATX heading's line inside list items and quotes: their markers, then the heading's #s."""


def _nested_heading(lines: list[str], start: int, end: int, inline: str) -> dict[int, list[str]]:
    """A heading inside a list item or a quote is no part of the minutes' outline: its text
    stays, bold, behind the same list and quote markers; a setext one loses its underline."""
    atx = _ATX_AFTER_CONTAINERS.match(lines[start])
    if atx is not None:
        containers = atx.group("containers")
        return {start: [f"{containers}**{inline}**" if inline.strip() else containers.rstrip()]}
    return {end - 1: []}  # setext: the text lines stay a paragraph without the underline


def _open_fence(tokens: list[Token], lines: list[str]) -> str | None:
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
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
"""Where an HTML tag, comment or declaration could begin: our HTML page never reads raw
HTML, but other Markdown readers (a mail program, a wiki) would."""
_LINE_BREAKS = re.compile(r"[ \t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]+")
"""Line breaks of every kind, and the ASCII blanks around them. Not the no-break and the
ideographic spaces, which are part of what was written ("kl.\u00a015", "会議\u3000決定")."""


def inline(text: object) -> str:
    """User text for one line (a list item, a heading, a line of the header).

    Line breaks become spaces, and what would start a block of its own at the head of
    the line (a heading mark, a quote, a list marker, a fence) is escaped. Text with
    right-to-left letters or direction controls is isolated (``isolate``).
    """
    line = _LINE_BREAKS.sub(" ", str(text)).strip(" ")
    match = _BLOCK_START.match(line) or _ORDERED_START.match(line)
    if match:
        # "\# x" and "1\. x": the backslash goes before the character that makes the block.
        line = line[: match.end(1)] + "\\" + line[match.end(1) :]
    if line.endswith("#"):
        line = line[:-1] + "\\#"  # a heading's closing hashes would be eaten
    line = _TAG_START.sub(r"\\<", line)  # shown as written by any Markdown reader, not read as HTML
    return isolate(line)


def cell(text: object) -> str:
    """User text for a table cell: on one line, with its pipes escaped."""
    flat = " / ".join(part.strip() for part in str(text).splitlines() if part.strip())
    return inline(flat.replace("\\", "\\\\").replace("|", "\\|"))


_LINK_TEXT_MARKS = frozenset("\\[]*_`<>&!|~")
"""What could end a link's text, start emphasis, code, a tag, an entity, an image or a
table cell inside it; escaped with a backslash (CommonMark lets any punctuation be)."""
_HREF_SAFE = "/:?#@!$&'()*+,;=%-._~[]"
"""What an address keeps as written; everything else (spaces, <, >, \\, ", letters beyond
ASCII) is percent-encoded, so it cannot end the link or the line."""


def link(title: object, href: object) -> str:
    """A document (bilag) as a Markdown link ``[title](<href>)`` that stays one link.

    The title is text: on one line, its marks escaped (``_LINK_TEXT_MARKS``), so a ``]``
    cannot end it early nor a ``*`` or ``<`` start anything, and
    isolated when it has right-to-left letters. The address goes between ``<`` and ``>``
    (where parentheses are plain) with whatever could end it percent-encoded. The agenda
    refused any address but http(s) and relative paths; this only writes what it took.
    """
    flat = _LINE_BREAKS.sub(" ", str(title)).strip(" ")
    text = "".join("\\" + char if char in _LINK_TEXT_MARKS else char for char in flat)
    target = quote(_LINE_BREAKS.sub(" ", str(href)).strip(), safe=_HREF_SAFE)
    return f"[{isolate(text)}](<{target}>)"


# --- direction (Unicode's bidirectional algorithm, UAX #9) ------------------------------

FSI, PDI, PDF = "\u2068", "\u2069", "\u202c"
"""First strong isolate, pop directional isolate, pop directional formatting."""
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
"""LRE, RLE, LRO, RLO: each lasts until a PDF or the end of the paragraph."""
_ISOLATES = frozenset("\u2066\u2067\u2068")
"""LRI, RLI, FSI: each lasts until a PDI or the end of the paragraph."""
_DIRECTION_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
"""Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left scripts, and the RLM."""


def _balance(line: str) -> tuple[int, str]:
    """How ``line``'s own direction controls pair up: the number of PDIs with no isolate
    to close, and the closers of what is still open at its end, innermost first.

    Paired as UAX #9 pairs them (rules X1–X8): a PDF closes the innermost embedding or
    override only inside the current isolate, a PDI the innermost isolate and all that
    was opened within it, and a closer with nothing to close does nothing.
    """
    open_: list[str] = []
    stray = 0
    for match in _DIRECTION_CONTROL.finditer(line):
        char = match.group()
        if char in _EMBEDDINGS:
            open_.append(PDF)
        elif char in _ISOLATES:
            open_.append(PDI)
        elif char == PDF:
            if open_ and open_[-1] == PDF:
                open_.pop()
        elif PDI in open_:
            while open_.pop() != PDI:
                pass
        else:
            stray += 1
    return stray, "".join(reversed(open_))


def close_directions(text: str) -> str:
    """``text`` with what each of its lines opens (embeddings, overrides, isolates)
    closed at the end of that line; nothing else changes.

    In the Markdown file a line is its own paragraph; in HTML the lines of a paragraph
    run together, and an override left open would turn the next line around too. A
    table row's closers go before its last pipe, where they stay in the row's last cell.
    """
    if not _DIRECTION_CONTROL.search(text):
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        closers = _balance(line)[1]
        if closers:
            body = line.rstrip()
            if body.endswith("|") and not body.endswith("\\|"):
                lines[number] = body[:-1] + closers + "|"
            else:
                lines[number] = line + closers
    return "\n".join(lines)


def isolate(line: str) -> str:
    """One line of user text that orders as one unit, whatever the line around it.

    Text with right-to-left letters or direction controls goes between FSI and PDI
    (first strong isolate: its direction is that of its first letter), and what it opens
    is closed before the PDI. A PDI of its own with nothing to close would close the
    FSI early and let the rest out, so it is given an FSI of its own at the start. Text
    without either is returned unchanged: Danish minutes carry no invisible characters.
    """
    controls = _DIRECTION_CONTROL.search(line) is not None
    if not controls and not _RIGHT_TO_LEFT.search(line):
        return line
    stray, closers = _balance(line) if controls else (0, "")
    return FSI * (1 + stray) + line + closers + PDI
