"""The server step that says who sees what beyond one group's own meetings.

Two things, in one step of the server's schema (appended to ``schema.MIGRATIONS``):

- **A joint meeting's groups.** ``meetings.groups`` and ``actions.groups`` hold every group
  of the meeting, its first group first. A second policy, for reading only, lets each of
  those groups' roles read the meeting and its actions. Writing stays with the first
  group's role (the policy of step 2), so a further group can read a joint meeting but
  never rewrite the first group's record of it.
- **Closed items a group chose to share** (``closed_items``): one row per meeting of such a
  group, with what its closed items recorded. It is read by the group's *restricted* role
  only (``group_roles.restricted_role``), by row-level security; the group's ordinary role
  has no privilege on it at all, so even asking is "permission denied". Laptops write it
  through three functions that run as the table owner (``SECURITY DEFINER``) and check that
  the caller logged in as the meeting's first group's role (or its owner): they may send and
  take back, never read. Every meeting of a group that chose gets a row, closed items or
  not, so the versions a laptop may ask for say no more than the public table does.
"""

from __future__ import annotations

_READS = """EXISTS (
    SELECT 1 FROM group_roles g JOIN pg_roles r ON r.rolname = g.role_name
    WHERE g.group_name = ANY({table}.groups) AND pg_has_role(current_user, r.oid, 'MEMBER')
)"""
"""A row is readable by the role of any of its meeting's groups."""

_READS_CLOSED = """EXISTS (
    SELECT 1 FROM group_roles g JOIN pg_roles r ON r.rolname = g.restricted_role
    WHERE g.group_name = ANY(closed_items.groups) AND pg_has_role(current_user, r.oid, 'MEMBER')
)"""
"""Closed items are readable by the restricted role of any of their meeting's groups."""

_WRITER = """CREATE FUNCTION facilitator_may_write(p_group text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'closed_items'::regclass), 'MEMBER')
        OR EXISTS (
            SELECT 1 FROM group_roles g JOIN pg_roles r ON r.rolname = g.role_name
            WHERE g.group_name = p_group AND pg_has_role(session_user, r.oid, 'MEMBER')
        )
$$"""
"""Whether the login (``session_user``: inside these functions ``current_user`` is the
owner) writes for ``p_group``: a member of its role, or of the tables' owner."""

_VERSIONS = """CREATE FUNCTION facilitator_closed_versions(p_uids uuid[]) RETURNS TABLE (meeting_uid uuid, version bigint)
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT c.meeting_uid, c.version FROM closed_items c
    WHERE c.meeting_uid = ANY(p_uids) AND facilitator_may_write(c.group_name)
$$"""

_PUT = """CREATE FUNCTION facilitator_put_closed(p_uid uuid, p_version bigint, p_content jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    m meetings%ROWTYPE;
BEGIN
    SELECT * INTO m FROM meetings WHERE uid = p_uid;
    IF NOT FOUND OR NOT facilitator_may_write(m.group_name) THEN
        RAISE EXCEPTION 'no meeting % of a group this login writes for', p_uid USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO closed_items (meeting_uid, version, group_name, groups, content)
    VALUES (p_uid, p_version, m.group_name, m.groups, p_content)
    ON CONFLICT (meeting_uid) DO UPDATE SET
        version = excluded.version, group_name = excluded.group_name, groups = excluded.groups,
        content = excluded.content, received_at = now()
    WHERE closed_items.version < excluded.version;
    RETURN FOUND;
END
$$"""

_TAKE_BACK = """CREATE FUNCTION facilitator_take_back_closed(p_group text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    gone bigint;
BEGIN
    IF NOT facilitator_may_write(p_group) THEN
        IF EXISTS (SELECT 1 FROM closed_items WHERE p_group = ANY(groups)) THEN
            RAISE EXCEPTION 'this login does not write for the group' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN 0;
    END IF;
    DELETE FROM closed_items WHERE p_group = ANY(groups);
    GET DIAGNOSTICS gone = ROW_COUNT;
    RETURN gone;
END
$$"""

_FUNCTIONS = (
    "facilitator_may_write(text)",
    "facilitator_closed_versions(uuid[])",
    "facilitator_put_closed(uuid, bigint, jsonb)",
    "facilitator_take_back_closed(text)",
)

