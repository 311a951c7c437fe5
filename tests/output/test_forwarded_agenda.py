"""The venue's agenda with forwarded matters, as text: every hostile string a matter can
hold is written as TOML text and reads back as the same words, and the agenda checks clean."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from support.hostile_text import HOSTILE

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.output.forwarded_agenda import FORWARDED_MINUTES, forwarded_agenda

pytestmark = pytest.mark.usefixtures("danish")

MED = parse_agenda(shipped_agendas()["med-udvalg"].read_bytes())


@dataclass(frozen=True)
class Matter:
    meeting_id: int = 1
    meeting_kind: str = "klubmøde"
    group: str | None = "Socialrådgiverklubben"
    held: str | None = "2026-12-03"
    item_title: str = "Ressourcer"
    kind: str = "beslutning"
    text: str = "Flere hænder"
    confidential: bool = False


TOML_TRAPS = {
    "quotes": 'Citat "med" anførselstegn og \\ skråstreg',
    "triple_quotes": "Tre \"\"\" og ''' i træk",
    "table_forged": 'Ny linje\n[[item]]\ntitle = "Indsmuglet"\n',
    "header_forged": '[meeting]\nkind = "andet"',
    "controls": "før\x00efter \x01\x1f\x7f \x9b2J",
}


@pytest.mark.parametrize("text", [*TOML_TRAPS.values(), *HOSTILE.values()], ids=[*TOML_TRAPS, *HOSTILE])
def test_a_matters_text_is_written_as_text(text: str) -> None:
    made = forwarded_agenda(MED, "med-udvalg", [Matter(text=text)], group="MED Jobcenter", restricted=False)
    agenda = parse_agenda(made.text.encode())
    forwarded = agenda.items[3]
    words = text.strip()
    assert forwarded.purpose == "Fra klubmødet 3. december 2026 i Socialrådgiverklubben, punktet »Ressourcer«." + (
        f"\nBeslutningen: {words}" if words else ""
    )
    assert len(agenda.items) == len(MED.items) + 1 and forwarded.minutes == FORWARDED_MINUTES
    assert forwarded.title == "Fra Socialrådgiverklubben: Ressourcer"
    assert not any(0x80 <= ord(c) <= 0x9F for c in made.text)


@pytest.mark.parametrize(
    ("kind", "label", "type_"),
    [
        ("løsning", "Den valgte løsning", "drøftelse"),
        ("noter", "Noterne", "drøftelse"),
        ("beslutning", "Beslutningen", "beslutning"),
    ],
)
def test_each_kind_of_matter_says_what_it_is(kind: str, label: str, type_: str) -> None:
    made = forwarded_agenda(
        MED, "med-udvalg", [Matter(kind=kind, group=None, meeting_kind="personalemøde")], group=None, restricted=False
    )
    item = parse_agenda(made.text.encode()).items[3]
    assert item.purpose == f"Fra personalemødet 3. december 2026, punktet »Ressourcer«.\n{label}: Flere hænder"
    assert item.title == "Fra personalemødet: Ressourcer"
    assert item.type.value == type_


def test_confidential_matters_only_on_a_restricted_agenda() -> None:
    matters = [Matter(), Matter(meeting_id=2, text="Hemmeligt", confidential=True)]
    public = forwarded_agenda(MED, "med-udvalg", matters, group=None, restricted=False)
    assert (public.taken, public.meetings, public.left_out) == (1, 1, 1) and "Hemmeligt" not in public.text
    restricted = forwarded_agenda(MED, "med-udvalg", matters, group=None, restricted=True)
    assert (restricted.taken, restricted.meetings, restricted.left_out) == (2, 2, 0)
    closed = [item for item in parse_agenda(restricted.text.encode()).items if item.confidential]
    assert len(closed) == 1 and closed[0].purpose is not None and closed[0].purpose.endswith("Hemmeligt")


def test_no_matters_give_the_shipped_agenda_with_the_group() -> None:
    made = forwarded_agenda(MED, "med-udvalg", [], group="MED Jobcenter", restricted=False)
    agenda = parse_agenda(made.text.encode())
    assert agenda.items == MED.items and agenda.meeting.group == "MED Jobcenter" and made.taken == 0


def test_every_shipped_agenda_keeps_its_items_and_temporary_solutions() -> None:
    for name, path in shipped_agendas().items():
        shipped = parse_agenda(path.read_bytes())
        made = forwarded_agenda(shipped, name, [Matter()], group=None, restricted=False)
        items = parse_agenda(made.text.encode()).items
        assert [i for i in items if i.title != "Fra Socialrådgiverklubben: Ressourcer"] == list(shipped.items), name
