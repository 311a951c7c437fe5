"""The dialogue chain's core: decisions with principle answers, a review date and their
solutions; marks that send a matter on; temporary solutions named in the agenda."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from support.agendas import VALID_AGENDA
from support.clock import FakeClock
from support.meetings import state

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.model import MeetingKind
from facilitator.errors import AgendaError, MeetingError, SnapshotError
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Forward, ForwardKind, Principle
from facilitator.store.snapshot import from_dict, to_dict

TEMPORARY = VALID_AGENDA.replace(
    'options = ["Planlagt overarbejde"]',
    'options = ["Færre sager pr. rådgiver", "Planlagt overarbejde", "Tidsbegrænset ansættelse"]\n'
    'temporary = ["Planlagt overarbejde", "Tidsbegrænset ansættelse"]',
)


@pytest.fixture
def chain(clock: FakeClock) -> Meeting:
    meeting = Meeting(parse_agenda(TEMPORARY.encode()), clock=clock)
    meeting.start()
    meeting.go_to(1)
    return meeting


def test_the_agenda_names_temporary_solutions_by_their_text() -> None:
    agenda = parse_agenda(TEMPORARY.encode())
    assert agenda.items[1].temporary == (1, 2)
    assert all(item.temporary == () for item in parse_agenda(VALID_AGENDA.encode()).items)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('temporary = ["Planlagt overarbejd"]', 'did you mean "Planlagt overarbejde"'),
        ('temporary = ["Noget helt andet"]', "not one of the item's options"),
        ('temporary = "Planlagt overarbejde"', "list"),
    ],
)
def test_a_temporary_solution_must_be_an_option(written: str, message: str) -> None:
    text = VALID_AGENDA.replace('options = ["Planlagt overarbejde"]', f'options = ["Planlagt overarbejde"]\n{written}')
    with pytest.raises(AgendaError, match=message):
        parse_agenda(text.encode())


def test_a_decision_carries_answers_a_review_date_and_its_solutions(chain: Meeting) -> None:
    assert chain.needs_review([0]) is False and chain.needs_review([0, 1]) is True
    decision = chain.add_decision(
        "Klubben foreslår: Planlagt overarbejde",
        ["støtte"],
        answers={Principle.PLANNING: " Hvem planlægger? ", "kommunikation": "  ", Principle.INVOLVEMENT: "Alle"},
        review="15.1.2027",
        solutions=[1, 1],
    )
    assert decision.answers == ((Principle.PLANNING, "Hvem planlægger?"), (Principle.INVOLVEMENT, "Alle"))
    assert decision.principles == (Principle.PLANNING, Principle.INVOLVEMENT, Principle.SUPPORT)
    assert decision.answer(Principle.COMMUNICATION) is None
    assert decision.review == dt.date(2027, 1, 15) and decision.solutions == (1,)


@pytest.mark.parametrize(
    "kwargs",
    [{"answers": {"omsorg": "x"}}, {"solutions": [3]}, {"solutions": [True]}, {"review": "i morgen"}, {"answers": {"støtte": 5}}],
)
def test_a_decision_with_a_wrong_part_is_refused(chain: Meeting, kwargs: dict[str, object]) -> None:
    with pytest.raises(MeetingError):
        chain.add_decision("Besluttet", **kwargs)  # type: ignore[arg-type]
    assert chain.items[1].decisions == []


def test_matters_are_marked_to_be_sent_on_and_unmarked(chain: Meeting) -> None:
    with pytest.raises(MeetingError, match="no notes"):
        chain.forward("noter", 0, "med-udvalg")
    chain.set_notes("Travlt i team Nord")
    chain.forward(ForwardKind.NOTES, 0, "MED-udvalg")
    with pytest.raises(MeetingError, match="not chosen"):
        chain.forward("løsning", 1, MeetingKind.LEDELSESMOEDE)
    chain.toggle_option(1)
    chain.forward("løsning", 1, MeetingKind.LEDELSESMOEDE)
    decision = chain.add_decision("Besluttet")
    chain.forward("beslutning", decision.id, "med-udvalg")
    chain.forward("beslutning", decision.id, "politikermøde")
    chain.forward("beslutning", decision.id, "med-udvalg")  # again: no change
    assert chain.forwarded_to() == {
        (ForwardKind.NOTES, 0): (MeetingKind.MED_UDVALG,),
        (ForwardKind.SOLUTION, 1): (MeetingKind.LEDELSESMOEDE,),
        (ForwardKind.DECISION, decision.id): (MeetingKind.MED_UDVALG, MeetingKind.POLITIKERMOEDE),
    }
    chain.unforward("beslutning", decision.id, "politikermøde")
    chain.toggle_option(1)  # no longer chosen: no longer sent on
    chain.remove(decision.id)
    assert chain.items[1].forwards == [Forward(ForwardKind.NOTES, 0, MeetingKind.MED_UDVALG)]


@pytest.mark.parametrize(
    ("kind", "ref", "venue", "message"),
    [
        ("beslutning", 99, "med-udvalg", "no decision"),
        ("idé", 0, "med-udvalg", "cannot be sent on"),
        ("beslutning", 1, "andet", "not a place"),
        ("beslutning", 1, "bestyrelsen", "not a place"),
    ],
)
def test_a_wrong_mark_is_refused(chain: Meeting, kind: str, ref: int, venue: str, message: str) -> None:
    chain.add_decision("Besluttet")
    with pytest.raises(MeetingError, match=message):
        chain.forward(kind, ref, venue)
    assert chain.items[1].forwards == []


def test_the_chain_survives_the_snapshot(chain: Meeting, clock: FakeClock) -> None:
    chain.toggle_option(2)
    decision = chain.add_decision("Tidsbegrænset ansættelse", answers={"støtte": "Mentor"}, review="2027-03-01", solutions=[2])
    chain.forward("beslutning", decision.id, "med-udvalg")
    chain.forward("løsning", 2, "ledelsesmøde")
    data = json.loads(json.dumps(to_dict(chain)))
    assert data["items"][1]["item"]["temporary"] == [1, 2]
    assert state(from_dict(data, clock=clock)) == state(chain)


def test_a_meeting_without_the_chain_writes_none_of_its_keys(running: Meeting) -> None:
    running.add_decision("Besluttet")
    item = to_dict(running)["items"][0]
    assert "forwards" not in item and "temporary" not in item["item"]
    assert set(item["decisions"][0]) == {"id", "text", "principles", "at"}


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("item", "temporary"), [3], "temporary"),
        (("forwards",), [["beslutning", 1, "andet"]], "forwards"),
        (("forwards",), [["løsning", 5, "med-udvalg"]], "forwards"),
        (("forwards",), [["noter", 0]], "not what, which and where to"),
        (("forwards",), [["noter", 0, "med-udvalg"], ["noter", 0, "med-udvalg"]], "twice|duplicate|more than once"),
        (("decisions", 0, "answers"), [["støtte"]], "not a principle and an answer"),
        (("decisions", 0, "answers"), [["støtte", "a"], ["støtte", "b"]], "answers"),
        (("decisions", 0, "review"), "snart", "review"),
        (("decisions", 0, "solutions"), [7], "solutions"),
    ],
)
def test_a_damaged_chain_in_a_snapshot_is_refused(chain: Meeting, path: tuple[object, ...], value: object, message: str) -> None:
    chain.add_decision("Besluttet")
    data = json.loads(json.dumps(to_dict(chain)))
    target = data["items"][1]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(SnapshotError, match=message):
        from_dict(data)
