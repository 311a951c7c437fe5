"""The agenda's checklist (the AMiR's safety points) and attachments (bilag): read, and refused when wrong."""

from __future__ import annotations

import pytest
from support.agendas import VALID_AGENDA

from facilitator.agenda.links import href_problem
from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.model import Attachment
from facilitator.errors import AgendaError

WITH_BOTH = VALID_AGENDA.replace(
    'participants = ["Anne", "Bo", "Cecilie"]',
    'participants = ["Anne", "Bo", "Cecilie"]\n'
    'attachments = [{ title = "DS\' vejledende sagstal", href = "https://example.org/sagstal?a=1&b=(2)" }]',
).replace(
    'options = ["Planlagt overarbejde"]',
    'options = ["Planlagt overarbejde"]\n'
    'checklist = ["  Alarmsystemer og flugtveje  ", "Kriseplaner"]\n'
    'attachments = [\n  { title = " Voldspolitikken ", href = " bilag/voldspolitik.pdf " },\n'
    '  { title = "Referat", href = "../referater/2026 maj.docx" },\n]',
)


def test_checklist_and_attachments_are_read() -> None:
    agenda = parse_agenda(WITH_BOTH.encode())
    item = agenda.items[1]
    assert item.checklist == ("Alarmsystemer og flugtveje", "Kriseplaner")
    assert item.attachments == (
        Attachment("Voldspolitikken", "bilag/voldspolitik.pdf"),
        Attachment("Referat", "../referater/2026 maj.docx"),
    )
    assert agenda.meeting.attachments == (Attachment("DS' vejledende sagstal", "https://example.org/sagstal?a=1&b=(2)"),)
    assert all(i.checklist == () and i.attachments == () for i in parse_agenda(VALID_AGENDA.encode()).items)


def test_an_empty_checklist_and_no_attachments_are_fine() -> None:
    text = VALID_AGENDA.replace('options = ["Planlagt overarbejde"]', "checklist = []\nattachments = []")
    item = parse_agenda(text.encode()).items[1]
    assert item.checklist == () and item.attachments == ()


@pytest.mark.parametrize(
    "href",
    ["https://www.socialraadgiverne.dk/", "http://intra.net/a b.pdf", "bilag/voldspolitik.pdf", "../x.pdf", "sagstal.pdf#s2"],
)
def test_web_addresses_and_relative_paths_are_taken(href: str) -> None:
    assert href_problem(href) is None


@pytest.mark.parametrize(
    ("href", "problem"),
    [
        ("javascript:alert(1)", "agenda.attachment.href_scheme"),
        ("JavaScript:alert(1)", "agenda.attachment.href_scheme"),
        ("data:text/html,<script>", "agenda.attachment.href_scheme"),
        ("file:///etc/passwd", "agenda.attachment.href_scheme"),
        ("mailto:tr@example.org", "agenda.attachment.href_scheme"),
        ("C:\\bilag\\x.pdf", "agenda.attachment.href_scheme"),
        ("https:/x", "agenda.attachment.href_no_host"),
        ("https:///x", "agenda.attachment.href_no_host"),
        ("/etc/passwd", "agenda.attachment.href_absolute"),
        ("//evil.example/x", "agenda.attachment.href_absolute"),
        ("\\\\server\\share", "agenda.attachment.href_absolute"),
        ("bilag/a\nb.pdf", "agenda.attachment.href_control"),
        ("java\tscript:alert(1)", "agenda.attachment.href_control"),
        ("bilag/\u202egnp.exe", "agenda.attachment.href_control"),
        ("https://x.dk/\x9b", "agenda.attachment.href_control"),
    ],
)
def test_other_schemes_and_controls_are_refused(href: str, problem: str) -> None:
    assert href_problem(href) == problem


def test_a_refused_attachment_names_its_line_and_item() -> None:
    text = WITH_BOTH.replace("bilag/voldspolitik.pdf", "javascript:void(0)")
    with pytest.raises(AgendaError) as caught:
        parse_agenda(text.encode(), "a.toml")
    [problem] = caught.value.problems
    assert problem.line == text.splitlines().index("attachments = [") + 1
    assert "Organisering af arbejdet" in problem.message and "javascript:void(0)" in problem.message


def test_a_checklist_point_is_text() -> None:
    text = VALID_AGENDA.replace('options = ["Planlagt overarbejde"]', 'checklist = ["Alarm", 3, ""]')
    with pytest.raises(AgendaError) as caught:
        parse_agenda(text.encode())
    assert [p.line for p in caught.value.problems] == [text.splitlines().index('checklist = ["Alarm", 3, ""]') + 1] * 2
