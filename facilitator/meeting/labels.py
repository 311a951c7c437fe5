"""The words for the fixed choices an agenda and a meeting offer: item types and the four
principles, on screen and in the minutes.

Each value has its key written out here rather than built from the value (``f"item_type.
{kind.value}"``), so the catalogue test can see every key the code may ask for, and a new
enum member without words fails that test instead of a meeting.
"""

from __future__ import annotations

from typing import Final

from facilitator.agenda.model import ItemType
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


def item_type_word(kind: ItemType, lang: str | None = None) -> str:
    return t(ITEM_TYPE_KEYS[kind], lang=lang)


def item_type_in_minutes(kind: ItemType, lang: str | None = None) -> str:
    return t(ITEM_TYPE_MINUTES_KEYS[kind], lang=lang)


def principle_words(principle: Principle, lang: str | None = None) -> str:
    return t(PRINCIPLE_KEYS[principle], lang=lang)
