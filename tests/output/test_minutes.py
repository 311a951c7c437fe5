"""The minutes: content, confidentiality, safety of user text, templates, HTML."""

from __future__ import annotations

import os
from itertools import pairwise

import pytest
from support.meetings import real_meeting
from support.paths import GOLDEN

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
    assert "## 3. Lukket punkt (orientering)" in public and "Punktet blev behandlet som lukket punkt." in public
    assert "Fortroligt eksemplar" not in public
    restricted = render(real_meeting(), restricted=True, lang="da")
    assert restricted.startswith("# ") and "> **Fortroligt eksemplar" in restricted
    assert "TR orienterede om en konkret personalesag." in restricted and "Sagen følges af TR." in restricted


def test_the_content_a_referat_has() -> None:
    text = render(real_meeting(), lang="da")
    for expected in (
        "- **Dato:** tirsdag den 1. december 2026, kl. 15:00–16:02",
        "- **Ordstyrer:** Anne Andersen",
        "- **Referent:** Bo Berg",
        "- **Afbud:** Dorte Eriksen",
        "- **Kom senere:** Erik Fisker (15:18)",
        "- **Gik tidligere:** Cecilie Dahl (15:43)",
        "*Tid: 25 af 20 min*",
        "## 6. Håndtering af øget risiko for krænkelser, trusler og vold overfor de ansatte (drøftelse)\n\n*Ikke nået*\n\n## 7.",
        "- Forslag om at bede om opnormering: For 3, imod 0, undlod 1 – 4 til stede",
        "*(god planlægning; inddragelse af medarbejderne)*",
        "| Samle eksempler på IT-problemer | Anne Andersen | 2026-12-15 |",
        "- Bestille lokale til julefrokost – Cecilie Dahl, frist 2026-11-15 (fra »Klubmøde i oktober«, 2026-10-06): **gjort**",
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
    assert "Klubben beder MED-udvalget drøfte opnormering." in text and "*Ingen beslutninger.*" in text


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
    assert "<table>" in page and "@media print" in page and "<h1>Klubmøde" in page
    assert "<script>" not in page
