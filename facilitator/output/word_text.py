"""Text from a person put into a Word document: as typed, and never a broken file.

A Word document is XML, and XML 1.0 cannot hold most control characters, nor a lone
surrogate or U+FFFE/U+FFFF: lxml refuses them, and a document holding one would not
open. So, as in the Markdown minutes (``text.visible.without_escapes``), control
characters are shown as signs (``␛``, ``␀``, ``\\x9b``); what XML refuses beyond them is
shown as its code (``\\ud800``). Newlines and tabs stay: Word writes them as its own
line breaks and tabs. Every other character, letters of any script, emoji, joiners, goes
in as typed.

Direction controls are closed where they would leak: a value on one line with
right-to-left letters or direction controls is isolated (FSI … PDI), so it cannot turn the
template's words around, and in a longer text each line closes what it opens, as the
Markdown minutes do (``markdown_safety``).
"""

from __future__ import annotations

import re

from facilitator.output.markdown_safety import close_directions, isolate
from facilitator.text.visible import without_escapes

_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 refuses once the control characters are signs."""

_LINE_BREAKS = re.compile(r"[ \t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]+")
"""Line breaks of every kind and the ASCII blanks around them, as the Markdown minutes
flatten a one-line value; the no-break and ideographic spaces are part of what was written."""


def xml_safe(text: str) -> str:
    """``text`` with control characters as signs and what XML refuses as its code; newlines and tabs kept."""
    shown = without_escapes(text)
    if _NOT_XML.search(shown):
        shown = _NOT_XML.sub(lambda match: f"\\u{ord(match.group()):04x}", shown)
    return shown


def one_line(value: object) -> str:
    """A value for a heading, a table cell or a line beside the template's words: one line,
    isolated when its direction could reorder what stands around it."""
    line = _LINE_BREAKS.sub(" ", str(value)).strip(" ")
    return isolate(xml_safe(line))


def paragraphs(text: str) -> list[str]:
    """A longer text (the notes) as Word paragraphs: split at blank lines, each keeping its
    own line breaks, each line closing the direction controls it opens."""
    shown = close_directions(xml_safe(text.replace("\r\n", "\n")))
    blocks = re.split(r"\n[ \t]*\n", shown.strip("\n"))
    return [block.strip("\n") for block in blocks if block.strip()]
