"""Every command's ``--help`` in Danish is Danish: argparse's words, our texts and the
names of the values (``STI``, not ``PATH``). Run in-process through the parser, for every
command the parser has, so a command added later is checked too.

The command and option names are the program's syntax, the same in both languages
(``facilitator meetings --open``), and are left out of the check.
"""

from __future__ import annotations

import argparse
import re

import pytest
from support.english import leaks

from facilitator import i18n
from facilitator.cli.entry import main
from facilitator.cli.parser import build_parser


def commands(parser: argparse.ArgumentParser | None = None, above: tuple[str, ...] = ()) -> list[list[str]]:
    """Every command and subcommand (``actions done``), each as the words that name it."""
    parser = parser or build_parser()
    found = [list(above)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, (*above, name))
    return found


def help_of(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    with pytest.raises(SystemExit) as caught:
        main(args)
    out, err = capsys.readouterr()
    assert caught.value.code == 0 and err == ""
    return out


def without_syntax(text: str) -> str:
    """The help without the names a person types as they are: commands, options, choices."""
    names = {name for command in commands() for name in command}
    text = re.sub(r"--?[\w-]+|\{[\w,]+\}", " ", text)
    return re.sub(rf"\b({'|'.join(sorted(names))})\b", " ", text)


def test_the_check_sees_every_command() -> None:
    assert len(commands()) == 18  # actions done among them; decisions and votes; room; share and sync


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_help_is_in_the_language(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    found = {}
    for command in commands():
        found[" ".join(command) or "facilitator"] = leaks(without_syntax(help_of(capsys, ["--lang", lang, *command, "--help"])))
    if lang == "da":
        assert {command: words for command, words in found.items() if words} == {}
    else:  # the check can see English: every English help has some
        assert [command for command, words in found.items() if not words] == []


def test_danish_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    i18n.set_language("da")  # as main leaves it when no --lang or FACILITATOR_LANG is given
    assert leaks(without_syntax(help_of(capsys, ["minutes", "--help"]))) == []
