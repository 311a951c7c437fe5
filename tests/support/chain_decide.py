"""An agenda and a meeting for the dialogue chain: solutions to choose, two of them
temporary, a decision drafted from them with answers, a review date and marks that send
matters on. The shipped agendas are another part's to mark, so the tests write their own."""

from __future__ import annotations

from pathlib import Path

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from support.clock import FakeClock

CHAIN_AGENDA = """\
format = 1
[meeting]
title = "Klubmøde i Socialrådgiverklubben"
kind = "klubmøde"
group = "Socialrådgiverklubben"
date = 2026-12-01
start = 15:00:00
location = "Mødelokale 3"
chair = "Anne Andersen"
secretary = "Bo Berg"
participants = ["Anne Andersen", "Bo Berg", "Cecilie Dahl"]

[[item]]
title = "Godkendelse af dagsorden"
type = "beslutning"
minutes = 5

[[item]]
title = "Behov for ekstra ressourcer til at løse de nye opgaver"
minutes = 20
options = [
    "Opnormering på de områder, der oplever en øget arbejdsmængde.",
    "Planlagt overarbejde.",
    "Plustid.",
    "Tidsbegrænset ansættelse.",
]
temporary = ["Planlagt overarbejde.", "Plustid."]

[[item]]
title = "Personalesag"
confidential = true
minutes = 10
options = ["Sagen rejses i MED.", "TR tager sagen."]

[[item]]
title = "Eventuelt"
type = "orientering"
minutes = 5
"""

RESOURCES = 1
"""The item with the solutions."""

CLOSED = 2
"""A closed item with solutions of its own."""


def chain_agenda(folder: Path) -> Path:
    path = folder / "kaede.toml"
    path.write_text(CHAIN_AGENDA, encoding="utf-8")
    return path


def chain_meeting() -> Meeting:
    """The chain held for real, as a script of the meeting screen's keys would: two
    solutions chosen, a decision drafted from them with two answers and a review date, one
    solution made an action item, the decision and the notes sent on; and a closed item
    whose decision is sent on too (the public minutes must not tell of it)."""
    clock = FakeClock()
    m = Meeting(parse_agenda(CHAIN_AGENDA.encode()), clock=clock)
    m.start()
    m.add_decision("Dagsordenen blev godkendt.")
    clock.advance(4)
    m.next_item()
    m.set_notes("Travlt i team Nord siden august.")
    m.toggle_option(0)
    m.toggle_option(1)
    decision = m.add_decision(
        "Klubben foreslår: Opnormering på de områder, der oplever en øget arbejdsmængde; Planlagt overarbejde",
        answers={"planlægning": "Teamlederen lægger en plan for januar.", "inddragelse": "Drøftes på personalemødet."},
        review="2027-03-15",
        solutions=[0, 1],
    )
    m.add_action("Opnormering på de områder, der oplever en øget arbejdsmængde.", "Bo Berg", "2026-12-15")
    m.forward("beslutning", decision.id, "med-udvalg")
    m.forward("løsning", 0, "ledelsesmøde")
    m.forward("noter", 0, "med-udvalg")
    clock.advance(20)
    m.next_item()
    m.set_notes("En konkret sag.")
    m.toggle_option(1)
    closed = m.add_decision("TR tager sagen med den ansatte.", answers={"støtte": "Samtale med TR hver uge."})
    m.forward("beslutning", closed.id, "med-udvalg")
    clock.advance(10)
    m.next_item()
    clock.advance(3)
    m.end()
    return m
