"""Every command of the command line, fed every hostile string: literal text out, no traceback.

Each string of ``tests/support/hostile_text.HOSTILE`` goes into agenda fields, the archive's
meetings (held through the core), file and folder names and arguments. Every command
then runs as a real process (``python -m facilitator``), and its output must hold no raw
control character, show each string in its visible form (``text.visible.one_line``)
where the command shows it, keep one line per row (a newline must not forge a line),
and end with the expected exit status, never a traceback. To keep the suite quick, one
process sweeps all strings where the command can show them all at once: one archive
holds them all, one ``check`` takes every file, one path runs through a folder per
string.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import tomli_w
import tomllib
from support.hostile_text import HOSTILE, SHORT, raw_controls
from support.paths import ROOT

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.model import Agenda, Item, MeetingInfo, MeetingKind
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict
from facilitator.text.visible import one_line

TIMEOUT = 30
"""Seconds any one command may take: each takes well under one; a hang is a failure."""


def env(home: Path) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("FACILITATOR")},
        "PYTHONPATH": str(ROOT),
        "FACILITATOR_LANG": "en",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }


def start(home: Path, args: Sequence[str], cwd: Path | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "facilitator", *args],
        cwd=cwd or home,
        env=env(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


class Result:
    def __init__(self, process: subprocess.Popen[bytes], args: Sequence[str]) -> None:
        try:
            out, err = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:  # a hang (a pipe read to its end, say) fails the test here
            process.kill()
            process.communicate()
            raise
        self.args = args
        self.code = process.returncode
        self.out = out.decode("utf-8")
        self.err = err.decode("utf-8")


def run(home: Path, *args: str, cwd: Path | None = None) -> Result:
    return Result(start(home, args, cwd), args)


def run_all(home: Path, argvs: list[list[str]]) -> list[Result]:
    """Several processes at once: the sweeps that need one process per string."""
    processes = [(start(home, argv), argv) for argv in argvs]
    return [Result(process, argv) for process, argv in processes]


def literal(result: Result, code: int) -> None:
    """The exit status expected, no traceback, and no raw control character anywhere."""
    shown = f"{result.args!r:.300}: exit {result.code}\n{result.err[:3000]}"
    assert result.code == code, shown
    assert "Traceback" not in result.err, shown
    assert not raw_controls(result.out), (result.args, sorted(raw_controls(result.out)))
    assert not raw_controls(result.err), (result.args, sorted(raw_controls(result.err)))


def file_name(text: str, number: int) -> str:
    """A file or folder name holding as much of ``text`` as a name can ("/" and NUL cannot be)."""
    return f"{number:02d} {text.replace('/', '⁄').replace(chr(0), '␀')[:60]}"


def one_line_field(text: str) -> str:
    """What a one-line agenda field can hold of ``text`` (the loader refuses line breaks)."""
    return text.replace("\n", " ").strip()


# --- the world: an archive, agendas and paths holding every string ------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("hostile")
    archive = home / "arkiv.sqlite3"
    with Archive.open(archive) as opened:
        _hold_the_whole_corpus(opened, list(SHORT.values()))  # meeting 1
        _hold_the_whole_corpus(opened, [HOSTILE["long"]])  # meeting 2: rendered once, it is slow
        for text in HOSTILE.values():
            _hold_one(opened, text)
    deep = home
    for number, text in enumerate(SHORT.values()):
        deep = deep / file_name(text, number)
    deep.mkdir(parents=True)
    (home / "deep").symlink_to(deep)
    yield home


def _hold_the_whole_corpus(archive: Archive, fields: list[str]) -> int:
    """A meeting from an agenda whose every field holds the strings (written as TOML and
    read by the loader, as a person's agenda is), held with every kind of record."""
    document = {
        "format": 1,
        "meeting": {
            "title": "Alle strenge",
            "kind": "klubmøde",
            "group": "Klubben",
            "purpose": "\n".join(fields),
            "participants": [one_line_field(text) for text in fields],
        },
        "item": [
            {
                "title": one_line_field(text),
                "presenter": one_line_field(text),
                "purpose": text,
                "prompts": [text],
                "options": [text],
                "type": "beslutning",
            }
            for text in fields
        ],
    }
    meeting = Meeting(parse_agenda(tomli_w.dumps(document).encode()))
    meeting_id = archive.create(meeting)
    meeting.start()
    for index, text in enumerate(fields):
        meeting.set_notes(text, index)
        meeting.toggle_prompt(0, index)
        meeting.toggle_option(0, index)
        meeting.add_decision(f"{text} vold", index=index)
        meeting.record_vote(text, 1, 0, 0, index=index)
        meeting.add_action(text, one_line_field(text), "2026-12-24", index=index)
        meeting.set_carry_on(index)
    meeting.end()
    archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items})
    return meeting_id


