"""Whether saving works: one value the recorder replaces and anyone may read at any time.

The recorder saves on its own thread; the UI must never be called from there (it could
wait on a UI that is itself waiting for the recorder). So the recorder only replaces
this frozen value, which is one assignment, and whoever shows it reads it when it
suits them: the app on its one-second tick, the command line after the meeting.
Counting the failures and the recoveries lets a reader tell each of them exactly once,
even one that began and ended between two looks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum


class SaveState(Enum):
    SAVED = "saved"
    """Everything handed to the archive so far is in it, or on its way without trouble."""
    FAILING = "failing"
    """A save failed and is being retried; the meeting goes on in memory meanwhile."""


@dataclass(frozen=True)
class SaveHealth:
    state: SaveState = SaveState.SAVED
    message: str | None = None
    """The words of the latest failure: the problem now while failing, the last one after."""
    began_with: str | None = None
    """The words of the failed save that began the latest failure: the one to tell."""
    failures: int = 0
    """How many times saving has begun to fail (retries of one failure do not count)."""
    recoveries: int = 0
    """How many times saving has worked again after failing."""

    @property
    def failing(self) -> bool:
        return self.state is SaveState.FAILING

    @property
    def problem(self) -> str | None:
        """Why saving fails now; None while it works."""
        return self.message if self.failing else None

    def failed(self, message: str) -> SaveHealth:
        """After a failed save: a new failure, or the same one going on in other words."""
        if self.failing:
            return replace(self, message=message)
        return replace(self, state=SaveState.FAILING, message=message, began_with=message, failures=self.failures + 1)

    def saved(self) -> SaveHealth:
        """After a save that worked: a recovery if saving was failing."""
        if not self.failing:
            return self
        return replace(self, state=SaveState.SAVED, recoveries=self.recoveries + 1)
