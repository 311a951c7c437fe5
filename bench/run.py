"""Measure facilitator against its baselines and print the table.

    python bench/run.py [--quick] [--json FILE] [--only WORD]

Run it with the virtualenv's python (``.venv/bin/python bench/run.py``): every process
measured is started with the same interpreter. Each figure is a ratio against a baseline
measured in the same run, so the table holds on a slow machine as on a fast one.
``--quick`` takes fewer samples (under two minutes once the archives are built);
``--only`` runs the figures whose name contains a word. docs/performance.md explains
each figure.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"

import core_figures  # noqa: E402 - after the docstring's promise, not before
import data  # noqa: E402
import list_figures  # noqa: E402
import live_figures  # noqa: E402
import preview_figures  # noqa: E402
import process_figures  # noqa: E402
import room_figures  # noqa: E402
import save_figures  # noqa: E402
import shared_figures  # noqa: E402
import view_figures  # noqa: E402
from figure import Figure  # noqa: E402

from facilitator.store.archive import Archive  # noqa: E402
from facilitator.store.schema import SCHEMA_VERSION  # noqa: E402
from facilitator.store.snapshot import SNAPSHOT_VERSION  # noqa: E402


def archive_of(meetings: int) -> Path:
    """A built archive of ``meetings`` meetings, kept between runs (building 100,000
    meetings takes the better part of an hour).

    It is built again only when what it holds would differ: the data it is made of
    (``data.py``) or the snapshot's version. A change of the app's code alone does not
    rebuild it, and a newer schema migrates the kept archive as the app migrates a user's
    (an archive that grew under older versions is what users have), once, into a new
    file kept beside it."""
    key = hashlib.sha256((BENCH / "data.py").read_bytes() + f"/{SNAPSHOT_VERSION}".encode()).hexdigest()[:12]
    path = CACHE / f"archive-{meetings}-{key}-v{SCHEMA_VERSION}.sqlite"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    older = sorted(CACHE.glob(f"archive-{meetings}-{key}-v*.sqlite"), key=lambda p: int(p.stem.rsplit("-v", 1)[1]))
    if older and int(older[-1].stem.rsplit("-v", 1)[1]) < SCHEMA_VERSION:
        print(f"migrating the archive of {meetings:,} meetings to schema {SCHEMA_VERSION}…", file=sys.stderr)
        shutil.copyfile(older[-1], partial)
        with Archive.open(partial):
            pass
        _checkpoint(partial)
    else:
        print(f"building an archive of {meetings:,} meetings (kept in {CACHE} for later runs)…", file=sys.stderr)
        with tempfile.TemporaryDirectory() as agendas:
            data.build_archive(partial, meetings, Path(agendas))
    for old in CACHE.glob(f"archive-{meetings}-*.sqlite"):
        if not old.name.startswith(f"archive-{meetings}-{key}-") or old in older[1:]:
            old.unlink()  # made of other data, or migrated on from the built one: never of use again
    partial.rename(path)
    return path


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so that the file alone is the archive."""
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()  # the last connection to close removes the -wal and -shm files


def _shared_search(runs: int) -> list[Figure]:
    """``search --shared`` on a kept PostgreSQL server, or no rows and a line saying why not."""
    reason = shared_figures.unavailable()
    if reason is not None:
        print(reason, file=sys.stderr)
        return []
    CACHE.mkdir(exist_ok=True)
    return shared_figures.search_shared(runs, CACHE)


def compile_package() -> None:
    """Byte-compile the package as pip does when it installs a wheel, so no measured
    process compiles source (an editable install, or PYTHONDONTWRITEBYTECODE, leaves it
    uncompiled, which would add some 40 ms to every start)."""
    import facilitator

    compileall.compile_dir(Path(facilitator.__file__).parent, quiet=1)


def show(value: float, unit: str) -> str:
    if unit == "B":
        return f"{value / 2**20:.1f} MiB"
    return f"{value * 1000:.2f} ms" if value < 1 else f"{value:.2f} s"


