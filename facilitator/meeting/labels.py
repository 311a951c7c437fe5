"""The words for the fixed choices an agenda and a meeting offer: item types and the four
principles, on screen and in the minutes.

Each value has its key written out here rather than built from the value (``f"item_type.
{kind.value}"``), so the catalogue test can see every key the code may ask for, and a new
enum member without words fails that test instead of a meeting.
"""

from __future__ import annotations

from typing import Final

from facilitator.agenda.model import ItemType, MeetingKind
from facilitator.i18n import t
from facilitator.meeting.records import Principle

ITEM_TYPE_KEYS: Final = {
    ItemType.ORIENTERING: "item_type.orientering",
    ItemType.DROEFTELSE: "item_type.drøftelse",
    ItemType.BESLUTNING: "item_type.beslutning",
}
"""An item's type as the screen names it (one word)."""

ITEM_TYPE_MINUTES_KEYS: Final = {
    ItemType.ORIENTERING: "minutes.type.orientering",
    ItemType.DROEFTELSE: "minutes.type.drøftelse",
    ItemType.BESLUTNING: "minutes.type.beslutning",
}
"""An item's type as the minutes write it ("til orientering")."""

PRINCIPLE_KEYS: Final = {
    Principle.PLANNING: "minutes.principle.planning",
    Principle.COMMUNICATION: "minutes.principle.communication",
    Principle.INVOLVEMENT: "minutes.principle.involvement",
    Principle.SUPPORT: "minutes.principle.support",
}

PRINCIPLE_QUESTION_KEYS: Final = {
    Principle.PLANNING: "principle.question.planning",
    Principle.COMMUNICATION: "principle.question.communication",
    Principle.INVOLVEMENT: "principle.question.involvement",
    Principle.SUPPORT: "principle.question.support",
}
"""Each principle as the question a decision answers ("Hvordan sikres god planlægning?")."""

VENUE_KEYS: Final = {
    MeetingKind.MED_UDVALG: "venue.med_udvalg",
    MeetingKind.PERSONALEMOEDE: "venue.personalemoede",
    MeetingKind.LEDELSESMOEDE: "venue.ledelsesmoede",
    MeetingKind.POLITIKERMOEDE: "venue.politikermoede",
    MeetingKind.KLUBMOEDE: "venue.klubmoede",
}
"""The venues a matter can be sent on to, in the order the chain offers them: MED first,
where matters are decided, the club last, where they come from."""


def item_type_word(kind: ItemType, lang: str | None = None) -> str:
    return t(ITEM_TYPE_KEYS[kind], lang=lang)


def item_type_in_minutes(kind: ItemType, lang: str | None = None) -> str:
    return t(ITEM_TYPE_MINUTES_KEYS[kind], lang=lang)


def principle_words(principle: Principle, lang: str | None = None) -> str:
    return t(PRINCIPLE_KEYS[principle], lang=lang)


def principle_question(principle: Principle, lang: str | None = None) -> str:
    return t(PRINCIPLE_QUESTION_KEYS[principle], lang=lang)


def venue_word(venue: MeetingKind, lang: str | None = None) -> str:
    """A venue as a mark names it: "MED-udvalg", "ledelsesmøde"."""
    return t(VENUE_KEYS[venue], lang=lang)
