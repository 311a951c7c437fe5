"""Which TOML files in a folder look like agendas, decided from their first few KB.

A folder where a person keeps agendas often holds other TOML too: ``pyproject.toml``,
``config.toml``, ``Cargo.toml``. Offering those as "cannot be read" agendas is noise, so
only a file with a top-level ``[meeting]`` table is offered. A broken agenda of the
person's own must still be offered (with its problem), so a file that is not valid TOML
counts when a line opens the ``[meeting]`` table.

The start screen asks this for every file of the folder each time it is drawn, so the
answer must stay cheap: at most :data:`HEAD_BYTES` are read, and only a file that fits in
them is parsed. A larger file is judged by its lines alone.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

HEAD_BYTES = 8192
"""How much of a file is read to decide: an agenda names its meeting near the top."""

_MEETING_HEADER = re.compile(r"^[ \t]*\[[ \t]*meeting[ \t]*[\].]", re.MULTILINE)
"""``[meeting]`` (or ``[meeting.x]``, which opens it too) at the start of a line."""


def looks_like_agenda(path: Path) -> bool:
    """True if ``path`` is a file whose top level has a ``meeting`` table, as far as its head tells.

    A file that is there but cannot be read is offered: there is no way to tell, and the
    start screen then says why it cannot be used, where silence would hide a person's
    agenda. A name that is no file (gone, a folder) is not. The folder's listing never
    fails because of one file.
    """
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES + 1)
    except OSError:
        return path.is_file()
    text = head[:HEAD_BYTES].decode("utf-8", errors="replace")
    if len(head) <= HEAD_BYTES:
        try:
            return isinstance(tomllib.loads(text).get("meeting"), dict)
        except tomllib.TOMLDecodeError:
            pass  # a broken file: its lines decide, below
    return _MEETING_HEADER.search(text) is not None


def agendas_in(folder: Path) -> list[Path]:
    """The ``*.toml`` files of ``folder`` that look like agendas, sorted by name."""
    return [path for path in sorted(folder.glob("*.toml")) if path.is_file() and looks_like_agenda(path)]
