"""One family of errors, each carrying a message a person can act on.

The CLI prints them on stderr and exits 2; the app shows them and carries on. Anything
that is not a FacilitatorError is a bug in facilitator, not a mistake of the user.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from facilitator.text.visible import one_line


class FacilitatorError(Exception):
    """A failure the user can fix; ``str(error)`` is the whole message, ready to show."""


class Problem(NamedTuple):
    """One thing wrong in a file, at a line when the line is known."""

    message: str
    line: int | None = None

    def render(self, path: str) -> str:
        """``PATH:LINE: message`` as one line: a path holding a newline or an escape
        sequence (a file name can) must not forge a line of output or act on a terminal."""
        where = f"{one_line(path)}:{self.line}" if self.line else one_line(path)
        return f"{where}: {one_line(self.message)}"


class AgendaError(FacilitatorError):
    """An agenda file that cannot be used; lists every problem found, not only the first."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("an AgendaError needs at least one problem")
        self.path = str(path)
        self.problems = tuple(sorted(problems, key=lambda p: p.line or 0))
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(problem.render(self.path) for problem in self.problems)


class MeetingError(FacilitatorError):
    """A change the meeting cannot take, with what to do instead."""


class ArchiveError(FacilitatorError):
    """The archive cannot be opened, read or written; the message names the file.

    ``permanent`` says whether trying again can help: a busy or full disk can recover, a
    damaged or replaced file or a value SQLite refuses will not.
    """

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class RefusedArchiveError(ArchiveError):
    """A file that is no archive of ours to use (foreign, newer, damaged, not a regular file).

    Only after such a refusal are the -wal/-shm files the look at it made taken away:
    nobody can be writing such a file, so nobody can lose a journal by it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, permanent=True)


class SnapshotError(ValueError):
    """A snapshot that cannot be a meeting; ``str(error)`` is one line: where, and what.

    A ValueError, not a FacilitatorError: the archive and the rescue file each turn it
    into a message that also names their file and the meeting."""
