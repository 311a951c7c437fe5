"""What every command shares about its output: the exit codes, an error on stderr, a
table, and the file ``-o`` names.

Everything printed that came from a person, a file, the archive or the command line is
data: a value in a line goes out through ``one_line`` (``i18n.t`` does it for the values
it fills in; table cells are done here), and whatever is printed whole, an error or the
minutes, through ``visible``. No control character reaches the terminal raw.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from facilitator.cli.table import table_lines, terminal_width
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.text.visible import one_line, visible

EXIT_OK = 0
EXIT_INVALID = 2


def print_error(error: FacilitatorError) -> None:
    """An error on stderr. Its values went in one-line already (``t``); this is the guard
    for any text that did not come through ``t``. Lines are kept: an AgendaError has one
    per problem."""
    print(visible(str(error)), file=sys.stderr)


def silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def print_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    """Columns padded to their widest cell, fitted to the terminal's width when printed
    to one (table.py); into a pipe one row per line, the last column running free.
    Nothing when empty."""
    if not rows:
        print(t("cli.history.empty"), file=sys.stderr)
        return
    shown = [tuple(one_line(cell) for cell in row) for row in (header, *rows)]
    for line in table_lines(shown, terminal_width()):
        print(line)


def output_target(output: str | None, default_name: str) -> Path:
    """Where ``-o`` points: a file, or a folder to put ``default_name`` in (here if absent)."""
    if not output:
        return Path(default_name)
    target = Path(output)
    try:
        folder = output.endswith(("/", os.sep)) or target.is_dir()
    except OSError:  # a name too long, say: write_atomic tells it with the file's name
        folder = False
    return target / default_name if folder else target
