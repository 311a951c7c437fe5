"""The note for members (``--style medlemmer``): what was decided and what happens now, naming nobody.

It goes to everyone, so it must hold no name of anyone in the room (attendees, guests, the
chair and referent, speakers, whoever is responsible for an action), nothing of a closed
item, and no notes; it has no restricted copy.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from support.clock import FakeClock
from support.hostile_text import SHORT, raw_controls
from support.meetings import real_meeting
from support.paths import GOLDEN

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.cli import main
from facilitator.errors import MinutesError
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import CarriedAction, Presence
from facilitator.output.markdown_safety import parser
from facilitator.output.member_context import member_context
from facilitator.output.minutes import PUBLIC_ONLY, STYLES, context, render, to_html
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

LANGS = ("da", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_golden_member_note(lang: str) -> None:
    """Read it as a member would. FACILITATOR_UPDATE_GOLDEN=1 rewrites."""
    rendered = render(real_meeting(), style="medlemmer", lang=lang)
    golden = GOLDEN / f"medlemmer-offentligt-{lang}.md"
    if os.environ.get("FACILITATOR_UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_the_note_says_what_was_decided_and_what_happens_next() -> None:
    text = render(real_meeting(), style="medlemmer", lang="da")
    for expected in (
        "# Til medlemmerne – Klubmøde: Hvordan håndterer vi konsekvenserne af de nye lave ydelser?\n",
        "- **Gruppe:** Socialrådgiverklubben\n- **Dato:** tirsdag den 1. december 2026\n",
        "### Behov for ekstra ressourcer til at løse de nye opgaver\n\n- Klubben beder MED-udvalget drøfte opnormering.\n"
        "- Afstemning: Forslag om at bede om opnormering: **vedtaget** (3 for, 0 imod, 1 undlod at stemme; 4 til stede)\n",
        "**Løsninger, vi bakker op om**\n\n- Opnormering på de områder, der oplever en øget arbejdsmængde.\n- Planlagt overarbejde.\n",
        # the earliest deadline first, and no one responsible
        "## Det sker nu\n\n- Skrive til MED-udvalget – senest 10. december 2026\n"
        "- Samle eksempler på IT-problemer – senest 15. december 2026\n",
        "## Næste møde\n\nNæste møde holdes tirsdag den 12. januar 2027 kl. 15.\n",
        "**Spørgsmål?** Spørg din tillidsrepræsentant.\n",
    ):
        assert expected in text
    # The meeting's housekeeping is not news; times of day, place, agenda and notes stay in the referat.
    for absent in (
        "Dagsordenen blev godkendt",
        "Referatet fra sidste møde",
        "Dagsorden\n",
        "15.00",
        "Mødelokale",
        "Flere oplever",
    ):
        assert absent not in text


def test_nothing_of_a_closed_item_not_even_that_there_was_one() -> None:
    meeting = real_meeting()
    closed = next(s for s in meeting.items if s.item.confidential)
    for lang in LANGS:
        text = render(meeting, style="medlemmer", lang=lang)
        assert "personalesag" not in text and "Sagen følges af TR" not in text and closed.item.title not in text
        assert "Lukket punkt" not in text and "lukket" not in text.lower() and "closed" not in text.lower()


# --- names ------------------------------------------------------------------------------

PEOPLE = {
    "participants": ("Xaviera Quorndon", "Ygritte Zamboni", "Wendelin Vasquez-Oyelaran"),
    "guest": ("Ulrika Thistlewood",),
    "apologies": ("Sigurd Rønnequist",),
    "late": ("Perpetua Ødegård",),
    "speakers": ("Xaviera Quorndon", "Perpetua Ødegård"),
    "owners": ("Ottokar Nimbleby", "Ygritte Zamboni"),
    "carried owner": ("Mordecai Lunkwill",),
}
"""Names no template, label or agenda text holds: a hit in the note is one of them."""


def named_meeting() -> Meeting:
    """A klubmøde where every kind of person the referat names does something: attendees,
    a guest, apologies, one who came later and one who left, the chair and the referent,
    speakers, owners of actions, and the owner of an action carried over from before."""
    text = shipped_agendas()["klubmoede"].read_text(encoding="utf-8")
    participants = ", ".join(f'"{n}"' for n in (*PEOPLE["participants"], *PEOPLE["apologies"]))
    text = text.replace(
        "[meeting]\n",
        f'[meeting]\ngroup = "Klubben"\nparticipants = [{participants}]\nguests = ["{PEOPLE["guest"][0]}"]\n'
        f'chair = "{PEOPLE["participants"][0]}"\nsecretary = "{PEOPLE["participants"][1]}"\n',
        1,
    )
    clock = FakeClock()
    m = Meeting(parse_agenda(text.encode()), clock=clock)
    m.carry_over([CarriedAction(1, 1, "Klubmøde i oktober", "2026-10-06", "Bestille lokale", PEOPLE["carried owner"][0], None)])
    m.set_presence(PEOPLE["apologies"][0], Presence.APOLOGIES)
    m.start()
    m.add_decision("Dagsordenen blev godkendt.")
    m.go_to(3)
    m.add_person(PEOPLE["late"][0])
    for name in PEOPLE["speakers"]:
        m.request_floor(name)
        m.next_speaker()
        clock.advance(1)
    m.stop_speaker()
    m.set_notes("Noter om drøftelsen.")
    m.add_action("Samle eksempler", PEOPLE["owners"][0], dt.date(2026, 12, 15))
    m.go_to(4)
    m.toggle_option(1)
    m.add_decision("Klubben bakker op om forslaget.", ["kommunikation"])
    m.record_vote("Forslaget", 3, 1, 0)
    m.add_action("Skrive til ledelsen", PEOPLE["owners"][1], "2026-12-10")
    m.leave(PEOPLE["participants"][2])
    m.go_to(len(m.items) - 1)
    m.add_decision("Næste møde holdes den 12. januar 2027.")
    m.end()
    return m


def test_the_note_names_nobody() -> None:
    """Not an attendee, guest, chair, referent, speaker or action owner; not by full name,
    first name or surname; in Markdown and in HTML, in both languages. The referat of the
    same meeting names them all, so the test would see a name where it may not be."""
    meeting = named_meeting()
    names = {name for group in PEOPLE.values() for name in group}
    words = names | {part for name in names for part in name.split()}
    referat = render(meeting, lang="da") + render(meeting, style="beslutning", lang="da")
    assert all(name in referat for name in names - set(PEOPLE["speakers"]))  # the referat does not list speakers
    assert all(name in meeting.speaking_seconds(3) for name in PEOPLE["speakers"])
    for lang in LANGS:
        note = render(meeting, style="medlemmer", lang=lang)
        assert "Klubben bakker op om forslaget." in note and "Skrive til ledelsen" in note
        for text in (note, to_html(note, title=meeting.info.title, lang=lang)):
            assert [word for word in words if word.casefold() in text.casefold()] == []


def test_a_template_of_ones_own_cannot_print_a_name_either(tmp_path: Path) -> None:
    """The data is cut before the template: a user's template that asks for every name the
    referat's data has gets nothing."""
    own = tmp_path / "medlemmer.md.j2"
    asked = ("chair", "secretary", "present", "guests", "apologies", "arrivals", "departures", "actions", "carried", "items")
    own.write_text(
        " ".join(f'{{{{ {key}|default("") }}}}' for key in asked) + " {{ decided }} {{ next_steps }}", encoding="utf-8"
    )
    meeting = named_meeting()
    text = render(meeting, style="medlemmer", template=own, lang="da")
    assert "Klubben bakker op om forslaget." in text and "Skrive til ledelsen" in text
    assert [name for group in PEOPLE.values() for name in group if name in text] == []
    own.write_text("{{ chair }}", encoding="utf-8")
    with pytest.raises(MinutesError, match="'chair' is undefined"):
        render(meeting, style="medlemmer", template=own, lang="da")


