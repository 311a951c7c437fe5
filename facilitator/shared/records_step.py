"""The server's schema step for search and history on the server (``--shared``).

A meeting arrives as a row with its public snapshot (jsonb). Searching and listing across a
hundred thousand of them cannot read every snapshot, so the records a query asks for are
rows of their own, made from the snapshot by the server itself: a trigger on ``meetings``
rebuilds a meeting's rows whenever its row is written. No client writes them, so a group's
role needs no grant beyond reading them, and no laptop can make them say other than its
snapshot does. The trigger's function runs as the table owner (``SECURITY DEFINER``, with a
fixed search path); the policies still decide, on every read, which rows a role sees.

- ``search_texts``: one row per note, decision, vote and action item of a public item, as
  the local search indexes them, with the text case folded and its Danish lexemes
  (``to_tsvector('danish', …)``, GIN) and trigrams (pg_trgm, GIN) indexed, so that both a
  word's forms ("beslutninger" finds "beslutningen") and parts of words ("vold" finds
  "voldspolitikken") are found.
- ``decision_log``: one row per decision, for ``decisions --shared``.

Case is folded by the server's ICU root collation where the server has ICU (Debian's does):
a database made with the C locale folds only ASCII with plain ``lower``, and "Økonomi" must
find "økonomi" whatever locale a union's server was set up with.

pg_trgm is a trusted extension from PostgreSQL 13 on, so the database's owner may create it.
Closed items never reach the server; the function skips any item marked closed all the same.
"""

from __future__ import annotations

NEWEST = "coalesce(started_at, '0001-01-01'::timestamp)"
"""A meeting's place in "newest first": when it started (a meeting is sent once started;
one without is oldest, at a time Python can read, where ``-infinity`` is not one)."""

HELD = "coalesce(m.held_on, m.started_at::date)"
"""The day a meeting (``m``) was held, as the local lists show it: the agenda's date, else
the day it started."""

READABLE = ("search_texts", "decision_log")
"""The tables of this step: read by every role, row by row as the policies allow."""

_FOLD = """DO $do$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN
        CREATE FUNCTION facilitator_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $f$SELECT lower($1 COLLATE "und-x-icu")$f$;
    ELSE
        CREATE FUNCTION facilitator_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $f$SELECT lower($1)$f$;
    END IF;
END $do$"""

_SEARCH_ROWS = """CREATE FUNCTION facilitator_search_rows(meeting_uids uuid[])
    RETURNS TABLE (meeting_uid uuid, seq integer, group_name text, newest timestamp, item_title text, kind text, body text)
    LANGUAGE sql STABLE AS $fn$
    SELECT m.uid, r.seq, m.group_name, coalesce(m.started_at, '0001-01-01'::timestamp), t.title, r.kind, r.body
    FROM meetings m
    CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(m.snapshot->'items') WHEN 'array' THEN m.snapshot->'items' END) i
    CROSS JOIN LATERAL (
        SELECT (i->>'id')::integer, 'note', i->>'notes'
        UNION ALL
        SELECT (1 << 20) | (d->>'id')::integer, 'decision', d->>'text' FROM jsonb_array_elements(i->'decisions') d
        UNION ALL
        SELECT (2 << 20) | (v->>'id')::integer, 'vote', v->>'subject' FROM jsonb_array_elements(i->'votes') v
        UNION ALL
        SELECT (3 << 20) | (a->>'id')::integer, 'action', concat(a->>'what', ' (', a->>'who', ')')
        FROM jsonb_array_elements(i->'actions') a
    ) AS r (seq, kind, body)
    CROSS JOIN LATERAL (SELECT coalesce(i->'item'->>'title', '')) AS t (title)
    WHERE m.uid = ANY(meeting_uids) AND i->'item'->'confidential' IS DISTINCT FROM 'true'::jsonb
        AND btrim(coalesce(r.body, '')) <> ''
$fn$"""
"""The search rows a meeting's snapshot makes, as ``search_texts`` holds them (folded and
indexed there)."""

