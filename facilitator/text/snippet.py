"""A hit's snippet: the stretch of a text around the first word searched for, hits in
[brackets]. The archive's search and the shared archive's make their snippets alike."""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_marks(words: Iterable[str]) -> re.Pattern[str]:
    """The words searched for, as one pattern (the longest first, so a word inside another
    is not marked alone), case folded."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


def snippet(text: str, marks: re.Pattern[str], width: int = 64) -> str:
    """The stretch of ``text`` around the first hit, hits in [brackets].

    Made here rather than by FTS5's snippet(), which tokenises every hit's whole text
    again: with a page of hits from a big archive that was most of the search's time.
    """
    first = marks.search(text)
    start = 0 if first is None or first.end() <= width else first.start() - width // 4
    if start:  # begin at a word
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= start - 12 else start
    end = min(len(text), start + width)
    if end < len(text):  # and end at one
        space = text.rfind(" ", start, end)
        end = space if space > end - 12 else end
    window = marks.sub(lambda hit: f"[{hit.group()}]", text[start:end])
    return ("…" if start else "") + window + ("…" if end < len(text) else "")
