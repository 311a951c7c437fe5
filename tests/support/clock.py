"""The one fake clock: a test decides what time it is, so no test waits and every time is known."""

from __future__ import annotations

import datetime as dt

START = dt.datetime(2026, 12, 1, 15, 0, 0)
"""When every test's meeting begins: the shipped and test agendas' own date and hour."""


class FakeClock:
    """Reads ``now``; ``advance`` moves it on. With ``tick`` each look moves it on first.

    A ticking clock stands in for a meeting where time passes between any two events
    without the test saying so at each step."""

    def __init__(self, now: dt.datetime = START, *, tick: dt.timedelta = dt.timedelta(0)) -> None:
        self.now = now
        self.tick = tick

    def __call__(self) -> dt.datetime:
        self.now += self.tick
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += dt.timedelta(minutes=minutes)
