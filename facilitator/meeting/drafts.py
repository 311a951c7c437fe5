"""The words the dialogue chain puts in the chair's mouth: a decision drafted from the
solutions the room chose, and the action that follows a temporary solution up.

They are Danish whatever the screen's language: they become a decision's or an action's
text, and the minutes and the next venue's agenda are Danish. Who speaks depends on the
venue: the club and the staff meeting propose, the MED committee decides (the seed's
chain), any other meeting only puts a proposal on record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from facilitator.agenda.model import MeetingKind
from facilitator.i18n import t
from facilitator.meeting.records import ItemState

LEAD_IN_KEYS: Final = {
    MeetingKind.KLUBMOEDE: "draft.lead_in.klubmoede",
    MeetingKind.PERSONALEMOEDE: "draft.lead_in.personalemoede",
    MeetingKind.MED_UDVALG: "draft.lead_in.med_udvalg",
    MeetingKind.LEDELSESMOEDE: "draft.lead_in.other",
    MeetingKind.POLITIKERMOEDE: "draft.lead_in.other",
    MeetingKind.ANDET: "draft.lead_in.other",
}
"""Each kind of meeting's lead-in, its key written out (labels.py says why)."""

DRAFT_LANGUAGE: Final = "da"


def lead_in(kind: MeetingKind) -> str:
    """ "Klubben foreslår", "MED-udvalget beslutter" …: who says what the draft says."""
    return t(LEAD_IN_KEYS[kind], lang=DRAFT_LANGUAGE)


def draft_decision(kind: MeetingKind, solutions: Iterable[str]) -> str:
    """A decision's first words from the chosen solutions, for the chair to edit; empty
    when none is chosen. A solution's own closing full stop is left out between them."""
    texts = [text.strip().rstrip(".").strip() for text in solutions]
    texts = [text for text in texts if text]
    return f"{lead_in(kind)}: {'; '.join(texts)}" if texts else ""


def review_what(decision_text: str) -> str:
    """What the action that follows a temporary solution up says it is."""
    return (
        f"{t('draft.review_what', lang=DRAFT_LANGUAGE)}: {decision_text}"  # the decision's text as typed, not as a one-line value
    )


def review_owner(chair: str | None, group: str | None) -> str:
    """Who sees to the review: the chair, else the group, else the meeting as a whole."""
    return chair or group or t("draft.review_who", lang=DRAFT_LANGUAGE)


def undecided(state: ItemState) -> tuple[int, ...]:
    """The item's chosen solutions that no decision was drafted from yet: what a new draft
    takes up, so that a second decision on the item does not repeat the first."""
    decided = {option for decision in state.decisions for option in decision.solutions}
    return tuple(sorted(state.chosen - decided))
