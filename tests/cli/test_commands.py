"""The command line as a person and a script meet it: exit codes, stdout, stderr, no tracebacks."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.paths import DATA

from facilitator import __version__
from facilitator.agenda.loader import load_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.cli import main

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


def test_check_mixed_files_exits_2_and_reports_each(
    capsys: pytest.CaptureFixture[str], valid_agenda: Path, tmp_path: Path
) -> None:
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
    assert caught.value.code == 2 and "STI" in capsys.readouterr().err


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


def test_new_defaults_to_name_in_current_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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


@pytest.mark.parametrize(
    "command", ["check", "agendas", "new", "meetings", "actions", "minutes", "run", "resume", "restore", "search"]
)
def test_every_subcommand_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "en", command, "--help"])
    assert caught.value.code == 0 and f"usage: facilitator {command}" in capsys.readouterr().out


def test_a_file_name_never_falls_back_to_the_shipped_copy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "klubmoede.toml")
    assert code == 2 and out == "" and err.startswith("klubmoede.toml: file not found")


def test_lang_after_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--lang", "en", "klubmoede"]) == 0
    assert "10 items" in capsys.readouterr().out


def test_new_into_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "new", "klubmoede", "-o", str(tmp_path))[0] == 0
    assert (tmp_path / "klubmoede.toml").is_file()
    code, _, err = run(capsys, "new", "klubmoede", "-o", f"{tmp_path / 'mangler'}/")
    assert code == 2 and "the folder" in err and "does not exist" in err
    assert not (tmp_path / "mangler").exists()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_new_never_replaces_a_link(capsys: pytest.CaptureFixture[str], tmp_path: Path, force: list[str]) -> None:
    real = tmp_path / "real.txt"
    real.write_text("mine", encoding="utf-8")
    (tmp_path / "link.toml").symlink_to(real)
    (tmp_path / "dangling.toml").symlink_to(tmp_path / "nowhere")
    for name in ("link.toml", "dangling.toml"):
        code, _, err = run(capsys, "new", "klubmoede", "-o", str(tmp_path / name), *force)
        assert code == 2 and "is not an ordinary file" in err
    assert (tmp_path / "link.toml").is_symlink() and real.read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "nowhere").exists()


def test_check_refuses_a_pipe(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "check", str(fifo))
    assert (
        code == 2
        and err == f"{fifo}: this is not an ordinary file (a device, a pipe or the like); name the agenda's .toml file\n"
    )


def test_a_full_stdout_is_reported_not_a_traceback(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "facilitator", "--lang", "en", "agendas"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr == "the output could not be written (No space left on device)\n"


def test_every_malformed_file_in_one_process_gives_exactly_its_messages() -> None:
    from support.agendas import expectations

    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--lang", "en", "check", *map(str, MALFORMED)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [line for path in MALFORMED for line in expectations(path)]
