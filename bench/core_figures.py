"""Figures of the core, measured in this process: minutes, search and saving."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from data import Writer, full_meeting
from figure import Figure, interleaved, seconds

from facilitator.agenda.loader import load_agenda
from facilitator.meeting.model import Meeting
from facilitator.output.markdown_safety import parser
from facilitator.output.minutes import render
from facilitator.session import carry_over
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict


def minutes(runs: int) -> Figure:
    meeting = full_meeting(200)
    text = render(meeting)
    markdown = parser()
    paired = interleaved(runs, seconds(lambda: render(meeting)), seconds(lambda: markdown.parse(text)))
    return paired.figure("minutes of a 200-item meeting", 1.0, "s")


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

    paired = interleaved(runs, seconds(searcher(big)), seconds(searcher(small)))
    return paired.figure("search: 10,000 meetings against 100", 3.0, "s")


def save(runs: int, small: Path, big: Path, group_agenda: Path) -> Figure:
    """One decision saved as the recorder saves it (a snapshot, then the transaction),
    in a new meeting of a group that has met all along, so it carries the group's open
    action items over. Both archives are open at once and their saves taken in pairs;
    the first save of each is not counted, so neither side pays for reading a freshly
    copied file in."""
    with ExitStack() as stack:
        savers = [stack.enter_context(_saver(path, group_agenda)) for path in (big, small)]
        paired = interleaved(runs, seconds(savers[0]), seconds(savers[1]))
    return paired.figure("save one decision: 10,000 meetings against 100", 1.5, "s")


@contextmanager
def _saver(path: Path, group_agenda: Path) -> Iterator[Callable[[], None]]:
    """A new meeting in the archive at ``path``, and a call that records and saves one decision."""
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

        yield one
    finally:
        archive.close()
