"""Which TOML files look like agendas (facilitator/agenda/sniff.py): the start screen offers only those."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.agenda import sniff
from facilitator.agenda.shipped import shipped_agendas
from facilitator.agenda.sniff import HEAD_BYTES, agendas_in, looks_like_agenda

GOOD = 'format = 1\n[meeting]\ntitle = "Eget møde"\nkind = "klubmøde"\n[[item]]\ntitle = "Eneste punkt"\n'
PYPROJECT = '[project]\nname = "x"\n[tool.ruff]\nline-length = 130\n[tool.meeting]\nx = 1\n'
CARGO = '[package]\nname = "x"\nversion = "0.1.0"\n[dependencies]\n'
CONFIG = 'lang = "da"\ntheme = "nord"\n'


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text",
    [
        GOOD,
        "[meeting]\n",  # valid TOML, an empty meeting: the loader says what is missing
        '  [ meeting ]  # a comment\ntitle = "x"\n',
        'meeting = { title = "x" }\n',
        'meeting.title = "x"\n',
        "[meeting.extra]\nx = 1\n",
        '[meeting]\ntitle = "no end quote\n',  # not TOML: its [meeting] line decides
        'format = 1\n[meeting]\ntitle = "x"\ntitle = "twice"\n',  # not TOML either
    ],
)
def test_a_file_with_a_meeting_table_looks_like_an_agenda(tmp_path: Path, text: str) -> None:
    assert looks_like_agenda(write(tmp_path, "a.toml", text))


@pytest.mark.parametrize(
    "text",
    [
        PYPROJECT,
        CARGO,
        CONFIG,
        "",
        "format = 1\n",
        "[[meeting]]\ntitle = 'x'\n",  # an array of tables, not the meeting table
        'meeting = "a string"\n',
        '[project]\ndescription = """\n[meeting]\n"""\n',  # valid TOML: the parse decides, not the line
        "[project\nname = 'not toml and no meeting'\n",
        "# [meeting]\n[project]\nbroken = \n",  # a comment is not a header
    ],
)
def test_other_toml_does_not(tmp_path: Path, text: str) -> None:
    assert not looks_like_agenda(write(tmp_path, "a.toml", text))


def test_the_shipped_agendas_look_like_agendas() -> None:
    assert shipped_agendas()
    for path in shipped_agendas().values():
        assert looks_like_agenda(path), path


def test_a_big_file_is_judged_by_its_head_without_reading_it_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    padding = "# " + "x" * 78 + "\n"
    big_agenda = write(tmp_path, "big.toml", GOOD + padding * 10_000)
    big_other = write(tmp_path, "other.toml", PYPROJECT + padding * 10_000)
    late_meeting = write(tmp_path, "late.toml", padding * (HEAD_BYTES // len(padding) + 1) + GOOD)
    reads: list[int] = []
    real_open = Path.open

    def counting_open(self: Path, *args: object, **kwargs: object) -> object:
        handle = real_open(self, *args, **kwargs)  # type: ignore[call-overload]
        real_read = handle.read

        def read(size: int = -1) -> bytes:
            reads.append(size)
            return real_read(size)  # type: ignore[no-any-return]

        handle.read = read
        return handle

    monkeypatch.setattr(Path, "open", counting_open)
    assert looks_like_agenda(big_agenda)
    assert not looks_like_agenda(big_other)
    assert not looks_like_agenda(late_meeting)  # past the head: not seen, and that is the price of speed
    assert reads and all(0 < size <= HEAD_BYTES + 1 for size in reads)


def test_a_big_file_is_not_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "big.toml", GOOD + "# padding\n" * HEAD_BYTES)

    def no_parse(text: str) -> object:
        raise AssertionError("a big file must not be parsed")

    monkeypatch.setattr(sniff.tomllib, "loads", no_parse)
    assert looks_like_agenda(path)


def test_a_file_that_is_not_utf8_is_judged_by_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[meeting]\ntitle = "Møde"\n'.encode("latin-1"))
    assert looks_like_agenda(path)


def test_a_file_that_cannot_be_read_looks_like_nothing(tmp_path: Path) -> None:
    assert not looks_like_agenda(tmp_path / "missing.toml")
    (tmp_path / "folder.toml").mkdir()
    assert not looks_like_agenda(tmp_path / "folder.toml")


def test_agendas_in_a_folder_are_the_agenda_files_sorted(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", PYPROJECT)
    write(tmp_path, "Cargo.toml", CARGO)
    write(tmp_path, "config.toml", CONFIG)
    good = write(tmp_path, "eget.toml", GOOD)
    broken = write(tmp_path, "broken.toml", "format = 1\n[meeting]\ntitle = \n")
    write(tmp_path, "notes.txt", GOOD)
    (tmp_path / "dir.toml").mkdir()
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "nested.toml", GOOD)
    assert agendas_in(tmp_path) == [broken, good]
    assert agendas_in(tmp_path / "missing") == []


def test_a_file_that_cannot_be_read_is_offered_so_the_start_screen_can_say_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "klub.toml"
    locked.write_text("[meeting]\n", encoding="utf-8")
    real_open = Path.open

    def refusing(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refusing)
    assert looks_like_agenda(locked)
    assert agendas_in(tmp_path) == [locked]
