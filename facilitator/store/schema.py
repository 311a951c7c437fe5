"""The archive's tables, and the steps that bring an older archive up to date.

The version lives in ``PRAGMA user_version``; ``PRAGMA application_id`` marks the file as
ours, so a foreign SQLite database is recognised and left alone. Migrations only ever
add: each step takes version N to N+1 inside one transaction. A step is SQL, or a
function for what SQL cannot say (reading the meetings' JSON snapshots).

The layout of the full-text index's rowids lives here too: the projections and the
migrations that fill them in for old data must number rows the same way.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from facilitator.store.record_rows import RECORD_TABLES

APPLICATION_ID = 0x46414331  # "FAC1"

# Full-text rows get deterministic rowids, so one meeting's rows are found (and
# replaced) by a rowid range instead of a scan of the whole index.
MEETING_SHIFT = 24
_KIND_SHIFT = 20
_KINDS = {"note": 0, "decision": 1, "vote": 2, "action": 3}


def search_rowid(meeting_id: int, kind: str, sequence: int) -> int:
    """A note's sequence is its item's id, a decision's, vote's or action's its own id
    (``projection``; before schema 6 they were numbered through the meeting, ``search_records``)."""
    return (meeting_id << MEETING_SHIFT) | (_KINDS[kind] << _KIND_SHIFT) | sequence


def meeting_rowids(meeting_id: int) -> tuple[int, int]:
    """The first and last rowid a meeting's full-text rows can have."""
    return search_rowid(meeting_id, "note", 0), search_rowid(meeting_id + 1, "note", 0) - 1


def search_records(snapshot: dict[str, Any]) -> Iterator[tuple[str, int, dict[str, Any], str]]:
    """(kind, sequence, item, text) for every decision, vote and action of a snapshot, as
    archives before schema 6 numbered them: per kind through the meeting. Kept for the
    migrations and for old archives read without migrating, whose rows are so numbered."""
    sequence = dict.fromkeys(("decision", "vote", "action"), 0)
    for item in snapshot["items"]:
        texts = [
            *(("decision", d["text"]) for d in item["decisions"]),
            *(("vote", v["subject"]) for v in item["votes"]),
            *(("action", f"{a['what']} ({a['who']})") for a in item["actions"]),
        ]
        for kind, text in texts:
            yield kind, sequence[kind], item, text
            sequence[kind] += 1


def is_closed(item: dict[str, Any]) -> bool:
    """An item of a snapshot held as a closed item (``confidential = true``)."""
    return item["item"].get("confidential") is True


def closed_rowids(meeting_id: int, snapshot: dict[str, Any]) -> list[int]:
    """The full-text rows of a meeting's closed items, notes included (a note's rowid is
    known before the note is written, so a closed item's notes are closed from their
    first keystroke)."""
    notes = [search_rowid(meeting_id, "note", item["id"]) for item in snapshot["items"] if is_closed(item)]
    records = [search_rowid(meeting_id, kind, number) for kind, number, item, _ in search_records(snapshot) if is_closed(item)]
    return notes + records


CLOSED_MARKED = 3
"""The schema version from which the archive marks what closed items recorded. An older
archive opened read-only is not migrated: ``closed_in`` reads the same from its snapshots."""


def closed_in(db: sqlite3.Connection) -> tuple[set[int], set[tuple[int, int]]]:
    """What the archive's closed items recorded, read from the snapshots: full-text rowids,
    and (meeting id, action id) of action items."""
    rowids: set[int] = set()
    actions: set[tuple[int, int]] = set()
    for meeting_id, snapshot in _snapshots(db, '"confidential": true'):
        rowids.update(closed_rowids(meeting_id, snapshot))
        actions.update((meeting_id, a["id"]) for item in snapshot["items"] if is_closed(item) for a in item["actions"])
    return rowids, actions


