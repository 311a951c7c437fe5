"""A search whose rarest word is found nowhere answers at once (store/search_terms.py):
each word is asked of the index on its own first. These tests hold the answers to what
the full search gives, wherever a short word sits in a text, and keep odd query text data."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.hostile_text import SHORT

from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.search_terms import some_word_absent
from facilitator.store.snapshot import to_dict

DECISIONS = (
    "Klubben skriver til ledelsen om vold",
    "Ledelsen svarer inden fredag zq",  # a short word only at the very end of a text
    "Ledelsen svarer om budgettet x",  # and a single character
    "Ja",  # a text shorter than a trigram
    'Citat "NEAR(a b)" og text: ^start * stjerne',
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """Built once for the module: every test here only reads it."""
    from support.meetings import klubmoede

    path = tmp_path_factory.mktemp("search") / "arkiv.sqlite3"
    meeting: Meeting = klubmoede()
    with Archive.open(path) as archive:
        meeting_id = archive.create(meeting)
        meeting.start()
        for text in DECISIONS:
            meeting.add_decision(text)
        archive.save(meeting_id, to_dict(meeting, notes=False))
    with Archive.open(path, read_only=True) as archive:
        yield archive


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ledelsen zq", ["Ledelsen svarer inden fredag zq"]),  # found though only the last trigram holds it
        ("ledelsen fredag zq", ["Ledelsen svarer inden fredag zq"]),
        ("ledelsen x", ["Ledelsen svarer om budgettet x"]),  # left to the search, which finds it
        ("ledelsen om", ["Klubben skriver til ledelsen om vold", "Ledelsen svarer om budgettet x"]),
        ("ledelsen qq", []),
        ("ledelsen zqz", []),
        ("ledelsen q", ["Ledelsen svarer inden fredag zq"]),  # a single character ending a text
        ("julefrokost ledelsen", []),
        ("ja", ["Ja"]),  # short words alone: a text under three characters still found
        ("JA", ["Ja"]),
        ("ZQ ledelsen", ["Ledelsen svarer inden fredag zq"]),
        ("NEAR(a", ['Citat "NEAR(a b)" og text: ^start * stjerne']),
        ('"NEAR(a b)"', ['Citat "NEAR(a b)" og text: ^start * stjerne']),
        ("text: ^start", ['Citat "NEAR(a b)" og text: ^start * stjerne']),
        ("* stjerne", ['Citat "NEAR(a b)" og text: ^start * stjerne']),
        ('" citat', ['Citat "NEAR(a b)" og text: ^start * stjerne']),
        ("^ citat", ['Citat "NEAR(a b)" og text: ^start * stjerne']),
        ("text:vold", []),
        ('ledelsen "', []),
        ("ledelsen *", []),
        ("ledelsen NEAR", []),
        ("ledelsen :", []),
    ],
)
def test_the_answers_are_the_searchs(archive: Archive, query: str, found: list[str]) -> None:
    hits = archive.search(query)
    assert [hit.snippet.replace("[", "").replace("]", "") for hit in hits] == found


def test_a_word_found_nowhere_ends_the_search_before_it_begins(archive: Archive) -> None:
    queries: list[str] = []
    db: sqlite3.Connection = archive._db
    db.set_trace_callback(queries.append)
    try:
        assert archive.search("ledelsen svarer qq") == []
        assert archive.search("vold zqzq ledelsen") == []
    finally:
        db.set_trace_callback(None)
    assert queries and not any("JOIN meetings" in q for q in queries)  # the full search was never run
    assert all("LIKE" not in q for q in queries)


@pytest.mark.parametrize("name", sorted(SHORT))
def test_hostile_text_is_a_word_to_look_for(archive: Archive, name: str) -> None:
    text = SHORT[name]
    for query in (text, f"ledelsen {text}", f"{text} x", f"{text[:2]} ledelsen"):
        archive.search(query)  # never an FTS syntax error, never an operator
        with archive._read() as db:
            some_word_absent(db, query.split())


def test_no_words_none_absent(archive: Archive) -> None:
    with archive._read() as db:
        assert some_word_absent(db, []) is False
        assert some_word_absent(db, ["ja"]) is False  # short words alone: the search decides
        assert some_word_absent(db, ["ledelsen", "øø"]) is True
        assert some_word_absent(db, ["ledelsen", "ø"]) is False  # one character could end a text: the search decides
        assert some_word_absent(db, ["ledelsen", "İ"]) is False  # folds to two characters: not known


def test_an_archive_without_the_index_terms_table_gets_one_per_connection(tmp_path: Path, archive: Archive) -> None:
    with archive._read() as db:
        some_word_absent(db, ["ledelsen", "zq"])
        assert db.execute("SELECT name FROM sqlite_temp_master WHERE name = 'search_terms'").fetchone() is not None
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'search_terms'").fetchone() is None


def test_a_pair_that_begins_no_trigram_is_looked_up_by_its_tail_through_the_index(tmp_path: Path, archive: Archive) -> None:
    from facilitator.store import search_terms

    with archive._read() as db:
        plan = " ".join(
            str(row)
            for row in db.execute("EXPLAIN QUERY PLAN SELECT 1 FROM search_content WHERE lower(substr(c0, -2)) = 'zq' LIMIT 1")
        )
        assert "search_tails" in plan, plan
        assert search_terms._ends_some_text(db, "zq") and not search_terms._ends_some_text(db, "qj")
        answers = [some_word_absent(db, ["ledelsen", word]) for word in ("zq", "qj", "ZQ", "øø")]
    assert answers == [False, True, False, True]
    # An archive from before the tails were kept (read-only, not migrated) gets the same
    # answers through the index's vocabulary.
    copy = tmp_path / "older.sqlite3"
    with archive._read() as db:
        db.execute("VACUUM INTO ?", (str(copy),))
    older = sqlite3.connect(copy)
    try:
        older.execute("DROP INDEX search_tails")
        assert [some_word_absent(older, ["ledelsen", word]) for word in ("zq", "qj", "ZQ", "øø")] == answers
    finally:
        older.close()
