"""The building blocks of the snapshot check: one value each, failing with one short line.

Apart from the walk over the snapshot (``snapshot_check``), which says what each key must
hold; these say whether a value is one, and word the message when it is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, Final

from facilitator.errors import SnapshotError
from facilitator.i18n import t

MAX_ID: Final = 2**31 - 1
"""Ids and meeting numbers: far beyond any meeting, and within what SQLite stores."""

MAX_COUNT: Final = 1_000_000
"""Votes and people present: more than any room holds."""

SHOWN: Final = 40
"""Characters of a wrong value quoted in the message."""


def shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


TYPE_KEYS: Final = {
    "nothing": "snapshot.type.nothing",
    "flag": "snapshot.type.flag",
    "number": "snapshot.type.number",
    "text": "snapshot.type.text",
    "list": "snapshot.type.list",
    "table": "snapshot.type.table",
    "date": "snapshot.type.date",
    "time": "snapshot.type.time",
    "datetime": "snapshot.type.datetime",
}
"""The words for a kind of value, by the name the checks below give it."""


def type_name(value: object) -> str:
    if value is None:
        return t("snapshot.type.nothing")
    if isinstance(value, bool):
        return t("snapshot.type.flag")
    if isinstance(value, int):
        return t("snapshot.type.number")
    if isinstance(value, str):
        return t("snapshot.type.text")
    if isinstance(value, list):
        return t("snapshot.type.list")
    if isinstance(value, dict):
        return t("snapshot.type.table")
    return type(value).__name__


class ValueChecks:
    """Checks of single values; keeps the ids seen so far to find duplicates."""

    def __init__(self) -> None:
        self.item_ids: set[int] = set()
        self.record_ids: set[int] = set()

    # --- reporting

    @staticmethod
    def fail(message_key: str, /, **params: object) -> SnapshotError:
        # lang named (the language in use): no parameter of the message can be taken for it
        return SnapshotError(t(message_key, lang=None, **params))

    def wrong_type(self, where: str, expected: str, value: object) -> SnapshotError:
        return self.fail("snapshot.wrong_type", where=where, expected=t(TYPE_KEYS[expected]), found=type_name(value))

    # --- building blocks

    def table(self, value: object, where: str, required: Iterable[str], optional: Iterable[str] = ()) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong_type(where, "table", value)
        required = tuple(required)
        for key in required:
            if key not in value:
                raise self.fail("snapshot.missing", where=where, key=key)
        known = {*required, *optional}
        for key in value:
            if key not in known:
                raise self.fail("snapshot.unknown_key", where=where, key=shown(key))
        return value

    def list_(self, value: object, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.wrong_type(where, "list", value)
        return value

    def text(self, value: object, where: str, *, optional: bool = False, blank: bool = True) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise self.wrong_type(where, "text", value)
        if not blank and not value.strip():
            raise self.fail("snapshot.blank", where=where)

    def flag(self, value: object, where: str) -> None:
        if not isinstance(value, bool):
            raise self.wrong_type(where, "flag", value)

    def number(self, value: object, where: str, low: int, high: int, *, optional: bool = False) -> int | None:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.wrong_type(where, "number", value)
        if not low <= value <= high:
            raise self.fail("snapshot.out_of_range", where=where, value=value, low=low, high=high)
        return value

    def choice(self, value: object, where: str, choices: Iterable[str]) -> None:
        valid = list(choices)
        if value not in valid:
            raise self.fail("snapshot.bad_choice", where=where, value=shown(value), choices=", ".join(valid))

    def moment(self, value: object, where: str, parse: Callable[[str], Any], kind: str, *, optional: bool = True) -> None:
        """An ISO date, time or date and time, without a zone (the meeting's clock has none)."""
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise self.wrong_type(where, "text", value)
        try:
            parsed = parse(value)
        except ValueError:
            raise self.fail("snapshot.bad_time", where=where, value=shown(value), kind=t(TYPE_KEYS[kind])) from None
        if getattr(parsed, "tzinfo", None) is not None:
            raise self.fail("snapshot.zoned_time", where=where, value=shown(value))

    def datetime(self, value: object, where: str, *, optional: bool = True) -> None:
        self.moment(value, where, dt.datetime.fromisoformat, "datetime", optional=optional)

    def date(self, value: object, where: str) -> None:
        self.moment(value, where, dt.date.fromisoformat, "date")

    def span(self, value: object, where: str) -> None:
        span = self.list_(value, where)
        if len(span) != 2:
            raise self.fail("snapshot.not_span", where=where)
        self.datetime(span[0], f"{where}[0]", optional=False)
        self.datetime(span[1], f"{where}[1]")

    def spans(self, value: object, where: str) -> None:
        for number, span in enumerate(self.list_(value, where)):
            self.span(span, f"{where}[{number}]")

    def unique(self, seen: set[Any], value: Any, where: str) -> None:
        if value in seen:
            raise self.fail("snapshot.duplicate", where=where, value=shown(value))
        seen.add(value)

    def record_id(self, value: object, where: str) -> int:
        number = self.number(value, where, 1, MAX_ID)
        assert number is not None
        self.unique(self.record_ids, number, where)
        return number
