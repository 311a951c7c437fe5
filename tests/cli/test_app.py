"""The commands that open the app, seen from a script: clear refusals, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.cli import main, meeting_commands, parser
from facilitator.store.archive import Archive


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(autouse=True)
def own_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACILITATOR_ARCHIVE", str(tmp_path / "archive.sqlite3"))
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setattr(meeting_commands, "_SETTINGS", None)


def test_run_without_a_terminal_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "--lang", "en", "run", "klubmoede")
    assert status == 2 and "needs a terminal" in err
    assert not (tmp_path / "archive.sqlite3").exists()  # no meeting made that nobody holds


def test_run_a_broken_agenda_names_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\n", encoding="utf-8")
    status, _, err = run(capsys, "--lang", "en", "run", str(broken))
    assert status == 2 and err.startswith(str(broken))


def test_run_an_unknown_agenda(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--lang", "en", "run", "klubmode")
    assert status == 2 and "klubmode" in err and "Traceback" not in err


def test_resume_with_no_archive(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--lang", "en", "resume")
    assert status == 2 and "archive" in err and "Traceback" not in err


def test_bare_facilitator_without_a_terminal_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--lang", "en")
    assert status == 0 and "run" in out and "resume" in out


def test_settings_language_applies_to_the_app_commands(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from facilitator import i18n

    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    (tmp_path / "config.toml").write_text('lang = "da"\n', encoding="utf-8")
    status, _, err = run(capsys, "run", "klubmoede")
    assert status == 2 and "kræver en terminal" in err
    status, _, err = run(capsys, "--lang", "en", "run", "klubmoede")
    assert "needs a terminal" in err


def test_run_opens_the_app_and_reports_where_the_meeting_is(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With a terminal the app runs; here its run() starts the meeting and quits at once."""
    from facilitator.tui.app import FacilitatorApp

    monkeypatch.setattr(meeting_commands, "has_terminal", lambda: True)
    monkeypatch.setattr(FacilitatorApp, "run", lambda self, **kw: self.session.meeting.start())
    status, out, _ = run(capsys, "--lang", "en", "run", "klubmoede")
    assert status == 0 and "facilitator resume 1" in out
    with Archive.open(tmp_path / "archive.sqlite3", read_only=True) as archive:
        assert [m.id for m in archive.meetings(unfinished=True)] == [1]
    monkeypatch.setattr(FacilitatorApp, "run", lambda self, **kw: None)
    status, out, _ = run(capsys, "--lang", "en", "resume")
    assert status == 0 and "facilitator resume 1" in out
    status, out, _ = run(capsys, "--lang", "en", "run", "klubmoede")  # opened, never started: not kept
    assert status == 0 and out == ""
    with Archive.open(tmp_path / "archive.sqlite3", read_only=True) as archive:
        assert [m.id for m in archive.meetings()] == [1]


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], None),
        (["--archive", "x.sqlite3"], None),
        (["--lang", "en", "run", "a"], "run"),
        (["--archive=x", "resume"], "resume"),
    ],
)
def test_the_command_word_skips_option_values(argv: list[str], command: str | None) -> None:
    assert parser.command_word(argv) == command


def test_run_gives_the_group_or_leaves_the_app_to_ask(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``run --group`` names the group and remembers it for the agenda; without it the
    remembered group is taken, and with none the app is left the question."""
    from facilitator.files.config import load_config
    from facilitator.tui.app import FacilitatorApp

    seen: list[tuple[str | None, bool]] = []

    def held(app: FacilitatorApp, **kw: object) -> None:
        assert app.session is not None
        seen.append((app.session.meeting.info.group, app.session.group_question is not None))
        app.session.meeting.start()

    monkeypatch.setattr(meeting_commands, "has_terminal", lambda: True)
    monkeypatch.setattr(FacilitatorApp, "run", held)
    assert run(capsys, "--lang", "en", "run", "klubmoede")[0] == 0
    assert run(capsys, "--lang", "en", "run", "klubmoede", "--group", "Klubben")[0] == 0
    assert load_config(tmp_path / "config.toml").groups == {"klubmoede": "Klubben"}
    monkeypatch.setattr(meeting_commands, "_SETTINGS", None)  # the next run reads the file again
    assert run(capsys, "--lang", "en", "run", "klubmoede")[0] == 0
    assert seen == [(None, True), ("Klubben", False), ("Klubben", False)]
