"""The loader on good files, and on failures that are not file contents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.agendas import VALID_AGENDA

from facilitator.agenda.loader import MAX_BYTES, load_agenda, parse_agenda
from facilitator.agenda.model import Agenda, ItemType, MeetingKind
from facilitator.errors import AgendaError


def test_every_field_is_read(valid_agenda: Path) -> None:
    agenda = load_agenda(valid_agenda)
    meeting = agenda.meeting
    assert meeting.title == "Klubmøde i Socialrådgiverklubben"
    assert meeting.kind is MeetingKind.KLUBMOEDE
    assert meeting.group == "Socialrådgiverklubben, Jobcenter Nord"
    assert meeting.date == dt.date(2026, 12, 1)
    assert meeting.start == dt.time(15, 0)
    assert meeting.duration == 30
    assert (meeting.location, meeting.chair, meeting.secretary) == ("Mødelokale 3", "Anne", "Bo")
    assert meeting.participants == ("Anne", "Bo", "Cecilie")
    first, second, last = agenda.items
    assert first.type is ItemType.BESLUTNING and first.minutes == 5
    assert second.type is ItemType.DROEFTELSE  # the default
    assert second.prompts == ("Fungerer IT-understøttelsen af sagsgangene tilstrækkeligt?",)
    assert second.options == ("Planlagt overarbejde",)
    assert second.confidential and not first.confidential
    assert (second.presenter, second.purpose) == ("Anne", "Samle klubbens bekymringer")
    assert last.type is ItemType.ORIENTERING
    assert agenda.planned_minutes == 30 and agenda.duration == 30


def test_minimal_agenda_gets_defaults() -> None:
    agenda = parse_agenda('[meeting]\ntitle = "Møde"\nkind = "andet"\n[[item]]\ntitle = "Punkt"\n'.encode())
    item = agenda.items[0]
    assert (item.type, item.minutes, item.prompts, item.confidential) == (ItemType.DROEFTELSE, None, (), False)
    assert agenda.meeting.participants == () and agenda.meeting.date is None
    assert agenda.duration == 0


def test_agenda_is_immutable(valid_agenda: Path) -> None:
    agenda = load_agenda(valid_agenda)
    with pytest.raises(AttributeError):
        agenda.meeting.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        agenda.items[0] = agenda.items[1]  # type: ignore[index]
    assert isinstance(agenda.items, tuple)


def test_duration_defaults_to_sum_of_items() -> None:
    text = VALID_AGENDA.replace("duration = 30\n", "")
    agenda = parse_agenda(text.encode())
    assert agenda.meeting.duration is None and agenda.duration == 30


def test_text_is_trimmed_and_blank_optional_text_is_absent() -> None:
    text = VALID_AGENDA.replace('location = "Mødelokale 3"', 'location = "  "').replace('chair = "Anne"', 'chair = "  Anne  "')
    meeting = parse_agenda(text.encode()).meeting
    assert meeting.location is None and meeting.chair == "Anne"


def test_kind_and_type_ignore_case() -> None:
    text = VALID_AGENDA.replace('kind = "klubmøde"', 'kind = "MED-Udvalg"').replace('type = "beslutning"', 'type = "Beslutning"')
    agenda = parse_agenda(text.encode())
    assert agenda.meeting.kind is MeetingKind.MED_UDVALG
    assert agenda.items[0].type is ItemType.BESLUTNING


def test_byte_order_mark_is_accepted() -> None:
    assert parse_agenda(b"\xef\xbb\xbf" + VALID_AGENDA.encode()).meeting.title.startswith("Klubmøde")


def test_dotted_and_inline_forms_are_valid_toml_too() -> None:
    text = 'meeting.title = "Møde"\nmeeting.kind = "andet"\nitem = [{ title = "A", minutes = 5 }]\n'
    agenda = parse_agenda(text.encode())
    assert agenda.items[0].title == "A"


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(AgendaError) as caught:
        load_agenda(tmp_path / "mangler.toml")
    assert (
        str(caught.value)
        == f"{tmp_path / 'mangler.toml'}: file not found; check the name and the folder (facilitator agendas lists the shipped ones)"
    )


def test_folder_is_not_an_agenda(tmp_path: Path) -> None:
    with pytest.raises(AgendaError, match="this is a folder, not an agenda file"):
        load_agenda(tmp_path)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "you may not read this file"),
        (OSError(5, "Input/output error"), r"the file could not be read \(Input/output error\)"),
    ],
)
def test_unreadable_file(valid_agenda: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, message: str) -> None:
    """Simulated, because tests may run as root, who can read anything."""

    def fail(self: Path, *args: object) -> bytes:
        raise error

    monkeypatch.setattr(Path, "open", fail)
    with pytest.raises(AgendaError, match=f"^{valid_agenda}: {message}"):
        load_agenda(valid_agenda)


def test_huge_file_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "stor.toml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES)
    with pytest.raises(AgendaError, match=r"the file is 2\.0 MB; an agenda is at most 2 MB"):
        load_agenda(path)


def test_error_without_problems_is_a_bug() -> None:
    with pytest.raises(ValueError):
        AgendaError("x.toml", [])


def test_loader_returns_agenda_type(valid_agenda: Path) -> None:
    assert isinstance(load_agenda(str(valid_agenda)), Agenda)


def test_a_valid_agenda_is_loaded_without_placing_its_keys_on_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    # Lines are for messages: a 2,000-item agenda spent a third of its loading placing keys.
    import facilitator.agenda.loader as loader

    placed: list[str] = []
    place = loader.key_lines
    monkeypatch.setattr(loader, "key_lines", lambda text: placed.append(text) or place(text))
    parse_agenda('[meeting]\ntitle = "Møde"\nkind = "andet"\n[[item]]\ntitle = "Punkt"\n'.encode())
    assert placed == []
    with pytest.raises(AgendaError) as raised:
        parse_agenda('[meeting]\ntitle = "Møde"\nkind = "andet"\n[[item]]\ntitle = "Punkt"\nminutes = -4\n'.encode())
    assert len(placed) == 1 and raised.value.problems[0].line == 6
