"""meetings, actions and search: the archive's history from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.archive import Archive
from facilitator.cli import main
from facilitator.meeting import Meeting
from facilitator.meeting_snapshot import to_dict

from test_meeting import FakeClock, clock, meeting, running  # noqa: F401  (fixtures)


@pytest.fixture
def archive_path(tmp_path: Path, running: Meeting) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        meeting_id = archive.create(running)
        running.set_notes("Vi talte om voldspolitikken")
        running.add_action("Skrive til ledelsen", "Anne", "2026-12-15")
        running.set_action_done(running.add_action("Booke lokale", "Bo").id)
        running.add_decision("Klubben beder om et møde om vold")
        archive.save(meeting_id, to_dict(running, notes=False), {s.id: s.notes for s in running.items})
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_meetings(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    code, out, err = run(capsys, "meetings", "--archive", str(archive_path))
    header, row = out.splitlines()
    assert code == 0 and err == ""
    assert header.split() == ["id", "date", "title", "group", "status"]
    assert row.startswith("1   2026-12-01  Klubmøde i Socialrådgiverklubben  Socialrådgiverklubben, Jobcenter Nord  not finished")


def test_actions_open_and_by_group(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    _, out, _ = run(capsys, "actions", "--archive", str(archive_path))
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["·", "✓"]
    _, out, _ = run(capsys, "actions", "--open", "--archive", str(archive_path))
    assert len(out.splitlines()) == 2 and "2026-12-15  Anne  Skrive til ledelsen" in out
    code, out, err = run(capsys, "actions", "--group", "Andre", "--archive", str(archive_path))
    assert code == 0 and out == "" and err == "nothing to show\n"


def test_search(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    code, out, _ = run(capsys, "search", "vold", "--archive", str(archive_path))
    assert code == 0
    assert out.splitlines() == [
        "1 2026-12-01 Klubmøde i Socialrådgiverklubben › Godkendelse af dagsorden (note): Vi talte om [vold]spolitikken",
        "1 2026-12-01 Klubmøde i Socialrådgiverklubben › Godkendelse af dagsorden (decision): Klubben beder om et møde om [vold]",
    ]
    code, out, err = run(capsys, "search", "julefrokost", "--archive", str(archive_path))
    assert code == 0 and out == "" and err == "nothing found\n"


def test_archive_from_the_environment(capsys: pytest.CaptureFixture[str], archive_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACILITATOR_ARCHIVE", str(archive_path))
    assert "Klubmøde i Socialrådgiverklubben" in run(capsys, "meetings")[1]
    other = archive_path.with_name("other.sqlite3")
    assert run(capsys, "meetings", "--archive", str(other))[2].startswith("there is no archive at")  # the option wins


def test_no_archive_yet_is_not_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    code, out, err = run(capsys, "meetings", "--archive", str(path))
    assert code == 0 and out == "" and err == f"there is no archive at {path} yet; it is made when the first meeting starts\n"
    assert not path.exists()


def test_a_foreign_archive_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "search", "x", "--archive", str(path))
    assert code == 2 and err.startswith(f"{path} is not a facilitator archive")
    assert path.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("command", [["minutes"], ["new", "--from-meeting"]])
def test_commands_that_need_a_meeting_fail_without_an_archive(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "none.sqlite3"
    code, out, err = run(capsys, *command, "--archive", str(path))
    assert code == 2 and out == ""
    assert err == f"there is no archive at {path} yet; it is made when the first meeting starts\n"
    assert not path.exists()
