"""Meetings held for real, for the tests of what comes after: storing, minutes, next agendas."""

from __future__ import annotations

import datetime as dt

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import CarriedAction, Presence
from support.clock import FakeClock


def klubmoede(group: str | None = "Socialrådgiverklubben") -> Meeting:
    """The shipped klubmøde as a new meeting, of ``group`` (a group's meetings carry actions)."""
    text = shipped_agendas()["klubmoede"].read_text(encoding="utf-8")
    if group:
        text = text.replace("[meeting]\n", f'[meeting]\ngroup = "{group}"\n', 1)
    return Meeting(parse_agenda(text.encode()))


def real_meeting() -> Meeting:
    """The shipped klubmøde, held for real: a guest, notes, decisions, a vote, actions, a
    closed item, a postponed item."""
    text = shipped_agendas()["klubmoede"].read_text(encoding="utf-8")
    text = text.replace(
        "[meeting]\n",
        '[meeting]\ngroup = "Socialrådgiverklubben"\nlocation = "Mødelokale 3"\n'
        'participants = ["Anne Andersen", "Bo Berg", "Cecilie Dahl", "Dorte Eriksen"]\n'
        'guests = ["Gitte Holm, konsulent i DS"]\n'
        'chair = "Anne Andersen"\nsecretary = "Bo Berg"\ndate = 2026-12-01\nstart = 15:00:00\n',
        1,
    )
    text = text.replace('title = "Meddelelser"', 'title = "Meddelelser"\nconfidential = true', 1)
    clock = FakeClock()
    m = Meeting(parse_agenda(text.encode()), clock=clock)
    m.carry_over(
        [
            CarriedAction(
                1, 3, "Klubmøde i oktober", "2026-10-06", "Bestille lokale til julefrokost", "Cecilie Dahl", dt.date(2026, 11, 15)
            )
        ]
    )
    m.set_presence("Dorte Eriksen", Presence.APOLOGIES)
    m.start()
    m.add_decision("Dagsordenen blev godkendt uden ændringer.")
    clock.advance(4)
    m.next_item()
    m.set_carried_done(1, 3)
    m.add_decision("Referatet fra sidste møde blev godkendt.")
    clock.advance(8)
    m.next_item()
    m.set_notes("TR orienterede om en konkret personalesag.")
    m.add_decision("Sagen følges af TR.")
    clock.advance(6)
    m.next_item()
    m.add_person("Erik Fisker")
    m.toggle_prompt(0)
    m.toggle_prompt(3)
    m.set_notes(
        "# Arbejdsgange\nFlere oplever, at sagsgangene er ændret permanent.\n\n"
        "Opsummering\n---\n- IT-systemet kan ikke håndtere *bortfaldsdatoer*\n- Behov for videndeling | ugentligt"
    )
    m.add_action("Samle eksempler på IT-problemer", "Anne Andersen", "2026-12-15")
    clock.advance(25)
    m.next_item()
    m.toggle_option(0)
    m.toggle_option(3)
    m.add_decision("Klubben beder MED-udvalget drøfte opnormering.", ["planlægning", "inddragelse"])
    m.record_vote("Forslag om at bede om opnormering", 3, 0, 1)
    m.add_action("Skrive til MED-udvalget", "Bo Berg", "2026-12-10")
    m.leave("Cecilie Dahl")
    m.set_skipped(6)  # postponed: "Socialfagligt arbejde …"
    clock.advance(16)
    m.go_to(len(m.items) - 1)
    m.add_decision("Næste møde holdes tirsdag den 12. januar 2027 kl. 15.")
    clock.advance(3)
    m.end()
    return m


def hold_a_meeting(m: Meeting, clock: FakeClock) -> None:
    """Something of every kind happens, so a round trip that drops a field shows it."""
    m.set_notes("# Noter\nmed æøå 🙂 og | tegn")
    m.add_decision("Godkendt", ["planlægning", "støtte"])
    clock.advance(3)
    m.next_item()
    m.toggle_prompt(0)
    m.toggle_option(0)
    m.record_vote("Forslaget", 2, 1, 0)
    m.add_action("Skrive til ledelsen", "Anne", "2026-12-15")
    m.set_action_done(m.add_action("Booke lokale", "Bo").id)
    m.set_presence("Cecilie", Presence.APOLOGIES)
    m.add_person("Dorte")
    m.leave("Bo")
    m.request_floor("Anne")
    m.request_floor("Dorte", point_of_order=True)
    m.next_speaker()
    clock.advance(1)
    m.next_speaker()
    m.request_floor("Anne")
    m.toggle_timer()
    m.add_item("Julefrokost", "orientering", 5)
    m.move_item(3, 0)
    m.set_carry_on(2)
    m.set_skipped(3)
    m.set_speakers_closed(True)
    m.set_role("secretary", "Dorte")


def state(meeting: Meeting) -> dict:
    """Everything a meeting holds, except how it tells time and who listens."""
    return {k: v for k, v in vars(meeting).items() if k not in ("clock", "listeners")}
