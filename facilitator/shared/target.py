"""Where a club's archive is: a PostgreSQL address, kept without any password.

The password comes from where libpq looks for it (``PGPASSWORD``, ``~/.pgpass``, a service
file), never from the archive or the command line, so it is in no message, log or file of
ours. A host that is not this machine is reached over TLS only: ``sslmode=require`` unless
the address, ``PGSSLMODE`` or a service file says which mode, and a mode that would let the
connection go without TLS is refused for such a host.
"""

from __future__ import annotations

import os
import re
from typing import Any, Final
from urllib.parse import parse_qsl, unquote, urlsplit

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.text.visible import one_line

LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})
CONNECT_SECONDS = 5
"""How long a sync waits for a server before it says it cannot be reached."""
SCHEMES: Final = ("postgresql", "postgres")
SECRET_KEYS: Final = frozenset({"password", "sslpassword"})
"""Query keys that carry a secret: the login's password, the password of the client key."""
WITHOUT_TLS: Final = frozenset({"disable", "allow", "prefer"})
"""``sslmode`` values with which libpq may talk to the server without TLS."""

_USERINFO = re.compile(r"^([a-z]+://[^:@/?#\[\]]*):.*@", re.IGNORECASE | re.DOTALL)
"""A URL's ``user:password@`` up to the *last* ``@``: libpq and urllib do not agree where a
password with ``@`` or ``/`` in it ends, so everything that could be one is taken out."""
_KEYWORD_SECRET = re.compile(r"\b((?:ssl)?password)\s*=\s*('(?:[^'\\]|\\.)*'?|\S*)", re.IGNORECASE)
"""``password=…`` in a keyword string (``host=x password=y``), quoted or not."""


def checked_target(url: str) -> str:
    """The address as given, if it is a PostgreSQL URL without a password that reaches a
    remote host over TLS only; else a clear refusal that never repeats a password."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port that is not a number: urllib says so here
    except ValueError:
        raise FacilitatorError(t("share.bad_url", url=shown(url))) from None
    if parts.scheme.lower() not in SCHEMES:
        raise FacilitatorError(t("share.bad_url", url=shown(url)))
    keys = {unquote(key).lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if parts.password is not None or _USERINFO.match(url) or keys & SECRET_KEYS:
        raise FacilitatorError(t("share.password_in_url"))
    connect_options(url)
    return url


def shown(url: str) -> str:
    """The address as messages may show it, whatever string was stored or typed: every
    password out (in the user part, in the query, in a keyword string), on one line."""
    text = _USERINFO.sub(r"\1:***@", url, count=1)
    if "?" in text:
        head, _, query = text.partition("?")
        query, hash_mark, fragment = query.partition("#")
        kept = [p for p in query.split("&") if unquote(p.partition("=")[0]).strip().lower() not in SECRET_KEYS]
        text = head + ("?" + "&".join(kept) if kept else "") + hash_mark + fragment
    text = _KEYWORD_SECRET.sub(lambda found: f"{found.group(1)}=***", text)
    return one_line(text)


def _settings(url: str) -> dict[str, str]:
    """The address's settings as libpq reads them (hosts in brackets, lists of hosts)."""
    from psycopg.conninfo import conninfo_to_dict  # here: a laptop that never shares never loads it
    from psycopg.errors import ProgrammingError

    try:
        return {key: str(value) for key, value in conninfo_to_dict(url).items() if value is not None}
    except ProgrammingError:
        raise FacilitatorError(t("share.bad_url", url=shown(url))) from None


def _remote(settings: dict[str, str]) -> bool:
    """Whether any host the connection may go to is another machine. No host in the address
    is ``PGHOST``'s (or the local socket); a host that begins with ``/`` or ``@`` is a socket."""
    hosts = settings.get("host", os.environ.get("PGHOST", "")).split(",")
    addresses = settings.get("hostaddr", os.environ.get("PGHOSTADDR", "")).split(",")
    named = [h.strip() for h in hosts if not h.strip().startswith(("/", "@"))]
    return any(h not in LOCAL_HOSTS for h in (*named, *(a.strip() for a in addresses)))


def connect_options(url: str) -> dict[str, Any]:
    """psycopg's keywords beside the address: a timeout, a name, and TLS for a remote host.

    A mode the address or ``PGSSLMODE`` gives is kept when it insists on TLS (``require``,
    ``verify-ca``, ``verify-full``): a keyword here would override it. With a service file
    (``service=`` or ``PGSERVICE``), the file says the mode and the host, which cannot be
    seen here; the union office's README sets ``sslmode`` in it."""
    settings = _settings(url)
    options: dict[str, Any] = {"connect_timeout": CONNECT_SECONDS, "application_name": "facilitator"}
    if "service" in settings or os.environ.get("PGSERVICE") or not _remote(settings):
        return options
    mode = settings.get("sslmode") or os.environ.get("PGSSLMODE")
    if mode is None:
        options["sslmode"] = "require"
    elif mode.strip().lower() in WITHOUT_TLS:
        raise FacilitatorError(t("share.tls_required", target=shown(url), mode=one_line(mode)))
    return options
