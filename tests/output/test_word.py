"""The minutes as a Word document, read back with python-docx: headings by style, the
header and action tables, the text, the UDKAST or approval mark, the proofing language."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from support.hostile_text import HOSTILE, RAW_CONTROLS, SHORT
from support.meetings import klubmoede, real_meeting

from facilitator.agenda.model import Agenda, Item, MeetingInfo, MeetingKind
from facilitator.errors import MinutesError
from facilitator.meeting.model import Meeting
from facilitator.output.minutes import context
from facilitator.output.word import docx_bytes, render_docx


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def headings(document: Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def all_text(document: Document) -> str:
    """Every word of the document: paragraphs, table cells, page headers."""
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.header.paragraphs]
    return "\n".join(parts)


def rows(document: Document, index: int) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in document.tables[index].rows]


def test_items_are_word_headings_the_navigation_pane_shows() -> None:
    document = read(render_docx(real_meeting(), lang="da"))
    found = headings(document)
    assert found[0] == ("Title", "Referat – Klubmøde: Hvordan håndterer vi konsekvenserne af de nye lave ydelser?")
    assert found[1] == ("Heading 1", "Dagsorden")
    assert ("Heading 1", "1. Godkendelse af dagsorden") in found
    assert ("Heading 1", "3. Lukket punkt") in found
    assert ("Heading 1", "4. Klarhed om organisering af arbejdet") in found
    assert ("Heading 2", "Drøftede spørgsmål") in found and ("Heading 2", "Handlepunkter") in found
    assert ("Heading 2", "Opfølgning fra tidligere møder") in found
    assert found[-2:] == [("Heading 1", "Handlepunkter"), ("Heading 1", "Næste møde")]
    items = [text for style, text in found if style == "Heading 1" and text[0].isdigit()]
    assert [int(text.split(".")[0]) for text in items] == list(range(1, 11))


def test_the_header_is_a_table_of_labels_and_values() -> None:
    document = read(render_docx(real_meeting(), lang="da"))
    header = {row[0]: row[1] for row in rows(document, 0)}
    assert header["Dato"] == "tirsdag den 1. december 2026, kl. 15.00–16.02"
    assert header["Sted"] == "Mødelokale 3"
    assert header["Ordstyrer"] == "Anne Andersen" and header["Referent"] == "Bo Berg"
    assert header["Deltagere"] == "Anne Andersen, Bo Berg, Cecilie Dahl, Erik Fisker"
    assert header["Gæster"] == "Gitte Holm, konsulent i DS"
    assert header["Afbud"] == "Dorte Eriksen"
    assert header["Kom senere"] == "Erik Fisker (kl. 15.18)" and header["Gik tidligere"] == "Cecilie Dahl (kl. 15.43)"
    label_run = document.tables[0].rows[0].cells[0].paragraphs[0].runs[0]
    assert label_run.bold


def test_actions_are_tables_with_ansvarlig_and_frist() -> None:
    document = read(render_docx(real_meeting(), lang="da"))
    assert rows(document, 1) == [
        ["Hvad", "Ansvarlig", "Frist"],
        ["Samle eksempler på IT-problemer", "Anne Andersen", "15.12.2026"],
    ]
    assert rows(document, 3)[0] == ["Punkt", "Hvad", "Ansvarlig", "Frist"]
    assert ["4", "Samle eksempler på IT-problemer", "Anne Andersen", "15.12.2026"] in rows(document, 3)
    assert all(table.style.name == "Table Grid" for table in document.tables)


def test_decisions_votes_notes_and_follow_up_are_in_the_text() -> None:
    document = read(render_docx(real_meeting(), lang="da"))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Beslutning: Klubben beder MED-udvalget drøfte opnormering." in paragraphs
    assert "Principper: god planlægning, inddragelse af medarbejderne" in paragraphs
    assert (
        "Afstemning: Forslag om at bede om opnormering: vedtaget (3 for, 0 imod, 1 undlod at stemme; 4 til stede)" in paragraphs
    )
    assert any(text.startswith("Flere oplever") or "Flere oplever" in text for text in paragraphs)
    assert "Punktet blev ikke nået." in paragraphs and "Punktet blev udsat." in paragraphs
    follow = next(p for p in document.paragraphs if p.text.startswith("Bestille lokale"))
    assert follow.style.name == "List Bullet" and follow.text.endswith(": gjort")
    assert "Næste møde holdes tirsdag den 12. januar 2027 kl. 15." in paragraphs


def test_a_draft_says_udkast_under_the_title_and_on_every_page() -> None:
    document = read(render_docx(real_meeting(), lang="da"))
    assert document.paragraphs[1].text == "UDKAST" and document.paragraphs[1].runs[0].bold
    assert document.sections[0].header.paragraphs[0].text == "UDKAST"
    english = read(render_docx(real_meeting(), lang="en"))
    assert english.paragraphs[1].text == "DRAFT"


@pytest.mark.parametrize("on", [dt.date(2027, 1, 12), "12. januar 2027"])
def test_an_approved_referat_says_so_and_keeps_the_remark(on: object) -> None:
    data = context(real_meeting(), lang="da")
    data["approval"] = {"on": on, "remark": "Punkt 5: Bo, ikke Bodil"}
    text = all_text(read(docx_bytes(data)))
    assert "UDKAST" not in text
    assert "Godkendt på mødet den 12. januar 2027" in text
    assert "Bemærkninger ved godkendelsen: Punkt 5: Bo, ikke Bodil" in text


def test_no_approval_key_or_none_is_a_draft() -> None:
    data = context(real_meeting(), lang="da")
    data.pop("approval", None)
    assert "UDKAST" in all_text(read(docx_bytes(data)))
    data["approval"] = None
    assert "UDKAST" in all_text(read(docx_bytes(data)))


@pytest.mark.parametrize(("lang", "tag"), [("da", "da-DK"), ("en", "en-GB")])
def test_the_proofing_language_is_set_on_the_styles(lang: str, tag: str) -> None:
    document = read(render_docx(real_meeting(), lang=lang))
    styles = document.styles.element
    default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert default.get(qn("w:val")) == tag
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        assert document.styles[name].element.rPr.find(qn("w:lang")).get(qn("w:val")) == tag
    assert document.core_properties.language == tag


def test_public_copy_keeps_closed_items_closed_and_restricted_holds_them() -> None:
    public = all_text(read(render_docx(real_meeting(), lang="da")))
    assert "personalesag" not in public.lower() and "Sagen følges af TR" not in public
    assert "Punktet blev behandlet som lukket punkt." in public and "Fortroligt eksemplar" not in public
    document = read(render_docx(real_meeting(), restricted=True, lang="da"))
    restricted = all_text(document)
    assert "TR orienterede om en konkret personalesag." in restricted and "Sagen følges af TR." in restricted
    assert "Fortroligt eksemplar" in document.sections[0].header.paragraphs[0].text
    assert ("Heading 1", "3. Meddelelser – lukket punkt") in headings(document)


def test_beslutning_style_has_no_notes() -> None:
    document = read(render_docx(real_meeting(), style="beslutning", lang="da"))
    text = all_text(document)
    assert headings(document)[0][1].startswith("Beslutningsreferat – ")
    assert "Flere oplever" not in text and "Drøftede spørgsmål" not in text
    assert "Klubben beder MED-udvalget drøfte opnormering." in text
    with pytest.raises(MinutesError):
        render_docx(real_meeting(), style="roman")


def test_the_time_appendix_is_a_table_on_request() -> None:
    plain = read(render_docx(real_meeting(), lang="da"))
    assert "Bilag: Tidsforbrug" not in all_text(plain)
    document = read(render_docx(real_meeting(), lang="da", times=True))
    assert headings(document)[-1] == ("Heading 1", "Bilag: Tidsforbrug")
    table = rows(document, len(document.tables) - 1)
    assert table[0] == ["Punkt", "Planlagt", "Brugt"] and table[1] == ["1. Godkendelse af dagsorden", "5 min", "4 min"]
    assert table[-1][0] == "I alt"


def hostile_meeting(corpus: dict[str, str]) -> Meeting:
    """Every hostile string in every field, as a hand-edited or older archive may hold them
    (titles and names not through the loader, which refuses a line break in them)."""
    names = tuple(f"{text} {number}" for number, text in enumerate(corpus.values()))
    info = MeetingInfo(
        title=HOSTILE["osc_title"],
        kind=MeetingKind.KLUBMOEDE,
        group=HOSTILE["newline_forge"],
        location=HOSTILE["bidi_override"],
        participants=names,
        chair=names[0],
        secretary=names[1],
    )
    items = tuple(Item(title=text, presenter=text, prompts=(text,), options=(text,)) for text in corpus.values())
    meeting = Meeting(Agenda(info, items))
    meeting.start()
    for index, text in enumerate(corpus.values()):
        meeting.go_to(index)
        meeting.set_notes(text, index)
        meeting.toggle_prompt(0, index)
        meeting.toggle_option(0, index)
        meeting.add_decision(text, index=index)
        meeting.record_vote(text, 2, 1, 0, index=index)
        meeting.add_action(text, names[index].replace("\n", " "), "2026-12-24", index=index)
    meeting.end()
    return meeting


@pytest.mark.parametrize(
    ("corpus", "style", "lang"), [(HOSTILE, "referat", "da"), (SHORT, "beslutning", "en")], ids=["referat-da", "beslutning-en"]
)
def test_hostile_text_comes_out_literally_and_the_file_is_valid_xml(corpus: dict[str, str], style: str, lang: str) -> None:
    meeting = hostile_meeting(corpus)
    data = render_docx(meeting, style=style, lang=lang, restricted=True, times=True)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = "".join(package.read(name).decode("utf-8") for name in package.namelist() if name.endswith(".xml"))
    assert not {ch for ch in xml if ch in RAW_CONTROLS}
    text = all_text(read(data))
    word = "Beslutning" if lang == "da" else "Decision"
    for name in ("markup_valid", "markup_click", "jinja", "percent_braces", "markup_backslash"):
        assert f"{word}: {HOSTILE[name]}" in text  # as typed: no markup read, no template run
    assert f"{word}: før␀efter" in text and f"{word}: klokke␇ og slet␈␈␈" in text
    assert f"{word}: C1 \\x9b2J og \\x9d0;titel\\x9c" in text
    assert f"{word}: # Overskrift <script>alert(1)</script> | a | b | ``` kode" in text
    assert f"{word}: Titel ␛]0;overtaget␇ slut" in text
    assert "Fortroligt eksemplar" in text or "Restricted copy" in text


def test_notes_keep_their_line_breaks_as_words_own() -> None:
    meeting = klubmoede()
    meeting.start()
    meeting.set_notes(SHORT["newline_forge"] + "\n\n" + SHORT["carriage_return"] + "\n\n" + SHORT["crlf"])
    notes = [p.text for p in read(render_docx(meeting, lang="da")).paragraphs]
    assert "rigtig titel\nOK: falsk linje" in notes  # a note keeps its line break (Word's own)
    assert "synlig\nOVERSKREVET" in notes  # a lone carriage return ends the line, as in the Markdown minutes
    assert "linje et\nlinje to" in notes


def test_what_xml_cannot_hold_is_shown_not_refused() -> None:
    meeting = klubmoede()
    meeting.start()
    meeting.add_decision("halv \ud800 surrogat og \ufffe ikke-tegn")
    document = read(render_docx(meeting, lang="da"))
    assert "Beslutning: halv \\ud800 surrogat og \\ufffe ikke-tegn" in all_text(document)


OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(OFFICE is None, reason="LibreOffice (soffice or libreoffice) is not installed: no PDF conversion to try")
def test_libreoffice_converts_it_to_pdf(tmp_path: Path) -> None:
    source = tmp_path / "referat.docx"
    source.write_bytes(render_docx(real_meeting(), restricted=True, lang="da", times=True))
    assert OFFICE is not None
    done = subprocess.run(
        [
            OFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "referat.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
