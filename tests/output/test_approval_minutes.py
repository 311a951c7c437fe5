"""A referat is UDKAST until approved, in every rendering; approved, it says when and how;
the next meeting's "Godkendelse af referat" names the previous referat and its approval."""

from __future__ import annotations

import datetime as dt

import pytest
from support.hostile_text import SHORT, raw_controls
from support.meetings import klubmoede, real_meeting

from facilitator.meeting.approval import MinutesApproval, PreviousMinutes
from facilitator.output.minutes import render, to_html
from facilitator.output.minutes_context import context

DRAFT = {"da": "**UDKAST** – referatet er ikke godkendt", "en": "**DRAFT** – the minutes are not approved"}
EVERY = [
    (style, restricted, lang) for style in ("referat", "beslutning") for restricted in (False, True) for lang in ("da", "en")
]


@pytest.mark.parametrize(("style", "restricted", "lang"), EVERY)
def test_every_rendering_of_unapproved_minutes_is_marked_draft_under_the_title(style: str, restricted: bool, lang: str) -> None:
    markdown = render(real_meeting(), style=style, restricted=restricted, lang=lang)
    lines = markdown.splitlines()
    assert lines[0].startswith("# ") and lines[2] == DRAFT[lang]
    html = to_html(markdown, title="x", lang=lang)
    assert f"<p><strong>{DRAFT[lang][2:].replace('** ', '</strong> ', 1)}</p>" in html


@pytest.mark.parametrize(("style", "restricted", "lang"), EVERY)
def test_approved_minutes_say_when_and_how_instead(style: str, restricted: bool, lang: str) -> None:
    meeting = real_meeting()
    meeting.approval = MinutesApproval(dt.date(2027, 1, 12), "Punkt 3 rettes", 7)
    markdown = render(meeting, style=style, restricted=restricted, lang=lang)
    expected = {
        "da": "**Godkendt på mødet den 12. januar 2027.** Bemærkninger: Punkt 3 rettes",
        "en": "**Approved at the meeting on 12 January 2027.** Remarks: Punkt 3 rettes",
    }
    assert markdown.splitlines()[2] == expected[lang] and "UDKAST" not in markdown and "DRAFT" not in markdown


def test_the_context_gives_the_approval_as_data() -> None:
    meeting = real_meeting()
    data = context(meeting, lang="da")
    assert (data["draft"], data["draft_mark"], data["approval"], data["previous_minutes"]) == (True, "UDKAST", None, None)
    meeting.approval = MinutesApproval(dt.date(2027, 1, 12))
    data = context(meeting, lang="da")
    assert data["draft"] is False
    assert data["approval"] == {
        "on": "12. januar 2027",
        "on_iso": "2027-01-12",
        "remark": "",
        "by_meeting": None,
        "text": "Godkendt den 12. januar 2027.",
    }


def next_meeting(previous: PreviousMinutes) -> str:
    meeting = klubmoede()
    meeting.name_previous_minutes(previous)
    return render(meeting, lang="da")


def test_the_approval_item_names_the_previous_referat_and_its_approval() -> None:
    previous = PreviousMinutes(1, "Klubmøde i november", dt.date(2026, 11, 3))
    item = next_meeting(previous).split("## 2. Godkendelse af referat og opfølgning fra sidste møde\n", 1)[1].split("\n## ", 1)[0]
    assert "Referatet fra Klubmøde i november den 3. november 2026 er ikke godkendt." in item
    approved = next_meeting(previous._replace(approved=True))
    assert "Referatet fra Klubmøde i november den 3. november 2026 blev godkendt.\n" in approved
    remarks = next_meeting(previous._replace(approved=True, remark="Punkt 4 præciseres"))
    assert "blev godkendt med bemærkninger: Punkt 4 præciseres\n" in remarks


@pytest.mark.parametrize("name", sorted(SHORT))
def test_hostile_remarks_and_titles_stay_text(name: str) -> None:
    """A remark or a title is one line of text in the minutes: it starts no block of its
    own, carries no raw control into them and no raw HTML into the page."""
    text = SHORT[name]
    meeting = klubmoede()
    meeting.approval = MinutesApproval(dt.date(2027, 1, 12), " ".join(text.split()), 2)
    meeting.name_previous_minutes(PreviousMinutes(1, text, None, approved=True, remark=" ".join(text.split())))
    markdown = render(meeting, lang="en")
    assert not raw_controls(markdown)
    lines = markdown.splitlines()
    assert lines[2].startswith("**Approved at the meeting on 12 January 2027.** Remarks: ")
    assert lines[3] == ""  # the remark ended on its own line
    assert "<script" not in to_html(markdown, title="x").lower()
