"""Read an agenda file strictly, and say everything that is wrong with it at once.

The people who write agendas have often never seen TOML. So the loader is strict (an
unknown key is an error, because a silently ignored typo loses a prompt in the middle of
a meeting) but kind: each message names the line, the item and what to write instead,
and all the problems of a file come in one go rather than one per attempt.

Whatever the bytes, the result is an :class:`Agenda` or an :class:`AgendaError`.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from facilitator.agenda.model import FORMAT_VERSION, Agenda, Item, ItemType, MeetingInfo, MeetingKind
from facilitator.errors import AgendaError, Problem
from facilitator.i18n import join_or, t
from facilitator.agenda.toml_lines import (
    PREFIX,
    KeyPath,
    first_deep_line,
    first_long_key_line,
    key_lines,
    split_lines,
    string_state as _string_state,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_BYTES: Final = 2 * 1024 * 1024
"""An agenda is a page or two of text; anything this large is the wrong file."""

MAX_MINUTES: Final = 24 * 60

TOP_KEYS: Final = ("format", "meeting", "item")
MEETING_KEYS: Final = (
    "title",
    "kind",
    "group",
    "purpose",
    "date",
    "start",
    "duration",
    "location",
    "chair",
    "secretary",
    "participants",
)
ITEM_KEYS: Final = (
    "title",
    "type",
    "minutes",
    "presenter",
    "purpose",
    "prompts",
    "options",
    "confidential",
)

# Danish words people reach for instead of the English keys.
_DANISH_KEYS: Final[Mapping[str, str]] = {
    "titel": "title",
    "overskrift": "title",
    "navn": "title",
    "slags": "kind",
    "art": "kind",
    "mødetype": "kind",
    "type": "kind",
    "gruppe": "group",
    "klub": "group",
    "udvalg": "group",
    "formål": "purpose",
    "formaal": "purpose",
    "mål": "purpose",
    "dato": "date",
    "dag": "date",
    "tid": "start",
    "starttid": "start",
    "tidspunkt": "start",
    "klokken": "start",
    "varighed": "duration",
    "længde": "duration",
    "sted": "location",
    "lokale": "location",
    "mødested": "location",
    "ordstyrer": "chair",
    "mødeleder": "chair",
    "dirigent": "chair",
    "referent": "secretary",
    "sekretær": "secretary",
    "deltagere": "participants",
    "deltager": "participants",
    "minutter": "minutes",
    "min": "minutes",
    "tidsforbrug": "minutes",
    "oplægsholder": "presenter",
    "ansvarlig": "presenter",
    "fremlægger": "presenter",
    "spørgsmål": "prompts",
    "prompt": "prompts",
    "muligheder": "options",
    "løsninger": "options",
    "forslag": "options",
    "option": "options",
    "fortrolig": "confidential",
    "lukket": "confidential",
    "lukket_punkt": "confidential",
    "punkt": "item",
    "punkter": "item",
    "dagsordenspunkt": "item",
    "møde": "meeting",
    "moede": "meeting",
    "version": "format",
    # English near-misses that difflib cannot see.
    "duration": "minutes",
    "minutes": "duration",
    "kind": "type",
    "time": "start",
    "place": "location",
    "room": "location",
    "name": "title",
    "questions": "prompts",
    "attendees": "participants",
    "members": "participants",
    "minute_taker": "secretary",
    "items": "item",
    "agenda": "item",
}

# Words people use for an item's type or a meeting's kind, and what they mean here.
_CHOICE_ALIASES: Final[Mapping[str, str]] = {
    "info": "orientering",
    "information": "orientering",
    "meddelelse": "orientering",
    "diskussion": "drøftelse",
    "debat": "drøftelse",
    "droeftelse": "drøftelse",
    "beslut": "beslutning",
    "vedtagelse": "beslutning",
    "afstemning": "beslutning",
    "klub": "klubmøde",
    "klubmoede": "klubmøde",
    "personale": "personalemøde",
    "personalemoede": "personalemøde",
    "med": "med-udvalg",
    "medudvalg": "med-udvalg",
    "ledelse": "ledelsesmøde",
    "ledelsesmoede": "ledelsesmøde",
    "politikere": "politikermøde",
    "politikermoede": "politikermøde",
    "other": "andet",
}

# Within an item, time words mean the item's own minutes.
_ITEM_KEY_ALIASES: Final[Mapping[str, str]] = {
    "tid": "minutes",
    "varighed": "minutes",
    "længde": "minutes",
    "duration": "minutes",
    "time": "minutes",
}

_INVALID: Final = object()
"""Returned by a field check that has already recorded a problem."""


def load_agenda(path: Path | str) -> Agenda:
    """Read and validate the agenda at ``path``."""
    path = Path(path)
    return parse_agenda(_read(path), path)


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


MAX_SYNTAX_ERRORS: Final = 20


def parse_agenda(data: bytes, path: Path | str = "<agenda>") -> Agenda:
    """Validate the bytes of an agenda file; ``path`` is used in messages only."""
    if len(data) > MAX_BYTES:
        raise AgendaError(path, [Problem(t("agenda.file.too_large", size=_megabytes(len(data))))])
    text = _decode(data, path)
    syntax: list[Problem] = []
    lines = split_lines(text)
    document: dict[str, Any] | None = None
    long_key = first_long_key_line(text)
    if long_key is not None:
        raise AgendaError(path, [Problem(t("agenda.toml.too_deep"), long_key)])
    while document is None:
        try:
            document = tomllib.loads("\n".join(lines))
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
    validator = _Validator(path, key_lines(text), quiet_about_missing=bool(syntax))
    agenda = validator.agenda(document)
    problems = [*syntax, *validator.problems]
    if problems:
        raise AgendaError(path, problems)
    assert agenda is not None, "an invalid agenda always reports why"
    return agenda


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


# --- TOML syntax errors ----------------------------------------------------------------

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


# --- the shape of the document ---------------------------------------------------------


def _is_section(value: object) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value))


def _close_match(word: str, candidates: Sequence[str], cutoff: float) -> str | None:
    """The candidate ``word`` was probably meant to be; difflib is imported only on error."""
    import difflib

    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return matches[0] if matches else None


def _quote(value: object) -> str:
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "…"
    return f'"{text}"'


class _Validator:
    """Walks a parsed document once, building the Agenda and collecting every problem."""

    def __init__(self, path: Path | str, lines: dict[KeyPath, int], *, quiet_about_missing: bool = False) -> None:
        self.path = path
        self.lines = lines
        self.quiet_about_missing = quiet_about_missing
        """After a syntax error the offending line was blanked; a key it held may look missing."""
        self.problems: list[Problem] = []
        self.suggested: set[KeyPath] = set()

    # -- reporting

    def line_of(self, key_path: KeyPath) -> int | None:
        """The line of ``key_path``, or of the closest enclosing header that was found."""
        for end in range(len(key_path), 0, -1):
            line = self.lines.get(key_path[:end])
            if line is not None:
                return line
        return None

    def report(self, key_path: KeyPath, message_key: str, **params: object) -> object:
        self.problems.append(Problem(t(message_key, **params), self.line_of(key_path)))
        return _INVALID

    # -- the document

    def agenda(self, document: dict[str, Any]) -> Agenda | None:
        """The Agenda, or None when anything is wrong (the reasons are in ``problems``)."""
        self.unknown_keys(document, TOP_KEYS, (), t("agenda.where.top"))
        self.check_format(document.get("format", FORMAT_VERSION))
        meeting = self.meeting(document.get("meeting", _INVALID))
        items = self.items(document.get("item", _INVALID))
        if self.problems or not isinstance(meeting, MeetingInfo) or not isinstance(items, tuple):
            return None
        return Agenda(meeting=meeting, items=items)

    def unknown_keys(self, table: Mapping[str, Any], valid: tuple[str, ...], at: KeyPath, where: str) -> None:
        for key, value in table.items():
            if key in valid:
                continue
            word = key.strip().lower()
            alias = (_ITEM_KEY_ALIASES.get(word) if at[:1] == ("item",) else None) or _DANISH_KEYS.get(word)
            if at == () and _is_section(value):
                self.unknown_section(key, value, alias)
            elif alias in valid:
                self.report_suggestion(at, key, where, alias)
            elif alias in ITEM_KEYS and at[:1] != ("item",):
                self.report(at + (key,), "agenda.key.alias_belongs_in_item", key=key, where=where, suggestion=alias)
            elif alias in MEETING_KEYS and at != ("meeting",):
                self.report(at + (key,), "agenda.key.alias_belongs_in_meeting", key=key, where=where, suggestion=alias)
            elif key in MEETING_KEYS and at != ("meeting",):
                self.report(at + (key,), "agenda.key.belongs_in_meeting", key=key, where=where)
            elif key in ITEM_KEYS and at[:1] != ("item",):
                self.report(at + (key,), "agenda.key.belongs_in_item", key=key, where=where)
            elif key in TOP_KEYS and at != ():
                self.report(at + (key,), "agenda.key.belongs_at_top", key=key, where=where)
            elif close := _close_match(key.strip().lower(), valid, cutoff=0.6):
                self.report_suggestion(at, key, where, close)
            else:
                self.report(at + (key,), "agenda.key.unknown", key=key, where=where, valid=join_or(list(valid)))

    def unknown_section(self, key: str, value: object, alias: str | None) -> None:
        """A misnamed section such as [[items]] or [møde]: say so as a section."""
        brackets = "[[{}]]" if isinstance(value, list) else "[{}]"
        suggestion = alias if alias in ("meeting", "item") else _close_match(key.strip().lower(), ("meeting", "item"), cutoff=0.6)
        if suggestion:
            self.suggested.add((suggestion,))
            right = "[[item]]" if suggestion == "item" else "[meeting]"
            self.report((key,), "agenda.section.unknown_suggest", section=brackets.format(key), suggestion=right)
        else:
            self.report((key,), "agenda.section.unknown", section=brackets.format(key))

    def report_suggestion(self, at: KeyPath, key: str, where: str, suggestion: str) -> None:
        self.suggested.add(at + (suggestion,))
        self.report(at + (key,), "agenda.key.unknown_suggest", key=key, where=where, suggestion=suggestion)

    def missing(self, at: KeyPath, where: str, key: str) -> object:
        """A required key is absent; said once, not again beside "did you mean {key}"."""
        if at + (key,) in self.suggested or self.quiet_about_missing:
            return _INVALID
        return self.report(at, "agenda.value.missing", where=where, key=key)

    def missing_section(self, at: KeyPath, message_key: str) -> object:
        if at in self.suggested or self.quiet_about_missing:
            return _INVALID
        return self.report((), message_key)

    def check_format(self, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(("format",), "agenda.format.not_number", value=_describe(value))
        elif value != FORMAT_VERSION:
            self.report(("format",), "agenda.format.unsupported", value=value, supported=FORMAT_VERSION)

    def meeting(self, table: object) -> MeetingInfo | object:
        at: KeyPath = ("meeting",)
        if table is _INVALID:
            return self.missing_section(("meeting",), "agenda.meeting.missing")
        if not isinstance(table, dict):
            return self.report(at, "agenda.meeting.not_table")
        where = "[meeting]"
        self.unknown_keys(table, MEETING_KEYS, at, where)
        fields = {
            "title": self.text(table, at, where, "title", required=True, one_line=True),
            "kind": self.choice(table, at, where, "kind", MeetingKind, required=True),
            "group": self.text(table, at, where, "group", one_line=True),
            "purpose": self.text(table, at, where, "purpose"),
            "date": self.date(table, at, where),
            "start": self.time(table, at, where),
            "duration": self.minutes(table, at, where, "duration"),
            "location": self.text(table, at, where, "location", one_line=True),
            "chair": self.text(table, at, where, "chair", one_line=True),
            "secretary": self.text(table, at, where, "secretary", one_line=True),
            "participants": self.text_list(table, at, where, "participants", unique=True),
        }
        if any(value is _INVALID for value in fields.values()):
            return _INVALID
        return MeetingInfo(**fields)

    def items(self, value: object) -> tuple[Item, ...] | object:
        if value is _INVALID:
            return self.missing_section(("item",), "agenda.items.missing")
        if isinstance(value, dict):
            return self.report(("item",), "agenda.items.single_brackets")
        if not isinstance(value, list):
            return self.report(("item",), "agenda.items.not_list")
        if not value:
            return self.report(("item",), "agenda.items.missing")
        items: list[Item] = []
        for number, table in enumerate(value, start=1):
            item = self.item(number, table)
            if isinstance(item, Item):
                items.append(item)
        if len(items) != len(value):
            return _INVALID
        return tuple(items)

    def item(self, number: int, table: object) -> Item | object:
        at: KeyPath = ("item", number)
        if not isinstance(table, dict):
            return self.report(("item",), "agenda.items.not_table", number=number)
        title = table.get("title")
        if isinstance(title, str) and title.strip():
            first_line = title.strip().splitlines()[0]
            where = t("agenda.where.item_titled", number=number, title=_quote(first_line).strip('"'))
        else:
            where = t("agenda.where.item", number=number)
        self.unknown_keys(table, ITEM_KEYS, at, where)
        fields = {
            "title": self.text(table, at, where, "title", required=True, one_line=True),
            "type": self.choice(table, at, where, "type", ItemType, default=ItemType.DROEFTELSE),
            "minutes": self.minutes(table, at, where, "minutes"),
            "presenter": self.text(table, at, where, "presenter", one_line=True),
            "purpose": self.text(table, at, where, "purpose"),
            "prompts": self.text_list(table, at, where, "prompts"),
            "options": self.text_list(table, at, where, "options"),
            "confidential": self.flag(table, at, where, "confidential"),
        }
        if any(value is _INVALID for value in fields.values()):
            return _INVALID
        return Item(**fields)

    # -- fields

    def text(
        self,
        table: dict[str, Any],
        at: KeyPath,
        where: str,
        key: str,
        *,
        required: bool = False,
        one_line: bool = False,
    ) -> str | None | object:
        if key not in table:
            return self.missing(at, where, key) if required else None
        value = table[key]
        if not isinstance(value, str):
            return self.report(at + (key,), "agenda.value.not_text", where=where, key=key, value=_describe(value))
        value = value.strip()
        if not value:
            return self.report(at + (key,), "agenda.value.blank", where=where, key=key) if required else None
        if one_line and "\n" in value:
            return self.report(at + (key,), "agenda.value.not_one_line", where=where, key=key)
        return value

    def choice(
        self,
        table: dict[str, Any],
        at: KeyPath,
        where: str,
        key: str,
        enum: type[MeetingKind] | type[ItemType],
        *,
        required: bool = False,
        default: ItemType | None = None,
    ) -> Any:
        valid = [member.value for member in enum]
        choices = join_or([f'"{v}"' for v in valid])
        if key not in table:
            if not required:
                return default
            if at + (key,) in self.suggested or self.quiet_about_missing:
                return _INVALID
            return self.report(at, "agenda.choice.missing", where=where, key=key, first=valid[0], choices=choices)
        value = table[key]
        if not isinstance(value, str):
            return self.report(
                at + (key,), "agenda.choice.not_text", where=where, key=key, value=_describe(value), choices=choices
            )
        normalised = value.strip().lower()
        for member in enum:
            if member.value == normalised:
                return member
        alias = _CHOICE_ALIASES.get(normalised)
        close = alias if alias in valid else _close_match(normalised, valid, cutoff=0.5)
        if close:
            return self.report(
                at + (key,),
                "agenda.choice.unknown_suggest",
                where=where,
                key=key,
                value=_quote(value),
                suggestion=close,
                choices=choices,
            )
        return self.report(at + (key,), "agenda.choice.unknown", where=where, key=key, value=_quote(value), choices=choices)

    def minutes(self, table: dict[str, Any], at: KeyPath, where: str, key: str) -> int | None | object:
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            return self.report(at + (key,), "agenda.minutes.invalid", where=where, key=key, value=_describe(value))
        if value > MAX_MINUTES:
            return self.report(at + (key,), "agenda.minutes.too_long", where=where, key=key, value=value, limit=MAX_MINUTES)
        return value

    def date(self, table: dict[str, Any], at: KeyPath, where: str) -> dt.date | None | object:
        if "date" not in table:
            return None
        value = table["date"]
        if isinstance(value, dt.datetime):
            return self.report(at + ("date",), "agenda.date.has_time", where=where)
        if isinstance(value, dt.date):
            return value
        return self.report(at + ("date",), "agenda.date.invalid", where=where, value=_describe(value))

    def time(self, table: dict[str, Any], at: KeyPath, where: str) -> dt.time | None | object:
        if "start" not in table:
            return None
        value = table["start"]
        if isinstance(value, dt.time):
            return value
        return self.report(at + ("start",), "agenda.time.invalid", where=where, value=_describe(value))

    def flag(self, table: dict[str, Any], at: KeyPath, where: str, key: str) -> bool | object:
        value = table.get(key, False)
        if isinstance(value, bool):
            return value
        return self.report(at + (key,), "agenda.flag.invalid", where=where, key=key, value=_describe(value))

    def text_list(
        self,
        table: dict[str, Any],
        at: KeyPath,
        where: str,
        key: str,
        *,
        unique: bool = False,
    ) -> tuple[str, ...] | object:
        if key not in table:
            return ()
        value = table[key]
        if isinstance(value, str):
            return self.report(at + (key,), "agenda.list.single_text", where=where, key=key)
        if not isinstance(value, list):
            return self.report(at + (key,), "agenda.list.not_list", where=where, key=key, value=_describe(value))
        entries: list[str] = []
        seen: set[str] = set()  # the duplicate check must stay linear: lists of 100,000 names exist
        ok = True
        for number, entry in enumerate(value, start=1):
            if not isinstance(entry, str):
                self.report(
                    at + (key,), "agenda.list.entry_not_text", where=where, key=key, number=number, value=_describe(entry)
                )
                ok = False
            elif not entry.strip():
                self.report(at + (key,), "agenda.list.entry_blank", where=where, key=key, number=number)
                ok = False
            elif unique and entry.strip() in seen:
                self.report(at + (key,), "agenda.list.duplicate", where=where, key=key, value=_quote(entry.strip()))
                ok = False
            else:
                entries.append(entry.strip())
                seen.add(entries[-1])
        return tuple(entries) if ok else _INVALID


_DESCRIBERS: Final[tuple[tuple[type, Callable[[Any], str]], ...]] = (
    (bool, lambda v: t("agenda.describe.bool", value="true" if v else "false")),
    (int, lambda v: t("agenda.describe.number", value=v)),
    (float, lambda v: t("agenda.describe.number", value=v)),
    (str, lambda v: t("agenda.describe.text", value=_quote(v))),
    (dt.datetime, lambda v: t("agenda.describe.datetime", value=v.isoformat())),
    (dt.date, lambda v: t("agenda.describe.date", value=v.isoformat())),
    (dt.time, lambda v: t("agenda.describe.time", value=v.isoformat())),
    (list, lambda v: t("agenda.describe.list")),
    (dict, lambda v: t("agenda.describe.table")),
)


def _describe(value: object) -> str:
    """How a wrong value reads in a message: what the person wrote, in their words."""
    for kind, describe in _DESCRIBERS:
        if isinstance(value, kind):
            return describe(value)
    return repr(value)  # pragma: no cover - tomllib yields no other types
