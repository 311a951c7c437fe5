"""The lists as data: standard CSV for a spreadsheet (``decisions``, ``actions``, ``votes`` with ``--csv``).

UTF-8 with a byte order mark, because Excel reads a CSV without one in the machine's old
code page and shows "Ã¦" for "æ"; rows end in CRLF, as RFC 4180 and Excel expect. Every
cell is data: one that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
would be taken by a spreadsheet for a formula (a decision's text can say anything), so it
is written after an apostrophe, which the spreadsheet shows as text and does not run. Nor
does a cell carry an escape sequence to the terminal it is printed on or ``cat`` to: ESC,
C1 and the other controls are written as signs (``text.visible.in_data_file``), as in the
minutes; tabs and line breaks stay.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Sequence
from typing import Final

from facilitator.cli.console import output_target
from facilitator.i18n import t
from facilitator.text.visible import in_data_file

BOM: Final = "\ufeff"
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def neutral(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula, and a terminal never
    takes an escape sequence from."""
    cell = in_data_file(cell)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """The table as CSV: a header row, then every row, each cell neutral."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutral(cell) for cell in header])
    writer.writerows([neutral(cell) for cell in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def write_csv(
    header: Sequence[str], rows: Sequence[Sequence[str]], output: str | None, default_name: str, *, force: bool, private: bool
) -> str | None:
    """Write the CSV to stdout, or (``-o``) to a file, safely: the path written, or None.
    ``private`` (a list with closed items' records) makes the file its owner's alone, as
    the restricted minutes are."""
    data = csv_bytes(header, rows)
    if output is None or output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return None
    from facilitator.files.atomic_write import write_atomic

    target = output_target(output, default_name)
    write_atomic(target, data, overwrite=force, private=private)
    return str(target)


ACTION_COLUMNS: Final = (
    "cli.col.id",
    "cli.col.done",
    "cli.col.deadline",
    "cli.col.who",
    "cli.col.what",
    "cli.col.meeting",
    "cli.col.date",
    "cli.col.item",
)
"""The columns of ``actions --csv``, local or ``--shared``: a script reads either file the same way."""


def action_header() -> tuple[str, ...]:
    return tuple(t(key) for key in ACTION_COLUMNS)
