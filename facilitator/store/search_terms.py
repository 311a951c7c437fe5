"""Whether each word of a search occurs anywhere at all, asked of the full-text index
before the search itself.

A search wants rows holding every word. When one word is found nowhere, the search
itself still walks every row holding the others to find that out: a common word and a
short word found nowhere took time in proportion to the archive. Asked first, each word
on its own, rarest-looking first, such a search ends at the first word found nowhere,
after a handful of index lookups whatever the other words are.

A word of three characters or more is a phrase of trigrams: one full-text lookup that
stops at its first row. A shorter word has no trigram of its own, so it is looked for
among the index's terms (its vocabulary, ``fts5vocab``): a word occurs in a row of three
characters or more exactly when some trigram holds it. That is a trigram beginning with
it, or, where it ends the row's text, the row's last trigram ending with it: found by
stepping through the vocabulary's distinct first characters, one index lookup each (a
single character as the very last of a text would take a lookup per pair: left to the
search). Rows shorter than three characters are in no trigram; they matter only to a
search of short words alone, which is left to the search.

Every answer here is "found nowhere" only when that is certain; when in doubt (a word
whose lower case is not one character per character, as the index folds them) it says
the word may occur, and the search decides.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

TRIGRAM = 3
LAST = "\U0010ffff"
"""The highest character: a trigram beginning with a prefix is at most the prefix and this."""
VOCABULARY = "temp.search_terms"
"""The index's terms, one row per occurrence, so that asking for the first is one lookup
(the ``row`` kind counts every term's rows first). In the connection's own temporary
schema: it writes nothing to the archive, and works on one opened read-only."""


def some_word_absent(db: sqlite3.Connection, words: Sequence[str]) -> bool:
    """True when some word of ``words`` certainly occurs in no row of the index."""
    if not words:
        return False
    words = [w for w in words if "\x00" not in w]  # no full-text query can hold one: not known
    long_words = sorted((w for w in words if len(w) >= TRIGRAM), key=len, reverse=True)
    for word in long_words:  # the longest phrase is the likeliest to be rare
        if db.execute("SELECT 1 FROM search WHERE search MATCH ? LIMIT 1", (phrase(word),)).fetchone() is None:
            return True
    short_words = sorted((w for w in words if len(w) < TRIGRAM), key=len, reverse=True)
    if not short_words or not long_words:
        # Without a long word a row shorter than three characters may hold them all.
        return False
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY} USING fts5vocab(main, search, instance)")
    return any(not _in_some_trigram(db, word) for word in short_words)


def phrase(word: str) -> str:
    """A word as one full-text phrase: quotes doubled, so no operator or column filter
    (NEAR, *, ^, ``text:``) in it is read as one."""
    return '"' + word.replace('"', '""') + '"'


def _in_some_trigram(db: sqlite3.Connection, word: str) -> bool:
    """False only when no trigram holds ``word`` (of one or two characters)."""
    folded = word.lower()
    if len(folded) != len(word) or not folded:
        return True  # not known how the index folds it: let the search decide
    if _has_prefix(db, folded):
        return True
    # Not at the start of a trigram, so only at the end of a row's text: in its last
    # trigram, after its first character.
    if len(folded) == 2 and folded.isascii() and _has_tails(db):
        return _ends_some_text(db, folded)
    if any(_has_prefix(db, first + folded) for first in _first_characters(db)):
        return True
    # One character may still be the very last of a row's text, the third of a trigram:
    # that would take a lookup per pair of characters, so the search decides.
    return len(folded) == 1


def _has_tails(db: sqlite3.Connection) -> bool:
    """Whether the archive keeps its texts' last two characters by index (schema 8 on):
    an older one, opened read-only, is asked through its vocabulary instead."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'search_tails'").fetchone() is not None


def _ends_some_text(db: sqlite3.Connection, pair: str) -> bool:
    """Whether some row's text ends with ``pair`` (two ASCII characters, lower case), as
    SQLite's ``lower`` folds it, which for ASCII is how the index folds it: one lookup in
    the ``search_tails`` index. Stepping through the vocabulary's first characters took
    some sixty lookups, each dearer as the archive grew (7 ms at 100,000 meetings)."""
    return db.execute("SELECT 1 FROM search_content WHERE lower(substr(c0, -2)) = ? LIMIT 1", (pair,)).fetchone() is not None


def _first_characters(db: sqlite3.Connection) -> Iterator[str]:
    """The distinct first characters of the vocabulary's terms, in order, each found by
    one lookup past the one before (a skip scan)."""
    start = ""
    while (row := db.execute(f"SELECT term FROM {VOCABULARY} WHERE term >= ? LIMIT 1", (start,)).fetchone()) is not None:
        first = str(row[0])[:1]
        following = _after(first)
        if not first or following is None:
            return
        yield first
        start = following


def _has_prefix(db: sqlite3.Connection, prefix: str) -> bool:
    """Whether some term begins with ``prefix``. Bounded on both sides, the lookup ends
    where the range does: open above, it went on to read the next term found."""
    highest = prefix + LAST * (TRIGRAM - len(prefix))
    return (
        db.execute(f"SELECT 1 FROM {VOCABULARY} WHERE term >= ? AND term <= ? LIMIT 1", (prefix, highest)).fetchone() is not None
    )


def _after(prefix: str) -> str | None:
    """The first text past every text beginning with ``prefix`` (terms are ordered as
    their UTF-8 bytes, which is the order of code points), None when there is none."""
    for index in range(len(prefix) - 1, -1, -1):
        point = ord(prefix[index]) + 1
        if 0xD800 <= point <= 0xDFFF:  # no text holds a surrogate
            point = 0xE000
        if point <= 0x10FFFF:
            return prefix[:index] + chr(point)
    return None
