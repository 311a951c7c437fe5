"""The material the benchmarks work on: a 200-item agenda and meeting, and big archives.

Everything is built from seeded random choices over words taken from the shipped
agendas, so runs are comparable and the text looks like real minutes (Danish words,
real lengths), which matters for the full-text index and the Markdown renderer.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sqlite3
from pathlib import Path

from facilitator.agenda.loader import load_agenda, parse_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.meeting.model import Meeting
from facilitator.session import carry_over
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

ITEM_TYPES = ("orientering", "drøftelse", "beslutning")
GROUPS = 25
"""Clubs and committees sharing one archive: 10,000 meetings are 400 per group."""
DONE_SHARE = 0.9
"""Share of carried-over action items ticked off at the next meeting of the group."""


WORD = re.compile(r"[A-Za-zÆØÅæøå]{4,}")
TOPIC_SHARE = 0.6
"""Share of a note's words from its item's topic: real notes keep to their subject, so
words of one subject meet in the same notes, as the words of a search usually do."""


def topics() -> list[list[str]]:
    """The words of each shipped agenda item: its title, purpose, prompts and options."""
    found: list[list[str]] = []
    for path in sorted(shipped_agendas().values()):
        for item in load_agenda(path).items:
            text = " ".join([item.title, item.purpose or "", *item.prompts, *item.options])
            words = sorted({w.lower() for w in WORD.findall(text)})
            if len(words) >= 12:
                found.append(words)
    return found


def vocabulary() -> list[str]:
    """Distinct words of the shipped agendas' items."""
    return sorted({word for topic in topics() for word in topic})


class Writer:
    """Seeded sentences and paragraphs of the vocabulary."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.words = vocabulary()
        self.topics = topics()

    def sentence(self, length: int = 12, topic: list[str] | None = None) -> str:
        words = [self.random.choice(topic if topic and self.random.random() < TOPIC_SHARE else self.words) for _ in range(length)]
        return " ".join(words).capitalize() + "."

    def paragraph(self, characters: int, topic: list[str] | None = None) -> str:
        """About ``characters`` long, in lines of sentences as a minute-taker types them."""
        lines: list[str] = []
        size = 0
        while size < characters:
            line = " ".join(self.sentence(self.random.randint(6, 14), topic) for _ in range(self.random.randint(1, 3)))
            lines.append(line)
            size += len(line) + 1
        return "\n".join(lines)[:characters]


def agenda_text(items: int, *, group: str | None = None, seed: int = 1) -> str:
    """A valid agenda of ``items`` items, each with a purpose and three prompts."""
    writer = Writer(seed)
    lines = ["format = 1", "", "[meeting]", 'title = "Stort personalemøde"', 'kind = "personalemøde"']
    if group:
        lines.append(f'group = "{group}"')
    for number in range(1, items + 1):
        prompts = ", ".join(f'"{writer.sentence(10)[:-1]}?"' for _ in range(3))
        lines += [
            "",
            "[[item]]",
            f'title = "Punkt {number}: {writer.sentence(4)[:-1]}"',
            f'type = "{ITEM_TYPES[number % 3]}"',
            "minutes = 5",
            f'purpose = "{writer.sentence(20)}"',
            f"prompts = [{prompts}]",
        ]
    return "\n".join(lines) + "\n"


def write_agenda(folder: Path, items: int) -> Path:
    path = folder / f"dagsorden-{items}.toml"
    path.write_text(agenda_text(items), encoding="utf-8")
    return path


def large_agenda_text(size: int = 2 * 1024 * 1024 - 4096) -> str:
    """A valid agenda of just under ``size`` bytes (the loader takes 2 MiB at most): half
    of it a list of participants, the other half items with five prompts and three
    options each, so every list the loader walks is long and a duplicate check that
    compares each entry with all before it would show."""
    lines = ["format = 1", "", "[meeting]", 'title = "Stort medlemsmøde"', 'kind = "klubmøde"']
    names: list[str] = []
    used = 0
    while used < size // 2:
        name = f'"Medlem {len(names) + 1:06d}"'
        names.append(name)
        used += len(name) + 2
    lines.append(f"participants = [{', '.join(names)}]")
    used = sum(len(line.encode()) + 1 for line in lines)
    number = 0
    while True:
        number += 1
        item = "\n".join(
            [
                "",
                "[[item]]",
                f'title = "Punkt {number}"',
                "minutes = 5",
                "prompts = [" + ", ".join(f'"Spørgsmål {number}.{p}?"' for p in range(5)) + "]",
                "options = [" + ", ".join(f'"Mulighed {number}.{o}"' for o in range(3)) + "]",
            ]
        )
        if used + len(item.encode()) + 1 > size:
            break
        lines.append(item)
        used += len(item.encode()) + 1
    return "\n".join(lines) + "\n"


def write_large_agenda(folder: Path) -> Path:
    path = folder / "dagsorden-2mb.toml"
    path.write_text(large_agenda_text(), encoding="utf-8")
    return path


def full_meeting(items: int = 200, *, notes_chars: int = 600, seed: int = 2, end: bool = True) -> Meeting:
    """A held meeting of ``items`` items: notes on each, a decision on each, an action on
    every second and a vote on every tenth, as a long meeting's minutes would have."""
    writer = Writer(seed)
    meeting = Meeting(parse_agenda(agenda_text(items).encode()))
    meeting.start()
    for index in range(items):
        meeting.go_to(index)
        meeting.set_notes(writer.paragraph(notes_chars))
        meeting.add_decision(writer.sentence(16))
        if index % 2 == 0:
            meeting.add_action(writer.sentence(8), "Kirsten Holm", dt.date(2027, 1, 15))
        if index % 10 == 0:
            meeting.record_vote(writer.sentence(6), 12, 3, 1, present=20)
    if end:
        meeting.end()
    return meeting


