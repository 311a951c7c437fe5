"""The minutes: content, confidentiality, safety of user text, templates, HTML."""

from __future__ import annotations

import datetime as dt
import os
from itertools import pairwise

import pytest
from support.clock import FakeClock
from support.meetings import klubmoede, real_meeting
from support.paths import GOLDEN

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from facilitator.output.markdown_safety import parser
from facilitator.output.minutes import MinutesError, context, render, to_html

CASES = [
    (style, restricted, lang) for style in ("referat", "beslutning") for restricted in (False, True) for lang in ("da", "en")
]


@pytest.mark.parametrize(("style", "restricted", "lang"), CASES)
def test_golden_minutes(style: str, restricted: bool, lang: str) -> None:
    """Golden files: read them as the club would receive them. FACILITATOR_UPDATE_GOLDEN=1 rewrites."""
    rendered = render(real_meeting(), style=style, restricted=restricted, lang=lang)
    golden = GOLDEN / f"{style}-{'fortroligt' if restricted else 'offentligt'}-{lang}.md"
    if os.environ.get("FACILITATOR_UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_public_minutes_keep_closed_items_closed() -> None:
    public = render(real_meeting(), lang="da")
    assert "personalesag" not in public.lower() and "Sagen følges af TR" not in public
    assert "## 3. Lukket punkt\n" in public and "Punktet blev behandlet som lukket punkt." in public
    assert "Fortroligt eksemplar" not in public
    restricted = render(real_meeting(), restricted=True, lang="da")
    assert restricted.startswith("# ") and "> **Fortroligt eksemplar" in restricted
    assert "TR orienterede om en konkret personalesag." in restricted and "Sagen følges af TR." in restricted


def test_the_content_a_referat_has() -> None:
    text = render(real_meeting(), lang="da")
    for expected in (
        "# Referat – Klubmøde: Hvordan håndterer vi konsekvenserne af de nye lave ydelser?\n",
        "- **Dato:** tirsdag den 1. december 2026, kl. 15.00–16.02",
        "- **Sted:** Mødelokale 3",
        "- **Ordstyrer:** Anne Andersen",
        "- **Referent:** Bo Berg",
        "- **Deltagere:** Anne Andersen, Bo Berg, Cecilie Dahl, Erik Fisker\n- **Gæster:** Gitte Holm, konsulent i DS\n",
        "- **Afbud:** Dorte Eriksen",
        "- **Kom senere:** Erik Fisker (kl. 15.18)",
        "- **Gik tidligere:** Cecilie Dahl (kl. 15.43)",
        "## Dagsorden\n\n1. Godkendelse af dagsorden\n2. Godkendelse af referat og opfølgning fra sidste møde\n3. Lukket punkt\n",
        "## 4. Klarhed om organisering af arbejdet\n\n**Drøftede spørgsmål**",
        "## 6. Håndtering af øget risiko for krænkelser, trusler og vold overfor de ansatte\n\n*Punktet blev ikke nået.*\n\n## 7.",
        "**Beslutning:** Klubben beder MED-udvalget drøfte opnormering.\n\n*Principper: god planlægning, inddragelse af medarbejderne*",
        "**Afstemning:** Forslag om at bede om opnormering: **vedtaget** (3 for, 0 imod, 1 undlod at stemme; 4 til stede)",
        "- Samle eksempler på IT-problemer (ansvarlig: Anne Andersen; frist: 15. december 2026)",
        "| 4 | Samle eksempler på IT-problemer | Anne Andersen | 15.12.2026 |",
        "- Bestille lokale til julefrokost (ansvarlig: Cecilie Dahl; frist: 15. november 2026; "
        "fra »Klubmøde i oktober«, 6. oktober 2026): **gjort**",
        "## Næste møde\n\nNæste møde holdes tirsdag den 12. januar 2027 kl. 15.",
    ):
        assert expected in text


def test_note_headings_are_demoted_below_the_item() -> None:
    tokens = parser().parse(render(real_meeting(), lang="da"))
    levels = {t.content: int(next_open.tag[1]) for next_open, t in pairwise(tokens) if next_open.type == "heading_open"}
    assert levels["Arbejdsgange"] == 3 and levels["Opsummering"] == 4


def test_beslutning_has_no_notes() -> None:
    text = render(real_meeting(), style="beslutning", lang="da")
    assert "Flere oplever" not in text and "Drøftede spørgsmål" not in text
    assert "Klubben beder MED-udvalget drøfte opnormering." in text
    assert "politikere\n\n*Punktet blev ikke nået.*\n\n## 9." in text  # not reached is not "no decisions"


def test_beslutning_says_when_a_treated_item_decided_nothing() -> None:
    meeting = real_meeting()
    meeting.items[8].visits.append(meeting.items[9].visits[0])  # Eventuelt was reached after all
    text = render(meeting, style="beslutning", lang="da")
    assert "## 9. Eventuelt\n\n*Ingen beslutninger.*\n\n## 10." in text


def test_unknown_style() -> None:
    with pytest.raises(MinutesError, match='unknown minutes style "fuld"; choose referat, beslutning'):
        render(real_meeting(), style="fuld")


def test_context_is_plain_data() -> None:
    """Templates must not reach the Meeting: only dicts, lists, strings, numbers, bools, None."""

    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, (str, int, float, bool))

    assert plain(context(real_meeting(), restricted=True))


