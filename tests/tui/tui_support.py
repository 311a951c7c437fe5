"""What the app's tests share besides fixtures: the fixed clock and the terminal size."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

START = dt.datetime(2026, 12, 1, 15, 0, 0)
SIZE = (100, 35)


class FakeClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += dt.timedelta(minutes=minutes)


MakeApp = Callable[..., Any]
"""The ``make_app`` fixture: an agenda (or None for the start screen) in, an app out."""
