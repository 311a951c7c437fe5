"""The preview, measured to the end of its work: the CPU a process spends from ctrl+r
until it is idle again, not only until its first screen is painted.

A preview that paints its first screen at once but goes on mounting the rest for seconds
takes that CPU from the meeting it runs beside (typing, the clock, the next item); a
figure that stopped at the first frame did not see it.
"""

from __future__ import annotations

import time

from bare_app import FOOTER_MARKER
from data import full_meeting
from figure import Figure, interleaved
from process_figures import SETTLED, Apps, facilitator_command
from terminal import Terminal

from facilitator.output.markdown_safety import parser
from facilitator.output.minutes import render
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

PREVIEW_MARKER = "ctrl+o gemmer"
"""In the preview's status line, shown once its first sections are mounted."""
IDLE_WINDOW = 2.0
"""Seconds over which the CPU the process spends doing nothing (its clock) is taken."""
QUIET = 1.0
"""Seconds the CPU time must stay at the idle rate for the work to count as done."""
SAMPLE = 0.05
"""Seconds between readings of the process's CPU time."""
TICK = 0.01
"""One clock tick of /proc's CPU times: a reading is never finer than that."""


def work_until_idle(screen: Terminal, send: str, marker: str, *, timeout: float = 60.0) -> float:
    """CPU seconds the process spends from ``send`` until it is idle again.

    Idle is a stretch of ``QUIET`` seconds in which the CPU time grew no more than it
    does when nobody does anything (measured just before, over ``IDLE_WINDOW``) plus a
    tick; the work ends where that stretch begins, and the idle rate over the work's
    span is taken off, as it is no cost of the key.
    """
    quiet_started = screen.cpu_seconds()
    time.sleep(IDLE_WINDOW)
    idle_rate = (screen.cpu_seconds() - quiet_started) / IDLE_WINDOW
    before = screen.written
    readings: list[tuple[float, float]] = [(time.perf_counter(), screen.cpu_seconds())]
    screen.send(send)
    screen.wait_for(marker, after=before, timeout=timeout)
    deadline = time.perf_counter() + timeout
    window = round(QUIET / SAMPLE)
    while True:
        time.sleep(SAMPLE)
        readings.append((time.perf_counter(), screen.cpu_seconds()))
        if len(readings) > window:
            (then, cpu_then), (now, cpu_now) = readings[-1 - window], readings[-1]
            if cpu_now - cpu_then <= idle_rate * (now - then) + TICK:
                started, cpu_started = readings[0]
                return cpu_then - cpu_started - idle_rate * (then - started)
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the process was still busy {timeout:.0f} s after the key")


def preview(apps: Apps, runs: int) -> Figure:
    """ctrl+r on a running 200-item meeting, to the end of all the work it sets off."""
    meeting = full_meeting(200, end=False)
    archive = apps.folder / "preview.sqlite"
    with Archive.open(archive) as saved:
        meeting_id = saved.create(meeting)
        saved.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items})
    text = render(meeting)
    markdown = parser()

    def ours() -> float:
        with Terminal([*facilitator_command(), "resume", str(meeting_id)], apps.env(archive)) as screen:
            screen.wait_for(FOOTER_MARKER)
            time.sleep(SETTLED)
            return work_until_idle(screen, "\x12", PREVIEW_MARKER)  # ctrl+r

    def html() -> float:
        started = time.process_time()
        markdown.render(text)
        return time.process_time() - started

    paired = interleaved(runs, ours, html)
    return paired.figure("preview of a 200-item meeting, to the end of its work", 3.0, "s")