_DECISION_ROWS = """coalesce(m.started_at, '0001-01-01'::timestamp),
        coalesce(m.held_on, m.started_at::date), coalesce(i->'item'->>'title', ''), coalesce(d->>'text', ''),
        coalesce(d->'principles', '[]'::jsonb), coalesce(d->'answers', '[]'::jsonb), d->>'review',
        ARRAY(
            SELECT DISTINCT f->>2 FROM jsonb_array_elements(CASE jsonb_typeof(i->'forwards') WHEN 'array' THEN i->'forwards' END) f
            WHERE f->>0 = 'beslutning' AND f->>1 = d->>'id' AND f->>2 IS NOT NULL ORDER BY 1
        )
    FROM meetings m
    CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(m.snapshot->'items') WHEN 'array' THEN m.snapshot->'items' END) i
    CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(i->'decisions') WHEN 'array' THEN i->'decisions' END) d
    WHERE m.uid = ANY(meeting_uids) AND i->'item'->'confidential' IS DISTINCT FROM 'true'::jsonb
    ON CONFLICT DO NOTHING;"""
"""The decision records' values after the meeting's id, number, group (and groups), as
both versions of the function make them."""

_RECORDS = f"""CREATE FUNCTION facilitator_records(meeting_uids uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $fn$
BEGIN
    -- Only the rows that changed go and come: a text's lexemes and trigrams are the dear
    -- part of a sync (GIN index entries), and a change touches one or two of a meeting's texts.
    WITH fresh AS MATERIALIZED (SELECT * FROM facilitator_search_rows(meeting_uids))
    DELETE FROM search_texts s
    WHERE s.meeting_uid = ANY(meeting_uids) AND NOT EXISTS (
        SELECT 1 FROM fresh f
        WHERE f.meeting_uid = s.meeting_uid AND f.seq = s.seq AND f.group_name = s.group_name AND f.newest = s.newest
            AND f.item_title = s.item_title AND f.kind = s.kind AND f.body = s.body
    );
    DELETE FROM decision_log WHERE meeting_uid = ANY(meeting_uids);
    INSERT INTO search_texts (meeting_uid, seq, group_name, newest, item_title, kind, body, folded)
    SELECT f.meeting_uid, f.seq, f.group_name, f.newest, f.item_title, f.kind, f.body, facilitator_fold(f.body)
    FROM facilitator_search_rows(meeting_uids) f
    WHERE NOT EXISTS (SELECT 1 FROM search_texts s WHERE s.meeting_uid = f.meeting_uid AND s.seq = f.seq)
    ON CONFLICT DO NOTHING;
    INSERT INTO decision_log (meeting_uid, decision_id, group_name, newest, held, item_title, text, principles, answers, review,
        forwarded_to)
    SELECT m.uid, (d->>'id')::integer, m.group_name, {_DECISION_ROWS}
END $fn$"""
"""A meeting's records made again from its snapshot (any number of meetings at once: the
step fills them for the meetings already there in one statement)."""

_TRIGGER = """CREATE FUNCTION facilitator_records_trigger() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $fn$
BEGIN
    PERFORM facilitator_records(ARRAY[NEW.uid]);
    RETURN NULL;
END $fn$"""

_PINNED = """DO $do$ BEGIN
    EXECUTE format('ALTER FUNCTION facilitator_search_rows(uuid[]) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION facilitator_records(uuid[]) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION facilitator_records_trigger() SET search_path = pg_catalog, %I, pg_temp', current_schema());
END $do$"""
"""The functions that run as the owner find the tables of the schema they were made in, and
never a table a caller made in its temporary schema under the same name."""

