"""Figures of lists over a big archive: the start screen, ``meetings``, ``actions --open``
and search's worst case, each with 100,000 meetings archived against the same with 100.

A list that reads only what it shows costs the same whatever the archive holds; one that
reads every meeting grows with it. Each figure is the ratio of the two, taken in pairs
(``figure.interleaved``). The commands' peak memory is taken from the same runs as their
time: the process's own high-water mark (``VmHWM``), read as it exits. Not ``wait4``'s
``ru_maxrss``: Linux carries the high-water mark of the process that started the command
over into it, so every command "peaked" at the size of the bench itself.

Before measuring, each archive is opened once for writing, which brings it to the current
schema (with the indexes the lists page through), as a user's archive is at its first
write; the measured processes open it read-only, as the app and the commands do.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from core_figures import search_words
from figure import Figure, Paired, interleaved, seconds
from process_figures import Apps, facilitator_command
from terminal import Terminal

from facilitator.store.archive import Archive

PEAK_MARK = "facilitator-bench-peak-kB:"
WITH_PEAK = (
    "import atexit, sys\n"
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    f"            print('{PEAK_MARK}', line.split()[1], file=sys.stderr, flush=True)\n"
    "atexit.register(peak)\n"
    "from facilitator.cli import main\n"
    "sys.argv[0] = 'facilitator'\n"
    "sys.exit(main())\n"
)
"""The console script's own work (``facilitator.cli:main``), telling its peak memory as it ends."""

START_MARKER = "Seneste møder"
"""The heading of the past meetings, below the agendas: in the start screen's first frame
only when its list has been read from the archive (the list is built before that frame)."""
NOWHERE = "qj"
"""A short word found in no text of the built archives (no Danish word has it)."""


def migrated(path: Path) -> Path:
    with Archive.open(path):
        pass
    return path


def start_screen(apps: Apps, runs: int, small: Path, big: Path) -> Figure:
    """A bare ``facilitator``: key to the start screen's first frame, its meetings listed."""
    argv = facilitator_command()

    def first_frame(archive: Path) -> float:
        with Terminal(argv, apps.env(archive)) as screen:
            return screen.wait_for(START_MARKER)

    small, big = migrated(small), migrated(big)
    paired = interleaved(runs, lambda: first_frame(big), lambda: first_frame(small))
    return paired.figure("start screen first frame: 100,000 meetings against 100", 1.1, "s")


def meetings_list(apps: Apps, runs: int, small: Path, big: Path) -> list[Figure]:
    return _command(apps, runs, small, big, ["meetings"], "meetings")


def open_actions(apps: Apps, runs: int, small: Path, big: Path) -> list[Figure]:
    return _command(apps, runs, small, big, ["actions", "--open"], "actions --open")


def _command(apps: Apps, runs: int, small: Path, big: Path, arguments: list[str], name: str) -> list[Figure]:
    """The whole process of a listing command, into a pipe: its time and its peak RSS."""
    small, big = migrated(small), migrated(big)
    peaks: dict[Path, list[float]] = {small: [], big: []}

    def run(archive: Path) -> float:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", WITH_PEAK, *arguments],
            env=apps.env(archive),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        output, errors = process.communicate()
        elapsed = time.perf_counter() - started
        marks = [line.split()[1] for line in errors.decode(errors="replace").splitlines() if line.startswith(PEAK_MARK)]
        if process.returncode != 0 or output.count(b"\n") < 2 or not marks:
            raise RuntimeError(f"{arguments} on {archive} failed ({process.returncode}) or listed nothing")
        peaks[archive].append(int(marks[-1]) * 1024.0)
        return elapsed

    paired = interleaved(runs, lambda: run(big), lambda: run(small))
    memory = _pairs(peaks[big], peaks[small])
    return [
        paired.figure(f"'{name}': 100,000 meetings against 100", 1.5, "s"),
        memory.figure(f"'{name}': peak RSS, 100,000 meetings against 100", 1.2, "B"),
    ]


def _pairs(values: list[float], baselines: list[float]) -> Paired:
    ratios = tuple(v / b for v, b in zip(values, baselines, strict=True) if b)
    return Paired(statistics.median(values), statistics.median(baselines), ratios)


def search_worst(runs: int, small: Path, big: Path) -> Figure:
    """A common word and a short word found nowhere: the search that read every row
    holding the common word to learn that none holds the other."""
    query = f"{search_words()[0]} {NOWHERE}"

    def searcher(path: Path) -> Callable[[], object]:
        archive = Archive.open(migrated(path), read_only=True)
        if archive.search(query) or archive.search(NOWHERE) or not archive.search(query.split()[0]):
            raise RuntimeError(f"{query!r} is not the worst case in {path}: its first word must occur, the second nowhere")
        return lambda: archive.search(query)

    paired = interleaved(runs, seconds(searcher(big)), seconds(searcher(small)))
    return paired.figure(f"search, worst pattern ('{query}'): 100,000 meetings against 100", 3.0, "s")
