"""A table's lines: at the terminal, fitted to its width; into a pipe, one row per line.

A row wider than the terminal was left for the terminal to wrap, and it wrapped at its
80th column, mid-word, with the next column's text run into the first. At a terminal
the columns now share its width (``COLUMNS`` first, as ``shutil`` reads it): the narrow
ones (an id, a date, a status) keep their width, the wide ones (titles, what to do)
share the rest and wrap at word boundaries inside their own column, the row continuing
on the lines below. Into a pipe or a file nothing changes: one row per line, columns
padded to their widest cell, whatever the width, so ``grep`` and ``cut`` keep working
and a script's output does not depend on the window it ran in.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence

GAP = "  "
"""Between two columns."""


def terminal_width() -> int | None:
    """The width to fit to when stdout is a terminal, None when it is not (a pipe, a file)."""
    try:
        if not sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):  # a closed or replaced stdout is no terminal
        return None
    return shutil.get_terminal_size().columns


def column_widths(natural: Sequence[int], longest_word: Sequence[int], width: int) -> list[int]:
    """Each column's width within ``width``. Every column gets at least its longest word
    (no word is cut) and at most its widest cell; between the two, the room left is
    shared like water poured over them, so a narrow column (an id, a date) keeps all of
    its width and the wide ones are made equally narrower. When even the longest words do
    not fit, the longest of them are cut to one length, as long as the room allows."""
    room = width - len(GAP) * (len(natural) - 1)
    if sum(natural) <= room:
        return list(natural)
    least = [max(1, min(word, most)) for word, most in zip(longest_word, natural, strict=True)]
    if sum(least) > room:
        cap = max(least)
        while cap > 1 and sum(min(low, cap) for low in least) > room:
            cap -= 1
        least = [min(low, cap) for low in least]
    level = max(least)
    while level > 0 and _filled(least, natural, level) > room:
        level -= 1
    while _filled(least, natural, level + 1) <= room and level < max(natural):
        level += 1
    widths = [max(low, min(level, most)) for low, most in zip(least, natural, strict=True)]
    for index in range(len(widths)):  # what the level leaves over, a character each, left to right
        if sum(widths) < room and widths[index] < natural[index]:
            widths[index] += 1
    return widths


def _filled(least: Sequence[int], natural: Sequence[int], level: int) -> int:
    return sum(max(low, min(level, most)) for low, most in zip(least, natural, strict=True))


def table_lines(rows: Sequence[tuple[str, ...]], width: int | None) -> list[str]:
    """The lines of a table of one-line cells: padded columns, the last running free when
    ``width`` is None; fitted to ``width`` (cells wrapped at words) when it is given."""
    natural = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    if width is None or sum(natural) + len(GAP) * (len(natural) - 1) <= width:
        return [
            GAP.join([*(cell.ljust(w) for cell, w in zip(row[:-1], natural, strict=False)), row[-1]]).rstrip() for row in rows
        ]
    longest_word = [max((len(word) for row in rows for word in row[i].split()), default=0) for i in range(len(natural))]
    widths = column_widths(natural, longest_word, width)
    lines = []
    for row in rows:
        wrapped = [textwrap.wrap(cell, w, break_on_hyphens=False) or [""] for cell, w in zip(row, widths, strict=True)]
        for n in range(max(len(cell) for cell in wrapped)):
            parts = [(cell[n] if n < len(cell) else "").ljust(w) for cell, w in zip(wrapped, widths, strict=True)]
            lines.append(GAP.join(parts).rstrip())
    return lines
