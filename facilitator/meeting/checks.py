"""Values that come from people, checked before the meeting takes them.

The UI passes on what was typed, and a script or a test may pass anything, so every
method of the meeting that takes a value runs it through one of these first: the
meeting's state never holds a blank title, a negative count or a "nej" taken for yes.
Each raises a MeetingError that names the field and says what would do instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from facilitator.agenda.model import ItemType, MeetingKind
from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting import written_dates
from facilitator.meeting.records import Presence, Principle


def text(value: object, field_key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise MeetingError(t("meeting.blank", field=t(field_key)))
    return value.strip()


def one_line(value: object, field_key: str) -> str:
    checked = text(value, field_key)
    if "\n" in checked or "\r" in checked:
        raise MeetingError(t("meeting.not_one_line", field=t(field_key)))
    return checked


def flag(value: object) -> bool:
    """Yes or no, and nothing that merely looks like it ("nej" is a true string)."""
    if not isinstance(value, bool):
        raise MeetingError(t("meeting.not_flag", value=value))
    return value


def count(value: object, field_name: str, *, positive: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < (1 if positive else 0):
        raise MeetingError(t("meeting.not_positive" if positive else "meeting.not_count", field=field_name, value=value))
    return value


def deadline(value: dt.date | str | None, *, today: dt.date) -> dt.date | None:
    """A date, typed ISO (2027-01-15) or the Danish way, day first (15.1.2027, 15/1-27, 15/1).

    ``today`` is the meeting's own date: a deadline written without a year is the next
    such day from then, whatever the machine's clock says.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        written = written_dates.day_first(value, today)
        if written is not None:
            return written
    raise MeetingError(t("meeting.bad_deadline", value=value))


def principles(values: Iterable[Principle | str] | Principle | str | None) -> tuple[Principle, ...]:
    if values is None:
        return ()
    if isinstance(values, str):  # one principle given on its own, not its letters
        values = [values]
    chosen: list[Principle] = []
    for value in values:
        try:
            principle = Principle(value)
        except ValueError:
            raise MeetingError(t("meeting.bad_principle", value=value, valid=", ".join(p.value for p in Principle))) from None
        if principle not in chosen:
            chosen.append(principle)
    return tuple(sorted(chosen, key=list(Principle).index))


def answers(values: Mapping[Principle | str, str] | None) -> tuple[tuple[Principle, str], ...]:
    """The answers given, in the principles' order; a blank one is no answer."""
    if values is None:
        return ()
    if not isinstance(values, Mapping):
        raise MeetingError(t("meeting.not_text", field=t("meeting.field.answer")))
    given: dict[Principle, str] = {}
    for key, value in values.items():
        (principle,) = principles(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        given[principle] = text(value, "meeting.field.answer")
    return tuple((p, given[p]) for p in Principle if p in given)


def options(values: Iterable[int], count: int) -> tuple[int, ...]:
    """Indexes of an item's options, each once, in the list's order."""
    chosen: set[int] = set()
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < count:
            number = value + 1 if isinstance(value, int) and not isinstance(value, bool) else value
            raise MeetingError(t("meeting.no_such_option", number=number, count=count))
        chosen.add(value)
    return tuple(sorted(chosen))


def venue(value: MeetingKind | str) -> MeetingKind:
    """A venue a matter can be sent on to: any kind of meeting but "andet", which names none."""
    try:
        kind = MeetingKind(value.strip().lower() if isinstance(value, str) else value)
    except ValueError:
        kind = MeetingKind.ANDET
    if kind is MeetingKind.ANDET:
        valid = ", ".join(k.value for k in MeetingKind if k is not MeetingKind.ANDET)
        raise MeetingError(t("meeting.bad_venue", value=value, valid=valid))
    return kind


def item_type(value: ItemType | str) -> ItemType:
    try:
        return ItemType(value.strip().lower() if isinstance(value, str) else value)
    except ValueError:
        raise MeetingError(t("meeting.bad_item_type", value=value)) from None


def presence(value: Presence | str) -> Presence:
    try:
        return Presence(value)
    except ValueError:
        raise MeetingError(t("meeting.bad_presence", value=value)) from None
