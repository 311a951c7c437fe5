"""The agenda for a group's next meeting, written from one it has held.

It keeps the header (without the date, which is the next meeting's to set, unless the room
recorded it: then its date, start and place), the standard items every referat has, and
the items the meeting did not reach, postponed or marked to continue.
The result is checked by the same loader as any agenda before it is handed out, so it
always checks clean.

A closed item that goes on is written as a placeholder: "Closed item", its type, planned
minutes and ``confidential = true``, with a purpose that points to the restricted minutes.
The next agenda is a file that gets mailed to the group and put on the wall, so it must
not carry the item's title, purpose, presenter, questions or solutions; but the item
keeps its place and its time, so the chair does not lose it, and it stays closed.
"""

from __future__ import annotations

from typing import Any

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.model import Item
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Attendee
from facilitator.meeting.standard_items import is_standard
from facilitator.output.agenda_tables import attachment_tables, escape_c1, item_table


def _closed_placeholder(item: Item, meeting: Meeting, held: str, lang: str | None = None) -> dict[str, Any]:
    table: dict[str, Any] = {
        "title": t("next.closed_title", lang=lang),
        "type": item.type.value,
        "purpose": t("next.closed_purpose", lang=lang, title=meeting.info.title, date=held),
    }
    if item.minutes is not None:
        table["minutes"] = item.minutes
    table["confidential"] = True
    return table


def next_agenda(meeting: Meeting, *, group: str | None = None) -> str:
    """The next meeting's agenda as TOML text, with a comment on how to finish it.

    It carries the meeting's group (or ``group``, given for a meeting held without one),
    because the group is what makes the next meeting follow up this one's actions."""
    tables, held = _next_tables(meeting)
    if not tables:
        raise FacilitatorError(t("next.nothing"))
    planned = meeting.next_meeting
    if planned is None:
        comment = t("next.comment", title=meeting.info.title, date=held)
    else:
        comment = t("next.comment_dated", title=meeting.info.title, date=held)
    return _agenda_text(meeting, tables, comment, with_date=False, group=group)


def next_agenda_items(meeting: Meeting, lang: str | None = None) -> list[tuple[str, int | None]]:
    """The next agenda's items as (title, planned minutes), a closed one as its placeholder:
    for the calendar invitation, which must say no more of a closed item than the agenda."""
    return [(table["title"], table.get("minutes")) for table in _next_tables(meeting, lang)[0]]


def _next_tables(meeting: Meeting, lang: str | None = None) -> tuple[list[dict[str, Any]], str]:
    """The next agenda's item tables, and the day this meeting was held (ISO)."""
    if not meeting.started:
        raise FacilitatorError(t("next.not_held"))
    items = [s.item for s in meeting.items if is_standard(s.item.title) or not s.visited or s.skipped or s.carry_on]
    held = meeting.started_at or meeting.ended_at
    date = held.date().isoformat() if held else "-"
    return [_closed_placeholder(i, meeting, date, lang) if i.confidential else item_table(i) for i in items], date


def agenda_as_it_stands(meeting: Meeting) -> str:
    """The meeting's agenda with the items added or moved during it: a template to reuse."""
    comment = t("agenda_as_is.comment", title=meeting.info.title)
    return _agenda_text(meeting, [item_table(s.item) for s in meeting.items], comment, with_date=True)


def _participant(person: Attendee) -> str | dict[str, Any]:
    """A plain name, or the table that says the organisation and the vote."""
    if person.organisation is None and person.votes:
        return person.name
    return {
        "name": person.name,
        **({"organisation": person.organisation} if person.organisation else {}),
        **({"votes": False} if not person.votes else {}),
    }


def _agenda_text(
    meeting: Meeting, items: list[dict[str, Any]], comment: str, *, with_date: bool, group: str | None = None
) -> str:
    import tomli_w

    info = meeting.info
    planned = meeting.next_meeting  # the next agenda takes the date, start and place the room recorded
    next_date = planned.date if planned is not None else None
    header: dict[str, Any] = {"title": info.title, "kind": info.kind.value}
    optional = {
        "group": group.strip() if group and group.strip() else info.group,
        "purpose": info.purpose,
        "date": info.date if with_date else next_date,
        "start": info.start if with_date or planned is None else planned.start,
        "duration": info.duration if with_date else None,
        "location": planned.place if not with_date and planned is not None and planned.place else info.location,
        "chair": meeting.chair,
        "secretary": meeting.secretary,
    }
    header.update({key: value for key, value in optional.items() if value is not None})
    if info.groups and not (group and group.strip()):  # a joint meeting's next agenda is joint too
        del header["group"]
        header["groups"] = list(info.groups)
    # guests are invited per meeting; a participant keeps an organisation and a missing vote
    participants = [_participant(person) for name, person in meeting.attendees.items() if name not in info.guests]
    if participants:
        header["participants"] = participants
    if info.attachments:
        header["attachments"] = attachment_tables(info.attachments)
    text = comment + escape_c1(tomli_w.dumps({"format": 1, "meeting": header, "item": items}))
    parse_agenda(text.encode())  # never hand out an agenda that does not check clean
    return text