def _mark_closed_records(db: sqlite3.Connection) -> None:
    """Mark what old meetings recorded under closed items, from their snapshots: the
    full-text rows, the action items, and the copies of those action items that later
    meetings of the group carried over (which would otherwise show in public minutes)."""
    rowids, closed_actions = closed_in(db)
    db.executemany("INSERT INTO closed_search (rowid) VALUES (?)", [(r,) for r in sorted(rowids)])
    db.executemany("UPDATE actions SET confidential = 1 WHERE meeting_id = ? AND action_id = ?", sorted(closed_actions))
    if not closed_actions:
        return
    for meeting_id, snapshot in _snapshots(db, '"carried": [{'):
        carried = snapshot.get("carried") or []
        marked = [c for c in carried if isinstance(c, dict) and (c.get("meeting_id"), c.get("action_id")) in closed_actions]
        for entry in marked:
            entry["confidential"] = True
        if marked:
            db.execute("UPDATE meetings SET snapshot = ? WHERE id = ?", (json.dumps(snapshot, ensure_ascii=False), meeting_id))


def _snapshots(db: sqlite3.Connection, holding: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The whole snapshots whose text holds ``holding`` (a cheap filter before parsing each;
    a meeting stored in parts, ``meeting_rows``, is always read: its items are elsewhere).

    A snapshot that does not parse is passed over: the meeting cannot be opened anyway,
    and one damaged meeting must not keep the whole archive from opening."""
    from facilitator.store.meeting_rows import ORDER, whole_snapshot  # which imports nothing of here

    pattern = "%" + holding.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.execute(
        "SELECT id, snapshot FROM meetings WHERE snapshot LIKE ? ESCAPE '\\' OR snapshot LIKE ?", (pattern, f'%"{ORDER}"%')
    ).fetchall()
    for meeting_id, text in rows:
        try:
            snapshot = whole_snapshot(db, meeting_id, text)
            closed_rowids(meeting_id, snapshot)  # the shape the projections need
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        yield meeting_id, snapshot


def _renumber_records(db: sqlite3.Connection) -> None:
    from facilitator.store.projection import renumber_records  # which imports this module

    renumber_records(db)


def _order_apart(db: sqlite3.Connection) -> None:
    from facilitator.store.meeting_rows import order_apart  # as _snapshots does

    order_apart(db)


PAGED_LISTS: tuple[str, ...] = (
    # Lists read a page at a time, from where the last page ended (keyset pagination):
    # (IF NOT EXISTS: an archive whose version was set back by hand may have them)
    # each page is found through one of these and costs the same at any archive size.
    # The start screen's past meetings, newest first.
    "CREATE INDEX IF NOT EXISTS meetings_finished ON meetings (id) WHERE ended_at IS NOT NULL",
    # Action items by deadline, then meeting: all of them, and the open ones on their own
    # (an index of the open ones stays small, since most are ticked off at the next
    # meeting). The group is the meeting's: a page checks it through the meeting's key,
    # so no copy of the group has to be kept in step with the meetings.
    "CREATE INDEX IF NOT EXISTS actions_by_deadline ON actions (deadline, meeting_id, action_id)",
    "CREATE INDEX IF NOT EXISTS actions_open_by_deadline ON actions (deadline, meeting_id, action_id) WHERE done = 0",
)
"""The indexes lists page through (``history.py``)."""

JOINT_GROUPS: tuple[str, ...] = (
    # The further groups of a joint meeting (the first is meetings.group_name), so that its
    # actions are followed up, and listed, in every group it held. Found by group, then by
    # meeting; the second index serves rewriting one meeting's groups. An archive before
    # joint meetings has none to fill in: its snapshots cannot name several groups.
    """CREATE TABLE IF NOT EXISTS meeting_groups (
        group_name TEXT NOT NULL,
        meeting_id INTEGER NOT NULL REFERENCES meetings (id),
        PRIMARY KEY (group_name, meeting_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS meeting_groups_by_meeting ON meeting_groups (meeting_id)",
)
"""The table of joint meetings' groups (``history.py``, ``snapshot_writer.py``)."""

_UUID_SQL = (
    # A random (version 4) UUID in SQL: SQLite has no function for one, and a trigger must make it.
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || lower(hex(randomblob(6)))"
)
_CHANGES_MEETING = (
    # (table, events, the meeting's id in the changed row, the columns an update must change):
    # every write that changes what a meeting holds counts up its version, whichever code path
    # made it; a row written again as it was (the projections rewrite them) changes nothing.
    ("meeting_items", ("INSERT", "UPDATE", "DELETE"), "meeting_id", ("state",)),
    ("meeting_orders", ("INSERT", "UPDATE"), "meeting_id", ("item_order",)),
    ("notes", ("INSERT", "UPDATE", "DELETE"), "meeting_id", ("text",)),
    ("approvals", ("INSERT", "UPDATE", "DELETE"), "meeting_id", ("sha256", "remark", "approved_on")),
    ("actions", ("UPDATE",), "meeting_id", ("done", "what", "who", "deadline", "item_title", "confidential")),
)


def _version_trigger(table: str, event: str, key: str, columns: tuple[str, ...], mine: str = "") -> str:
    row = "OLD" if event == "DELETE" else "NEW"
    when = " WHEN " + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns) if event == "UPDATE" else ""
    return (
        f"CREATE TRIGGER IF NOT EXISTS {table}_{event.lower()}_version AFTER {event} ON {table}{when}"
        f" BEGIN UPDATE meetings SET version = version + 1 WHERE id = {row}.{key}{mine}; END"
    )


def _add_shared_columns(db: sqlite3.Connection) -> None:
    """The id and version columns (a function: an archive whose version was set back by hand
    has them already, and ALTER TABLE has no IF NOT EXISTS)."""
    have = {row[1] for row in db.execute("PRAGMA table_info(meetings)")}
    if "uid" not in have:
        db.execute("ALTER TABLE meetings ADD COLUMN uid TEXT")
    if "version" not in have:
        db.execute("ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1")


SHARED_IDS: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
    # Each meeting gets a stable id (a UUID, the same on every laptop and on the shared
    # server) and a version that counts its changes, so that a sync sends a meeting only when
    # it changed since the server got it, and sending it twice changes nothing (shared/).
    _add_shared_columns,
    f"UPDATE meetings SET uid = {_UUID_SQL} WHERE uid IS NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS meetings_by_uid ON meetings (uid)",
    f"""CREATE TRIGGER IF NOT EXISTS meeting_uid AFTER INSERT ON meetings WHEN NEW.uid IS NULL
        BEGIN UPDATE meetings SET uid = {_UUID_SQL} WHERE id = NEW.id; END""",
    # The version moves with any other change of the row (recursive triggers are off, and the
    # WHEN keeps this one's own update from counting twice).
    """CREATE TRIGGER IF NOT EXISTS meeting_version AFTER UPDATE ON meetings
        WHEN NEW.version IS OLD.version AND OLD.uid IS NOT NULL
        BEGIN UPDATE meetings SET version = OLD.version + 1 WHERE id = NEW.id; END""",
    *(_version_trigger(table, event, key, columns) for table, events, key, columns in _CHANGES_MEETING for event in events),
    # What was last sent to the shared archive, and where: a record, not a promise (the
    # server's own versions decide what is sent; shared/sync.py).
    """CREATE TABLE IF NOT EXISTS shared_sent (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        sent_at TEXT NOT NULL
    )""",
    # The archive's own settings: where it is shared (a URL without any password).
    "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)
"""Stable ids and versions of meetings, and the record of sharing (``store/sharing.py``)."""


def _add_received_column(db: sqlite3.Connection) -> None:
    """A function for the same reason as ``_add_shared_columns``."""
    if "received_from" not in {row[1] for row in db.execute("PRAGMA table_info(meetings)")}:
        db.execute("ALTER TABLE meetings ADD COLUMN received_from TEXT")


_VERSIONED = [(table, event, key, columns) for table, events, key, columns in _CHANGES_MEETING for event in events]
RECEIVED: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
    # A meeting received from the shared archive (store/receiving.py) says from where; NULL:
    # written on this laptop. It is the server's copy, at the server's version: nothing done
    # here counts its version up (a follow-up in a later meeting of this laptop marks its
    # actions done), so it never looks changed here, is never sent back, and a newer server
    # version always replaces it.
    _add_received_column,
    "DROP TRIGGER IF EXISTS meeting_version",
    """CREATE TRIGGER meeting_version AFTER UPDATE ON meetings
        WHEN NEW.version IS OLD.version AND OLD.uid IS NOT NULL AND NEW.received_from IS NULL
        BEGIN UPDATE meetings SET version = OLD.version + 1 WHERE id = NEW.id; END""",
    *(f"DROP TRIGGER IF EXISTS {table}_{event.lower()}_version" for table, event, _, _ in _VERSIONED),
    *(_version_trigger(*versioned, mine=" AND received_from IS NULL") for versioned in _VERSIONED),
)
"""Meetings received from the shared archive, read-only here (``store/receiving.py``)."""

