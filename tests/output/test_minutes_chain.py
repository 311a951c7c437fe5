"""The dialogue chain in the minutes: a decision's answers to the principles' questions (only
those given), its review date, and "Sendt videre til" under what was sent on; a closed
item's chain only in the restricted copy."""

from __future__ import annotations

import os

import pytest
from support.chain_decide import chain_meeting
from support.paths import GOLDEN

from facilitator.output.minutes import context, render


@pytest.mark.parametrize("restricted", [False, True])
def test_golden_minutes_of_the_chain(restricted: bool) -> None:
    """FACILITATOR_UPDATE_GOLDEN=1 rewrites."""
    rendered = render(chain_meeting(), restricted=restricted, lang="da")
    golden = GOLDEN / f"referat-kaede-{'fortroligt' if restricted else 'offentligt'}-da.md"
    if os.environ.get("FACILITATOR_UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_the_minutes_print_the_answers_given_the_review_and_the_venues() -> None:
    public = render(chain_meeting(), lang="da")
    assert "- *Hvordan sikres god planlægning?* Teamlederen lægger en plan for januar.\n" in public
    assert "- *Hvordan sikres inddragelse af medarbejderne?* Drøftes på personalemødet.\n" in public
    assert "god kommunikation om beslutningerne?" not in public  # not answered: not asked in the minutes
    assert "*Den midlertidige løsning evalueres 15. marts 2027.*" in public
    assert "*Sendt videre til: MED-udvalg*" in public
    assert "- Opnormering på de områder, der oplever en øget arbejdsmængde. *(Sendt videre til: ledelsesmøde)*\n" in public
    assert "*Noterne er sendt videre til: MED-udvalg*" in public
    # the review is an action item with its deadline, in the item and in the table of all
    assert "Evaluering af midlertidig løsning: Klubben foreslår: Opnormering" in public
    assert "| 15.03.2027 |" in public


def test_a_closed_items_chain_stays_in_the_restricted_copy() -> None:
    meeting = chain_meeting()
    public, restricted = render(meeting, lang="da"), render(meeting, restricted=True, lang="da")
    for secret in ("Samtale med TR hver uge", "TR tager sagen", "En konkret sag", "Personalesag"):
        assert secret not in public and secret in restricted
    assert public.count("Sendt videre til: MED-udvalg") == 1
    assert restricted.count("Sendt videre til: MED-udvalg") == 2
    closed = context(meeting)["items"][2]
    assert "decisions" not in closed and "notes_venues" not in closed and "option_venues" not in closed


def test_a_template_sees_the_chain_as_plain_data() -> None:
    (decision,) = context(chain_meeting(), lang="da")["items"][1]["decisions"]
    assert decision["answers"] == [
        {
            "principle": "god planlægning",
            "question": "Hvordan sikres god planlægning?",
            "answer": "Teamlederen lægger en plan for januar.",
        },
        {
            "principle": "inddragelse af medarbejderne",
            "question": "Hvordan sikres inddragelse af medarbejderne?",
            "answer": "Drøftes på personalemødet.",
        },
    ]
    assert (decision["review"], decision["review_table"], decision["review_iso"]) == (
        "15. marts 2027",
        "15.03.2027",
        "2027-03-15",
    )
    assert decision["solutions"] == ["Opnormering på de områder, der oplever en øget arbejdsmængde.", "Planlagt overarbejde."]
    assert decision["venues"] == ["MED-udvalg"]


def test_the_word_referat_prints_the_chain_too() -> None:
    import io

    import docx

    from facilitator.output.word import render_docx

    document = docx.Document(io.BytesIO(render_docx(chain_meeting(), lang="da")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Hvordan sikres god planlægning? Teamlederen lægger en plan for januar." in text
    assert "Den midlertidige løsning evalueres 15. marts 2027." in text
    assert "Sendt videre til: MED-udvalg" in text
    assert "Samtale med TR hver uge" not in text
