"""The dialogue chain's decisions: a draft from the chosen solutions in the venue's words,
and a review date that is followed up as an action item."""

from __future__ import annotations

import datetime as dt

import pytest
from support.chain_decide import CHAIN_AGENDA, RESOURCES
from support.clock import FakeClock

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.model import MeetingKind
from facilitator.meeting.change import Change
from facilitator.meeting.drafts import draft_decision, lead_in, undecided
from facilitator.meeting.model import Meeting


@pytest.fixture
def chain(clock: FakeClock) -> Meeting:
    meeting = Meeting(parse_agenda(CHAIN_AGENDA.encode()), clock=clock)
    meeting.start()
    meeting.go_to(RESOURCES)
    return meeting


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (MeetingKind.KLUBMOEDE, "Klubben foreslår"),
        (MeetingKind.PERSONALEMOEDE, "Personalemødet foreslår"),
        (MeetingKind.MED_UDVALG, "MED-udvalget beslutter"),
        (MeetingKind.LEDELSESMOEDE, "Forslag"),
        (MeetingKind.POLITIKERMOEDE, "Forslag"),
        (MeetingKind.ANDET, "Forslag"),
    ],
)
def test_the_draft_speaks_in_the_venues_words_in_danish_whatever_the_language(
    kind: MeetingKind, words: str, english: None
) -> None:
    assert lead_in(kind) == words
    assert draft_decision(kind, ["Plustid.", " Opnormering "]) == f"{words}: Plustid; Opnormering"


def test_no_solution_no_draft() -> None:
    assert draft_decision(MeetingKind.KLUBMOEDE, []) == ""
    assert draft_decision(MeetingKind.KLUBMOEDE, [" . "]) == ""


def test_a_new_draft_takes_up_the_chosen_solutions_no_decision_took_up(chain: Meeting) -> None:
    state = chain.items[RESOURCES]
    for option in (3, 0, 1):
        chain.toggle_option(option)
    assert undecided(state) == (0, 1, 3)
    chain.add_decision("Klubben foreslår: Opnormering", solutions=[0])
    assert undecided(state) == (1, 3)


def test_a_review_date_makes_an_action_item_in_the_same_change(chain: Meeting) -> None:
    changes: list[Change] = []
    chain.listeners.append(changes.append)
    decision = chain.add_decision("Klubben foreslår: Plustid", review="15.3.2027", solutions=[2])
    assert len(changes) == 1  # one announcement: the archive saves both at once
    (action,) = chain.items[RESOURCES].actions
    assert action.what == "Evaluering af midlertidig løsning: Klubben foreslår: Plustid"
    assert (action.who, action.deadline, action.done) == ("Anne Andersen", dt.date(2027, 3, 15), False)
    assert action.id > decision.id and chain.review_action(decision) == action
    assert chain.review_action(chain.add_decision("Uden evaluering")) is None


def test_the_review_is_the_chairs_else_the_groups_else_the_chairs_role(chain: Meeting, clock: FakeClock, english: None) -> None:
    chain.set_role("chair", None)
    chain.add_decision("A", review="2027-03-01")
    plain = CHAIN_AGENDA.replace('group = "Socialrådgiverklubben"\n', "").replace('chair = "Anne Andersen"\n', "")
    nobody = Meeting(parse_agenda(plain.encode()), clock=clock)
    nobody.start()
    nobody.add_decision("B", review="2027-03-01")
    assert [a.who for a in chain.items[RESOURCES].actions] == ["Socialrådgiverklubben"]
    assert [a.who for a in nobody.items[0].actions] == ["Ordstyreren"]
    assert chain.items[RESOURCES].actions[0].what.startswith("Evaluering af midlertidig løsning: ")  # Danish, as the minutes


def test_removing_the_decision_removes_its_open_review_and_nothing_else(chain: Meeting) -> None:
    other = chain.add_action("Skrive til MED", "Bo Berg")
    first = chain.add_decision("Plustid i tre måneder", review="2027-03-01")
    second = chain.add_decision("Plustid i tre måneder", review="2027-03-01")  # the same words: each has its own review
    chain.remove(first.id)
    assert [a.id for a in chain.items[RESOURCES].actions] == [other.id, second.id + 1]
    review = chain.review_action(second)
    assert review is not None
    chain.set_action_done(review.id)
    chain.remove(second.id)  # a review done is the room's record: it stays
    assert [a.id for a in chain.items[RESOURCES].actions] == [other.id, review.id]


def test_removing_the_review_leaves_the_decision(chain: Meeting) -> None:
    decision = chain.add_decision("Plustid", review="2027-03-01")
    review = chain.review_action(decision)
    assert review is not None
    chain.remove(review.id)
    assert chain.items[RESOURCES].decisions == [decision] and chain.review_action(decision) is None


def test_a_bad_review_date_records_nothing(chain: Meeting) -> None:
    with pytest.raises(Exception, match="date"):
        chain.add_decision("Plustid", review="snart")
    assert chain.items[RESOURCES].decisions == [] and chain.items[RESOURCES].actions == []
