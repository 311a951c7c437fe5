"""The minutes preview's pieces: the document cut where it is safe, each drawn by Rich.

Textual's Markdown widget builds a widget per paragraph, list item and table cell; for
the minutes of a long meeting that was thousands of widgets to style and lay out, and
seconds before the preview appeared. One Rich renderable per piece draws the same text
at a fraction of the cost, and pieces of at most ``PIECE_LINES`` lines let the first
screen be drawn before the rest is even mounted (docs/performance.md).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown as RichMarkdown
from rich.segment import Segment
from textual.widgets import Static

from facilitator.text.visible import visible

PIECE_LINES = 40
"""Lines after which a piece is cut at the next safe place."""
_LIST_ITEM = re.compile(r"(?:\d{1,9}[.)]|[-*+])\s")
_FENCES = ("```", "~~~")


class Piece(NamedTuple):
    text: str
    gap: bool
    """A blank line before it (a new section or paragraph), not the next item of a list."""


def pieces(markdown: str, max_lines: int = PIECE_LINES) -> list[Piece]:
    """The document cut before each level-1 or level-2 heading, and long stretches cut
    before a top-level list item or after a blank line, never inside a fenced block.

    A cut list goes on numbering where it was cut ("41. …" starts at 41), so the pieces
    read as the one document.
    """
    found: list[Piece] = []
    current: list[str] = []
    gap = True
    fence: str | None = None
    after_blank = False
    for line in markdown.split("\n"):  # not splitlines(): U+2028 and the like end no Markdown line
        if fence is None:
            heading = line.startswith(("# ", "## "))
            safe = heading or (len(current) >= max_lines and (after_blank or _LIST_ITEM.match(line) is not None))
            if safe and current:
                text = "\n".join(current).strip("\n")
                if text:
                    found.append(Piece(text, gap))
                gap = heading or after_blank
                current = []
            if line.lstrip().startswith(_FENCES):
                fence = line.lstrip()[:3]
        elif line.lstrip().startswith(fence):
            fence = None
        current.append(line)
        after_blank = not line.strip()
    text = "\n".join(current).strip("\n")
    if text:
        found.append(Piece(text, gap))
    return found


class RenderedOnce:
    """A Rich renderable drawn once per width, then given again as drawn.

    Textual draws a piece of Rich Markdown twice for every layout, once to count its
    lines and once to show them, and a preview lays out again as pieces come and the
    scroll bar appears: a piece holding the long numbered agenda was drawn by Rich some
    six times on the way to the first screen, most of the preview's CPU. The segments
    drawn at a width do not change, so they are kept by width (and the options that
    shape lines); the style Textual lays over them is applied around this, each time.
    """

    def __init__(self, renderable: RichMarkdown) -> None:
        self.renderable = renderable
        self._drawn: dict[tuple[object, ...], list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (options.max_width, options.min_width, options.justify, options.overflow, options.no_wrap, options.markup)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = list(console.render(self.renderable, options))
        yield from drawn


class MinutesSection(Static):
    def __init__(self, piece: Piece) -> None:
        # Rich's Markdown reads no console markup, but would send a control character in
        # the text to the terminal as it is.
        markdown = RichMarkdown(visible(piece.text), hyperlinks=False)
        super().__init__(RenderedOnce(markdown), classes="-gap" if piece.gap else "")
        self.source = piece.text
        """The Markdown this piece shows, as the minutes file will have it."""
