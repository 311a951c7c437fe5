"""Who may vote, and whether a count of votes fits those entitled.

In a joint meeting (a club meeting with the HK club, say) not everyone in the room votes
on everything: guests never do, a participant may be there without a vote, and a vote can
be held among one organisation's members only ("Afstemning blandt DS' medlemmer"). The
rule lives here so that the meeting, the vote dialog and the minutes count alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.errors import MeetingError
from facilitator.i18n import t
from facilitator.meeting.records import Attendee


def may_vote(attendee: Attendee, guests: frozenset[str], organisation: str | None = None) -> bool:
    """Here, not a guest, with a voting right, and of ``organisation`` when one is named."""
    return (
        attendee.is_here
        and attendee.votes
        and attendee.name not in guests
        and (organisation is None or attendee.organisation == organisation)
    )


def entitled(attendees: Iterable[Attendee], guests: frozenset[str], organisation: str | None = None) -> int:
    """How many of those here may vote (among ``organisation``'s members, if named)."""
    return sum(1 for attendee in attendees if may_vote(attendee, guests, organisation))


def organisations(attendees: Iterable[Attendee], guests: frozenset[str]) -> tuple[str, ...]:
    """The organisations a vote can be held among: those of the voters here, in the order met."""
    found: dict[str, None] = {}
    for attendee in attendees:
        if attendee.organisation is not None and may_vote(attendee, guests):
            found.setdefault(attendee.organisation)
    return tuple(found)


def check_cast(cast: int, voters: int, here: int, organisation: str | None) -> None:
    """Refuse more votes than voters. When everyone here votes, "present" says it; when some
    do not (guests, those without a vote, another organisation), the reason names the entitled."""
    if cast <= voters:
        return
    if organisation is not None:
        raise MeetingError(t("meeting.vote.more_than_entitled_in", cast=cast, entitled=voters, organisation=organisation))
    if voters < here:
        raise MeetingError(t("meeting.vote.more_than_entitled", cast=cast, entitled=voters))
    raise MeetingError(t("meeting.vote.more_than_present", cast=cast, present=voters))