TABLES: tuple[str, ...] = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    _FOLD,
    """CREATE TABLE search_texts (
        meeting_uid uuid NOT NULL REFERENCES meetings (uid) ON DELETE CASCADE,
        seq integer NOT NULL,
        group_name text NOT NULL,
        newest timestamp NOT NULL,
        item_title text NOT NULL,
        kind text NOT NULL,
        body text NOT NULL,
        folded text NOT NULL,
        lexemes tsvector GENERATED ALWAYS AS (to_tsvector('danish', folded)) STORED,
        PRIMARY KEY (meeting_uid, seq)
    )""",
    "CREATE INDEX search_texts_lexemes ON search_texts USING gin (lexemes)",
    "CREATE INDEX search_texts_trigrams ON search_texts USING gin (folded gin_trgm_ops)",
    "CREATE INDEX search_texts_newest ON search_texts (group_name, newest DESC, meeting_uid DESC, seq)",
    "CREATE INDEX search_texts_all_newest ON search_texts (newest DESC, meeting_uid DESC, seq)",
    """CREATE TABLE decision_log (
        meeting_uid uuid NOT NULL REFERENCES meetings (uid) ON DELETE CASCADE,
        decision_id integer NOT NULL,
        group_name text NOT NULL,
        newest timestamp NOT NULL,
        held date,
        item_title text NOT NULL,
        text text NOT NULL,
        principles jsonb NOT NULL,
        answers jsonb NOT NULL,
        review text,
        forwarded_to text[] NOT NULL,
        PRIMARY KEY (meeting_uid, decision_id)
    )""",
    "CREATE INDEX decision_log_newest ON decision_log (group_name, newest DESC, meeting_uid DESC, decision_id DESC)",
    "CREATE INDEX decision_log_all_newest ON decision_log (newest DESC, meeting_uid DESC, decision_id DESC)",
    f"CREATE INDEX meetings_newest ON meetings (group_name, ({NEWEST}) DESC, uid DESC)",
    f"CREATE INDEX meetings_all_newest ON meetings (({NEWEST}) DESC, uid DESC)",
    "GRANT SELECT ON search_texts, decision_log TO PUBLIC",
    "ALTER TABLE search_texts ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE decision_log ENABLE ROW LEVEL SECURITY",
)
"""The tables and indexes; the policies (``schema._MAY``, for reading only) follow them. Each
list has its order indexed twice: within a group, for a club's role (which names its groups),
and across all, for the union office's, which the policies do not bind."""

FILLING: tuple[str, ...] = (
    _SEARCH_ROWS,
    _RECORDS,
    _TRIGGER,
    _PINNED,
    "REVOKE EXECUTE ON FUNCTION facilitator_records(uuid[]) FROM PUBLIC",
    "REVOKE EXECUTE ON FUNCTION facilitator_search_rows(uuid[]) FROM PUBLIC",
    """CREATE TRIGGER meetings_records AFTER INSERT OR UPDATE OF snapshot, group_name, started_at, held_on ON meetings
        FOR EACH ROW EXECUTE FUNCTION facilitator_records_trigger()""",
    "SELECT facilitator_records(ARRAY(SELECT uid FROM meetings))",
)
"""The function that makes the rows, the trigger that calls it, and the rows of the
meetings already on the server."""


_GROUPS = "CASE WHEN m.group_name = ANY(m.groups) THEN m.groups ELSE array_prepend(m.group_name, m.groups) END"
"""A meeting's (``m``) groups, its first group always among them (a row sent before
``meetings.groups`` was filled has it empty)."""

_JOINT_READS = "INSERT INTO joint_reads (group_name, meeting_uid) SELECT g, m.uid FROM meetings m, unnest(m.groups) g WHERE g <> m.group_name AND"
"""A row for each further group of each joint meeting (``AND``-ed with which meetings)."""

_JOINT_RECORDS = f"""CREATE OR REPLACE FUNCTION facilitator_records(meeting_uids uuid[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER AS $fn$
BEGIN
    -- As before, with each row's meeting's groups, which the joint policies read.
    WITH fresh AS MATERIALIZED (
        SELECT f.*, {_GROUPS} AS groups FROM facilitator_search_rows(meeting_uids) f JOIN meetings m ON m.uid = f.meeting_uid
    )
    DELETE FROM search_texts s
    WHERE s.meeting_uid = ANY(meeting_uids) AND NOT EXISTS (
        SELECT 1 FROM fresh f
        WHERE f.meeting_uid = s.meeting_uid AND f.seq = s.seq AND f.group_name = s.group_name AND f.newest = s.newest
            AND f.item_title = s.item_title AND f.kind = s.kind AND f.body = s.body AND f.groups = s.groups
    );
    DELETE FROM decision_log WHERE meeting_uid = ANY(meeting_uids);
    DELETE FROM joint_reads WHERE meeting_uid = ANY(meeting_uids);
    {_JOINT_READS} m.uid = ANY(meeting_uids) ON CONFLICT DO NOTHING;
    INSERT INTO search_texts (meeting_uid, seq, group_name, groups, newest, item_title, kind, body, folded)
    SELECT f.meeting_uid, f.seq, f.group_name, {_GROUPS}, f.newest, f.item_title, f.kind, f.body, facilitator_fold(f.body)
    FROM facilitator_search_rows(meeting_uids) f JOIN meetings m ON m.uid = f.meeting_uid
    WHERE NOT EXISTS (SELECT 1 FROM search_texts s WHERE s.meeting_uid = f.meeting_uid AND s.seq = f.seq)
    ON CONFLICT DO NOTHING;
    INSERT INTO decision_log (meeting_uid, decision_id, group_name, groups, newest, held, item_title, text, principles, answers,
        review, forwarded_to)
    SELECT m.uid, (d->>'id')::integer, m.group_name, {_GROUPS}, {_DECISION_ROWS}
END $fn$"""
"""The records made with their meeting's groups (the step's version of ``_RECORDS``)."""

