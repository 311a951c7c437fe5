"""Arguments that are not UTF-8: the bytes of a Latin-1 terminal, or a script's stray byte.

Python hands such bytes over as lone surrogates (``surrogateescape``), which no archive,
TOML file or terminal accepts: a group typed so once made the first save of a meeting fail.
Text that is kept or shown becomes U+FFFD where it enters (``cli/parser.py``); paths keep
their bytes, since they name files as they are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from facilitator.cli.parser import build_parser

LATIN1 = b"Klub \xe6\xf8\xe5 \xff"
""""Klub æøå ÿ" in Latin-1: none of its last four bytes is UTF-8."""

SHOWN = "Klub \ufffd\ufffd\ufffd \ufffd"


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["run", "klubmoede", "--group", "x"], "group"),
        (["new", "klubmoede", "--group", "x"], "group"),
        (["actions", "--group", "x"], "group"),
        (["decisions", "--group", "x"], "group"),
        (["votes", "--group", "x"], "group"),
        (["minutes", "1", "--approve", "--remark", "x"], "remark"),
    ],
)
def test_text_options_take_undecodable_bytes_as_replacement_characters(argv: list[str], field: str) -> None:
    given = os.fsdecode(LATIN1)
    assert given != SHOWN  # lone surrogates, as Python gives them
    args = build_parser().parse_args([given if word == "x" else word for word in argv])
    assert getattr(args, field) == SHOWN
    assert getattr(args, field).encode("utf-8")


def test_a_search_for_undecodable_bytes_is_a_search_for_replacement_characters() -> None:
    assert build_parser().parse_args(["search", "vold", os.fsdecode(b"\xff")]).text == ["vold", "\ufffd"]


def test_a_path_keeps_its_bytes() -> None:
    path = os.fsdecode(b"dagsorden-\xff.toml")
    assert build_parser().parse_args(["check", path]).paths == [path]


def test_a_meeting_run_for_a_group_typed_in_latin1_is_saved_and_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole way: ``run --group`` with the bytes, the meeting started and saved, the
    group remembered in the settings file, and the archive read back."""
    from facilitator.cli import main, meeting_commands
    from facilitator.files.config import load_config
    from facilitator.store.archive import Archive
    from facilitator.tui.app import FacilitatorApp

    monkeypatch.setenv("FACILITATOR_ARCHIVE", str(tmp_path / "a.sqlite3"))
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setattr(meeting_commands, "_SETTINGS", None)
    monkeypatch.setattr(meeting_commands, "has_terminal", lambda: True)

    def held(app: FacilitatorApp, **kw: object) -> None:
        assert app.session is not None
        app.session.meeting.start()
        app.session.close()

    monkeypatch.setattr(FacilitatorApp, "run", held)
    assert main(["run", "klubmoede", "--group", os.fsdecode(LATIN1)]) == 0, capsys.readouterr()
    assert load_config(tmp_path / "config.toml").groups == {"klubmoede": SHOWN}
    with Archive.open(tmp_path / "a.sqlite3", read_only=True) as archive:
        [summary] = archive.meetings()
        assert summary.group == SHOWN
