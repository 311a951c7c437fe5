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


VENUES = ["med-udvalg", "klubmoede", "ledelsesmoede", "personalemoede", "politikermoede"]
QUESTION = ": Hvordan sikres det?"
"""What the agendas add to each principle to make it a question: not the seed's words, and
the header comments say so."""


@pytest.mark.parametrize("name", VENUES)
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


@pytest.mark.parametrize("name", VENUES)
def test_each_principle_is_quoted_word_for_word_before_its_question(name: str) -> None:
    source = source_text(name)
    asked = [p for item in agenda(name).items for p in item.prompts if p.startswith(PRINCIPLES)]
    assert asked
    for prompt in asked:
        assert prompt.endswith(QUESTION), prompt
        assert prompt.removesuffix(QUESTION) in source, prompt


@pytest.mark.parametrize("name", VENUES)
def test_the_header_says_where_the_principles_are_quoted_and_turned_into_questions(name: str) -> None:
    text = SHIPPED[name].read_text(encoding="utf-8")
    header = " ".join(line.lstrip("# ") for line in text[: re.search(r"^\[meeting\]", text, re.MULTILINE).start()].splitlines())
    assert "fire principper" in header and "Hvordan sikres det?" in header and "ikke i kildeteksten" in header
    with_principles = [i.title for i in agenda(name).items if any(p.startswith(PRINCIPLES) for p in i.prompts)]
    if name == "med-udvalg":
        assert "de tre beslutningspunkter" in header and len(with_principles) == 3
    else:
        assert [f"»{title}«" in header for title in with_principles] == [True]


SEED_PRECAUTIONS = (
    "Tjekke fysiske sikkerhedsforanstaltninger: alarmsystemer og flugtveje.",
    "Repetere konflikthåndteringskurser og gode råd om den svære samtale.",
    "Sørg for at alle ansatte kender retningslinjer og kriseplaner, og husk at nyansatte og vikarer er særligt sårbare.",
    "Særlig risikovurdering af borgere, der har en kendt eller potentiel udadreagerende adfærd.",
    "Overvej at have ekstra vagtmandskab i en passende periode og/eller på særlige funktionsområder.",
    "Genopfriske og vedligeholde voldspolitikken og retningslinjerne på arbejdspladsen",
)
"""The seed's safety precautions: its list »Det er en god idé iværksætte eller vedligeholde
følgende«, and its advice to refresh the violence policy just before it."""


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_the_checklist_is_the_seeds_precautions_word_for_word(name: str) -> None:
    source = source_text(name)
    items = agenda(name).items
    for item in items:
        for point in item.checklist:
            assert " ".join((point[0].lower() + point[1:]).split()) in source or point in source, point
    with_list = [item for item in items if SEED_PRECAUTIONS[0] in item.options]
    for item in with_list:  # wherever the seed's list stands, it is the AMiR's checklist too
        assert len(item.checklist) == len(SEED_PRECAUTIONS)
        for precaution in SEED_PRECAUTIONS:
            assert any(point.startswith(precaution) for point in item.checklist), precaution
    assert bool(with_list) == (name in ("klubmoede", "personalemoede", "med-udvalg", "ledelsesmoede"))


TEMPORARY_SOLUTIONS = (
    "Ansættelse af ekstra arbejdskraft, f.eks. vikarer eller studentermedhjælpere i en kortere eller længere periode",
    "Midlertidig ændring af den lokale arbejdstidsaftale mod særlig betaling.",
    "Planlagt overarbejde.",
    "Indgåelse af plustidsaftale.",
    "Midlertidig nedlukning af normale arbejdsfunktioner",
)
"""The solutions the seed says serve only in the short term (overtime, plustid, a hire for a
period, temporary changes)."""


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_the_temporary_solutions_are_marked_wherever_they_are_offered(name: str) -> None:
    for item in agenda(name).items:
        temporary = {item.options[i] for i in item.temporary}
        offered = {option for option in item.options if option.startswith(TEMPORARY_SOLUTIONS)}
        assert temporary == offered, item.title
    marked = sum(len(item.temporary) for item in agenda(name).items)
    assert (marked >= 1) == (name != "genaabning")


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_attachments_are_the_documents_the_seed_names_at_placeholder_paths(name: str) -> None:
    """The seed names DS' vejledende sagstal, the violence policy and DS' note on club
    activities, but gives no address: the agendas point to files beside them, never to an
    address made up."""
    loaded = agenda(name)
    documents = [a for item in loaded.items for a in item.attachments] + list(loaded.meeting.attachments)
    for document in documents:
        assert document.href.startswith("bilag/") and "://" not in document.href
    titles = " ".join(a.title for a in documents)
    text = SHIPPED[name].read_text(encoding="utf-8")
    if "vejledende sagstal" in " ".join(i.purpose or "" for i in loaded.items):
        assert "vejledende sagstal" in titles
    if any(i.checklist for i in loaded.items):
        assert "voldspolitik" in titles
    assert ("pladsholder" in text) == bool(documents)


def test_the_reopening_agenda_says_it_is_about_2020() -> None:
    loaded = agenda("genaabning")
    assert "2020" in loaded.meeting.title
    text = SHIPPED["genaabning"].read_text(encoding="utf-8")
    assert "2020" in text.splitlines()[0] and "IKKE gældende regler" in text[:600]
