"""What each agenda item's lines say, as plain pieces, and how many rows they take.

The agenda list of a 2,000-item meeting must not build and wrap 2,000 ``Content`` to show
the thirty items on screen, nor again at every key. So an item's lines are first written
as plain pieces of text with their styles (:func:`item_pieces`, cheap tuples): their rows
are counted from the plain text (:func:`rows`), the way Textual wraps ``Content``, and the
``Content`` itself is made only when the item is drawn (:func:`item_content`). Comparing
an item's pieces with the ones shown says whether its option must change at all.
"""

from __future__ import annotations

from rich._wrap import divide_line
from rich.cells import cell_len
from textual.content import Content

from facilitator.i18n import t
from facilitator.meeting.labels import item_type_word
from facilitator.meeting.model import Meeting
from facilitator.tui import literal
from facilitator.tui.timefmt import duration

Piece = tuple[str, str]
"""Text as a person or agenda wrote it, and its style."""
Lines = tuple[tuple[Piece, ...], ...]
"""An item's lines, each a few pieces."""


def item_pieces(meeting: Meeting, index: int, *, with_kind: bool = True) -> Lines:
    """Two lines per item: what it is, then how it stands in time."""
    state = meeting.items[index]
    item = state.item
    current = index == meeting.current
    if current:
        mark, style = "▶", "bold $accent"
    elif state.visited:
        mark, style = "✓", "$text-muted"
    else:
        mark, style = "·", ""
    title: tuple[Piece, ...] = ((f"{mark} {index + 1}. ", style), (item.title, "bold" if current else style))
    if state.carry_on:
        title = (*title, (" ↻", "$warning"))
    planned = t("agenda.planned", minutes=item.minutes) if item.minutes is not None else ""
    kind = f" · {item_type_word(item.type)}" if with_kind else ""
    if state.skipped:  # said at every width: the room must see that it is passed over
        kind = f"{kind} · {t('agenda.skipped')}"
    if state.visited:
        used = state.seconds_used(meeting.clock())
        over = item.minutes is not None and used > item.minutes * 60
        # The times first, the type word last: in a narrow column the line wraps before
        # the word, which goes whole onto the next row, instead of leaving "min" alone.
        second: tuple[Piece, ...] = (
            ("   ", ""),
            (duration(used), "bold $error" if over else "$text-muted"),
            ((f" / {planned}" if planned else "") + kind, "$text-muted"),
        )
    else:
        words = f"{planned}{kind}" if planned else kind.removeprefix(" · ")
        if not words:
            return (title,)
        second = ((f"   {words}", "$text-muted"),)
    return (title, second)


def item_content(lines: Lines) -> Content:
    """The lines as the list draws them."""
    return literal.join("\n", [literal.assemble(*pieces) for pieces in lines])


def rows(lines: Lines, width: int) -> int:
    """How many rows the lines take at ``width`` columns: Textual folds each line at its
    spaces (``divide_line``, as ``Content`` does), and a line that fits is one row."""
    width = max(width, 1)
    count = 0
    for pieces in lines:
        plain = "".join(literal.shown(text) for text, _ in pieces)
        count += 1 if cell_len(plain) <= width else len(divide_line(plain, width, fold=True)) + 1
    return count
