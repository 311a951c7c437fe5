"""tomllib's syntax errors turned into ``PATH:LINE: message`` a person who never saw TOML can act on.

tomllib describes what its parser expected ("Invalid value") and stops at the first
mistake. A person needs to hear what they wrote ("a time needs seconds"), on the line
where the mistake begins, and all the mistakes of a file at once: when one is confined
to its line, that line is blanked and reading goes on.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, Final

from facilitator.agenda.plain_strings import as_literal_strings
from facilitator.agenda.toml_lines import PREFIX, first_deep_line, first_long_key_line, split_lines
from facilitator.agenda.toml_lines import string_state as _string_state
from facilitator.errors import AgendaError, Problem
from facilitator.i18n import t

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_SYNTAX_ERRORS: Final = 20


def read_toml(text: str, path: Path | str) -> tuple[dict[str, Any], list[Problem]]:
    """The document, with the syntax problems read past on the way to it.

    Raises AgendaError when reading cannot go on: a mistake that is not confined to its
    line (an unclosed list swallows what follows), too many mistakes, or a document
    nested or dotted so deep that tomllib would take too long or recurse too far.
    """
    long_key = first_long_key_line(text)
    if long_key is not None:
        raise AgendaError(path, [Problem(t("agenda.toml.too_deep"), long_key)])
    syntax: list[Problem] = []
    lines = split_lines(text)
    while True:
        try:
            return tomllib.loads(as_literal_strings(lines)), syntax
        except tomllib.TOMLDecodeError as error:
            problem, local = _syntax_problem(error, lines)
            syntax.append(problem)
            if not local or len(syntax) >= MAX_SYNTAX_ERRORS or problem.line is None:
                raise AgendaError(path, syntax) from None
            # The mistake is confined to its line: blank it and read on, so one slip
            # does not hide the others.
            lines[problem.line - 1] = ""
        except RecursionError:
            raise AgendaError(path, [Problem(t("agenda.toml.too_deep"), first_deep_line(text))]) from None


_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")

# tomllib's messages, by prefix, with our explanation and whether the mistake is confined
# to its own line (then reading can go on past it, to find the next one).
_SYNTAX_MESSAGES: Final = (
    ("Unclosed array", "agenda.toml.unclosed_array", False),
    ("Unclosed inline table", "agenda.toml.unclosed_table", False),
    ("Unterminated string", "agenda.toml.unclosed_string", False),
    ("Expected \"'", "agenda.toml.unclosed_string", False),
    ("Expected '=' after a key", "agenda.toml.expected_equals", True),
    ("Cannot overwrite a value", "agenda.toml.duplicate_key", True),
    ("Duplicate inline table key", "agenda.toml.duplicate_key", True),
    ("Cannot declare", "agenda.toml.duplicate_table", False),
    ("Cannot mutate", "agenda.toml.duplicate_table", False),
    ("Cannot redefine namespace", "agenda.toml.duplicate_table", False),
    ("Expected newline or end of document", "agenda.toml.trailing", True),
    ("Expected ']' at the end of a table", "agenda.toml.bad_header", False),
    ("Expected ']]' at the end of an array", "agenda.toml.bad_header", False),
    ("Invalid initial character for a key", "agenda.toml.bad_key", True),
    ("Invalid date or datetime", "agenda.toml.bad_date", True),
    ("Unescaped '\\' in a string", "agenda.toml.backslash", True),
    ("Invalid hex value", "agenda.toml.backslash", True),
    ("Escaped character is not a Unicode scalar value", "agenda.toml.backslash", True),
    ("Illegal character", "agenda.toml.illegal_character", True),
    ("Found invalid character", "agenda.toml.illegal_character", True),
    ("Invalid value", "agenda.toml.invalid_value", True),
    ("Invalid statement", "agenda.toml.invalid_statement", True),
)

_ASSIGNMENT = re.compile(r"\s*([^\s=\"'#\[]+)\s*=\s*(.*)")
_TIME_WITHOUT_SECONDS = re.compile(r"\d{1,2}[:.]\d{2}\s*(#.*)?$")
_DAY_MONTH_YEAR = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*(#.*)?$")
_SHORT_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\s*(#.*)?$")
_TYPOGRAPHIC_QUOTES: Final = "“”„‟«»‘’‚‛″"
_ADJACENT_STRINGS = re.compile(r"\"\s+\"")
_NUMBER_KEYS: Final = ("minutes", "duration", "format")
_VALUE_ERRORS: Final = (
    "Invalid value",
    "Expected newline or end of document",
    "Invalid date or datetime",
    "Invalid statement",
    "Found invalid character",
    "Illegal character",
    "Invalid initial character",
    "Expected '=' after a key",
)
_FLAG_KEYS: Final = ("confidential",)


def _syntax_problem(error: Exception, lines: list[str]) -> tuple[Problem, bool]:
    raw = str(error.args[0] if error.args else error)
    position = _POSITION.search(raw)
    detail = _POSITION.sub("", raw).strip()
    line = int(position.group(1)) if position and position.group(1) else max(len(lines), 1)
    source_line = lines[line - 1][:PREFIX] if 0 < line <= len(lines) else ""
    key, local = _syntax_key(detail, source_line)
    if key in ("agenda.toml.unclosed_array", "agenda.toml.array_comma"):
        line = _opening_line(lines, line)
    elif key == "agenda.toml.unclosed_string":
        line = _unclosed_quote_line(lines) or line
    return Problem(t(key, detail=detail), line), local


def _unclosed_quote_line(lines: list[str]) -> int | None:
    """The first line that leaves a one-line string open: where the missing quote belongs."""
    closing: str | None = None
    for number, line in enumerate(lines, start=1):
        code = line[:PREFIX]
        if closing is not None:
            end = code.find(closing)
            if end < 0:
                continue
            code, closing = code[end + 3 :], None
        state = _string_state(code)
        if state in ('"""', "'''"):
            closing = state
        elif state:
            return number
    return None