def test_the_notes_data_is_an_allow_list() -> None:
    data = member_context(context(real_meeting(), lang="da"))
    assert set(data) == {
        "lang",
        "title",
        "kind",
        "group",
        "date",
        "iso_date",
        "next_meeting",
        "restricted",
        "decided",
        "next_steps",
    }
    assert {key for item in data["decided"] for key in item} == {"title", "decisions", "votes", "options"}
    assert {key for step in data["next_steps"] for key in step} == {"what", "deadline", "deadline_table", "deadline_iso"}
    with pytest.raises(ValueError, match="public minutes only"):
        member_context(context(real_meeting(), restricted=True, lang="da"))


def test_a_meeting_that_decided_nothing_says_so() -> None:
    meeting = Meeting(parse_agenda(shipped_agendas()["klubmoede"].read_bytes()), clock=FakeClock())
    meeting.start()
    meeting.end()
    text = render(meeting, style="medlemmer", lang="en")
    assert "## What we decided\n\nThe meeting made no decisions to report.\n" in text
    assert "What happens next" not in text and "## Next meeting" not in text


# --- public only ------------------------------------------------------------------------


def test_the_member_note_has_no_restricted_copy() -> None:
    assert PUBLIC_ONLY == {"medlemmer"} and PUBLIC_ONLY <= set(STYLES)
    with pytest.raises(MinutesError, match="always public and holds nothing of closed items"):
        render(real_meeting(), style="medlemmer", restricted=True, lang="en")


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        meeting = real_meeting()
        meeting_id = archive.create(meeting)
        archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items})
    return path


