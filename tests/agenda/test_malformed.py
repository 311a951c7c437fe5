"""Every file in tests/data/malformed states, in its own header, the exact messages it must give."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.agendas import expectations
from support.paths import DATA

from facilitator import i18n
from facilitator.agenda.loader import load_agenda
from facilitator.errors import AgendaError

MALFORMED = sorted((DATA / "malformed").glob("*.toml"))


def test_there_are_enough_malformed_agendas() -> None:
    assert len(MALFORMED) >= 50


@pytest.mark.parametrize("path", MALFORMED, ids=lambda p: p.stem)
def test_malformed_agenda_gives_its_messages(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} states no expected message"
    with pytest.raises(AgendaError) as caught:
        load_agenda(path)
    assert str(caught.value).splitlines() == expected


@pytest.mark.parametrize("path", MALFORMED, ids=lambda p: p.stem)
def test_danish_messages_point_at_the_same_lines(path: Path) -> None:
    with pytest.raises(AgendaError) as english:
        load_agenda(path)
    i18n.set_language("da")
    with pytest.raises(AgendaError) as danish:
        load_agenda(path)
    assert [p.line for p in danish.value.problems] == [p.line for p in english.value.problems]
    assert str(danish.value) != str(english.value)


def test_danish_message_reads_danish(danish: None) -> None:
    path = next(p for p in MALFORMED if "minutes_zero" in p.name)
    with pytest.raises(AgendaError) as caught:
        load_agenda(path)
    assert str(caught.value) == (
        f'{path}:9: punkt 1 "Eventuelt": minutes skal være et helt antal minutter over 0, fx minutes = 10 (fandt tallet 0)'
    )
