"""The archive's tables, and the steps that bring an older archive up to date.

The version lives in ``PRAGMA user_version``; ``PRAGMA application_id`` marks the file as
ours, so a foreign SQLite database is recognised and left alone. Migrations only ever
add: each step takes version N to N+1 inside one transaction.
"""

from __future__ import annotations

APPLICATION_ID = 0x46414331  # "FAC1"

# Index i holds the statements that take the schema from version i to i + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            group_name TEXT,
            date TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            started_at TEXT,
            ended_at TEXT,
            agenda_path TEXT,
            snapshot TEXT NOT NULL
        )""",
        "CREATE INDEX meetings_by_group ON meetings (group_name, id)",
        """CREATE TABLE notes (
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            item_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (meeting_id, item_id)
        )""",
        # A projection of every meeting's action items, for queries across meetings.
        """CREATE TABLE actions (
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            action_id INTEGER NOT NULL,
            item_title TEXT NOT NULL,
            what TEXT NOT NULL,
            who TEXT NOT NULL,
            deadline TEXT,
            done INTEGER NOT NULL,
            done_in INTEGER REFERENCES meetings (id),
            PRIMARY KEY (meeting_id, action_id)
        )""",
        # Full text over notes, decisions, votes and actions. Trigrams find parts of
        # Danish compound words: "vold" finds "voldspolitikken". The rowid encodes the
        # meeting (see archive._rowid), so no meeting_id column is needed.
        """CREATE VIRTUAL TABLE search USING fts5 (
            text, item_title UNINDEXED, kind UNINDEXED, tokenize = 'trigram'
        )""",
    ),
    (
        # Resuming asks for the unfinished meetings at every start: find them by index.
        "CREATE INDEX meetings_unfinished ON meetings (id) WHERE ended_at IS NULL",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)
