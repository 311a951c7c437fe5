"""The agenda as the rest of the program sees it: immutable, validated, typed.

An Agenda is what a TOML file *means*; it is built only by the loader
(``facilitator.agenda.loader``, through ``schema``), which guarantees every invariant documented here, so
the meeting, the minutes and the UI never re-check a field. It holds content only, not
the path it came from, so two agendas are equal when they say the same.

The records are NamedTuples rather than dataclasses: just as immutable and comparable,
but without importing ``dataclasses`` (and ``inspect``), which would cost
``facilitator check`` a third of its start-up time.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Final, NamedTuple

FORMAT_VERSION: Final = 1

MAX_MINUTES: Final = 24 * 60
"""The longest an item or a meeting may be planned or run to: a day. The schema refuses
more in a file, the meeting refuses more as a change, and a snapshot is checked against it."""


class ItemType(str, Enum):
    """What the meeting does with an item; the minutes record a decision only for BESLUTNING."""

    ORIENTERING = "orientering"
    DROEFTELSE = "drøftelse"
    BESLUTNING = "beslutning"


class MeetingKind(str, Enum):
    """The venues the source text names, plus 'andet' for any other meeting."""

    KLUBMOEDE = "klubmøde"
    PERSONALEMOEDE = "personalemøde"
    MED_UDVALG = "med-udvalg"
    LEDELSESMOEDE = "ledelsesmøde"
    POLITIKERMOEDE = "politikermøde"
    ANDET = "andet"


class Attachment(NamedTuple):
    """A document that goes with the meeting or an item (bilag): the minutes list it as a
    link. ``href`` is an http(s) address or a path relative to the agenda file; the loader
    refuses any other scheme (``javascript:``), so no one clicks something else than a document."""

    title: str
    href: str


class Item(NamedTuple):
    """One agenda item (dagsordenspunkt)."""

    title: str
    type: ItemType = ItemType.DROEFTELSE
    minutes: int | None = None
    presenter: str | None = None
    purpose: str | None = None
    prompts: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    confidential: bool = False
    temporary: tuple[int, ...] = ()
    """The indexes of the options that are temporary solutions (planned overtime, plustid,
    a time-limited hire): the seed says they serve only in the short term, so a decision
    drafted from one asks for a date to review it. Named in the file by their text."""
    checklist: tuple[str, ...] = ()
    """Points the health-and-safety rep (AMiR) checks off (the seed's safety precautions):
    each gets a status during the meeting, and the status carries to the group's next one."""
    attachments: tuple[Attachment, ...] = ()


class MeetingInfo(NamedTuple):
    """The ``[meeting]`` header: who meets, about what, when and where."""

    title: str
    kind: MeetingKind
    group: str | None = None
    purpose: str | None = None
    date: dt.date | None = None
    start: dt.time | None = None
    duration: int | None = None
    location: str | None = None
    chair: str | None = None
    secretary: str | None = None
    participants: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()
    """Invited from outside the group (a manager, a consultant from the union): the minutes
    name them apart from the participants."""
    groups: tuple[str, ...] = ()
    """Every group of a joint meeting (``groups = [...]``), ``group`` being the first; empty
    for a meeting of one group, so that everything reading ``group`` goes on as before."""
    organisations: tuple[tuple[str, str], ...] = ()
    """(participant, organisation) for those the agenda gives one: in a joint meeting a vote
    may be held among one organisation's members."""
    non_voting: tuple[str, ...] = ()
    """Participants without a vote (``votes = false``): an observer, a substitute."""

    def all_groups(self) -> tuple[str, ...]:
        """The meeting's groups: the joint meeting's several, or its one, or none."""
        return self.groups or ((self.group,) if self.group else ())

    attachments: tuple[Attachment, ...] = ()
    """Documents for the whole meeting (bilag)."""


class Agenda(NamedTuple):
    """A whole agenda: the header and at least one item."""

    meeting: MeetingInfo
    items: tuple[Item, ...]
    format: int = FORMAT_VERSION

    @property
    def planned_minutes(self) -> int:
        """The sum of the items' planned minutes (items without minutes count as 0)."""
        return sum(item.minutes or 0 for item in self.items)

    @property
    def duration(self) -> int:
        """The meeting's length: as stated in ``[meeting]``, else the items' sum."""
        return self.meeting.duration if self.meeting.duration is not None else self.planned_minutes
