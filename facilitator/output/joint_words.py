"""How the minutes word a joint meeting: its groups together, who came from which
organisation, who had no vote, and a vote held among one organisation's members.

Apart from the rest of the minutes' context so that the Danish genitive ("DS' medlemmer",
"HK-klubbens medlemmer") and the lists read alike in every template and in Word.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.i18n import t
from facilitator.meeting.model import Meeting


def joined(words: Sequence[str], lang: str) -> str:
    """ "A", "A og B", "A, B og C" (and in English)."""
    if len(words) < 2:
        return "".join(words)
    return t("minutes.joined", lang=lang, head=", ".join(words[:-1]), last=words[-1])


def genitive(name: str) -> str:
    """The Danish genitive: "DS'", "HK-klubbens"; a name ending in s, x or z takes an apostrophe."""
    return name + ("'" if name[-1:].lower() in ("s", "x", "z") else "s")


def among(organisation: str, lang: str) -> str:
    """ "Afstemning blandt DS' medlemmer": the heading of a vote held in one organisation."""
    owner = genitive(organisation) if lang == "da" else organisation  # English says "the members of DS"
    return t("minutes.vote_among", lang=lang, owner=owner)


def attendance_names(meeting: Meeting, lang: str) -> dict[str, str]:
    """Each attendee's name as the attendance lists show it: with the organisation in a
    meeting of more than one group ("Hanne (HK-klubben)"), and "uden stemmeret" for one
    without a vote (a guest never votes, and is listed apart anyway)."""
    joint = len(meeting.info.all_groups()) > 1
    guests = frozenset(meeting.info.guests)
    names: dict[str, str] = {}
    for person in meeting.attendees.values():
        notes = [person.organisation] if joint and person.organisation else []
        if not person.votes and person.name not in guests:
            notes.append(t("minutes.no_vote", lang=lang))
        names[person.name] = f"{person.name} ({', '.join(notes)})" if notes else person.name
    return names
