"""Full-text search in the shared archive (``search --shared``): the club's meetings from
every laptop, as the local search finds them in one.

Every word must occur in a record (a note, decision, vote or action item), as locally. A
word occurs when the record holds one of its Danish forms (the lexemes of
``to_tsvector('danish', …)``: "beslutninger" finds "beslutningen") or holds the word itself
anywhere, inside a longer word too ("vold" finds "voldspolitikken", through pg_trgm's
trigram index). Both sides are case folded by the server (``facilitator_fold``).

The words are data: each goes to the server as a parameter, into ``plainto_tsquery``, which
reads no operator (``& | ! ( ) :*`` are only separators to it), and into a LIKE pattern with
``\\``, ``%`` and ``_`` escaped. A word with no lexeme (a stop word like "og", or only signs)
is matched as text alone, so PostgreSQL never evaluates an empty query.

As the local search (``store/search_terms.py``), each word is first asked on its own,
longest first: a search with a word found nowhere ends there, however common the others.
Hits come newest meeting first, a meeting's in the order the local search gives them
(notes, decisions, votes, actions); closed items never reach the server.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from facilitator.shared.reading import Reader, sendable
from facilitator.shared.records_step import HELD
from facilitator.text.snippet import snippet, word_marks

_LEXEME = re.compile(r"'((?:[^']|'')*)'")


class SharedHit(NamedTuple):
    meeting: str
    """The meeting's id on the server (its uid)."""
    meeting_title: str
    meeting_date: str | None
    group: str
    item_title: str
    kind: str
    snippet: str


class _Word(NamedTuple):
    query: str | None
    """Its lexemes as a tsquery, None when it has none."""
    pattern: str
    """``%word%``, case folded, with LIKE's own signs escaped."""


def _condition(word: _Word) -> tuple[str, list[Any]]:
    like = "s.folded LIKE %s ESCAPE '\\'"
    if word.query is None:
        return like, [word.pattern]
    return f"(s.lexemes @@ %s::tsquery OR {like})", [word.query, word.pattern]


def _escaped(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _words(reader: Reader, words: list[str]) -> list[_Word]:
    """Each word's tsquery and pattern, as the server folds and stems it (one round trip)."""
    rows = reader.db.execute(
        "SELECT facilitator_fold(w), CASE WHEN numnode(q) > 0 THEN q::text END"
        " FROM unnest(%s::text[]) WITH ORDINALITY AS u (w, n)"
        " CROSS JOIN LATERAL (SELECT plainto_tsquery('danish', facilitator_fold(w))) AS p (q) ORDER BY n",
        (words,),
    ).fetchall()
    return [_Word(query, _escaped(folded)) for folded, query in rows]


def search(reader: Reader, text: str, *, limit: int) -> list[SharedHit]:
    """The newest ``limit`` records holding every word of ``text`` that the role may read."""
    words = sendable(text.replace("\x00", " ")).split()  # PostgreSQL keeps no NUL: it parts words, as locally
    if not words:
        return []
    found = _words(reader, words)
    groups, group_values = reader.where_groups("s")
    for word in sorted(found, key=lambda w: len(w.pattern), reverse=True):
        condition, values = _condition(word)
        where = " AND ".join([*groups, condition])
        if not reader.db.execute(
            f"SELECT EXISTS (SELECT 1 FROM search_texts s WHERE {where})", [*group_values, *values]
        ).fetchone()[0]:
            return []
    conditions = list(groups)
    parameters: list[Any] = list(group_values)
    for word in found:
        condition, values = _condition(word)
        conditions.append(condition)
        parameters += values
    rows = reader.db.execute(
        f"SELECT s.meeting_uid::text, m.title, {HELD}, s.group_name, s.item_title, s.kind, s.body"
        " FROM search_texts s JOIN meetings m ON m.uid = s.meeting_uid"
        f" WHERE {' AND '.join(conditions)} ORDER BY s.newest DESC, s.meeting_uid DESC, s.seq LIMIT %s",
        [*parameters, limit],
    ).fetchall()
    lexemes = [lexeme.replace("''", "'") for word in found if word.query for lexeme in _LEXEME.findall(word.query)]
    marks = word_marks([*words, *lexemes])
    return [
        SharedHit(uid, title, held.isoformat() if held else None, group, item_title, kind, snippet(body, marks))
        for uid, title, held, group, item_title, kind, body in rows
    ]
