"""Every error class of facilitator, in one place: what can go wrong is read in one file.

Most are FacilitatorErrors, each carrying a message a person can act on: the CLI prints
them on stderr and exits 2; the app shows them and carries on. Anything that is not a
FacilitatorError and escapes is a bug in facilitator, not a mistake of the user. The few
that are not FacilitatorErrors (``NotRegularFileError``, ``FileTooLargeError``,
``LimitReachedError`` and ``StoppedError``, ``SnapshotError``) never reach a person: the
module that raises them is wrapped by one that words them.

This module imports nothing heavier than ``text``, so any wing may import it.
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


class OutputError(FacilitatorError):
    """A file could not be written where the user asked (``files.atomic_write``)."""


class NotRegularFileError(Exception):
    """The path is a folder, a pipe, a device or a socket, not a regular file (``files.regular_file``).

    Not a FacilitatorError: the callers word the refusal their way (a rescue file, a template).
    """


class FileTooLargeError(Exception):
    """The file holds more than the limit the caller gave (``files.regular_file``)."""


class MinutesError(FacilitatorError):
    """The minutes could not be made: a template error, named by template and line."""


class TemplateError(FacilitatorError):
    """A template could not be rendered: its error, named by template and line."""


class LimitReachedError(Exception):
    """Raised inside a rendering when it has spent what it may (``output.template_limits``).

    It never leaves the rendering: ``template_sandbox.render`` turns it into a TemplateError
    naming template and line. Its base is plain Exception on purpose: Jinja's filters and
    attribute lookups swallow ValueError, TypeError, LookupError and AttributeError, and a
    limit must end the rendering, never become a default value.
    """


class StoppedError(LimitReachedError):
    """The rendering was stopped from outside (the app is quitting)."""


class FieldError(FacilitatorError):
    """A value a dialog must ask for again, shown beside its field (``tui.dialogs.form``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


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