# Index i holds the steps that take the schema from version i to i + 1.
MIGRATIONS: tuple[tuple[str | Callable[[sqlite3.Connection], None], ...], ...] = (
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
    (
        # What was recorded under a closed item is kept out of every public output:
        # action items know it, and so do full-text rows (listed here by rowid, because
        # an FTS5 table takes no new column).
        "ALTER TABLE actions ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0",
        "CREATE TABLE closed_search (rowid INTEGER PRIMARY KEY)",
        _mark_closed_records,
    ),
    (
        # A referat approved: when, with which remarks, by which meeting (none: from the
        # command line), and the approved text frozen with its SHA-256.
        """CREATE TABLE approvals (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id),
            approved_on TEXT NOT NULL,
            remark TEXT NOT NULL,
            by_meeting INTEGER REFERENCES meetings (id),
            approved_at TEXT NOT NULL,
            minutes TEXT NOT NULL,
            sha256 TEXT NOT NULL
        )""",
    ),
    PAGED_LISTS,
    (
        # A meeting's items each in a row of their own, so that a change saves the items it
        # touched (meeting_rows); meetings.snapshot then holds the rest, its head. A meeting
        # saved before is split the next time it is saved.
        """CREATE TABLE IF NOT EXISTS meeting_items (
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            item_id INTEGER NOT NULL,
            state TEXT NOT NULL,
            PRIMARY KEY (meeting_id, item_id)
        )""",
        # Decisions, votes and actions numbered in the full-text index by their own ids.
        _renumber_records,
    ),
    (
        # The order of a meeting's items in a row of its own (meeting_rows): the head, which
        # every decision rewrites, then no longer grows with the number of items.
        """CREATE TABLE IF NOT EXISTS meeting_orders (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id),
            item_order TEXT NOT NULL
        )""",
        _order_apart,
    ),
    (
        # The last two characters of every full-text row's text, folded as the index folds
        # ASCII letters, found by index (search_terms): a two-letter word that begins no
        # trigram can only end a text, and this tells at once whether one does. An index on
        # the index's own content table, so SQLite keeps it in step with every row written.
        "CREATE INDEX IF NOT EXISTS search_tails ON search_content (lower(substr(c0, -2)))",
    ),
    # Decisions, votes and the marks "send videre til" in tables of their own (record_rows):
    # the decision log, the votes and a venue's next agenda ask across meetings.
    RECORD_TABLES,
    # A joint meeting's further groups (joint_groups): its actions follow up in each.
    JOINT_GROUPS,
    SHARED_IDS,
    RECEIVED,
)


RECORDS_KEPT = 9
"""The schema version from which the archive keeps decisions, votes and forward marks in
tables; an older archive read without migrating has them only in its snapshots."""


APPROVALS_KEPT = 4
"""The schema version from which the archive keeps approvals; an older archive read
without migrating has none."""

JOINT_KEPT = MIGRATIONS.index(JOINT_GROUPS) + 1
"""The schema version from which the archive keeps joint meetings' further groups; an
older archive read without migrating has none (it could not hold a joint meeting)."""

SHARED_KEPT = MIGRATIONS.index(SHARED_IDS) + 1
"""The schema version from which meetings have a stable id and a version (sharing needs it)."""

RECEIVED_KEPT = MIGRATIONS.index(RECEIVED) + 1
"""The schema version from which the archive keeps meetings received from the shared archive."""

SCHEMA_VERSION = len(MIGRATIONS)


def migrate_one(db: sqlite3.Connection, version: int) -> None:
    """Take the schema from ``version`` to the next and mark the file as ours, in the caller's transaction."""
    for step in MIGRATIONS[version]:
        if callable(step):
            step(db)
        else:
            db.execute(step)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {version + 1}")