def test_html_is_one_standalone_page() -> None:
    meeting = real_meeting()
    meeting.items[0].notes = "<script>alert('x')</script>"
    page = to_html(render(meeting, lang="da"), title=meeting.info.title, lang="da")
    assert page.startswith('<!DOCTYPE html>\n<html lang="da">')
    assert "<table>" in page and "@media print" in page and "<h1>Referat – Klubmøde" in page
    assert "<script>" not in page


@pytest.mark.parametrize("lang", ["da", "en"])
def test_golden_minutes_with_the_time_appendix(lang: str) -> None:
    """The chair's appendix (``--times``): planned and used minutes per item, and the sums."""
    rendered = render(real_meeting(), lang=lang, times=True)
    golden = GOLDEN / f"referat-tider-offentligt-{lang}.md"
    if os.environ.get("FACILITATOR_UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")
    assert rendered.startswith(render(real_meeting(), lang=lang))  # the minutes themselves are the same


def test_the_minutes_carry_no_purpose_text_type_or_time() -> None:
    """What the agenda says an item is for stays in the agenda; types and time use are not
    the club's business (the time is the chair's, in the appendix)."""
    meeting = real_meeting()
    for style in ("referat", "beslutning"):
        text = render(meeting, style=style, lang="da")
        for state in meeting.items:
            if state.item.purpose:
                assert state.item.purpose not in text
        for word in ("(drøftelse)", "(beslutning)", "(orientering)", "Tid:", "Formål", " min"):
            assert word not in text


def test_the_date_is_the_day_the_meeting_was_held() -> None:
    """An agenda planned for one day and held on another: the minutes say the day it was held."""
    meeting = Meeting(
        parse_agenda(
            b'format = 1\n[meeting]\ntitle = "Klubm\xc3\xb8de"\nkind = "klubm\xc3\xb8de"\n'
            b'date = 2026-12-03\nstart = 15:00:00\n[[item]]\ntitle = "Eventuelt"\n'
        ),
        clock=FakeClock(dt.datetime(2026, 12, 2, 9, 30)),
    )
    assert "- **Dato:** torsdag den 3. december 2026, kl. 15.00–…" in render(meeting, lang="da")  # planned, not yet held
    meeting.start()
    meeting.end()
    assert "- **Dato:** onsdag den 2. december 2026, kl. 09.30–09.30" in render(meeting, lang="da")
    assert "- **Date:** Wednesday 2 December 2026, 09:30–09:30" in render(meeting, lang="en")


