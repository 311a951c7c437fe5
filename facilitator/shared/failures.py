"""What went wrong with the shared archive, as one line a person can act on.

Every failure of a sync ends here: the server cannot be reached, refuses the password, has a
schema newer than this facilitator, or goes away in the middle. None of them loses anything
local: a sync only adds to the archive (the meetings it received, each whole in its own
transaction) and records what it sent.
"""

from __future__ import annotations

from typing import Any

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.text.visible import one_line

WRONG_PASSWORD = ("28P01", "28000")
"""SQLSTATEs of a refused login (invalid_password, invalid_authorization_specification)."""


class SharedArchiveError(FacilitatorError):
    """A sync that could not be done, or not to the end; the message says which and why."""


_KNOWN_REASONS = (
    (("No such file or directory", "Connection refused"), "sync.reason.no_server"),
    (
        ("Name or service not known", "failed to resolve host", "could not translate host name", "name resolution"),
        "sync.reason.unknown_host",
    ),
    (("Network is unreachable", "No route to host"), "sync.reason.no_network"),
    (("timeout expired", "timed out"), "sync.reason.timeout"),
    (
        ("server closed the connection", "terminating connection", "connection is lost", "EOF detected", "SSL SYSCALL"),
        "sync.reason.closed",
    ),
)
"""libpq's and the system's English words for the usual ways a server is out of reach, and
what the messages say instead in the user's language."""


def _reason(error: BaseException) -> str:
    """Why, in words: the usual cases in the user's language, else the server's or libpq's
    own last words, on one line (never an address with a password: libpq does not repeat
    passwords)."""
    whole = str(error)
    folded = whole.lower()
    for phrases, key in _KNOWN_REASONS:
        if any(phrase.lower() in folded for phrase in phrases):
            return t(key)
    text = whole.strip().splitlines()
    last = text[0] if text else type(error).__name__
    return one_line(last.rsplit("failed: ", 1)[-1])[:200]


def on_connect(error: Any, target: str, *, asking: bool = False) -> SharedArchiveError:
    """A connection that failed: a wrong password, or a server not there. ``asking``: for
    a question (``--shared``), whose message does not say that nothing is lost: a question
    had nothing to lose, and a person reading it wondered what might have been."""
    text = str(error)
    if (
        getattr(error, "sqlstate", None) in WRONG_PASSWORD
        or "password authentication failed" in text
        or "no password supplied" in text
    ):
        if asking:
            return SharedArchiveError(t("shared.wrong_password", target=target))
        return SharedArchiveError(t("sync.wrong_password", target=target))
    if asking:
        return SharedArchiveError(t("shared.unreachable", target=target, reason=_reason(error)))
    return SharedArchiveError(t("sync.unreachable", target=target, reason=_reason(error)))


def on_sync(error: BaseException, target: str) -> SharedArchiveError:
    """A failure after the connection was made (the server went away, a refusal of a row)."""
    return SharedArchiveError(t("sync.failed", target=target, reason=_reason(error)))


def server_newer(target: str, version: int, supported: int, *, asking: bool = False) -> SharedArchiveError:
    if asking:  # a question: nothing to lose (on_connect)
        return SharedArchiveError(t("shared.server_newer", target=target, version=version, supported=supported))
    return SharedArchiveError(t("sync.server_newer", target=target, version=version, supported=supported))


def on_query(error: BaseException, target: str) -> SharedArchiveError:
    """A ``--shared`` question the server did not answer (it went away, refused a table)."""
    return SharedArchiveError(t("shared.query_failed", target=target, reason=_reason(error)))


def lease_unseen(uid: str) -> SharedArchiveError:
    """A lease on the meeting's id that this login cannot read: another group's role wrote it."""
    return SharedArchiveError(t("sync.lease_unseen", uid=uid[:8]))


def open_schema(target: str) -> SharedArchiveError:
    """The schema lets every role create in it: the tables are not made there (README: the union office's setup)."""
    return SharedArchiveError(t("sync.open_schema", target=target))
