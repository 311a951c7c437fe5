"""The command line as a person and a script meet it: exit codes, stdout, stderr, no tracebacks."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import __version__
from facilitator.agenda_loader import load_agenda
from facilitator.cli import main
from facilitator.resources import shipped_agendas

from conftest import DATA

MALFORMED = sorted((DATA / "malformed").glob("*.toml"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_valid_file(capsys: pytest.CaptureFixture[str], valid_agenda: Path) -> None:
    code, out, err = run(capsys, "check", str(valid_agenda))
    assert code == 0 and err == ""
    assert out == f"{valid_agenda}: Klubmøde i Socialrådgiverklubben (klubmøde): 3 items, 30 min planned\n"


def test_check_says_when_duration_differs(capsys: pytest.CaptureFixture[str], valid_agenda: Path) -> None:
    valid_agenda.write_text(valid_agenda.read_text(encoding="utf-8").replace("duration = 30", "duration = 45"), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(valid_agenda))
    assert code == 0 and out.endswith("3 items, 30 min planned; the meeting is set to 45 min\n")


def test_check_mixed_files_exits_2_and_reports_each(capsys: pytest.CaptureFixture[str], valid_agenda: Path, tmp_path: Path) -> None:
    broken = MALFORMED[0]
    code, out, err = run(capsys, "check", str(valid_agenda), str(broken), str(tmp_path / "mangler.toml"), str(tmp_path))
    assert code == 2
    assert out.count("\n") == 1 and str(valid_agenda) in out
    assert f"{broken}:4: a text has no closing quote" in err
    assert f"{tmp_path / 'mangler.toml'}: file not found" in err
    assert f"{tmp_path}: this is a folder" in err


def test_check_accepts_a_shipped_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "klubmoede")
    assert code == 0 and out.startswith("klubmoede: ")


def test_check_in_danish_by_default(capsys: pytest.CaptureFixture[str], valid_agenda: Path) -> None:
    assert main(["check", str(valid_agenda)]) == 0
    assert "3 punkter, 30 min planlagt" in capsys.readouterr().out


def test_check_needs_a_path(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check"])
    assert caught.value.code == 2 and "PATH" in capsys.readouterr().err


def test_agendas_lists_every_shipped_agenda(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "agendas")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == list(shipped_agendas())
    for line, path in zip(lines, shipped_agendas().values(), strict=True):
        agenda = load_agenda(path)
        assert line.split()[1] == agenda.meeting.kind.value and line.endswith(agenda.meeting.title)


def test_new_writes_a_copy_that_checks_clean(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "mit-moede.toml"
    code, out, _ = run(capsys, "new", "klubmoede", "-o", str(target))
    assert code == 0 and f"Wrote {target}, a copy of klubmoede" in out
    assert target.read_bytes() == shipped_agendas()["klubmoede"].read_bytes()
    assert load_agenda(target) == load_agenda(shipped_agendas()["klubmoede"])
    assert run(capsys, "check", str(target))[0] == 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_new_refuses_to_overwrite_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "new", "klubmoede", "-o", str(target))
    assert code == 2 and err == f"{target} exists already; choose another name, or add --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "mine"
    assert run(capsys, "new", "klubmoede", "-o", str(target), "--force")[0] == 0
    assert target.read_bytes() == shipped_agendas()["klubmoede"].read_bytes()


def test_new_defaults_to_name_in_current_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "new", "med-udvalg.toml")[0] == 0
    assert (tmp_path / "med-udvalg.toml").is_file()


def test_new_to_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["new", "klubmoede", "-o", "-"]) == 0
    assert capsysbinary.readouterr().out == shipped_agendas()["klubmoede"].read_bytes()


def test_new_with_wrong_name_lists_the_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "new", "klubmode")
    assert code == 2 and err.startswith('there is no shipped agenda called "klubmode"; choose ')
    for name in shipped_agendas():
        assert name in err


def test_new_into_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "findes-ikke" / "a.toml"
    code, _, err = run(capsys, "new", "klubmoede", "-o", str(target))
    assert code == 2 and err == f"{target}: the folder {target.parent} does not exist; create it first or choose another place\n"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "{target}: you may not write in {folder}; choose another place"),
        (OSError(errno.ENOSPC, "No space left on device"), "{target}: the disk is full; free some space and try again"),
        (OSError(errno.EIO, "Input/output error"), "{target} could not be written (Input/output error); try another place"),
    ],
)
def test_new_when_writing_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, message: str
) -> None:
    """Simulated at the fsync, after the temporary file exists: it must be gone afterwards."""

    def fail(fd: int) -> None:
        raise error

    monkeypatch.setattr(os, "fsync", fail)
    target = tmp_path / "a.toml"
    code, _, err = run(capsys, "new", "klubmoede", "-o", str(target))
    assert code == 2 and err == message.format(target=target, folder=tmp_path) + "\n"
    assert list(tmp_path.iterdir()) == []


def test_bare_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 0 and "check" in out and "agendas" in out and "new" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0 and capsys.readouterr().out == f"facilitator {__version__}\n"


@pytest.mark.parametrize("command", ["check", "agendas", "new"])
def test_every_subcommand_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "en", command, "--help"])
    assert caught.value.code == 0 and f"usage: facilitator {command}" in capsys.readouterr().out


def test_python_dash_m_and_no_traceback_on_broken_files() -> None:
    """The real process: every malformed file at once gives messages, exit 2, and no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--lang", "en", "check", *map(str, MALFORMED)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) >= len(MALFORMED)
