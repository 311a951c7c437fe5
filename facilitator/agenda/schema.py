"""The agenda's schema: which keys and values a parsed TOML document may hold, and the model it makes.

The loader is strict (an unknown key is an error, because a silently ignored typo loses a
prompt in the middle of a meeting) but kind: each message names the line, the item and
what to write instead. The document is walked once and every problem is collected, so a
person fixes a file in one go rather than one mistake per attempt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Final

from facilitator.agenda.model import FORMAT_VERSION, MAX_MINUTES, Agenda, Item, ItemType, MeetingInfo, MeetingKind
from facilitator.agenda.suggestions import CHOICE_ALIASES, ITEM_KEY_ALIASES, KEY_ALIASES, close_match
from facilitator.agenda.toml_lines import KeyPath
from facilitator.errors import Problem
from facilitator.i18n import join_or, t

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
    "guests",
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

_INVALID: Final = object()
"""Returned by a field check that has already recorded a problem."""


def check_schema(
    document: dict[str, Any], lines: Callable[[], Mapping[KeyPath, int]], *, quiet_about_missing: bool = False
) -> tuple[Agenda | None, list[Problem]]:
    """The Agenda a parsed document describes, or None with every problem found.

    ``lines`` places each key path on its line (``toml_lines.key_lines``); it is asked only
    when there is a problem to place, as a valid agenda needs no lines. After a syntax
    error the loader has blanked the offending line, so ``quiet_about_missing`` keeps a key
    that stood there from being reported missing as well.
    """
    validator = _Validator(lines, quiet_about_missing=quiet_about_missing)
    agenda = validator.agenda(document)
    return agenda, validator.problems


def _is_section(value: object) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value))


def _quote(value: object) -> str:
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "…"
    return f'"{text}"'


class _Validator:
    """Walks a parsed document once, building the Agenda and collecting every problem."""

    def __init__(self, lines: Callable[[], Mapping[KeyPath, int]], *, quiet_about_missing: bool = False) -> None:
        self._find_lines = lines
        self._lines: Mapping[KeyPath, int] | None = None
        self.quiet_about_missing = quiet_about_missing
        """After a syntax error the offending line was blanked; a key it held may look missing."""
        self.problems: list[Problem] = []
        self.suggested: set[KeyPath] = set()

    # -- reporting

    def line_of(self, key_path: KeyPath) -> int | None:
        """The line of ``key_path``, or of the closest enclosing header that was found."""
        if self._lines is None:
            self._lines = self._find_lines()
        for end in range(len(key_path), 0, -1):
            line = self._lines.get(key_path[:end])
            if line is not None:
                return line
        return None

    def report(self, key_path: KeyPath, message_key: str, **params: object) -> object:
        # lang named (the language in use): no parameter of the message can be taken for it
        self.problems.append(Problem(t(message_key, lang=None, **params), self.line_of(key_path)))
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
            alias = (ITEM_KEY_ALIASES.get(word) if at[:1] == ("item",) else None) or KEY_ALIASES.get(word)
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
            elif close := close_match(key.strip().lower(), valid, cutoff=0.6):
                self.report_suggestion(at, key, where, close)
            else:
                self.report(at + (key,), "agenda.key.unknown", key=key, where=where, valid=join_or(list(valid)))

    def unknown_section(self, key: str, value: object, alias: str | None) -> None:
        """A misnamed section such as [[items]] or [møde]: say so as a section."""
        brackets = "[[{}]]" if isinstance(value, list) else "[{}]"
        suggestion = alias if alias in ("meeting", "item") else close_match(key.strip().lower(), ("meeting", "item"), cutoff=0.6)
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
            "guests": self.text_list(table, at, where, "guests", unique=True),
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
        alias = CHOICE_ALIASES.get(normalised)
        close = alias if alias in valid else close_match(normalised, valid, cutoff=0.5)
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
