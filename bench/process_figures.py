"""Figures of whole processes: startup, ``check``, typing and memory.

Every process is started with the virtualenv's own python (``sys.executable``, which
``python bench/run.py`` sets), the app through its installed ``facilitator`` script as a
user starts it, in a pseudo-terminal of ``terminal.SIZE``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bare_app import FOOTER_MARKER
from data import Writer, write_agenda, write_large_agenda
from figure import Figure, interleaved
from terminal import SIZE, Terminal, terminal_env

from facilitator.agenda.loader import load_agenda
from facilitator.agenda.shipped import find_agenda
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

BENCH = Path(__file__).resolve().parent
BARE_APP = str(BENCH / "bare_app.py")
TYPED = "referatet skal sendes ud i morgen "
NOTES_CHARS = 50_000
SETTLED = 3.0
"""Seconds after the first frame before typing or the preview is measured: the app's
one-time work after startup (preparing the minutes templates) is done by then, as it is
long before anyone types or opens the preview in a real meeting."""
QUIET = 3.0
"""Seconds of the quiet stretch whose CPU rate is taken off the typing."""
AFTER_TYPING = 1.0
"""Seconds counted after the last key: the notes are saved within half a second."""


def facilitator_command() -> list[str]:
    """The installed console script next to this python, as a user would run it."""
    script = Path(sys.executable).parent / "facilitator"
    return [str(script)] if script.exists() else [sys.executable, "-m", "facilitator"]


class Apps:
    """Environments for the measured app and its baseline, in one scratch folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.config = folder / "config.toml"  # absent: defaults, whatever the user has set

    def env(self, archive: Path) -> dict[str, str]:
        return terminal_env(FACILITATOR_ARCHIVE=str(archive), FACILITATOR_CONFIG=str(self.config))

    def first_frame(self, argv: list[str], archive: Path) -> float:
        with Terminal(argv, self.env(archive)) as screen:
            return screen.wait_for(FOOTER_MARKER)


def startup(apps: Apps, runs: int, big_archive: Path) -> list[Figure]:
    items = len(load_agenda(find_agenda("klubmoede")).items)
    bare = [sys.executable, BARE_APP, "--items", str(items)]
    app = [*facilitator_command(), "run", "klubmoede"]
    empty = apps.folder / "startup.sqlite"
    small = interleaved(runs, lambda: apps.first_frame(app, empty), lambda: apps.first_frame(bare, empty))
    big = interleaved(runs, lambda: apps.first_frame(app, big_archive), lambda: apps.first_frame(bare, big_archive))
    return [
        small.figure("startup: first frame of 'run klubmoede'", 1.15, "s"),
        big.figure("startup with 10,000 meetings archived", 1.2, "s"),
    ]


