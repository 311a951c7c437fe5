"""``meetings`` and ``actions`` at a terminal fit its width, wrapping at words inside each
column; into a pipe they print one row per line, as before, whatever the width."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.cli.table import column_widths, table_lines, terminal_width
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

ROWS = [
    ("", "deadline", "who", "what", "meeting", "item"),
    (
        "·",
        "2026-12-15",
        "Anne",
        "Skrive til ledelsen om den manglende bemanding i teamet og de nye sager",
        "1 2026-12-01 Klubmøde i Socialrådgiverklubben",
        "Organisering af arbejdet – lukket punkt",
    ),
    ("✓", "", "Bo", "Ring", "2 2026-12-08 Klubmøde", "Eventuelt"),
]


def test_a_pipe_gets_one_row_per_line_however_wide() -> None:
    lines = table_lines(ROWS, None)
    assert len(lines) == len(ROWS)
    assert lines[1] == (
        "·  2026-12-15  Anne  Skrive til ledelsen om den manglende bemanding i teamet og de nye sager"
        "  1 2026-12-01 Klubmøde i Socialrådgiverklubben  Organisering af arbejdet – lukket punkt"
    )
    assert table_lines(ROWS, 1000) == lines  # a table that fits is the same at a terminal


@pytest.mark.parametrize("width", [80, 120, 200])
def test_at_a_terminal_each_line_fits_and_no_word_is_cut(width: int) -> None:
    lines = table_lines(ROWS, width)
    assert max(len(line) for line in lines) <= width
    words_out = " ".join(lines).split()
    for row in ROWS:
        for cell in row:
            for word in cell.split():
                assert word in words_out, (width, word)
    assert lines[0].split() == ["deadline", "who", "what", "meeting", "item"]  # the header stays one line


def test_the_narrow_columns_keep_their_width_and_the_wide_ones_share_the_rest() -> None:
    widths = column_widths([1, 10, 4, 72, 43, 39], [1, 10, 4, 9, 21, 12], 80)
    assert widths[:3] == [1, 10, 4]
    assert sum(widths) + 2 * 5 == 80
    assert widths[4] >= 21  # its longest word, "Socialrådgiverklubben", whole
    assert column_widths([1, 10, 4], [1, 10, 4], 80) == [1, 10, 4]


@pytest.mark.parametrize("width", [40, 60])
def test_too_narrow_for_the_longest_words_still_fits_and_loses_nothing(width: int) -> None:
    lines = table_lines(ROWS, width)
    assert max(len(line) for line in lines) <= width
    assert sorted("".join("".join(lines).split())) == sorted("".join("".join(" ".join(row) for row in ROWS).split()))
    if width == 60:  # the longest words are cut, the shorter ones whole
        assert lines[1].startswith("·  2026-12-15  Anne  ")


def test_the_rows_continue_below_with_the_other_columns_empty() -> None:
    lines = table_lines(ROWS, 80)
    second = next(i for i, line in enumerate(lines) if line.startswith("✓"))
    assert second > 2  # the first row took several lines
    assert all(line.startswith(" " * 19) for line in lines[2:second])


def test_only_a_terminal_is_fitted(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    assert terminal_width() is None  # capsys's stdout is no terminal
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert terminal_width() == 70


@pytest.fixture
def archive_path(tmp_path: Path, running: Meeting) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        meeting_id = archive.create(running)
        running.add_action("Skrive til ledelsen om den manglende bemanding i teamet og de nye sager", "Anne", "2026-12-15")
        archive.save(meeting_id, to_dict(running, notes=False), {s.id: s.notes for s in running.items})
    return path


@pytest.mark.parametrize("command", ["actions", "meetings"])
def test_the_commands_fit_the_terminal(
    command: str, archive_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", command, "--archive", str(archive_path)]) == 0
    piped = capsys.readouterr().out.splitlines()
    assert len(piped) == 2 and max(len(line) for line in piped) > 60
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["--lang", "en", command, "--archive", str(archive_path)]) == 0
    fitted = capsys.readouterr().out.splitlines()
    assert len(fitted) > 2 and max(len(line) for line in fitted) <= 60
    assert sorted("".join("".join(fitted).split())) == sorted("".join("".join(piped).split()))  # nothing lost