def _hold_one(archive: Archive, text: str) -> None:
    """A meeting whose title and group are the string itself, as a hand-edited or older
    archive may hold them (not through the loader, which folds nothing but refuses a
    line break), with an action item, for ``meetings``, ``actions`` and ``search``."""
    info = MeetingInfo(title=text, kind=MeetingKind.ANDET, group=text, date=dt.date(2026, 12, 1))
    meeting = Meeting(Agenda(info, (Item(title=text),)))
    meeting_id = archive.create(meeting)
    meeting.start()
    meeting.add_action(f"Følge op vold {len(text)}", "Anne")
    archive.save(meeting_id, to_dict(meeting, notes=False))


# --- check: agenda files with every string in their fields and names -----------------------


def test_check_shows_titles_paths_and_problems_literally(world: Path) -> None:
    folder = world / "check"
    folder.mkdir()
    valid: dict[Path, str] = {}
    invalid: list[Path] = []
    for number, text in enumerate(HOSTILE.values()):
        good = folder / f"{file_name(text, number)} ok.toml"
        good.write_text(
            tomli_w.dumps(
                {
                    "meeting": {"title": one_line_field(text), "kind": "klubmøde", "participants": [text]},
                    "item": [{"title": one_line_field(text), "purpose": text, "prompts": [text]}],
                }
            ),
            encoding="utf-8",
        )
        valid[good] = one_line_field(text)
        bad = folder / f"{file_name(text, number)} bad.toml"
        bad.write_text(
            tomli_w.dumps(
                {
                    "meeting": {"title": text, "kind": text, "participants": [text, text], text: 1},
                    "item": [{"title": text, "type": text, "minutes": text}],
                }
            ),
            encoding="utf-8",
        )
        invalid.append(bad)
    result = run(world, "check", *map(str, valid), *map(str, invalid))
    literal(result, 2)
    lines = result.out.splitlines()
    assert len(lines) == len(valid)  # one line per valid file: nothing forged, nothing folded in
    for (path, title), line in zip(valid.items(), lines, strict=True):
        assert line.startswith(f"{one_line(path)}: {one_line(title)} (klubmøde): 1 item")
    for path in invalid:
        assert f"{one_line(path)}:" in result.err
    for text in SHORT.values():
        assert one_line(text) in result.err or one_line(text)[:37] in result.err  # quoted values are cut at 40
    assert all(re.match(r"^.+?(:\d+)?: ", line) for line in result.err.splitlines())


# --- the archive's history ------------------------------------------------------------------


def test_meetings_actions_and_search_show_the_archive_literally(world: Path) -> None:
    archive = str(world / "arkiv.sqlite3")
    meetings, actions, search = run_all(
        world,
        [
            ["meetings", "--archive", archive],
            ["actions", "--archive", archive],
            ["search", "vold", "--limit", "1000", "--archive", archive],
        ],
    )
    for result in (meetings, actions, search):
        literal(result, 0)
    assert len(meetings.out.splitlines()) == 1 + 2 + len(HOSTILE)
    assert len(actions.out.splitlines()) == 1 + len(HOSTILE) * 2
    for text in HOSTILE.values():
        assert one_line(text) in meetings.out and one_line(text) in actions.out
        assert one_line(one_line_field(text)) in actions.out  # the who of meeting 1's actions
    hits = search.out.splitlines()
    # A decision in meeting 1 and an action in each other meeting; SQLite's full-text
    # index ends a text at a NUL, so the decision "før\0efter vold" is not found by "vold".
    assert len(hits) == len(HOSTILE) * 2 - 1
    assert all(re.match(r"^\d+ \d{4}-\d\d-\d\d ", hit) for hit in hits)
    for text in SHORT.values():
        assert one_line(text) in search.out