@pytest.mark.parametrize(
    ("votes", "da", "en"),
    [
        (
            (3, 0, 1),
            "**vedtaget** (3 for, 0 imod, 1 undlod at stemme; 4 til stede)",
            "**adopted** (3 for, 0 against, 1 abstained; 4 present)",
        ),
        (
            (2, 2, 0),
            "**forkastet** (2 for, 2 imod, 0 undlod at stemme; 4 til stede)",
            "**rejected** (2 for, 2 against, 0 abstained; 4 present)",
        ),
        (
            (1, 0, 3),
            "**vedtaget** (1 for, 0 imod, 3 undlod at stemme; 4 til stede)",
            "**adopted** (1 for, 0 against, 3 abstained; 4 present)",
        ),
        (
            (1, 2, 1),
            "**forkastet** (1 for, 2 imod, 1 undlod at stemme; 4 til stede)",
            "**rejected** (1 for, 2 against, 1 abstained; 4 present)",
        ),
    ],
)
def test_a_vote_says_its_outcome_with_the_counts(votes: tuple[int, int, int], da: str, en: str) -> None:
    meeting = klubmoede()
    meeting.start()
    meeting.record_vote("Forslaget", *votes, present=4)
    meeting.end()
    for style in ("referat", "beslutning"):
        assert f"**Afstemning:** Forslaget: {da}\n" in render(meeting, style=style, lang="da")
        assert f"**Vote:** Forslaget: {en}\n" in render(meeting, style=style, lang="en")


def test_deadlines_in_running_text_and_in_the_table() -> None:
    meeting = klubmoede()
    meeting.start()
    meeting.add_action("Bestille lokale", "Bo", "5.1.2027")
    meeting.add_action("Uden frist", "Anne")
    meeting.end()
    da, en = render(meeting, lang="da"), render(meeting, lang="en")
    assert (
        "- Bestille lokale (ansvarlig: Bo; frist: 5. januar 2027)\n" in da and "| 1 | Bestille lokale | Bo | 05.01.2027 |" in da
    )
    assert "- Uden frist (ansvarlig: Anne)\n" in da and "| 1 | Uden frist | Anne | – |" in da
    assert (
        "- Bestille lokale (responsible: Bo; deadline: 5 January 2027)\n" in en
        and "| 1 | Bestille lokale | Bo | 2027-01-05 |" in en
    )


def test_principles_show_only_when_given() -> None:
    meeting = klubmoede()
    meeting.start()
    meeting.add_decision("Uden principper")
    meeting.add_decision("Med et princip", ["støtte"])
    meeting.end()
    text = render(meeting, lang="da")
    assert (
        "**Beslutning:** Uden principper\n\n**Beslutning:** Med et princip\n\n*Principper: afklaring af støtte og support*\n"
        in text
    )
    assert text.count("Principper") == 1


def test_the_readme_shows_the_golden_referat() -> None:
    """The README's example is cut from the golden minutes, not written by hand: each of its
    runs of lines (between the "…" that mark a cut) stands in the golden file as it is."""
    readme = (GOLDEN.parents[1] / "README.md").read_text(encoding="utf-8")
    example = readme.split("(`tests/golden/referat-offentligt-da.md`):\n\n```markdown\n", 1)[1].split("\n```\n", 1)[0]
    golden = (GOLDEN / "referat-offentligt-da.md").read_text(encoding="utf-8")
    runs = [run.strip("\n") for run in example.split("\n…\n")]
    assert len(runs) == 3 and all(run + "\n" in golden for run in runs)
    assert [golden.index(run) for run in runs] == sorted(golden.index(run) for run in runs)


def test_guests_are_named_apart_and_left_out_of_the_next_agenda() -> None:
    from facilitator.output.next_agenda import next_agenda

    agenda = (
        'format = 1\n[meeting]\ntitle = "MED-udvalg"\nkind = "med-udvalg"\nparticipants = ["Anne", "Bo"]\n'
        'guests = ["Eva Holm", "Frank Ibsen"]\n[[item]]\ntitle = "Eventuelt"\n'
    )
    meeting = Meeting(parse_agenda(agenda.encode()), clock=FakeClock())
    meeting.set_presence("Bo", "afbud")
    meeting.set_presence("Frank Ibsen", "afbud")  # a guest who did not come is not named
    meeting.start()
    meeting.end()
    da, en = render(meeting, lang="da"), render(meeting, lang="en")
    assert "- **Deltagere:** Anne\n- **Gæster:** Eva Holm\n- **Afbud:** Bo\n" in da and "Frank" not in da
    assert "- **Present:** Anne\n- **Guests:** Eva Holm\n- **Sent apologies:** Bo\n" in en
    following = next_agenda(meeting)
    assert 'participants = [\n    "Anne",\n    "Bo",\n]' in following and "Eva" not in following and "guests" not in following
