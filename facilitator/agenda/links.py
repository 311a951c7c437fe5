"""Which addresses an attachment (bilag) may point to: a web page or a file beside the agenda.

The minutes make every attachment a link, and a link is clicked: an agenda file passed
around by mail must not be able to make that click run a script (``javascript:``), open
another program (``file:``, ``mailto:``, a custom scheme) or hide where it goes behind
control characters. So only two kinds are taken, and everything else is refused with
the reason, before the meeting starts.
"""

from __future__ import annotations

import re
from typing import Final

WEB_SCHEMES: Final = ("http", "https")

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters, line separators and direction controls: none belongs in an address,
and each could make it read as something else than it is."""


def href_problem(href: str) -> str | None:
    """The message key of what is wrong with ``href`` (already stripped), or None if it is
    an http(s) address with a host or a relative path."""
    if _CONTROL.search(href):
        return "agenda.attachment.href_control"
    scheme = _SCHEME.match(href)
    if scheme is not None:
        if scheme.group(1).lower() not in WEB_SCHEMES:
            return "agenda.attachment.href_scheme"
        rest = href[scheme.end() :]
        if not rest.startswith("//") or not rest[2:].split("/", 1)[0].strip():
            return "agenda.attachment.href_no_host"
        return None
    if href.startswith(("/", "\\")):
        return "agenda.attachment.href_absolute"
    return None