_SEARCH_PATH = f"""DO $$
DECLARE f text;
BEGIN
    FOREACH f IN ARRAY ARRAY[{", ".join(f"'{f}'" for f in _FUNCTIONS)}] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp', f, current_schema());
    END LOOP;
END
$$"""
"""The functions run as the owner, so they read their tables from the schema they were made
in, with the caller's temporary tables last: a login cannot slip in a ``group_roles`` of its
own (``pg_temp`` comes first unless it is named)."""

WHO_SEES_STEP: tuple[str, ...] = (
    # A joint meeting's groups, the first one first; rows sent before have their one group.
    "ALTER TABLE meetings ADD COLUMN groups text[] NOT NULL DEFAULT '{}'",
    "UPDATE meetings SET groups = ARRAY[group_name]",
    "ALTER TABLE actions ADD COLUMN groups text[] NOT NULL DEFAULT '{}'",
    "UPDATE actions SET groups = ARRAY[group_name]",
    "CREATE INDEX meetings_by_groups ON meetings USING gin (groups)",
    "CREATE INDEX actions_by_groups ON actions USING gin (groups)",
    f"CREATE POLICY by_joint_group ON meetings FOR SELECT USING ({_READS.format(table='meetings')})",
    f"CREATE POLICY by_joint_group ON actions FOR SELECT USING ({_READS.format(table='actions')})",
    # Closed items a group chose to share, for its restricted role only.
    "ALTER TABLE group_roles ADD COLUMN restricted_role name",
    """CREATE TABLE closed_items (
        meeting_uid uuid PRIMARY KEY REFERENCES meetings (uid) ON DELETE CASCADE,
        version bigint NOT NULL CHECK (version > 0),
        group_name text NOT NULL,
        groups text[] NOT NULL,
        content jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
    )""",
    "REVOKE ALL ON closed_items FROM PUBLIC",
    "ALTER TABLE closed_items ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY by_restricted_role ON closed_items FOR SELECT USING ({_READS_CLOSED})",
    _WRITER,
    _VERSIONS,
    _PUT,
    _TAKE_BACK,
    _SEARCH_PATH,
)
"""The step's statements, run in order in one transaction by ``schema.migrate``."""


_MEETING_GROUP = """CREATE FUNCTION facilitator_meeting_group(p_uid uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT group_name FROM meetings WHERE uid = p_uid
$$"""
"""The group whose role wrote a meeting, whoever asks (NULL: no such meeting yet). The rows
that hang on a meeting (its actions, its lease) must be of that group: another club's role
could otherwise put a row on a meeting it cannot even read, which the meeting's own laptop
can then neither see nor replace, and its every sync stops there."""

_OWN_MEETING = "facilitator_meeting_group({uid}) IS NOT DISTINCT FROM group_name"

WRITERS_STEP: tuple[str, ...] = (
    _MEETING_GROUP,
    """DO $$ BEGIN
        EXECUTE format('ALTER FUNCTION facilitator_meeting_group(uuid) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    END $$""",
    "GRANT EXECUTE ON FUNCTION facilitator_meeting_group(uuid) TO PUBLIC",  # the policies run it as the one who writes
    f"CREATE POLICY own_meeting ON actions AS RESTRICTIVE FOR INSERT WITH CHECK ({_OWN_MEETING.format(uid='meeting_uid')})",
    f"CREATE POLICY own_meeting_kept ON actions AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK ({_OWN_MEETING.format(uid='meeting_uid')})",
    # A lease on a meeting not yet on the server is anyone's of the group to take; once the
    # meeting is there, only its group's. And a lease is for minutes, not for ever: the
    # expiry a client may write is bounded by the server's clock.
    f"""CREATE POLICY own_meeting ON meeting_leases AS RESTRICTIVE FOR INSERT WITH CHECK (
        (facilitator_meeting_group(uid) IS NULL OR {_OWN_MEETING.format(uid="uid")})
        AND expires_at <= now() + interval '10 minutes'
    )""",
    f"""CREATE POLICY own_meeting_kept ON meeting_leases AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK (
        (facilitator_meeting_group(uid) IS NULL OR {_OWN_MEETING.format(uid="uid")})
        AND expires_at <= now() + interval '10 minutes'
    )""",
)
"""The server's step that keeps another club's role from writing rows on a club's meetings
(appended to ``schema.MIGRATIONS``): restrictive policies, which hold besides the group
policies of the earlier steps."""