_READS_ONCE = """{table}.groups && ARRAY(
    SELECT g.group_name FROM group_roles g JOIN pg_roles r ON r.rolname = g.role_name
    WHERE pg_has_role(current_user, r.oid, 'MEMBER')
)"""
"""A row is readable by the role of any of its meeting's groups (as ``who_sees.READS``), the
role's groups looked up once per query, not once per row (the subquery names no column of
the row)."""

JOINT_STEP: tuple[str, ...] = (
    "ALTER TABLE search_texts ADD COLUMN groups text[] NOT NULL DEFAULT '{}'",
    "ALTER TABLE decision_log ADD COLUMN groups text[] NOT NULL DEFAULT '{}'",
    f"UPDATE search_texts s SET groups = {_GROUPS} FROM meetings m WHERE m.uid = s.meeting_uid",
    f"UPDATE decision_log d SET groups = {_GROUPS} FROM meetings m WHERE m.uid = d.meeting_uid",
    _JOINT_RECORDS,
    """DO $do$ BEGIN
        EXECUTE format('ALTER FUNCTION facilitator_records(uuid[]) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    END $do$""",
    "DROP TRIGGER meetings_records ON meetings",
    """CREATE TRIGGER meetings_records AFTER INSERT OR UPDATE OF snapshot, group_name, groups, started_at, held_on ON meetings
        FOR EACH ROW EXECUTE FUNCTION facilitator_records_trigger()""",
    # Which joint meetings are a further group's, for its queries to name by index.
    """CREATE TABLE joint_reads (
        group_name text NOT NULL,
        meeting_uid uuid NOT NULL REFERENCES meetings (uid) ON DELETE CASCADE,
        PRIMARY KEY (group_name, meeting_uid)
    )""",
    "CREATE INDEX joint_reads_by_meeting ON joint_reads (meeting_uid)",
    "GRANT SELECT ON joint_reads TO PUBLIC",
    "ALTER TABLE joint_reads ENABLE ROW LEVEL SECURITY",
    f"{_JOINT_READS} true",
    *(f"CREATE POLICY by_joint_group ON {table} FOR SELECT USING ({_READS_ONCE.format(table=table)})" for table in READABLE),
    # The same, for meetings and actions, in the form their groups are looked up in once.
    *(f"ALTER POLICY by_joint_group ON {table} USING ({_READS_ONCE.format(table=table)})" for table in ("meetings", "actions")),
)
"""The server's step that lets every group of a joint meeting search it and list its
decisions, as it reads the meeting (``who_sees``): each record carries its meeting's groups,
and a second policy reads them (appended to ``schema.MIGRATIONS``, with ``joint_reads``'s
policy). The function that makes the records is replaced (``CREATE OR REPLACE`` keeps who
may run it, not its search path, which is pinned again); the trigger runs it again when a
meeting's groups change too.

``joint_reads`` names, for each further group, the joint meetings that are its too. A
club's query names its rows by ``group_name = ANY(…) OR meeting_uid = ANY(…)``: under
row-level security only a *leakproof* condition may go before the policy into an index
scan, and ``=`` is one where the array overlap ``&&`` is not, so ``groups && …`` would read
every club's rows to keep a club's (90 times slower at 100,000 meetings)."""
