"""The checklist and the attachments in the minutes: statuses in the meeting that set them,
the last ones in the group's next meeting's follow-up, and documents as links that stay links."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.clock import FakeClock

from facilitator.output.markdown_safety import link, parser
from facilitator.output.minutes import render
from facilitator.output.word import render_docx
from facilitator.session import MeetingPlan, Session

AGENDA = """\
format = 1
[meeting]
title = "Klubmøde"
kind = "klubmøde"
group = "Socialrådgiverklubben"
attachments = [{ title = "Dagsordenens bilag", href = "bilag/alt.pdf" }]

[[item]]
title = "Godkendelse af referat og opfølgning fra sidste møde"
type = "beslutning"

[[item]]
title = "Krænkelser, trusler og vold"
checklist = ["Tjekke fysiske sikkerhedsforanstaltninger: alarmsystemer og flugtveje.", "Repetere konflikthåndteringskurser."]
attachments = [{ title = "Voldspolitikken", href = "bilag/voldspolitik.pdf" }]

[[item]]
title = "Eventuelt"
"""
ALARM, COURSES = "Tjekke fysiske sikkerhedsforanstaltninger: alarmsystemer og flugtveje.", "Repetere konflikthåndteringskurser."


def hold(archive: Path, agenda: Path, clock: FakeClock, statuses: dict[int, str]) -> Session:
    session = Session.open_new(MeetingPlan.find(archive, agenda), clock=clock)
    meeting = session.meeting
    meeting.start()
    meeting.go_to(1)
    for point, status in statuses.items():
        meeting.set_check(point, status)
    clock.advance(10)
    meeting.end()
    return session


def test_the_statuses_carry_to_the_next_meeting_and_show_in_both_minutes(tmp_path: Path) -> None:
    agenda = tmp_path / "klub.toml"
    agenda.write_text(AGENDA, encoding="utf-8")
    archive, clock = tmp_path / "a.sqlite3", FakeClock()
    first = hold(archive, agenda, clock, {0: "mangler", 1: "ok"})
    first_minutes = render(first.meeting, lang="da")
    assert first.close()
    assert f"**Sikkerhedstjekliste (AMiR)**\n\n- **mangler**: {ALARM}\n- **ok**: {COURSES}\n" in first_minutes
    assert "- **Bilag:** [Dagsordenens bilag](<bilag/alt.pdf>)\n" in first_minutes
    assert "**Bilag:** [Voldspolitikken](<bilag/voldspolitik.pdf>)\n" in first_minutes

    clock.advance(60 * 24 * 28)
    second = Session.open_new(MeetingPlan.find(archive, agenda), clock=clock)
    try:
        meeting = second.meeting
        assert [(c.point, c.status.value, c.meeting_id) for c in meeting.carried_checks] == [
            (ALARM, "mangler", first.meeting_id),
            (COURSES, "ok", first.meeting_id),
        ]
        meeting.start()
        meeting.go_to(1)
        meeting.set_check(0, "aftalt")
        minutes = render(meeting, lang="da")
        follow_up = minutes.split("## 1. ", 1)[1].split("## 2. ", 1)[0]
        assert "*Sikkerhedstjeklisten, seneste status:*" in follow_up
        assert f"- **mangler**: {ALARM} (fra »Klubmøde«, 1. december 2026)" in follow_up
        assert f"- **aftalt**: {ALARM} (sidst: mangler)\n- **ikke sat**: {COURSES} (sidst: ok)\n" in minutes
        english = render(meeting, lang="en")
        assert "*The safety checklist, last status:*" in english and f"**agreed**: {ALARM} (last time: missing)" in english
        decisions = render(meeting, style="beslutning", lang="da")
        assert f"**mangler**: {ALARM} (fra »Klubmøde«" in decisions and f"**aftalt**: {ALARM} (sidst: mangler)" in decisions
        meeting.end()
    finally:
        assert second.close()
    third = Session.open_new(MeetingPlan.find(archive, agenda), clock=clock)
    try:  # the point set again wins; the one left alone is still followed up from the first meeting
        assert [(c.point, c.status.value, c.meeting_id) for c in third.meeting.carried_checks] == [
            (COURSES, "ok", first.meeting_id),
            (ALARM, "aftalt", second.meeting_id),
        ]
    finally:
        third.close()


def test_an_untouched_checklist_is_not_printed(tmp_path: Path) -> None:
    agenda = tmp_path / "klub.toml"
    agenda.write_text(AGENDA, encoding="utf-8")
    session = hold(tmp_path / "a.sqlite3", agenda, FakeClock(), {})
    try:
        assert "Sikkerhedstjekliste" not in render(session.meeting, lang="da")
    finally:
        session.close()


def test_word_lists_the_checklist_attachments_and_follow_up(tmp_path: Path) -> None:
    import io

    import docx

    agenda = tmp_path / "klub.toml"
    agenda.write_text(AGENDA, encoding="utf-8")
    session = hold(tmp_path / "a.sqlite3", agenda, FakeClock(), {0: "mangler"})
    try:
        document = docx.Document(io.BytesIO(render_docx(session.meeting, lang="da")))
    finally:
        session.close()
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Bilag" in text and "Voldspolitikken (bilag/voldspolitik.pdf)" in text
    assert "Dagsordenens bilag (bilag/alt.pdf)" in cells or "Dagsordenens bilag (bilag/alt.pdf)" in text
    assert ALARM in cells and "mangler" in cells and "ikke sat" in cells


HOSTILE = [
    ("a](javascript:alert(1)) [b", "bilag/x.pdf"),
    ("*fed* <img src=x onerror=alert(1)> &amp; `kode` ![billede](https://evil/x.png)", "bilag/a b.pdf"),
    ("To\nlinjer\r\n# overskrift", "https://example.org/x?a=(1)&b=[2]"),
    ("Bilag", 'bilag/x)y](z)<w>"v\\u.pdf'),
    ("| tabel | celle |", "bilag/æøå mappe/fil.pdf"),
    ("Ret\u202etil venstre", "bilag/x.pdf"),
]


@pytest.mark.parametrize(("title", "href"), HOSTILE)
def test_an_attachment_is_one_link_whatever_its_title_and_address(title: str, href: str) -> None:
    tokens = [t for t in parser().parseInline(link(title, href))[0].children or [] if t.type == "link_open"]
    assert len(tokens) == 1
    html = parser().render(link(title, href))
    assert html.count("<a ") == 1 and "<img" not in html and "<script" not in html and 'href="javascript' not in html
    assert "\n" not in link(title, href)
    inline = parser().parseInline(link(title, href))[0].children or []
    shown = "".join(t.content for t in inline if t.type == "text")
    assert shown.replace("\u2068", "").replace("\u2069", "").replace("\u202c", "") == " ".join(title.split())


def test_the_address_is_percent_encoded_where_it_could_end_the_link() -> None:
    assert link("x", "bilag/a b.pdf") == "[x](<bilag/a%20b.pdf>)"
    assert link("x", "a>b<c") == "[x](<a%3Eb%3Cc>)"
    assert link("x", "bilag/æ.pdf") == "[x](<bilag/%C3%A6.pdf>)"


def test_the_next_agenda_keeps_the_checklist_and_the_attachments(tmp_path: Path) -> None:
    from facilitator.agenda.loader import parse_agenda
    from facilitator.output.next_agenda import agenda_as_it_stands, next_agenda

    agenda = tmp_path / "klub.toml"
    agenda.write_text(AGENDA, encoding="utf-8")
    session = hold(tmp_path / "a.sqlite3", agenda, FakeClock(), {0: "ok"})
    try:
        meeting = session.meeting
        again = parse_agenda(agenda_as_it_stands(meeting).encode())
        assert again.items[1].checklist == (ALARM, COURSES) and again.meeting.attachments == meeting.info.attachments
        assert again.items[1].attachments == meeting.items[1].item.attachments
        following = parse_agenda(next_agenda(meeting).encode())
        assert following.meeting.attachments == meeting.info.attachments
    finally:
        session.close()


def test_a_status_set_under_a_closed_item_is_no_public_minutes_last_status(tmp_path: Path) -> None:
    """The same point, closed at the group's last meeting and open at this one: what the
    closed item set shows in the restricted minutes only, not as the public copy's "sidst"."""
    closed = tmp_path / "lukket.toml"
    closed.write_text(
        AGENDA.replace('title = "Krænkelser, trusler og vold"\n', 'title = "Krænkelser, trusler og vold"\nconfidential = true\n'),
        encoding="utf-8",
    )
    agenda = tmp_path / "klub.toml"
    agenda.write_text(AGENDA, encoding="utf-8")
    archive, clock = tmp_path / "a.sqlite3", FakeClock()
    assert hold(archive, closed, clock, {0: "mangler"}).close()
    clock.advance(60 * 24 * 28)
    second = Session.open_new(MeetingPlan.find(archive, agenda), clock=clock)
    try:
        meeting = second.meeting
        assert [(c.point, c.confidential) for c in meeting.carried_checks] == [(ALARM, True)]
        meeting.start()
        meeting.go_to(1)
        meeting.set_check(1, "ok")
        public = render(meeting, lang="da")
        assert f"- **ikke sat**: {ALARM}\n" in public and "mangler" not in public
        assert f"- **ikke sat**: {ALARM} (sidst: mangler)\n" in render(meeting, lang="da", restricted=True)
    finally:
        assert second.close()
