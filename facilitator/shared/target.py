"""Where a club's archive is: a PostgreSQL address, kept without any password.

The password comes from where libpq looks for it (``PGPASSWORD``, ``~/.pgpass``, a service
file), never from the archive or the command line, so it is in no message, log or file of
ours. A host that is not this machine is reached over TLS only (``sslmode=require`` unless the
address asks for more).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

from facilitator.errors import FacilitatorError
from facilitator.i18n import t

LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})
CONNECT_SECONDS = 5
"""How long a sync waits for a server before it says it cannot be reached."""


def checked_target(url: str) -> str:
    """The address as given, if it is a PostgreSQL URL without a password; else a clear refusal."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise FacilitatorError(t("share.bad_url", url=shown(url)))
    query = parse_qs(parts.query)
    if parts.password is not None or "password" in query:
        raise FacilitatorError(t("share.password_in_url"))
    return url


def shown(url: str) -> str:
    """The address as messages may show it: any password taken out, whatever was stored."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        netloc = netloc.replace(f":{parts.password}@", ":***@", 1)
    query = "&".join(p for p in parts.query.split("&") if not p.startswith("password="))
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def connect_options(url: str) -> dict[str, Any]:
    """psycopg's keywords beside the address: a timeout, a name, and TLS for a remote host
    (a host given in the query, a socket folder, is local)."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    hosts = [parts.hostname or "", *query.get("host", [])]
    remote = any(h and not h.startswith("/") and h not in LOCAL_HOSTS for h in hosts)
    options: dict[str, Any] = {"connect_timeout": CONNECT_SECONDS, "application_name": "facilitator"}
    if remote and "sslmode" not in query:
        options["sslmode"] = "require"
    return options
