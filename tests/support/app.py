"""What the app's tests share besides their fixtures: the terminal size and the ``make_app`` fixture's type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SIZE = (100, 35)
"""The test terminal: a laptop's terminal window, wide enough for the panels side by side."""

MakeApp = Callable[..., Any]
"""The ``make_app`` fixture: an agenda (or None for the start screen) in, an app out."""
