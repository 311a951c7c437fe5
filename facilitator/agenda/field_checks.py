"""The checks of one agenda value each: text, a choice, minutes, a date, a time, a flag, a list.

Apart from the schema's walk over the document (``schema``) so that each stays small: the
walk says which key holds what, these say whether a value is one, and every problem they
find is reported with its line, in the words of the person who wrote the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Final

from facilitator.agenda.links import href_problem
from facilitator.agenda.model import MAX_MINUTES, Attachment, ItemType, MeetingKind
from facilitator.agenda.suggestions import CHOICE_ALIASES, close_match
from facilitator.agenda.toml_lines import KeyPath
from facilitator.errors import Problem
from facilitator.i18n import join_or, t

INVALID: Final = object()
"""Returned by a field check that has already recorded a problem."""


def quote(value: object) -> str:
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "…"
    return f'"{text}"'


class FieldChecks:
    """Checks values one by one and collects every problem, each placed on its line."""

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
        return INVALID

    def missing(self, at: KeyPath, where: str, key: str) -> object:
        """A required key is absent; said once, not again beside "did you mean {key}"."""
        if at + (key,) in self.suggested or self.quiet_about_missing:
            return INVALID
        return self.report(at, "agenda.value.missing", where=where, key=key)

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
            return self.report(at + (key,), "agenda.value.not_text", where=where, key=key, value=describe(value))
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
                return INVALID
            return self.report(at, "agenda.choice.missing", where=where, key=key, first=valid[0], choices=choices)
        value = table[key]
        if not isinstance(value, str):
            return self.report(
                at + (key,), "agenda.choice.not_text", where=where, key=key, value=describe(value), choices=choices
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
                value=quote(value),
                suggestion=close,
                choices=choices,
            )
        return self.report(at + (key,), "agenda.choice.unknown", where=where, key=key, value=quote(value), choices=choices)

    def minutes(self, table: dict[str, Any], at: KeyPath, where: str, key: str) -> int | None | object:
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            return self.report(at + (key,), "agenda.minutes.invalid", where=where, key=key, value=describe(value))
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
        return self.report(at + ("date",), "agenda.date.invalid", where=where, value=describe(value))

    def time(self, table: dict[str, Any], at: KeyPath, where: str) -> dt.time | None | object:
        if "start" not in table:
            return None
        value = table["start"]
        if isinstance(value, dt.time):
            return value
        return self.report(at + ("start",), "agenda.time.invalid", where=where, value=describe(value))

    def flag(self, table: dict[str, Any], at: KeyPath, where: str, key: str) -> bool | object:
        value = table.get(key, False)
        if isinstance(value, bool):
            return value
        return self.report(at + (key,), "agenda.flag.invalid", where=where, key=key, value=describe(value))

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
            return self.report(at + (key,), "agenda.list.not_list", where=where, key=key, value=describe(value))
        entries: list[str] = []
        seen: set[str] = set()  # the duplicate check must stay linear: lists of 100,000 names exist
        ok = True
        for number, entry in enumerate(value, start=1):
            if not isinstance(entry, str):
                self.report(at + (key,), "agenda.list.entry_not_text", where=where, key=key, number=number, value=describe(entry))
                ok = False
            elif not entry.strip():
                self.report(at + (key,), "agenda.list.entry_blank", where=where, key=key, number=number)
                ok = False
            elif unique and entry.strip() in seen:
                self.report(at + (key,), "agenda.list.duplicate", where=where, key=key, value=quote(entry.strip()))
                ok = False
            else:
                entries.append(entry.strip())
                seen.add(entries[-1])
        return tuple(entries) if ok else INVALID

    def checklist(self, table: dict[str, Any], at: KeyPath, where: str) -> tuple[str, ...] | object:
        """The AMiR's points to check: texts, each once (a status is kept per point)."""
        points = self.text_list(table, at, where, "checklist")
        if not isinstance(points, tuple):
            return points
        seen: set[str] = set()
        for point in points:
            if point in seen:
                return self.report(at + ("checklist",), "agenda.checklist.duplicate", where=where, value=quote(point))
            seen.add(point)
        return points

    def attachments(self, table: dict[str, Any], at: KeyPath, where: str) -> tuple[Attachment, ...] | object:
        """``attachments = [{ title = "...", href = "..." }, ...]``: each a title on one line
        and an address the minutes may link to (``links.href_problem``)."""
        if "attachments" not in table:
            return ()
        value = table["attachments"]
        path = at + ("attachments",)
        if not isinstance(value, list):
            return self.report(path, "agenda.attachment.not_list", where=where, value=describe(value))
        found: list[Attachment] = []
        for number, entry in enumerate(value, start=1):
            if not isinstance(entry, dict):
                self.report(path, "agenda.attachment.not_table", where=where, number=number, value=describe(entry))
                continue
            extra = sorted(key for key in entry if key not in ("title", "href"))
            if extra:
                self.report(path, "agenda.attachment.unknown_key", where=where, number=number, key=extra[0])
            fields = [self._attachment_text(entry, path, where, number, key) for key in ("title", "href")]
            title, href = fields
            if isinstance(title, str) and "\n" in title:
                self.report(path, "agenda.attachment.title_lines", where=where, number=number)
            elif isinstance(href, str) and (problem := href_problem(href)) is not None:
                self.report(path, problem, where=where, number=number, value=quote(href))
            elif isinstance(title, str) and isinstance(href, str) and not extra:
                found.append(Attachment(title, href))
        return tuple(found) if len(found) == len(value) else INVALID

    def _attachment_text(self, entry: dict[str, Any], path: KeyPath, where: str, number: int, key: str) -> str | None:
        if key not in entry:
            self.report(path, "agenda.attachment.missing", where=where, number=number, key=key)
            return None
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            self.report(path, "agenda.attachment.not_text", where=where, number=number, key=key, value=describe(value))
            return None
        return value.strip()


_DESCRIBERS: Final[tuple[tuple[type, Callable[[Any], str]], ...]] = (
    (bool, lambda v: t("agenda.describe.bool", value="true" if v else "false")),
    (int, lambda v: t("agenda.describe.number", value=v)),
    (float, lambda v: t("agenda.describe.number", value=v)),
    (str, lambda v: t("agenda.describe.text", value=quote(v))),
    (dt.datetime, lambda v: t("agenda.describe.datetime", value=v.isoformat())),
    (dt.date, lambda v: t("agenda.describe.date", value=v.isoformat())),
    (dt.time, lambda v: t("agenda.describe.time", value=v.isoformat())),
    (list, lambda v: t("agenda.describe.list")),
    (dict, lambda v: t("agenda.describe.table")),
)


def describe(value: object) -> str:
    """How a wrong value reads in a message: what the person wrote, in their words."""
    for kind, describe in _DESCRIBERS:
        if isinstance(value, kind):
            return describe(value)
    return repr(value)  # pragma: no cover - tomllib yields no other types
