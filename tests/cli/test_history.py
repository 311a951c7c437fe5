"""meetings, actions and search: the archive's history from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.archives import bad_archives

from facilitator.cli import main
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict


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


def test_search_shows_the_newest_page_and_says_there_is_more(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, running: Meeting
) -> None:
    path = tmp_path / "mange.sqlite3"
    with Archive.open(path) as archive:
        meeting_id = archive.create(running)
        for number in range(25):
            running.add_decision(f"Beslutning {number:02} om vold")
        archive.save(meeting_id, to_dict(running, notes=False))
    code, out, err = run(capsys, "search", "vold", "--archive", str(path))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 20
    assert all("Beslutning" in line for line in lines)
    assert (
        err == "these are the 20 newest hits; there are more: narrow the search with another word, or see more with --limit 100\n"
    )
    code, out, err = run(capsys, "search", "vold", "--limit", "25", "--archive", str(path))
    assert (code, len(out.splitlines()), err) == (0, 25, "")
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "en", "search", "vold", "--limit", "0"])
    assert caught.value.code == 2 and "0 is not a whole number of at least 1" in capsys.readouterr().err


def test_archive_from_the_environment(
    capsys: pytest.CaptureFixture[str], archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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
def test_commands_that_need_a_meeting_fail_without_an_archive(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "none.sqlite3"
    code, out, err = run(capsys, *command, "--archive", str(path))
    assert code == 2 and out == ""
    assert err == f"there is no archive at {path} yet; it is made when the first meeting starts\n"
    assert not path.exists()


COMMANDS = {
    "meetings": ["meetings"],
    "actions": ["actions", "--open"],
    "search": ["search", "vold"],
    "minutes": ["minutes", "1"],
    "new": ["new", "--from-meeting", "1", "-o", "next.toml"],
    "run": ["run", "klubmoede"],
    "resume": ["resume"],
}
EXPECTED = {
    "text": "is not a facilitator archive; it was left as it was",
    "garbage-after-header": "is damaged and cannot be read; it was left as it was",
    "foreign": "is not a facilitator archive; it was left as it was",
    "newer": "was written by a newer facilitator",
    "cut-in-half": "is damaged and cannot be read; it was left as it was",
    "first-page-only": "is damaged and cannot be read; it was left as it was",
    "scribbled-first-page": "is damaged and cannot be read; it was left as it was",
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind", list(EXPECTED))
def test_a_bad_archive_exits_2_and_stays_as_it_was(
    capsys: pytest.CaptureFixture[str],
    archive_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    command: str,
) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    bad = folder / "arkiv.sqlite3"
    bad.write_bytes(bad_archives(archive_path)[kind])
    monkeypatch.chdir(folder)
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    # run and resume get as far as opening the meeting: a terminal, and an app that starts it.
    from facilitator.cli import meeting_commands
    from facilitator.tui.app import FacilitatorApp

    monkeypatch.setattr(meeting_commands, "has_terminal", lambda: True)
    monkeypatch.setattr(FacilitatorApp, "run", lambda self, **kw: self.session.meeting.start())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, out, err = run(capsys, *COMMANDS[command], "--archive", str(bad))
    assert (code, out) == (2, "")
    assert EXPECTED[kind] in err and err.count("\n") == 1 and "Traceback" not in err, err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no byte changed, no file added


def test_minutes_with_and_without_the_time_appendix(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    code, out, err = run(capsys, "minutes", "1", "--archive", str(archive_path))
    assert code == 0 and err == "" and out.startswith("# Minutes – Klubmøde i Socialrådgiverklubben\n")
    assert "Appendix" not in out and "| Planned |" not in out
    code, out, err = run(capsys, "minutes", "1", "--times", "--style", "beslutning", "--archive", str(archive_path))
    assert code == 0 and err == "" and out.startswith("# Minutes of decisions – Klubmøde i Socialrådgiverklubben\n")
    assert "## Appendix: Time use\n\n| Item | Planned | Used |\n" in out and "| 1. Godkendelse af dagsorden |" in out