def build_archive(path: Path, meetings: int, agendas_folder: Path, *, seed: int = 3) -> None:
    """An archive of ``meetings`` held meetings in ``GROUPS`` groups, each saved the way
    the app saves it: created (carrying over the group's open actions), started, the
    carried actions mostly ticked off, records and notes added, ended, saved."""
    writer = Writer(seed)
    agendas = {g: load_agenda(write_group_agenda(agendas_folder, g)) for g in (f"Klub {n}" for n in range(1, GROUPS + 1))}
    groups = list(agendas)
    with Archive.open(path) as archive:
        # Building the fixture need not survive a power cut; the measured saves do.
        archive._db.execute("PRAGMA synchronous = OFF")
        day = dt.date(2010, 1, 4)
        for number in range(meetings):
            group = groups[number % GROUPS]
            meeting = Meeting(agendas[group], clock=_clock_at(day))
            carry_over(archive, meeting)
            meeting_id = archive.create(meeting)
            meeting.start()
            for carried in list(meeting.carried):
                if writer.random.random() < DONE_SHARE:
                    meeting.set_carried_done(carried.meeting_id, carried.action_id)
            for index in (3, 4, 5):
                topic = writer.random.choice(writer.topics)
                meeting.go_to(index)
                meeting.set_notes(writer.paragraph(writer.random.randint(200, 900), topic))
                meeting.add_decision(writer.sentence(14, topic))
                meeting.add_action(writer.sentence(7), writer.random.choice(("Kirsten", "Ahmed", "Lone")))
            meeting.end()
            notes = {s.id: s.notes for s in meeting.items if s.notes}
            archive.save(meeting_id, to_dict(meeting, notes=False), notes)
            if number % GROUPS == GROUPS - 1:
                day += dt.timedelta(days=7)
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()  # the last connection to close removes the -wal and -shm files


def write_group_agenda(folder: Path, group: str) -> Path:
    """The small agenda every meeting of ``group`` in the built archives follows."""
    path = folder / f"{group.replace(' ', '-').lower()}.toml"
    path.write_text(agenda_text(8, group=group, seed=len(group)), encoding="utf-8")
    return path


def _clock_at(day: dt.date):  # noqa: ANN202 - a Clock
    moment = dt.datetime.combine(day, dt.time(15, 0))

    def clock() -> dt.datetime:
        return moment

    return clock
