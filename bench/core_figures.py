"""Figures of the core, measured in this process: minutes, search and saving."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from data import Writer, full_meeting
from figure import Figure

from facilitator.agenda.loader import load_agenda
from facilitator.meeting.model import Meeting
from facilitator.output.markdown_safety import parser
from facilitator.output.minutes import render
from facilitator.session import carry_over
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict


def timed(runs: int, work: Callable[[], object]) -> float:
    """Median seconds of ``runs`` calls, after one call to warm caches."""
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def minutes(runs: int) -> Figure:
    meeting = full_meeting(200)
    text = render(meeting)
    markdown = parser()
    value = timed(runs, lambda: render(meeting))
    baseline = timed(runs, lambda: markdown.parse(text))
    return Figure("minutes of a 200-item meeting", value, baseline, 1.0, "s")


def search_words() -> list[str]:
    """Queries as people type them: one word, two words of one subject, a word with a
    short one."""
    writer = Writer(0)
    subject = writer.topics[len(writer.topics) // 2]
    words = writer.words
    return [words[len(words) // 3], f"{subject[2]} {subject[-3]}", f"{words[len(words) // 4]} og"]


def search(runs: int, small: Path, big: Path) -> Figure:
    queries = search_words()

    def searcher(path: Path) -> Callable[[], object]:
        archive = Archive.open(path, read_only=True)
        return lambda: [archive.search(q) for q in queries]

    value = timed(runs, searcher(big))
    baseline = timed(runs, searcher(small))
    return Figure("search: 10,000 meetings against 100", value, baseline, 3.0, "s")


def save(runs: int, small: Path, big: Path, group_agenda: Path) -> Figure:
    """One decision saved as the recorder saves it (a snapshot, then the transaction),
    in a new meeting of a group that has met all along, so it carries the group's open
    action items over."""

    def saver(path: Path) -> float:
        archive = Archive.open(path)
        try:
            meeting = Meeting(load_agenda(group_agenda))
            carry_over(archive, meeting)
            meeting_id = archive.create(meeting)
            meeting.start()
            writer = Writer(5)

            def one() -> None:
                meeting.add_decision(writer.sentence(14))
                archive.save(meeting_id, to_dict(meeting, notes=False))

            return timed(runs, one)
        finally:
            archive.close()

    baseline = saver(small)
    value = saver(big)
    return Figure("save one decision: 10,000 meetings against 100", value, baseline, 1.5, "s")
