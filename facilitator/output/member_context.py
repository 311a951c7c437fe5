"""What the note for members sees: the public minutes' data, cut down to what may go to everyone.

A note for the club's members (``--style medlemmer``) answers "what did you decide, what
happens now, and whom do I ask", for people who were not in the room and for a notice board
nobody controls. So it names nobody: no attendees, no chair or referent, no speakers, no one
responsible for an action. It holds nothing of a closed item, not even that there was one,
and no notes (free text that may name anyone).

The cut is an allow-list over the public context, made here before any template sees it:
a template of one's own for this style cannot print what the data does not hold, and a key
added to the minutes' context later stays out of the note until it is let in here.
"""

from __future__ import annotations

from typing import Any

FORMALITIES = ("godkendelse af dagsorden", "godkendelse af referat", "næste møde")
"""Items whose decisions are the meeting's own housekeeping, not news for members; the next
meeting gets its own section."""

HEADER_KEYS = ("lang", "title", "kind", "group", "date", "iso_date", "next_meeting")
"""What the note says of the meeting itself: the group, the day, the next meeting's date.
``restricted`` is always False; no names, place or times of day."""

VOTE_KEYS = ("heading", "subject", "for", "against", "abstain", "present", "carried", "outcome")
DEADLINE_KEYS = ("deadline", "deadline_table", "deadline_iso")


def _formality(title: str) -> bool:
    return " ".join(title.casefold().split()).startswith(FORMALITIES)


def _decided(item: dict[str, Any]) -> dict[str, Any]:
    """An item as the note shows it: its title, what was decided, the votes, the solutions chosen."""
    return {
        "title": item["title"],
        "decisions": [d["text"] for d in item["decisions"]],
        "votes": [{key: v[key] for key in VOTE_KEYS} for v in item["votes"]],
        "options": list(item["options"]),
    }


def _next_steps(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The open actions of the open items, what and by when, the earliest deadline first
    (those without one last); nobody's name."""
    steps = [
        {"what": a["what"], **{key: a[key] for key in DEADLINE_KEYS}} for item in items for a in item["actions"] if not a["done"]
    ]
    return sorted(steps, key=lambda step: (not step["deadline_iso"], step["deadline_iso"]))


def member_context(public: dict[str, Any]) -> dict[str, Any]:
    """The note's data from the public minutes' context (``minutes_context.context`` with
    ``restricted=False``): the header without names, the decided items, the next steps."""
    if public["restricted"]:
        raise ValueError("a note for members is made from the public minutes only")
    items = [v for v in public["items"] if not v["hidden"] and not v["confidential"]]
    shown = [v for v in items if not _formality(v["title"]) and (v["decisions"] or v["votes"] or v["options"])]
    return {
        **{key: public[key] for key in HEADER_KEYS},
        "restricted": False,
        "decided": [_decided(v) for v in shown],
        "next_steps": _next_steps(items),
    }