def _opening_line(lines: list[str], line: int) -> int:
    """The line where a list left open was begun: tomllib notices only on a later line."""
    depth = 0
    for number in range(min(line, len(lines)), max(0, line - 200), -1):
        code = lines[number - 1][:PREFIX]
        depth += code.count("]") - code.count("[")
        if depth < 0:
            return number
    return line


def _syntax_key(detail: str, source_line: str) -> tuple[str, bool]:
    """Explain a syntax error by what the line looks like first, tomllib's words second.

    tomllib describes what its parser expected ("Invalid value"); a person needs to hear
    what they wrote ("a time needs seconds"), and the line usually shows which it is.
    """
    stripped = source_line.strip()
    about_this_line = detail.startswith(_VALUE_ERRORS)
    if about_this_line and any(quote in source_line for quote in _TYPOGRAPHIC_QUOTES):
        return "agenda.toml.typographic_quotes", True
    if stripped.startswith("[") and not stripped.isascii():
        return "agenda.toml.bad_section", False
    assignment = _ASSIGNMENT.match(source_line) if about_this_line else None
    if assignment:
        name, value = assignment.group(1), assignment.group(2)
        if not name.isascii():
            return "agenda.toml.non_ascii_key", True
        if name == "start" or _TIME_WITHOUT_SECONDS.match(value):
            return "agenda.toml.time_without_seconds", True
        if name == "date" or _DAY_MONTH_YEAR.match(value) or _SHORT_ISO_DATE.match(value):
            return "agenda.toml.bad_date", True
        if name in _NUMBER_KEYS and not value.startswith(("[", "{")):
            return "agenda.toml.bad_number", True
        if name in _FLAG_KEYS:
            return "agenda.toml.bad_flag", True
    if detail.startswith("Illegal character") and "\\n" in detail:
        return "agenda.toml.unclosed_string", False
    if detail.startswith("Unclosed array") and _ADJACENT_STRINGS.search(source_line):
        return "agenda.toml.array_comma", False
    for prefix, key, local in _SYNTAX_MESSAGES:
        if detail.startswith(prefix):
            if (
                key in ("agenda.toml.invalid_value", "agenda.toml.trailing")
                and assignment
                and not assignment.group(2).startswith(('"', "'", "[", "{"))
            ):
                return "agenda.toml.bare_text", True
            return key, local
    return "agenda.toml.other", False
