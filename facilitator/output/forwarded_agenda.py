"""A venue's next agenda with the matters other meetings sent on to it (``new KIND --forwarded``).

The dialogue chain of the seed: the club's worry goes to MED, MED's decision to the
managers. The agenda is the venue's shipped one, with one item per forwarded matter after
its opening items (the approval of the agenda, of the minutes, the announcements), so the
matters come up before the venue's own topics. Each item is titled by the item it came
from and the group that sent it ("Fra Socialrådgiverklubben: Ressourcer"), so it is not
taken for the venue's own item of that name, and says where it came from ("Fra klubmødet 3. december 2026 i
Socialrådgiverklubben") and what was sent: the decision, the chosen solution or the notes,
in their own words. A decision is taken up as a decision item.

A confidential matter never reaches a public agenda, which gets mailed and put on the
wall: only an agenda asked for as restricted takes it, as a closed item
(``confidential = true``). The text is written by tomli-w, which escapes whatever the
matter holds (quotes, newlines, brackets); the result is read back by the agenda's own
loader before it is handed out, so it always checks clean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.model import Agenda, ItemType
from facilitator.i18n import t, t_count
from facilitator.meeting.standard_items import is_standard
from facilitator.meeting.written_dates import written_date
from facilitator.output.agenda_tables import attachment_tables, escape_c1, item_table

FORWARDED_MINUTES: Final = 10
"""The time a forwarded matter is planned for; the chair changes it in the file."""


class Matter(Protocol):
    """A matter sent on, as the archive lists it (``store.record_lists.ForwardedMatter``)."""

    @property
    def meeting_id(self) -> int: ...
    @property
    def meeting_kind(self) -> str: ...
    @property
    def group(self) -> str | None: ...
    @property
    def held(self) -> str | None: ...
    @property
    def item_title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def confidential(self) -> bool: ...


@dataclass(frozen=True)
class ForwardedAgenda:
    text: str
    taken: int
    """Matters taken up as items."""
    meetings: int
    """The meetings they came from."""
    left_out: int
    """Confidential matters left out of a public agenda."""


def forwarded_agenda(
    shipped: Agenda, name: str, matters: Sequence[Matter], *, group: str | None, restricted: bool
) -> ForwardedAgenda:
    """The agenda ``shipped`` (named ``name``) with the ``matters`` sent on to it."""
    taken = [matter for matter in matters if restricted or not matter.confidential]
    opening = 0
    while opening < len(shipped.items) and is_standard(shipped.items[opening].title):
        opening += 1
    items = [
        *(item_table(item) for item in shipped.items[:opening]),
        *(_matter_table(matter) for matter in taken),
        *(item_table(item) for item in shipped.items[opening:]),
    ]
    meetings = len({matter.meeting_id for matter in taken})
    comment = "".join(
        f"# {line}\n" for line in t("forwarded.comment", name=name, matters=t_count("cli.count.matters", len(taken))).split("\n")
    )
    text = comment + "\n" + escape_c1(_dumps({"format": 1, "meeting": _header(shipped, group), "item": items}))
    parse_agenda(text.encode())  # never hand out an agenda that does not check clean
    return ForwardedAgenda(text, len(taken), meetings, len(matters) - len(taken))


def origin(matter: Matter) -> str:
    """'Fra klubmødet 3. december 2026 i Socialrådgiverklubben, punktet »Ressourcer«'."""
    venue = t(_MEETING_WORDS.get(matter.meeting_kind, "forwarded.meeting.other"))
    held = _written(matter.held)
    if matter.group:
        return t("forwarded.origin", meeting=venue, date=held, group=matter.group, item=matter.item_title)
    return t("forwarded.origin_no_group", meeting=venue, date=held, item=matter.item_title)


def _matter_table(matter: Matter) -> dict[str, Any]:
    label = t(_MATTER_WORDS[matter.kind]) if matter.kind in _MATTER_WORDS else matter.kind
    purpose = f"{origin(matter)}.\n{label}: {matter.text.strip()}" if matter.text.strip() else f"{origin(matter)}."
    source = matter.group or t(_MEETING_WORDS.get(matter.meeting_kind, "forwarded.meeting.other"))
    table: dict[str, Any] = {
        "title": t("forwarded.title", source=source, title=matter.item_title),
        "type": (ItemType.BESLUTNING if matter.kind == "beslutning" else ItemType.DROEFTELSE).value,
        "minutes": FORWARDED_MINUTES,
        "purpose": purpose,
    }
    if matter.confidential:
        table["confidential"] = True
    return table


_MATTER_WORDS: Final = {
    "noter": "forwarded.kind.notes",
    "beslutning": "forwarded.kind.decision",
    "løsning": "forwarded.kind.solution",
}
_MEETING_WORDS: Final = {
    "klubmøde": "forwarded.meeting.club",
    "personalemøde": "forwarded.meeting.staff",
    "med-udvalg": "forwarded.meeting.med",
    "ledelsesmøde": "forwarded.meeting.managers",
    "politikermøde": "forwarded.meeting.politicians",
    "andet": "forwarded.meeting.other",
}
"""The meeting a matter came from, in the definite form a sentence needs ("klubmødet")."""


def _written(held: str | None) -> str:
    if not held:
        return "-"
    try:
        return written_date(dt.date.fromisoformat(held))
    except ValueError:
        return held


def _header(shipped: Agenda, group: str | None) -> dict[str, Any]:
    """The shipped header, with the group given and without a duration: the matters
    added make the meeting longer, and without one it is the items' sum."""
    info = shipped.meeting
    header: dict[str, Any] = {"title": info.title, "kind": info.kind.value}
    optional = {
        "group": group.strip() if group and group.strip() else info.group,
        "purpose": info.purpose,
        "date": info.date,
        "start": info.start,
        "location": info.location,
        "chair": info.chair,
        "secretary": info.secretary,
    }
    header.update({key: value for key, value in optional.items() if value is not None})
    if info.participants:
        header["participants"] = list(info.participants)
    if info.guests:
        header["guests"] = list(info.guests)
    if info.attachments:
        header["attachments"] = attachment_tables(info.attachments)
    return header


def _dumps(document: dict[str, Any]) -> str:
    import tomli_w

    return tomli_w.dumps(document)