def test_the_command_line_writes_the_note_beside_the_referat(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ud"
    folder.mkdir()
    assert main(["--lang", "da", "minutes", "1", "--style", "medlemmer", "--archive", str(archive_path)]) == 0
    assert capsys.readouterr().out == render(real_meeting(), style="medlemmer", lang="da")
    assert main(["minutes", "--style", "medlemmer", "-o", str(folder), "--archive", str(archive_path)]) == 0
    assert main(["minutes", "-o", str(folder), "--archive", str(archive_path)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["medlemmer-1.md", "referat-1.md"]
    assert (folder / "medlemmer-1.md").read_text(encoding="utf-8").startswith("# Til medlemmerne – ")
    capsys.readouterr()
    args = ["minutes", "--style", "medlemmer", "--restricted", "-o", str(folder / "x.md"), "--archive", str(archive_path)]
    assert main(["--lang", "en", *args]) == 2
    assert capsys.readouterr().err == (
        "a note for members is always public and holds nothing of closed items; it has no restricted copy\n"
    )
    assert not (folder / "x.md").exists()


# --- hostile text -----------------------------------------------------------------------

FORGED_HEADINGS = {
    "atx": "## Falsk afsnit\n### Falsk punkt",
    "setext": "Falsk\n===\n\nOgså falsk\n---",
    "fence": "```\nkode uden slut\n\n# Overskrift",
    "in a list": "0) #\n- # x\n> ## y",
}
"""Text that would add a heading of its own if it reached the page as Markdown."""


def hostile_meeting(text: str) -> Meeting:
    """``text`` in every field the note shows: the meeting's title and group, an item's
    title, a decision, a vote, a chosen solution, an action, the next meeting."""
    one_line = " ".join(text.split())
    agenda = (
        'format = 1\n[meeting]\ntitle = "x"\nkind = "klubmøde"\ngroup = "x"\n'
        '[[item]]\ntitle = "Et"\nminutes = 5\noptions = ["x"]\n[[item]]\ntitle = "Næste møde"\nminutes = 5\n'
    )
    meeting = Meeting(parse_agenda(agenda.encode()), clock=FakeClock())
    meeting.info = meeting.info._replace(title=one_line, group=one_line)
    meeting.items[0].item = meeting.items[0].item._replace(title=one_line, options=(text,))
    meeting.start()
    meeting.toggle_option(0)
    meeting.add_decision(text)
    meeting.record_vote(text, 1, 0, 0)
    meeting.add_action(text, one_line, "2026-12-24")
    meeting.next_item()
    meeting.add_decision(text)
    meeting.end()
    return meeting


def heading_levels(markdown: str) -> list[int]:
    return [int(token.tag[1]) for token in parser().parse(markdown) if token.type == "heading_open"]


@pytest.mark.parametrize("name", sorted(SHORT) + sorted(FORGED_HEADINGS))
def test_hostile_text_leaves_no_raw_control_in_the_note_and_adds_no_heading(name: str) -> None:
    """Every short entry of the corpus (and text made to forge a heading) in every field
    the note shows: no raw control in the Markdown or the HTML, and the headings are the
    template's own."""
    text = SHORT.get(name) or FORGED_HEADINGS[name]
    meeting = hostile_meeting(text)
    for lang in LANGS:
        note = render(meeting, style="medlemmer", lang=lang)
        assert note.count("\n- ") >= 4  # the decision, the vote, the solution and the action are all in it
        assert not raw_controls(note)
        assert not raw_controls(to_html(note, title=meeting.info.title, lang=lang))
        assert heading_levels(note) == heading_levels(render(hostile_meeting("x"), style="medlemmer", lang=lang))
        if "\x1b" in text:
            assert "␛" in note  # shown, not dropped
