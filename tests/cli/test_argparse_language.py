"""argparse's own words ("usage:", "options", "the following arguments are required") in
the user's language: Danish by default and with ``--lang da``, English with ``--lang en``,
in the help of the command and of every subcommand and in argparse's error messages."""

from __future__ import annotations

import pytest

from facilitator.cli.entry import main

COMMANDS = [
    [],
    *[
        [command]
        for command in ("check", "agendas", "new", "meetings", "actions", "minutes", "run", "resume", "restore", "search")
    ],
    ["actions", "done"],
]

ENGLISH = ("usage:", "positional arguments", "options:", "show this help message and exit")
"""argparse's words in a help text."""

ENGLISH_ERRORS = (
    "usage:",
    "error:",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
    "expected one argument",
)


def help_of(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    with pytest.raises(SystemExit) as caught:
        main(args)
    out, err = capsys.readouterr()
    assert caught.value.code == 0 and err == ""
    return out


def error_of(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    with pytest.raises(SystemExit) as caught:
        main(args)
    out, err = capsys.readouterr()
    assert caught.value.code == 2 and out == ""
    return err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "facilitator")
@pytest.mark.parametrize("lang", [["--lang", "da"], []], ids=["--lang da", "default"])
def test_help_is_danish(capsys: pytest.CaptureFixture[str], command: list[str], lang: list[str]) -> None:
    out = help_of(capsys, [*lang, *command, "--help"])
    assert [word for word in ENGLISH if word in out] == []
    assert out.startswith(f"brug: facilitator {' '.join(command)}".rstrip())
    assert "tilvalg:" in out and "  -h, --help" in out and "vis denne hjælp og afslut" in out
    assert ("argumenter:" in out) == (command not in (["agendas"], ["meetings"]))


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "facilitator")
def test_help_is_english_with_lang_en(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    out = help_of(capsys, ["--lang", "en", *command, "--help"])
    assert out.startswith(f"usage: facilitator {' '.join(command)}".rstrip())
    assert "options:" in out and "show this help message and exit" in out
    assert ("positional arguments:" in out) == (command not in (["agendas"], ["meetings"]))
    assert "brug:" not in out and "tilvalg" not in out


ERRORS = {  # the program that complains, the arguments, what it says in Danish and in English
    "missing": ("facilitator check", ["check"], "disse argumenter mangler: STI", "the following arguments are required: PATH"),
    "choice": (
        "facilitator minutes",
        ["minutes", "--style", "x"],
        "argument --style: ugyldigt valg: 'x' (vælg mellem 'referat', 'beslutning', 'medlemmer')",
        "argument --style: invalid choice: 'x' (choose from 'referat', 'beslutning', 'medlemmer')",
    ),
    "unrecognized": ("facilitator", ["agendas", "zz"], "ukendte argumenter: zz", "unrecognized arguments: zz"),
    "one value": (
        "facilitator check",
        ["check", "x", "--archive"],
        "argument --archive: forventede ét argument",
        "argument --archive: expected one argument",
    ),
    "command": (
        "facilitator",
        ["nosuch"],
        "argument KOMMANDO: ugyldigt valg: 'nosuch'",
        "argument COMMAND: invalid choice: 'nosuch'",
    ),
}


@pytest.mark.parametrize("case", ERRORS)
@pytest.mark.parametrize("lang", [["--lang", "da"], []], ids=["--lang da", "default"])
def test_argparse_errors_are_danish(capsys: pytest.CaptureFixture[str], case: str, lang: list[str]) -> None:
    prog, args, danish, _ = ERRORS[case]
    err = error_of(capsys, [*lang, *args])
    assert [word for word in ENGLISH_ERRORS if word in err] == []
    assert err.startswith("brug: facilitator")
    assert err.splitlines()[-1].startswith(f"{prog}: fejl: {danish}")


@pytest.mark.parametrize("case", ERRORS)
def test_argparse_errors_are_english_with_lang_en(capsys: pytest.CaptureFixture[str], case: str) -> None:
    prog, args, _, english = ERRORS[case]
    err = error_of(capsys, ["--lang", "en", *args])
    assert err.startswith("usage: facilitator") and "brug" not in err and "fejl" not in err
    assert err.splitlines()[-1].startswith(f"{prog}: error: {english}")


def test_the_language_follows_the_environment(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACILITATOR_LANG", "en")
    assert help_of(capsys, ["check", "--help"]).startswith("usage: facilitator check")
    monkeypatch.setenv("FACILITATOR_LANG", "da")
    assert help_of(capsys, ["check", "--help"]).startswith("brug: facilitator check")
