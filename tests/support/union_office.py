"""The union office's side of the shared archive in tests: roles for groups, set up as the README says,
and every table of a database read as the superuser."""

from __future__ import annotations

from typing import NamedTuple

import psycopg

from facilitator.shared import schema as shared_schema
from support.postgres import PostgresServer


class GroupRoles(NamedTuple):
    """A group's two login roles: the one its laptops sync as, and the one that reads its closed items."""

    group: str
    role: str
    restricted: str

    @staticmethod
    def password(role: str) -> str:
        return f"kode-{role}"


def set_up(pg: PostgresServer, database: str, groups: dict[str, str]) -> dict[str, GroupRoles]:
    """The schema, and for each group (name -> a short tag) a role and a restricted role with
    their grants, as the README's union office does. Role names carry the database's name:
    roles belong to the whole server, which the worker's tests share."""
    made = {}
    with psycopg.connect(pg.url(database), autocommit=True) as db:
        shared_schema.migrate(db)
        for group, tag in groups.items():
            roles = GroupRoles(group, f"{tag}_{database}", f"{tag}_lukket_{database}")
            for role in roles[1:]:
                db.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{GroupRoles.password(role)}'".encode())
            db.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON meetings, actions, meeting_leases TO {roles.role}".encode())
            db.execute(f"GRANT SELECT ON closed_items TO {roles.restricted}".encode())
            db.execute(
                "INSERT INTO group_roles (group_name, role_name, restricted_role) VALUES (%s, %s, %s)",
                (group, roles.role, roles.restricted),
            )
            made[group] = roles
    return made


def as_role(pg: PostgresServer, database: str, role: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(pg.url(database, user=role, password=GroupRoles.password(role)), autocommit=True)


def every_table(url: str) -> dict[str, str]:
    """Each table of the database (the server's own catalogues aside) as the text of all its
    rows, read as the superuser, whom no policy binds."""
    with psycopg.connect(url) as db:
        tables = db.execute(
            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        ).fetchall()
        return {
            name: db.execute(f"SELECT coalesce(string_agg(to_jsonb(x)::text, ' '), '') FROM {name} x".encode()).fetchone()[0]  # type: ignore[index]
            for (name,) in tables
        }
