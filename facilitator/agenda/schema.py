"""The agenda's schema: which keys and values a parsed TOML document may hold, and the model it makes.

The loader is strict (an unknown key is an error, because a silently ignored typo loses a
prompt in the middle of a meeting) but kind: each message names the line, the item and
what to write instead. The document is walked once and every problem is collected, so a
person fixes a file in one go rather than one mistake per attempt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from facilitator.agenda.field_checks import INVALID, describe, quote
from facilitator.agenda.model import FORMAT_VERSION, Agenda, Item, ItemType, MeetingInfo, MeetingKind
from facilitator.agenda.roster_checks import Roster, RosterChecks
from facilitator.agenda.suggestions import ITEM_KEY_ALIASES, KEY_ALIASES, close_match
from facilitator.agenda.toml_lines import KeyPath
from facilitator.errors import Problem
from facilitator.i18n import join_or, t

TOP_KEYS: Final = ("format", "meeting", "item")
MEETING_KEYS: Final = (
    "title",
    "kind",
    "group",
    "groups",
    "purpose",
    "date",
    "start",
    "duration",
    "location",
    "chair",
    "secretary",
    "participants",
    "guests",
    "attachments",
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
    "temporary",
    "checklist",
    "attachments",
)


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


class _Validator(RosterChecks):
    """Walks a parsed document once, building the Agenda and collecting every problem."""

    # -- the document

    def agenda(self, document: dict[str, Any]) -> Agenda | None:
        """The Agenda, or None when anything is wrong (the reasons are in ``problems``)."""
        self.unknown_keys(document, TOP_KEYS, (), t("agenda.where.top"))
        self.check_format(document.get("format", FORMAT_VERSION))
        meeting = self.meeting(document.get("meeting", INVALID))
        items = self.items(document.get("item", INVALID))
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

    def missing_section(self, at: KeyPath, message_key: str) -> object:
        if at in self.suggested or self.quiet_about_missing:
            return INVALID
        return self.report((), message_key)

    def check_format(self, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(("format",), "agenda.format.not_number", value=describe(value))
        elif value != FORMAT_VERSION:
            self.report(("format",), "agenda.format.unsupported", value=value, supported=FORMAT_VERSION)

    def meeting(self, table: object) -> MeetingInfo | object:
        at: KeyPath = ("meeting",)
        if table is INVALID:
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
            "guests": self.text_list(table, at, where, "guests", unique=True),
            "attachments": self.attachments(table, at, where),
        }
        groups = self.groups(table, at, where, fields["group"])
        roster = self.participants(table, at, where)
        if any(value is INVALID for value in fields.values()) or groups is INVALID or not isinstance(roster, Roster):
            return INVALID
        assert isinstance(groups, tuple)
        fields["group"], fields["groups"] = groups
        return MeetingInfo(**fields, participants=roster.names, organisations=roster.organisations, non_voting=roster.non_voting)

    def items(self, value: object) -> tuple[Item, ...] | object:
        if value is INVALID:
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
            return INVALID
        return tuple(items)

    def item(self, number: int, table: object) -> Item | object:
        at: KeyPath = ("item", number)
        if not isinstance(table, dict):
            return self.report(("item",), "agenda.items.not_table", number=number)
        title = table.get("title")
        if isinstance(title, str) and title.strip():
            first_line = title.strip().splitlines()[0]
            where = t("agenda.where.item_titled", number=number, title=quote(first_line).strip('"'))
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
        fields["temporary"] = self.temporary(table, at, where, fields["options"])
        fields["checklist"] = self.checklist(table, at, where)
        fields["attachments"] = self.attachments(table, at, where)
        if any(value is INVALID for value in fields.values()):
            return INVALID
        return Item(**fields)

    def temporary(self, table: dict[str, Any], at: KeyPath, where: str, options: object) -> tuple[int, ...] | object:
        """The temporary solutions, named by their text: a file reads as the room does,
        and a solution moved in the list stays marked. Each must be one of the options."""
        named = self.text_list(table, at, where, "temporary")
        if not isinstance(named, tuple) or not isinstance(options, tuple):
            return INVALID if named is INVALID else ()
        indexes: set[int] = set()
        ok = True
        for text in named:
            if text in options:
                indexes.add(options.index(text))
                continue
            ok = False
            close = close_match(text, options, cutoff=0.6)
            if close:
                self.report(
                    at + ("temporary",),
                    "agenda.temporary.not_option_suggest",
                    where=where,
                    value=quote(text),
                    suggestion=quote(close),
                )
            else:
                self.report(at + ("temporary",), "agenda.temporary.not_option", where=where, value=quote(text))
        return tuple(sorted(indexes)) if ok else INVALID
