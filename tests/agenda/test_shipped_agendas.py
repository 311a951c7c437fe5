"""The shipped agendas: valid, complete for a Danish referat, and faithful to their sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.paths import DATA

from facilitator.agenda.loader import load_agenda
from facilitator.agenda.model import Agenda, ItemType, MeetingKind
from facilitator.agenda.shipped import shipped_agendas
from facilitator.cli import main

SHIPPED = shipped_agendas()
SOURCES = DATA / "sources"
SOURCE_OF = {name: "genaabning.txt" if name == "genaabning" else "lave-ydelser.txt" for name in SHIPPED}
PRINCIPLES = (
    "God planlægning",
    "God kommunikation om beslutningerne",
    "Inddragelse af medarbejderne både i de formelle samarbejdsorganer og blandt de berørte medarbejdere",
    "Afklaring af hvilken støtte og support, der er brug for under forandringsprocessen",
)
STANDARD_FIRST = (
    ("Godkendelse af dagsorden", ItemType.BESLUTNING),
    ("Godkendelse af referat og opfølgning fra sidste møde", ItemType.BESLUTNING),
    ("Meddelelser", ItemType.ORIENTERING),
)
STANDARD_LAST = (("Eventuelt", ItemType.ORIENTERING), ("Næste møde", ItemType.BESLUTNING))


def source_text(name: str) -> str:
    """The source as plain text: markdown links and emphasis removed, whitespace folded."""
    text = (SOURCES / SOURCE_OF[name]).read_text(encoding="utf-8")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("*", "")
    return " ".join(text.split())


def agenda(name: str) -> Agenda:
    return load_agenda(SHIPPED[name])


def test_the_expected_agendas_ship() -> None:
    assert set(SHIPPED) == {"klubmoede", "personalemoede", "med-udvalg", "ledelsesmoede", "politikermoede", "genaabning"}


def test_the_four_venues_are_covered() -> None:
    kinds = {agenda(name).meeting.kind for name in SHIPPED}
    assert {MeetingKind.KLUBMOEDE, MeetingKind.PERSONALEMOEDE, MeetingKind.MED_UDVALG} <= kinds
    assert {MeetingKind.LEDELSESMOEDE, MeetingKind.POLITIKERMOEDE} <= kinds


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_agenda_is_complete_for_a_referat(name: str) -> None:
    loaded = agenda(name)
    assert loaded.meeting.purpose, "the venue's purpose belongs in meeting.purpose"
    assert all(item.minutes for item in loaded.items), "every item has planned minutes"
    assert loaded.meeting.duration == loaded.planned_minutes
    assert 45 <= loaded.planned_minutes <= 150, "a realistic meeting"
    head = tuple((item.title, item.type) for item in loaded.items[: len(STANDARD_FIRST)])
    tail = tuple((item.title, item.type) for item in loaded.items[-len(STANDARD_LAST) :])
    assert head == STANDARD_FIRST and tail == STANDARD_LAST
    assert len(loaded.items) > len(STANDARD_FIRST) + len(STANDARD_LAST), "there are topic items"


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_nothing_is_invented(name: str) -> None:
    """Prompts and options are the source's words; every number in the agenda is the source's."""
    loaded = agenda(name)
    source = source_text(name)
    quoted = [text for item in loaded.items for text in (*item.options, *item.prompts)]
    if name == "genaabning":
        quoted = [text for item in loaded.items for text in item.options]  # its prompts are questions built from the note
    for text in quoted:
        if text.startswith(PRINCIPLES):
            continue
        assert " ".join(text.split()) in source, f"not word for word in the source: {text!r}"
    values = (
        " ".join(
            str(value)
            for item in loaded.items
            for value in (item.title, item.purpose or "", item.presenter or "", *item.prompts, *item.options)
        )
        + f" {loaded.meeting.title} {loaded.meeting.purpose}"
    )
    for number in re.findall(r"\d[\d.]*\d|\d", values):
        assert number in source, f"the number {number} is not in the source"


@pytest.mark.parametrize("name", ["med-udvalg", "klubmoede", "ledelsesmoede"])
def test_the_four_principles_are_prompts_where_change_is_discussed(name: str) -> None:
    prompts = [prompt for item in agenda(name).items for prompt in item.prompts]
    for principle in PRINCIPLES:
        assert any(prompt.startswith(principle) for prompt in prompts), principle


CHANGE_ITEMS = (
    "Klarhed om organisering af arbejdet",
    "Behov for ekstra ressourcer til at løse de nye opgaver",
    "Håndtering af øget risiko for krænkelser, trusler og vold overfor de ansatte",
)


def test_med_udvalg_decides_changes_with_all_four_principles() -> None:
    items = {item.title: item for item in agenda("med-udvalg").items}
    for title in CHANGE_ITEMS:
        assert items[title].type is ItemType.BESLUTNING
        for principle in PRINCIPLES:
            assert any(prompt.startswith(principle) for prompt in items[title].prompts), (title, principle)


def test_genaabning_ends_with_whom_to_contact() -> None:
    items = agenda("genaabning").items
    contact = items[-len(STANDARD_LAST) - 1]
    assert "kontakt" in contact.title.lower()
    assert any("Mette Laurberg, 51505190" in option for option in contact.options)
    assert any("Mette Grostøl, 40577232" in option for option in contact.options)


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_new_round_trips(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / f"{name}.toml"
    assert main(["new", name, "-o", str(target)]) == 0
    assert load_agenda(target) == agenda(name)
    assert main(["check", str(target)]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_files_tell_the_steward_how_to_adapt_them(name: str) -> None:
    text = SHIPPED[name].read_text(encoding="utf-8")
    header = text[: re.search(r"^\[meeting\]", text, re.MULTILINE).start()]
    for word in ("dato", "deltagere", "confidential", "duration"):
        assert word in header.lower(), f"the header comment should explain {word}"
