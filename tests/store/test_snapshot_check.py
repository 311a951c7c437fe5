"""Snapshots from a file a person can edit: either a meeting every command can use, or one line.

A meeting's snapshot lives in the archive and in rescue files. Hypothesis mutates a
valid one (keys dropped, wrong types, numbers out of range, bad and zoned dates, huge
lists, deep nesting) and stores it in a real archive; loading it must either give a
meeting whose minutes, next agenda and saved form are made without error, or be refused
with one line naming the archive and the meeting. The exact cases the issue found are
here too, through the real command line.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from support.agendas import VALID_AGENDA
from support.clock import FakeClock
from support.paths import ROOT

from facilitator.agenda.loader import parse_agenda
from facilitator.errors import ArchiveError, FacilitatorError, SnapshotError
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import CarriedAction
from facilitator.output.minutes import render
from facilitator.output.next_agenda import next_agenda
from facilitator.session import MeetingPlan, Resumption, Session
from facilitator.store import snapshot, snapshot_check
from facilitator.store.archive import Archive
from facilitator.store.snapshot import from_dict, to_dict
from facilitator.store.snapshot_check import check_snapshot


def held_meeting() -> Meeting:
    """A meeting that has a value in every part of the snapshot: carried actions, prompts
    and options ticked, every kind of record, speeches, a queue, an added item, a postponed
    one, the next meeting."""
    clock = FakeClock()
    meeting = Meeting(parse_agenda(VALID_AGENDA.encode()), clock=clock)
    meeting.carry_over([CarriedAction(1, 2, "Klubmøde", "2026-11-01", "Ring til HR", "Anne", dt.date(2026, 12, 10))])
    meeting.start()
    meeting.set_notes("Noter til punktet")
    meeting.add_decision("Dagsordenen er godkendt", ["planlægning"])
    meeting.record_vote("Godkendelse", 2, 1, 0)
    meeting.add_action("Skrive til ledelsen", "Bo", "2026-12-15")
    meeting.request_floor("Anne")
    meeting.next_speaker()
    clock.advance(2)
    meeting.request_floor("Bo", point_of_order=True)
    meeting.next_speaker()
    meeting.request_floor("Cecilie")
    clock.advance(3)
    meeting.next_item(keep_speakers=True)  # Cecilie waits on: the snapshot has a queue
    meeting.toggle_prompt(0)
    meeting.toggle_option(0)
    meeting.leave("Cecilie")
    meeting.add_item("Eventuelt")
    meeting.set_carry_on(1)
    meeting.set_skipped(2)
    meeting.set_next_meeting("14/1", "kl. 16", "Mødelokale 2")
    clock.advance(5)
    return meeting


VALID = to_dict(held_meeting())


def paths(node: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield at
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*at, index))


PATHS = [path for path in paths(VALID) if path]

REPLACEMENTS: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1,
    2,
    99,
    2**31,
    2**63,
    2**80,
    1.5,
    float("nan"),
    "",
    " ",
    "x",
    "\x1b[2J\nOK: forged",
    "2026-13-45",
    "2026-12-01",
    "2026-12-01T10:00:00",
    "2026-12-01T10:00:00+02:00",
    "10:00:00+01:00",
    "23:59:59",
    "9999-12-31",
    "9999-12-31T23:59:59",
    "0001-01-01T00:00:00",
    "til stede",
    "beslutning",
    "andet",
    [],
    {},
    [None],
    [1, 2, 3],
    ["2026-12-01T10:00:00", None],
    ["2026-12-01T10:00:00"],
    {"x": 1},
    json.loads("[" * 60 + "]" * 60),
]


SIMILAR: dict[type, list[Any]] = {
    str: [value for value in REPLACEMENTS if isinstance(value, str)]
    + ["a" * 20_000, "\u202e\x00\x9b", "2026-02-29", "2026-12-01T25:00:00"],
    int: [0, 1, 2, 3, 4, 5, 99, 1440, 1441, 1_000_000, 2**31 - 1, -5],
    list: [[], [0], [0, 0], [-1]],
}
"""Values of the same kind: a snapshot that still has its shape reaches the commands."""


@st.composite
def mutations(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        try:
            parent = data
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation took this path away
        if not isinstance(parent, (dict, list)):
            continue
        kind = draw(st.sampled_from(["replace", "similar", "similar", "delete", "grow"]))
        value = parent[path[-1]]
        if kind == "similar" and type(value) in SIMILAR:
            parent[path[-1]] = draw(st.sampled_from(SIMILAR[type(value)]))
        elif kind == "similar" and isinstance(value, bool):
            parent[path[-1]] = not value
        elif kind == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif kind == "grow" and isinstance(parent[path[-1]], list):
            entries = parent[path[-1]]
            parent[path[-1]] = (
                entries * draw(st.sampled_from([2, 300])) if entries else [draw(st.sampled_from(REPLACEMENTS))] * 300
            )
        else:
            parent[path[-1]] = draw(st.sampled_from(REPLACEMENTS))
    return data


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Archive, sqlite3.Connection]]:
    """One archive holding meeting 1; each example writes its snapshot over it."""
    path = tmp_path_factory.mktemp("snapshots") / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        archive.create(held_meeting())
    writer = sqlite3.connect(path)
    archive = Archive.open(path, read_only=True)
    yield archive, writer
    archive.close()
    writer.close()


def store(writer: sqlite3.Connection, text: str) -> None:
    writer.execute("UPDATE meetings SET snapshot = ? WHERE id = 1", (text,))
    writer.commit()


def use(meeting: Meeting) -> None:
    """What the commands do with a loaded meeting: minutes in both styles, public and
    restricted, the note for members, the next agenda, saving it again, and resuming it after a break."""
    for style in ("referat", "beslutning"):
        for restricted in (False, True):
            render(meeting, style=style, restricted=restricted)
    render(meeting, style="medlemmer")  # the note for members has no restricted copy
    try:
        next_agenda(meeting)
    except FacilitatorError:
        pass  # "the meeting was not held", "nothing left to carry on": told, not crashed
    json.dumps(to_dict(meeting))
    meeting.planned_end()
    meeting.projected_end()
    meeting.interrupted(dt.datetime(2026, 12, 1, 18, 0))
    meeting.speaking_seconds()


def test_the_valid_snapshot_passes_and_the_versions_agree() -> None:
    check_snapshot(VALID)
    assert snapshot_check.SNAPSHOT_VERSION == snapshot.SNAPSHOT_VERSION


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(snapshot=mutations())
def test_a_mutated_snapshot_loads_and_works_or_is_refused_in_one_line(
    stored: tuple[Archive, sqlite3.Connection], snapshot: dict[str, Any]
) -> None:
    archive, writer = stored
    text = json.dumps(snapshot)
    assume(len(text) < 20_000_000)  # grown lists of long texts: past what a test should write
    store(writer, text)
    try:
        meeting = archive.load(1)
    except ArchiveError as error:
        message = str(error)
        assert "\n" not in message and message.startswith(f"meeting 1 in {archive.path} cannot be read (")
        return
    use(meeting)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda s: s.update(current=99), "current is 99, outside 0-3"),
        (lambda s: s.update(current=-1), "current is -1, outside 0-3"),
        (lambda s: s.update(current="1"), "current should be a whole number, not a text"),
        (lambda s: s["items"][1]["discussed"].append(5), "items[1].discussed[1] is 5, outside 0-0"),
        (lambda s: s["items"][1]["chosen"].append(1), "items[1].chosen[1] is 1, outside 0-0"),
        (lambda s: s["items"][0]["discussed"].append(0), "items[0].discussed[0] points at a question or option"),
        (lambda s: s["speakers"]["speeches"][0].update(item=42), "speakers.speeches[0].item is 42, the id of no item"),
        (lambda s: s["items"][0]["decisions"][0].update(at="2026-12-01T15:00:00+01:00"), "a time with a zone"),
        (lambda s: s["info"].update(date="1. december"), 'info.date is "1. december", not a date (YYYY-MM-DD)'),
        (lambda s: s["items"][0]["actions"][0].update(id=1), "items[0].actions[0].id: 1 occurs twice"),
        (lambda s: s["items"][2].update(id=0), "items[2].id: 0 occurs twice"),
        (lambda s: s["items"][0]["votes"][0].update(against=2**70), "outside 0-1000000"),
        (lambda s: s["info"].update(kind="fest"), 'info.kind is "fest", none of'),
        (lambda s: s["info"].pop("title"), "info lacks title"),
        (lambda s: s["items"][0].update(colour="rød"), 'items[0] has the unknown key "colour"'),
        (lambda s: s.update(items=[]), "the meeting has no items"),
        (lambda s: s.update(last_id=1), "last_id is 1, below the highest record id 3"),
        (lambda s: s["attendees"].append(dict(s["attendees"][0])), 'attendees[3].name: "Anne" occurs twice'),
        (lambda s: s["carried"][0].update(done="ja"), "carried[0].done should be true or false, not a text"),
        (lambda s: s["items"][2].update(skipped="udsat"), "items[2].skipped should be true or false, not a text"),
        (lambda s: s.update(version=True), "the snapshot has version True"),
        (lambda s: s["next_meeting"].update(date="14/1"), 'next_meeting.date is "14/1", not a date (YYYY-MM-DD)'),
        (lambda s: s["next_meeting"].update(start=None), "next_meeting.start should be a text, not nothing"),
        (lambda s: s["next_meeting"].update(start="16:00:00+01:00"), "a time with a zone"),
        (lambda s: s["next_meeting"].update(place=""), "next_meeting.place is empty"),
        (lambda s: s["next_meeting"].pop("place"), "next_meeting lacks place"),
        (lambda s: s["next_meeting"].update(room="2"), 'next_meeting has the unknown key "room"'),
        (lambda s: s.update(next_meeting=None), "next_meeting should be a table of keys, not nothing"),
    ],
)
def test_the_cases_found_are_refused_with_their_reason(change: Any, reason: str) -> None:
    snapshot = copy.deepcopy(VALID)
    change(snapshot)
    with pytest.raises(SnapshotError, match="^[^\n]*$") as caught:
        from_dict(snapshot)
    assert reason in str(caught.value)


def test_a_carried_action_may_say_whether_it_is_confidential() -> None:
    snapshot = copy.deepcopy(VALID)
    snapshot["carried"][0]["confidential"] = True
    check_snapshot(snapshot)
    snapshot["carried"][0]["confidential"] = "nej"
    with pytest.raises(SnapshotError, match="carried.0..confidential should be true or false"):
        check_snapshot(snapshot)
    del snapshot["carried"]  # snapshots older than carry-over have none
    check_snapshot(snapshot)


def test_a_snapshot_from_before_postponing_reads_as_nothing_postponed() -> None:
    snapshot = copy.deepcopy(VALID)
    assert snapshot["items"][2]["skipped"] is True and from_dict(snapshot).items[2].skipped
    for item in snapshot["items"]:
        item.pop("skipped", None)
    check_snapshot(snapshot)
    assert not any(state.skipped for state in from_dict(snapshot).items)


def test_an_item_not_postponed_is_written_as_before_postponing() -> None:
    # Older versions refuse a key they do not know: a meeting that postponed nothing must
    # not carry one, so that it can still be opened by them.
    assert [("skipped" in item) for item in VALID["items"]] == [i == 2 for i in range(len(VALID["items"]))]


def test_deep_nesting_and_a_huge_snapshot_are_refused_or_read_without_a_traceback(
    stored: tuple[Archive, sqlite3.Connection],
) -> None:
    archive, writer = stored
    for text in (
        "[" * 200_000 + "]" * 200_000,
        '{"version": 1, "info": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "null",
        "17",
        '"x"',
        "not json",
    ):
        store(writer, text)
        with pytest.raises(ArchiveError, match=f"^meeting 1 in {archive.path} cannot be read"):
            archive.load(1)
    big = copy.deepcopy(VALID)
    big["items"][1]["item"]["prompts"] = [f"Spørgsmål {n}" for n in range(100_000)]
    store(writer, json.dumps(big))
    assert len(archive.load(1).items[1].item.prompts) == 100_000


# --- the commands, as a person meets them ---------------------------------------------


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "FACILITATOR_LANG": "en",
        "HOME": str(cwd),
        "XDG_DATA_HOME": str(cwd),
        "XDG_CONFIG_HOME": str(cwd),
    }
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_a_restored_current_of_99_is_refused_by_every_command(tmp_path: Path) -> None:
    """The issue's case: a rescue file with "current": 99 was restored, then resume crashed."""
    snapshot = copy.deepcopy(VALID)
    snapshot["current"] = 99
    rescue = tmp_path / "arkiv.sqlite3.rescue-1-20261201-150000.json"
    rescue.write_text(
        json.dumps({"archive": str(tmp_path / "arkiv.sqlite3"), "meeting_id": 1, "meeting": snapshot}), encoding="utf-8"
    )
    restored = cli("restore", str(rescue), cwd=tmp_path)
    assert restored.returncode == 2 and restored.stdout == ""
    assert (
        restored.stderr == f"{rescue} holds a meeting that cannot be read (current is 99, outside 0-3); it was left as it was\n"
    )
    assert not (tmp_path / "arkiv.sqlite3").exists()  # refused before the archive was touched

    archive_path = tmp_path / "arkiv.sqlite3"
    with Archive.open(archive_path) as archive:
        archive.create(held_meeting())
    with sqlite3.connect(archive_path) as writer:
        writer.execute("UPDATE meetings SET snapshot = ? WHERE id = 1", (json.dumps(snapshot),))
    writer.close()
    told = f"meeting 1 in {archive_path} cannot be read (current is 99, outside 0-3)\n"
    for args in (
        ["minutes", "1"],
        ["minutes"],
        ["new", "--from-meeting", "1", "-o", "-"],
        ["minutes", "-o", str(tmp_path / "ud.md")],
    ):
        result = cli(*args, "--archive", str(archive_path), cwd=tmp_path)
        assert (result.returncode, result.stdout, result.stderr) == (2, "", told), args
    listed = cli("meetings", "--archive", str(archive_path), cwd=tmp_path)
    assert listed.returncode == 0 and "Klubmøde" in listed.stdout  # the list does not read snapshots
    with pytest.raises(ArchiveError, match="current is 99"):
        Session.resume(Resumption.find(archive_path, 1))
    assert not (tmp_path / "ud.md").exists()


def test_carry_over_from_a_damaged_meeting_of_the_group_still_starts_a_meeting(tmp_path: Path) -> None:
    """Carrying over reads the action items' projection, not the snapshots: a damaged
    earlier snapshot of the group does not stop the next meeting."""
    archive_path = tmp_path / "arkiv.sqlite3"
    with Archive.open(archive_path) as archive:
        archive.create(held_meeting())
        archive.save(1, to_dict(held_meeting(), notes=False))
    with sqlite3.connect(archive_path) as writer:
        writer.execute("UPDATE meetings SET snapshot = '{\"version\": 1}' WHERE id = 1")
    writer.close()
    agenda = tmp_path / "dagsorden.toml"
    agenda.write_text(VALID_AGENDA, encoding="utf-8")
    session = Session.open_new(MeetingPlan.find(archive_path, agenda))
    try:
        assert [c.what for c in session.meeting.carried] == ["Skrive til ledelsen"]
    finally:
        session.close()
