"""The next meeting's agenda, written from a held one."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.meetings import klubmoede

from facilitator.agenda.loader import load_agenda, parse_agenda
from facilitator.cli import main
from facilitator.errors import FacilitatorError
from facilitator.meeting.model import Meeting
from facilitator.output.next_agenda import next_agenda
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict


def held(meeting: Meeting) -> Meeting:
    """Reach the first five items; mark the fourth to continue; add a person on the fly."""
    meeting.start()
    for _ in range(4):
        meeting.next_item()
    meeting.set_carry_on(3)
    meeting.add_person("Dorte")
    meeting.end()
    return meeting


def test_keeps_standard_unreached_and_continued_items() -> None:
    meeting = held(klubmoede())
    agenda = parse_agenda(next_agenda(meeting).encode())
    titles = [item.title for item in agenda.items]
    reached = {s.item.title for s in meeting.items if s.visited}
    expected = [
        s.item.title
        for s in meeting.items
        if s.item.title.startswith(("Godkendelse", "Meddelelser", "Eventuelt", "Næste"))
        or s.item.title not in reached
        or s.carry_on
    ]
    assert titles == expected
    assert "Klarhed om organisering af arbejdet" in titles  # continued
    assert "Behov for ekstra ressourcer til at løse de nye opgaver" not in titles  # reached, done
    assert agenda.items == tuple(s.item for s in meeting.items if s.item.title in titles)


def test_same_header_without_the_date() -> None:
    meeting = held(klubmoede())
    text = next_agenda(meeting)
    agenda = parse_agenda(text.encode())
    assert agenda.meeting.title == meeting.info.title and agenda.meeting.group == "Socialrådgiverklubben"
    assert agenda.meeting.date is None and agenda.meeting.duration is None
    assert "Dorte" in agenda.meeting.participants
    assert text.startswith("# Agenda for the next meeting, written by facilitator from")


def test_nothing_left_is_said() -> None:
    meeting = Meeting(parse_agenda(b'[meeting]\ntitle = "M"\nkind = "andet"\n[[item]]\ntitle = "Eneste"\n'))
    meeting.start()
    meeting.end()
    with pytest.raises(FacilitatorError, match="the meeting left nothing for a next agenda"):
        next_agenda(meeting)


def test_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive_path = tmp_path / "arkiv.sqlite3"
    with Archive.open(archive_path) as archive:
        meeting = klubmoede()
        meeting_id = archive.create(meeting)
        held(meeting)
        archive.save(meeting_id, to_dict(meeting, notes=False))
    target = tmp_path / "naeste.toml"
    assert main(["--lang", "en", "new", "--from-meeting", "--archive", str(archive_path), "-o", str(target)]) == 0
    assert f"Wrote {target}: the next agenda after meeting {meeting_id}" in capsys.readouterr().out
    assert load_agenda(target).meeting.title == meeting.info.title
    assert main(["check", str(target)]) == 0
    assert (
        main(["--lang", "en", "new", "--from-meeting", str(meeting_id), "--archive", str(archive_path), "-o", str(target)]) == 2
    )
    assert "exists already" in capsys.readouterr().err


def test_name_or_meeting_not_both(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "new", "klubmoede", "--from-meeting", "1"]) == 2
    assert main(["--lang", "en", "new"]) == 2
    assert capsys.readouterr().err.count("give the name of a shipped agenda or --from-meeting, not both") == 2


def test_no_meetings_yet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "arkiv.sqlite3"
    Archive.open(empty).close()
    assert main(["--lang", "en", "new", "--from-meeting", "--archive", str(empty)]) == 2
    assert capsys.readouterr().err == f"there is no finished meeting in the archive {empty} yet; give the meeting's ID\n"


def test_the_latest_finished_meeting_is_the_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive_path = tmp_path / "arkiv.sqlite3"
    with Archive.open(archive_path) as archive:
        finished = klubmoede()
        finished_id = archive.create(finished)
        held(finished)
        archive.save(finished_id, to_dict(finished, notes=False))
        running = klubmoede()
        archive.create(running)
        running.start()  # newer, but not finished: not the one to plan from
    assert main(["--lang", "en", "new", "--from-meeting", "--archive", str(archive_path), "-o", "-"]) == 0
    assert f'from "{finished.info.title}"' in capsys.readouterr().out


def test_a_meeting_never_held_leaves_no_next_agenda() -> None:
    with pytest.raises(FacilitatorError, match="the meeting was never held"):
        next_agenda(klubmoede())


def test_a_closed_item_that_goes_on_is_a_placeholder_that_stays_closed() -> None:
    text = (
        b'[meeting]\ntitle = "M"\nkind = "andet"\n'
        b'[[item]]\ntitle = "Aabent"\n'
        b'[[item]]\ntitle = "Sagen om X"\ntype = "beslutning"\nminutes = 15\npresenter = "Y"\npurpose = "Om X"\n'
        b'prompts = ["Hvad med X?"]\noptions = ["X"]\nconfidential = true\n'
    )
    meeting = Meeting(parse_agenda(text))
    meeting.start()
    meeting.end()
    written = next_agenda(meeting)
    for text_of_the_item in ("Sagen om X", "Om X", '"Y"', "Hvad med X?", '"X"'):
        assert text_of_the_item not in written
    [closed] = parse_agenda(written.encode()).items  # the open item was reached and is done
    assert (closed.title, closed.type.value, closed.minutes, closed.confidential) == ("Closed item", "beslutning", 15, True)
    assert closed.purpose.startswith('Continues from the meeting "M" (') and "restricted minutes" in closed.purpose
    assert closed.prompts == closed.options == () and closed.presenter is None


@pytest.mark.parametrize("which", ["next", "as it stands"])
def test_c1_characters_are_written_as_escapes_and_read_back_the_same(which: str) -> None:
    """tomli-w writes C1 characters raw; in the file they are \\u escapes, which an editor
    or a terminal showing the file cannot take for a control sequence."""
    from facilitator.output.next_agenda import agenda_as_it_stands

    title = "Punkt \x9b2J med \x85 C1"
    meeting = Meeting(parse_agenda(f'[meeting]\ntitle = "M"\nkind = "andet"\n[[item]]\ntitle = "{title}"\n'.encode()))
    meeting.start()
    meeting.set_carry_on(0)
    meeting.end()
    text = next_agenda(meeting) if which == "next" else agenda_as_it_stands(meeting)
    assert not any("\x80" <= char <= "\x9f" for char in text) and "\\u009b" in text
    assert parse_agenda(text.encode()).items[-1].title == title
