"""``facilitator invite``: the next meeting a held meeting recorded, as an .ics file or on
stdout; the latest ended meeting without an ID; a one-line refusal naming the key when none
was recorded; never over a file without --force. And ``new --from-meeting`` takes the date
and time recorded. In-process, on meetings held through the session as the app holds them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from support.clock import FakeClock

from facilitator.agenda.loader import load_agenda
from facilitator.cli import main
from facilitator.files.config import Config
from facilitator.session import MeetingPlan, Session

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def run(capsys: pytest.CaptureFixture[str], *args: str, lang: str = "en") -> tuple[int, str, str]:
    code = main(["--lang", lang, *args])
    out, err = capsys.readouterr()
    return code, out, err


def hold(archive: Path, config: Config, planned: tuple[str, str, str | None] | None, *, end: bool = True) -> int:
    """A klubmøde held as the app holds it, recording ``planned`` (date, start, place) as the next meeting."""
    clock = FakeClock()
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede", settings=config), clock=clock)
    if session.group_question is not None:
        session.answer_group("Klubben")
    session.meeting.start()
    if planned is not None:
        session.meeting.set_next_meeting(*planned)
    clock.advance(60)
    if end:
        session.meeting.end()
    session.close()
    return session.meeting_id


def start_of(data: bytes) -> dt.datetime:
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    start: dt.datetime = event.decoded("dtstart")
    return start


@pytest.fixture
def archive(tmp_path: Path, no_user_files: None) -> Path:
    return tmp_path / "arkiv.sqlite3"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(tmp_path / "config.toml")


def test_by_id_to_a_file(capsys: pytest.CaptureFixture[str], archive: Path, config: Config, tmp_path: Path) -> None:
    first = hold(archive, config, ("14/1", "kl. 16", "Mødelokale 2"))
    hold(archive, config, ("11.2.2027", "15.30", None))
    target = tmp_path / "moede.ics"
    code, out, err = run(capsys, "invite", str(first), "-o", str(target), "--archive", str(archive))
    assert (code, err) == (0, "")
    assert out == f"Wrote {target}: the next meeting after meeting {first}, Thursday 14 January 2027 at 16:00, Mødelokale 2.\n"
    assert start_of(target.read_bytes()) == dt.datetime(2027, 1, 14, 16, 0, tzinfo=COPENHAGEN)


def test_without_id_the_latest_ended_meeting_on_stdout(capsys: pytest.CaptureFixture[str], archive: Path, config: Config) -> None:
    hold(archive, config, ("14/1", "16", None))
    hold(archive, config, ("11.2.2027", "15.30", "Kantinen"))
    hold(archive, config, ("1/3", "9", None), end=False)  # still being held: not the latest ended
    code = main(["--lang", "da", "invite", "--archive", str(archive)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    data = out.encode()
    assert start_of(data) == dt.datetime(2027, 2, 11, 15, 30, tzinfo=COPENHAGEN)
    assert b"LOCATION:Kantinen" in data and b"Dagsorden:" in data


def test_a_meeting_without_a_next_meeting_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], archive: Path, config: Config, tmp_path: Path
) -> None:
    meeting_id = hold(archive, config, None)
    target = tmp_path / "moede.ics"
    code, out, err = run(capsys, "invite", "-o", str(target), "--archive", str(archive))
    assert (code, out) == (2, "") and not target.exists()
    assert err.count("\n") == 1 and f"Meeting {meeting_id} recorded no next meeting" in err
    assert "alt+n (Next meeting)" in err
    config.path.write_text('[keymap]\nnext_meeting = "ctrl+å"\n', encoding="utf-8")  # the person's own key is named
    code, _, err = run(capsys, "invite", "--archive", str(archive), lang="da")
    assert code == 2 and "med tasten ctrl+å (Næste møde)" in err


def test_an_existing_file_only_with_force(
    capsys: pytest.CaptureFixture[str], archive: Path, config: Config, tmp_path: Path
) -> None:
    first = hold(archive, config, ("14/1", "16", None))
    target = tmp_path / "moede.ics"
    target.write_text("min egen fil", encoding="utf-8")
    code, out, err = run(capsys, "invite", str(first), "-o", str(target), "--archive", str(archive))
    assert code == 2 and out == "" and err.count("\n") == 1 and "--force" in err
    assert target.read_text(encoding="utf-8") == "min egen fil"
    code, _, err = run(capsys, "invite", str(first), "-o", str(target), "--force", "--archive", str(archive))
    assert (code, err) == (0, "") and start_of(target.read_bytes()) == dt.datetime(2027, 1, 14, 16, 0, tzinfo=COPENHAGEN)


def test_new_from_meeting_takes_the_date_and_time(
    capsys: pytest.CaptureFixture[str], archive: Path, config: Config, tmp_path: Path
) -> None:
    hold(archive, config, ("14/1", "kl. 16.30", "Mødelokale 2"))
    target = tmp_path / "naeste.toml"
    code, out, err = run(capsys, "new", "--from-meeting", "-o", str(target), "--archive", str(archive))
    assert (code, err) == (0, "") and "Thursday 14 January 2027 at 16:30, Mødelokale 2" in out
    agenda = load_agenda(target)
    assert (agenda.meeting.date, agenda.meeting.start, agenda.meeting.location) == (
        dt.date(2027, 1, 14),
        dt.time(16, 30),
        "Mødelokale 2",
    )
    assert "Add the date" not in target.read_text(encoding="utf-8")
