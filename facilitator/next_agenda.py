"""The agenda for a group's next meeting, written from one it has held.

It keeps the header (without the date, which is the next meeting's to set), the standard
items every referat has, and the items the meeting did not reach or marked to continue.
The result is checked by the same loader as any agenda before it is handed out, so it
always checks clean.
"""

from __future__ import annotations

from typing import Any

from facilitator.agenda import Item
from facilitator.agenda_loader import parse_agenda
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.meeting import Meeting
from facilitator.standard_items import is_standard


def _item_table(item: Item) -> dict[str, Any]:
    table: dict[str, Any] = {"title": item.title, "type": item.type.value}
    for key in ("minutes", "presenter", "purpose"):
        if getattr(item, key) is not None:
            table[key] = getattr(item, key)
    for key in ("prompts", "options"):
        if getattr(item, key):
            table[key] = list(getattr(item, key))
    if item.confidential:
        table["confidential"] = True
    return table


def next_agenda(meeting: Meeting) -> str:
    """The next meeting's agenda as TOML text, with a comment on how to finish it."""
    if not meeting.started:
        raise FacilitatorError(t("next.not_held"))
    items = [s.item for s in meeting.items if is_standard(s.item.title) or not s.visited or s.carry_on]
    if not items:
        raise FacilitatorError(t("next.nothing"))
    held = (meeting.started_at or meeting.ended_at)
    comment = t("next.comment", title=meeting.info.title, date=held.date().isoformat() if held else "-")
    return _agenda_text(meeting, items, comment, with_date=False)


def agenda_as_it_stands(meeting: Meeting) -> str:
    """The meeting's agenda with the items added or moved during it: a template to reuse."""
    comment = t("agenda_as_is.comment", title=meeting.info.title)
    return _agenda_text(meeting, [s.item for s in meeting.items], comment, with_date=True)


def _agenda_text(meeting: Meeting, items: list[Item], comment: str, *, with_date: bool) -> str:
    import tomli_w

    info = meeting.info
    header: dict[str, Any] = {"title": info.title, "kind": info.kind.value}
    optional = {
        "group": info.group, "purpose": info.purpose, "date": info.date if with_date else None,
        "start": info.start, "duration": info.duration if with_date else None, "location": info.location,
        "chair": meeting.chair, "secretary": meeting.secretary,
    }
    header.update({key: value for key, value in optional.items() if value is not None})
    participants = list(meeting.attendees)
    if participants:
        header["participants"] = participants
    text = comment + tomli_w.dumps({"format": 1, "meeting": header, "item": [_item_table(i) for i in items]})
    parse_agenda(text.encode())  # never hand out an agenda that does not check clean
    return text
