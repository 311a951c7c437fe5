"""What a person probably meant: the words they reach for instead of ours, and near misses.

The schema is strict, so its messages must be kind: "Did you mean ``title``?" rather than
"unknown key ``titel``". Danish words and English synonyms are listed here because
difflib cannot see that ``tid`` means ``start``; for typos ``close_match`` asks difflib.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

# Danish words people reach for instead of the English keys.
KEY_ALIASES: Final[Mapping[str, str]] = {
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
    "grupper": "groups",
    "klubber": "groups",
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
    "gæster": "guests",
    "gæst": "guests",
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
    "guest": "guests",
    "visitors": "guests",
    "minute_taker": "secretary",
    "items": "item",
    "agenda": "item",
}

# Words people use for an item's type or a meeting's kind, and what they mean here.
CHOICE_ALIASES: Final[Mapping[str, str]] = {
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
ITEM_KEY_ALIASES: Final[Mapping[str, str]] = {
    "tid": "minutes",
    "varighed": "minutes",
    "længde": "minutes",
    "duration": "minutes",
    "time": "minutes",
}


def close_match(word: str, candidates: Sequence[str], cutoff: float) -> str | None:
    """The candidate ``word`` was probably meant to be; difflib is imported only on error."""
    import difflib

    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return matches[0] if matches else None
