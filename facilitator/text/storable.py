"""Text that can be stored: every lone surrogate becomes U+FFFD (the replacement character).

A Python string may hold lone surrogates (U+D800 to U+DFFF), which no UTF-8 file, SQLite
text or terminal takes. They come from two places: command-line arguments whose bytes
were not UTF-8 (Python hands each such byte over as a surrogate, ``surrogateescape``), and
JSON escapes such as ``"\\udcff"`` in a file (a rescue file, a snapshot in an archive made
by other means). Such text is data all the same; but a meeting holding it could be neither
saved nor rescued, and a restore of it stopped with a traceback. It is made storable where
it enters: the command line's text options, a rescue file and a snapshot read back.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
"""A JSON escape that may stand for a surrogate: without one, parsed JSON holds none
(a JSON text that is a str holds no lone surrogate, as it was decoded from UTF-8)."""


def storable(text: str) -> str:
    """``text`` with every lone surrogate replaced."""
    return _SURROGATE.sub("\ufffd", text)


def storable_data(value: Any) -> Any:
    """Parsed JSON with every lone surrogate in its strings (keys too) replaced."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable_data(k): storable_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [storable_data(v) for v in value]
    return value


def loads(text: str) -> Any:
    """``json.loads``, with lone surrogates replaced; the walk is made only when the text has
    an escape that can give one, so reading a large snapshot costs what it did."""
    data = json.loads(text)
    return storable_data(data) if _ESCAPED_SURROGATE.search(text) else data
