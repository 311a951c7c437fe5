"""An agenda file in, an :class:`Agenda` or an :class:`AgendaError` out, whatever the bytes.

Three steps, each in a module of its own: the bytes are read and decoded here (a
directory, a huge file, a binary or a non-UTF-8 file is named as such), ``syntax`` reads
the TOML and explains its mistakes, and ``schema`` checks the keys and values and builds
the model. The problems of the last two come together, sorted by line, in one error.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Final

from facilitator.agenda.model import Agenda
from facilitator.agenda.schema import check_schema
from facilitator.agenda.syntax import read_toml
from facilitator.agenda.toml_lines import key_lines
from facilitator.errors import AgendaError, Problem
from facilitator.i18n import t

MAX_BYTES: Final = 2 * 1024 * 1024
"""An agenda is a page or two of text; anything this large is the wrong file."""


def load_agenda(path: Path | str) -> Agenda:
    """Read and validate the agenda at ``path``."""
    path = Path(path)
    return parse_agenda(_read(path), path)


def parse_agenda(data: bytes, path: Path | str = "<agenda>") -> Agenda:
    """Validate the bytes of an agenda file; ``path`` is used in messages only."""
    if len(data) > MAX_BYTES:
        raise AgendaError(path, [Problem(t("agenda.file.too_large", size=_megabytes(len(data))))])
    text = _decode(data, path)
    document, syntax = read_toml(text, path)
    agenda, schema = check_schema(document, lambda: key_lines(text), quiet_about_missing=bool(syntax))
    problems = [*syntax, *schema]
    if problems:
        raise AgendaError(path, problems)
    assert agenda is not None, "an invalid agenda always reports why"
    return agenda


def _read(path: Path) -> bytes:
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise AgendaError(path, [Problem(t("agenda.file.is_dir"))])
        if not stat.S_ISREG(status.st_mode):
            raise AgendaError(path, [Problem(t("agenda.file.not_regular"))])
        if status.st_size > MAX_BYTES:
            raise AgendaError(path, [Problem(t("agenda.file.too_large", size=_megabytes(status.st_size)))])
        with path.open("rb") as stream:
            return stream.read(MAX_BYTES + 1)  # the file may have grown since stat
    except FileNotFoundError:
        raise AgendaError(path, [Problem(t("agenda.file.not_found"))]) from None
    except PermissionError:
        raise AgendaError(path, [Problem(t("agenda.file.no_permission"))]) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise AgendaError(path, [Problem(t("agenda.file.unreadable", reason=reason))]) from None


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def _decode(data: bytes, path: Path | str) -> str:
    try:
        text = data.decode("utf-8-sig")  # tolerate the BOM some Windows editors write
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise AgendaError(path, [Problem(t("agenda.file.not_utf8", byte=f"0x{byte:02x}"), line)]) from None
    if "\x00" in text:
        raise AgendaError(path, [Problem(t("agenda.file.binary"), text[: text.index("\x00")].count("\n") + 1)])
    return text