def check(apps: Apps, runs: int) -> Figure:
    env = apps.env(apps.folder / "check.sqlite")

    def run(argv: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - started

    paired = interleaved(
        runs, lambda: run([*facilitator_command(), "check", "klubmoede"]), lambda: run([sys.executable, "-c", "import tomllib"])
    )
    return paired.figure("check of a shipped agenda, whole process", 2.0, "s")


def check_large(apps: Apps, runs: int) -> Figure:
    """``check`` of an agenda of 2 MB (the largest the loader takes) against tomllib
    alone reading the same file: what the validation adds to parsing must grow with the
    file as parsing does, never with the square of a list's length."""
    env = apps.env(apps.folder / "check.sqlite")
    agenda = write_large_agenda(apps.folder)

    def run(argv: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - started

    paired = interleaved(
        runs,
        lambda: run([*facilitator_command(), "check", str(agenda)]),
        lambda: run([sys.executable, "-c", "import sys, tomllib; tomllib.load(open(sys.argv[1], 'rb'))", str(agenda)]),
    )
    return paired.figure("check of a 2 MB agenda, whole process", 3.0, "s")


def _meeting_with_notes(archive_path: Path, text: str) -> int:
    """A started klubmøde whose first item holds ``text`` as notes; returns its id."""
    meeting = Meeting(load_agenda(find_agenda("klubmoede")))
    with Archive.open(archive_path) as archive:
        meeting_id = archive.create(meeting)
        meeting.start()
        meeting.set_notes(text)
        archive.save(meeting_id, to_dict(meeting, notes=False), {meeting.items[0].id: text})
    return meeting_id


def notes_size(archive: Path, meeting_id: int) -> str:
    """The notes editor's size (border included) in the app at ``terminal.SIZE``, so the
    baseline's editor draws as many lines per keystroke as ours."""
    import asyncio

    from textual.widgets import TextArea

    from facilitator.files.config import Config
    from facilitator.session import Resumption, Session
    from facilitator.tui.app import Launch, build_app

    async def measure() -> str:
        session = Session.resume(Resumption.find(archive, meeting_id))
        app = build_app(archive_path=archive, config=Config(path=archive.with_suffix(".toml")), launch=Launch(session=session))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            region = app.screen.query_one("#notes", TextArea).region
        session.close()
        return f"{region.width}x{region.height}"

    return asyncio.run(measure())


def _type(screen: Terminal, keys: int, pause: float) -> float:
    """CPU seconds per keystroke over ``keys`` keys typed ``pause`` apart, with the work
    that follows them (the redraw, the notes saved half a second later).

    What the process spends when nobody types (a clock ticking once a second, a cursor
    blinking) is measured over as long a quiet stretch just before, and taken off: it is
    not a cost of the keys.
    """
    screen.wait_for(FOOTER_MARKER)
    time.sleep(SETTLED)
    window = min(keys * pause + AFTER_TYPING, QUIET)
    quiet = screen.cpu_seconds()
    time.sleep(window)
    before = screen.cpu_seconds()
    idle = before - quiet
    started = time.perf_counter()
    for n in range(keys):
        screen.send(TYPED[n % len(TYPED)])
        time.sleep(pause)
    time.sleep(AFTER_TYPING)
    busy = screen.cpu_seconds() - before
    return (busy - idle * (time.perf_counter() - started) / window) / keys


def typing(apps: Apps, runs: int, keys: int) -> Figure:
    text = Writer(7).paragraph(NOTES_CHARS)
    text_file = apps.folder / "notes.txt"
    text_file.write_text(text, encoding="utf-8")
    archive = apps.folder / "typing.sqlite"

    def ours() -> float:
        meeting_id = _meeting_with_notes(archive, text)
        with Terminal([*facilitator_command(), "resume", str(meeting_id)], apps.env(archive)) as screen:
            per_key = _type(screen, keys, 0.03)
        with Archive.open(archive) as saved:
            notes = saved.load(meeting_id).items[0].notes
        if len(notes) != len(text) + keys:
            raise RuntimeError(f"typing went astray: the notes hold {len(notes)} characters, not {len(text) + keys}")
        return per_key

    size = notes_size(archive, _meeting_with_notes(archive, text))

    def bare() -> float:
        argv = [sys.executable, BARE_APP, "--text", str(text_file), "--notes-size", size]
        with Terminal(argv, apps.env(archive)) as screen:
            return _type(screen, keys, 0.03)

    paired = interleaved(runs, ours, bare)
    return paired.figure(f"typing: CPU per key, {NOTES_CHARS:,} characters of notes", 1.10, "s")


def memory(apps: Apps, runs: int) -> Figure:
    agenda = write_agenda(apps.folder, 200)

    def peak(argv: list[str]) -> float:
        with Terminal(argv, apps.env(apps.folder / "memory.sqlite")) as screen:
            screen.wait_for(FOOTER_MARKER)
            time.sleep(1.0)
            return screen.peak_rss()

    paired = interleaved(
        runs,
        lambda: peak([*facilitator_command(), "run", str(agenda)]),
        lambda: peak([sys.executable, BARE_APP, "--items", "200"]),
    )
    return paired.figure("memory: peak RSS, 200-item agenda open", 1.3, "B")
