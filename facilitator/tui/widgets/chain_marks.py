"""What the item view shows of the dialogue chain: which solutions are temporary, what is
sent on and where to ("→ MED-udvalg"), when a decision is to be reviewed.

Apart from ``item_view`` so that the view's own file stays about laying the item out.
"""

from __future__ import annotations

from textual.content import Content

from facilitator.i18n import t
from facilitator.meeting.labels import venue_word
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Decision, ForwardKind
from facilitator.tui import literal
from facilitator.tui.dates_shown import compact


def sent_to(meeting: Meeting, index: int, kind: ForwardKind, ref: int) -> Content:
    """ " → MED-udvalg, ledelsesmøde" after a matter sent on; nothing for one that is not."""
    venues = meeting.forwarded_to(index).get((kind, ref), ())
    return literal.line(" → " + ", ".join(venue_word(v) for v in venues), "bold $accent") if venues else literal.EMPTY


def option_label(meeting: Meeting, index: int, option: int) -> Content:
    """A solution in the item's list: its text, whether it is temporary, where it is sent."""
    item = meeting.items[index].item
    temporary = literal.line(f" ({t('solutions.temporary')})", "$warning") if option in item.temporary else literal.EMPTY
    return literal.line(item.options[option]) + temporary + sent_to(meeting, index, ForwardKind.SOLUTION, option)


def decision_extras(meeting: Meeting, index: int, decision: Decision) -> Content:
    """After a decision's line: its review date and where it is sent."""
    review = literal.line(" " + t("item.review", date=compact(decision.review)), "$warning") if decision.review else literal.EMPTY
    return review + sent_to(meeting, index, ForwardKind.DECISION, decision.id)


def notes_sent(meeting: Meeting, index: int) -> Content | None:
    """A line saying where the item's notes are sent, or None."""
    marks = sent_to(meeting, index, ForwardKind.NOTES, 0)
    return literal.line(t("item.notes_sent"), "bold") + marks if marks.plain else None