def spread(figure: Figure) -> str:
    """The lowest and highest of a figure's pairs' ratios: how much the figure wobbled."""
    low, high = figure.spread
    return f"{low:.2f}–{high:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples: a run of under two minutes")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--only", metavar="WORD", help="only the figures whose name contains WORD")
    args = parser.parse_args()
    quick = args.quick
    compile_package()

    with tempfile.TemporaryDirectory(prefix="facilitator-bench-") as scratch:
        folder = Path(scratch)
        apps = process_figures.Apps(folder)

        def copy(meetings: int) -> Path:
            target = folder / f"archive-{meetings}.sqlite"
            if not target.exists():
                shutil.copyfile(archive_of(meetings), target)
            return target

        group_agenda = data.write_group_agenda(folder, "Klub 1")
        measures: list[tuple[str, Callable[[], list[Figure]]]] = [
            ("startup", lambda: process_figures.startup(apps, 3 if quick else 7, copy(10_000))),
            ("check", lambda: [process_figures.check(apps, 5 if quick else 15)]),
            ("check-large", lambda: [process_figures.check_large(apps, 3 if quick else 7)]),
            ("typing", lambda: [process_figures.typing(apps, 3 if quick else 5, 120 if quick else 300)]),
            ("minutes", lambda: [core_figures.minutes(5 if quick else 20)]),
            ("search", lambda: [core_figures.search(10 if quick else 50, copy(100), copy(10_000))]),
            ("save", lambda: [core_figures.save(10 if quick else 40, copy(100), copy(10_000), group_agenda)]),
            ("save-changes", lambda: [save_figures.decision(10 if quick else 40)]),
            ("preview", lambda: [preview_figures.preview(apps, 2 if quick else 5)]),
            ("memory", lambda: [process_figures.memory(apps, 2 if quick else 3)]),
            ("list-start", lambda: [list_figures.start_screen(apps, 3 if quick else 7, copy(100), copy(100_000))]),
            ("list-meetings", lambda: list_figures.meetings_list(apps, 3 if quick else 7, copy(100), copy(100_000))),
            ("list-actions", lambda: list_figures.open_actions(apps, 3 if quick else 7, copy(100), copy(100_000))),
            ("search-worst", lambda: [list_figures.search_worst(10 if quick else 50, copy(100), copy(100_000))]),
            ("search-shared", lambda: _shared_search(20 if quick else 100)),
            ("next-item", lambda: view_figures.next_item(apps, 5 if quick else 15)),
            ("long-agenda", lambda: [view_figures.long_agenda(apps, 3 if quick else 7)]),
            ("shared-startup", lambda: [live_figures.startup(apps, 3 if quick else 7)]),
            ("shared-typing", lambda: [live_figures.typing(apps, 3 if quick else 5, 120 if quick else 300)]),
            ("shared-sync", lambda: live_figures.sync_one(10 if quick else 40)),
            ("room-typing", lambda: [room_figures.typing(apps, 3 if quick else 7)] if room_figures.browser_available() else []),
            (
                "room-latency",
                lambda: room_figures.change_to_page(apps, 20 if quick else 60) if room_figures.browser_available() else [],
            ),
        ]
        figures: list[Figure] = []
        print(f"{'figure':<52} {'value':>11} {'baseline':>11} {'ratio':>6} {'pairs spread':>13} {'target':>7}  met")
        for word, measure in measures:
            if args.only and args.only not in word:
                continue
            for figure in measure():
                figures.append(figure)
                print(
                    f"{figure.name:<52} {show(figure.value, figure.unit):>11} {show(figure.baseline, figure.unit):>11}"
                    f" {figure.ratio:>6.2f} {spread(figure):>13} {'<= ' + str(figure.target):>7}  {'yes' if figure.met else 'NO'}",
                    flush=True,
                )
    if args.json:
        args.json.write_text(json.dumps([f.as_json() for f in figures], indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if not room_figures.browser_available() and (not args.only or "room" in args.only):
        print(room_figures.unavailable_note(), file=sys.stderr)
    missed = [f.name for f in figures if not f.met]
    if missed:
        print(f"{len(missed)} of {len(figures)} targets missed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
