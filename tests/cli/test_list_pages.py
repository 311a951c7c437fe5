"""``meetings`` and ``actions`` print a page (``--limit``, 100 unless asked) and say on
stderr how to see more; an archive that fits on a page is listed whole, as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.meetings import klubmoede

from facilitator.cli import main
from facilitator.cli.history_commands import LIST_PAGE
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        for number in range(3):
            meeting = klubmoede()
            meeting_id = archive.create(meeting)
            meeting.start()
            meeting.add_action(f"Opgave {number}", "Anne", f"2027-01-1{number}")
            meeting.end()
            archive.save(meeting_id, to_dict(meeting, notes=False))
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_meetings_print_a_page_and_say_there_are_more(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    code, out, err = run(capsys, "meetings", "--limit", "2", "--archive", str(archive_path))
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["3", "2"]
    assert err == "these are the 2 newest meetings; there are more: see more with --limit 10\n"
    code, out, err = run(capsys, "meetings", "--limit", "3", "--archive", str(archive_path))
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["3", "2", "1"] and err == ""
    assert run(capsys, "meetings", "--archive", str(archive_path))[1] == out  # a page of 100 holds them all


def test_actions_print_a_page_and_say_there_are_more(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    whole = run(capsys, "actions", "--open", "--archive", str(archive_path))[1].splitlines()
    code, out, err = run(capsys, "actions", "--open", "--limit", "2", "--archive", str(archive_path))
    assert code == 0
    assert [line.split()[1] for line in out.splitlines()[1:]] == ["1-1", "2-1"]
    assert [line.split() for line in out.splitlines()] == [line.split() for line in whole[:3]]
    assert err == (
        "these are the first 2 actions by deadline; there are more: see more with --limit 10, or choose a group with --group\n"
    )
    assert run(capsys, "actions", "--open", "--limit", "3", "--archive", str(archive_path))[2] == ""


@pytest.mark.parametrize("command", ["meetings", "actions"])
@pytest.mark.parametrize("limit", ["0", "-1", "many"])
def test_a_limit_is_a_positive_number(capsys: pytest.CaptureFixture[str], archive_path: Path, command: str, limit: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "en", command, "--limit", limit, "--archive", str(archive_path)])
    assert exit_.value.code == 2 and capsys.readouterr().out == ""


def test_the_page_is_a_hundred() -> None:
    assert LIST_PAGE == 100
