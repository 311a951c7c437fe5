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
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"

import core_figures  # noqa: E402 - after the docstring's promise, not before
import data  # noqa: E402
import preview_figures  # noqa: E402
import process_figures  # noqa: E402
from figure import Figure  # noqa: E402

from facilitator.store.schema import SCHEMA_VERSION  # noqa: E402


def archive_of(meetings: int) -> Path:
    """A built archive of ``meetings`` meetings, kept between runs while nothing it
    depends on has changed (building 10,000 meetings takes a while)."""
    sources = [BENCH / "data.py", *(Path(data.__file__).parent.parent / "facilitator").rglob("*.py")]
    key = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(sources)) + str(SCHEMA_VERSION).encode()).hexdigest()[:12]
    path = CACHE / f"archive-{meetings}-{key}.sqlite"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        for old in CACHE.glob(f"archive-{meetings}-*"):
            old.unlink()
        print(f"building an archive of {meetings:,} meetings (kept in {CACHE} for later runs)…", file=sys.stderr)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory() as agendas:
            data.build_archive(partial, meetings, Path(agendas))
        partial.rename(path)
    return path


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
            ("preview", lambda: [preview_figures.preview(apps, 2 if quick else 5)]),
            ("memory", lambda: [process_figures.memory(apps, 2 if quick else 3)]),
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
    missed = [f.name for f in figures if not f.met]
    if missed:
        print(f"{len(missed)} of {len(figures)} targets missed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