def test_minutes_and_the_next_agenda_reach_stdout_and_files_without_raw_controls(world: Path) -> None:
    archive = str(world / "arkiv.sqlite3")
    target = world / "deep" / "referat.md"
    agenda = world / "deep" / "næste.toml"
    results = run_all(
        world,
        [
            ["minutes", "1", "--archive", archive],
            ["minutes", "2", "--archive", archive],
            ["minutes", "1", "--style", "beslutning", "--restricted", "--html", "--archive", archive],
            ["minutes", "1", "-o", str(target), "--archive", archive],
            ["new", "--from-meeting", "1", "-o", "-", "--archive", archive],
            ["new", "--from-meeting", "1", "-o", str(agenda), "--archive", archive],
        ],
    )
    for result in results:
        literal(result, 0)
    minutes, long, html, written, next_stdout, next_written = results
    assert "Alle strenge" in minutes.out and "Alle strenge" in html.out and "Alle strenge" in long.out
    assert written.out == f"Wrote {one_line(target)}: the minutes of meeting 1.\n"
    assert written.out.count("\n") == 1 and target.exists()
    items = tomllib.loads(next_stdout.out)["item"]
    assert [item["title"] for item in items] == [one_line_field(text) for text in SHORT.values()]
    assert [item["purpose"] for item in items] == [text.strip() for text in SHORT.values()]  # the same values, escaped
    assert one_line(agenda) in next_written.out and next_written.out.count("\n") == 1
    assert tomllib.loads(agenda.read_text(encoding="utf-8")) == tomllib.loads(next_stdout.out)


# --- paths and arguments ------------------------------------------------------------------


def test_paths_are_shown_literally_in_what_the_commands_say(world: Path) -> None:
    deep = (world / "deep").resolve()
    missing = deep / "intet arkiv.sqlite3"
    written = deep / "klubmoede.toml"
    results = run_all(
        world,
        [
            ["new", "klubmoede", "-o", str(written)],
            ["meetings", "--archive", str(missing)],
            ["minutes", "--archive", str(missing)],
            ["resume", "--archive", str(missing)],
            ["run", str(deep / "mangler.toml")],
            ["run", "klubmoede", "--archive", str(missing)],
            ["minutes", "1", "--template", str(deep / "mangler.md.j2"), "--archive", str(world / "arkiv.sqlite3")],
            ["check", str(deep)],
        ],
    )
    new, meetings, minutes, resume, run_missing, run_no_terminal, template, check = results
    for result, code in zip(results, (0, 0, 2, 2, 2, 2, 2, 2), strict=True):
        literal(result, code)
    assert one_line(written) in new.out and written.exists()
    for result in (meetings, minutes, resume):
        assert result.err.count("\n") == 1 and one_line(missing) in result.err
    assert one_line(deep / "mangler.toml") in run_missing.err
    assert "needs a terminal" in run_no_terminal.err
    assert one_line(deep / "mangler.md.j2") in template.err
    assert one_line(deep) in check.err and check.err.count("\n") == 1


def test_template_errors_quote_hostile_text_literally(world: Path) -> None:
    """A user template whose errors quote what it holds: a name it includes and a text
    it fails on. The message names template and line, and shows each as one line."""
    own = world / "skabeloner"
    own.mkdir(exist_ok=True)
    names = sorted((text for text in ARGUMENTS if '"' not in text and "\\" not in text), key=lambda text: "\x1b" not in text)
    includes = own / "inkluderer.md.j2"
    includes.write_text(
        "".join(f'{{% include "{text}.j2" ignore missing %}}' for text in names[1:]) + f'{{% include "{names[0]}.j2" %}}\n',
        encoding="utf-8",
    )
    fails = own / "fejler.md.j2"
    fails.write_text("".join(f'{{{{ "{text}" | int(1/0) }}}}' for text in names[:1]) + "\n", encoding="utf-8")
    archive = str(world / "arkiv.sqlite3")
    included, failed = run_all(
        world,
        [
            ["minutes", "1", "--template", str(includes), "--archive", archive],
            ["minutes", "1", "--template", str(fails), "--archive", archive],
        ],
    )
    for result in (included, failed):
        literal(result, 2)
        assert result.err.count("\n") == 1, result.err
    assert "\x1b" in names[0] and one_line(names[0] + ".j2") in included.err
    assert "fejler.md.j2:1:" in failed.err


ARGUMENTS = [text for text in SHORT.values() if "\x00" not in text]
"""The strings a command line can carry (an argument ends at a NUL)."""


def test_bad_arguments_are_echoed_as_one_visible_line(world: Path) -> None:
    words = ARGUMENTS
    every = "".join(words)
    results = run_all(
        world,
        [
            ["agendas", *words],  # "unrecognized arguments: …" quotes them as typed
            ["minutes", every, "--archive", str(world / "arkiv.sqlite3")],
            ["--lang", every, "agendas"],
            ["search", "vold", "--limit", every],
            ["resume", every],
            [every],
        ],
    )
    for result in results:
        literal(result, 2)
        error_lines = [line for line in result.err.splitlines() if "error:" in line]
        assert len(error_lines) == 1 and error_lines[0] == result.err.splitlines()[-1], result.err
    for word in words:
        assert one_line(word) in results[0].err
    assert one_line(every) in results[3].err  # --limit's own message, through t()
    for result in (results[1], results[2], results[4], results[5]):  # argparse quotes with repr()
        assert repr(every)[1:-1] in result.err


def test_new_with_an_unknown_name_says_so_in_one_line(world: Path) -> None:
    every = "".join(ARGUMENTS)
    result = run(world, "new", every, "-o", str(world / "x.toml"))
    literal(result, 2)
    assert result.err == f'there is no shipped agenda called "{one_line(every)}"; choose ' + result.err.split("; choose ", 1)[1]
    assert result.err.count("\n") == 1


# --- restore: files of any kind and shape ---------------------------------------------------


def test_restore_refuses_what_is_not_a_rescue_file_without_hanging(world: Path) -> None:
    folder = world / "rescue"
    folder.mkdir()
    fifo = folder / "rør.json"
    os.mkfifo(fifo)
    huge = folder / "stor.json"
    with huge.open("wb") as stream:
        stream.truncate(65 * 1024 * 1024)  # sparse: no disk used
    shapes = {
        "liste.json": "[]",
        "tal.json": "17",
        "tekst.json": '"x"',
        "null.json": "null",
        "dyb.json": "[" * 100_000 + "]" * 100_000,
        "møde-liste.json": '{"meeting": []}',
        "arkiv-tal.json": '{"archive": 5, "meeting": {}}',
        "binær.json": "\udcff",
        "halv.json": '{"meeting": {"version": 1, "info": ',
        "id-tekst.json": '{"archive": "a", "meeting_id": "1", "meeting": {"version": 1}}',
    }
    for name, text in shapes.items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    named = folder / file_name(HOSTILE["osc_title"] + HOSTILE["newline_forge"] + HOSTILE["carriage_return"], 0)
    named.write_text("[]", encoding="utf-8")
    paths = [fifo, "/dev/zero", huge, folder, folder / "mangler.json", named, *(folder / name for name in shapes)]
    results = run_all(world, [["restore", str(path), "--archive", str(folder / "arkiv.sqlite3")] for path in paths])
    for result, path in zip(results, paths, strict=True):
        literal(result, 2)
        assert result.out == "" and result.err.count("\n") == 1 and result.err.startswith(one_line(path)), result.err
    assert "not a regular file" in results[0].err and "not a regular file" in results[1].err
    assert "larger than 64 MiB" in results[2].err
    assert not (folder / "arkiv.sqlite3").exists()  # nothing touched an archive


def test_restore_of_a_meeting_full_of_hostile_text_says_where_it_went_literally(world: Path) -> None:
    with Archive.open(world / "arkiv.sqlite3", read_only=True) as archive:
        snapshot = to_dict(archive.load(1))
    folder = world / file_name("".join(HOSTILE[name] for name in ("osc_title", "newline_forge", "carriage_return", "c1_csi")), 0)
    folder.mkdir()  # not the deep folder: SQLite opens no path longer than 512 bytes
    target = folder / "nyt arkiv.sqlite3"
    rescue = folder / "arkiv.sqlite3.rescue-1-20261201-150000.json"
    rescue.write_text(json.dumps({"archive": str(target), "meeting_id": 1, "meeting": snapshot}), encoding="utf-8")
    result = run(world, "restore", str(rescue))
    literal(result, 0)
    assert result.out.splitlines() == [
        f"The rescued meeting is meeting 1 in {one_line(target)}.",
        "Its minutes: facilitator minutes 1. The rescue file can be deleted.",
    ]
