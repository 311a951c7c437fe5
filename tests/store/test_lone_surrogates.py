"""Lone surrogates in a file: a rescue file or an archive's snapshot holding JSON escapes
such as ``"\\udcff"``. Python reads each as a surrogate that no archive or file takes:
a restore of such a file stopped with a traceback, and a meeting read back so could never
be saved again. The text is data: each becomes U+FFFD where the file is read
(``text/storable.py``)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict
from facilitator.text.storable import loads, storable

ESCAPES = ["\\udcff", "\\ud800", "\\uDFFF", "x\\udc80\\udc81y", "\\ud83d"]
"""As written in the JSON file: lone halves, low and high, in either case."""


def test_only_lone_surrogates_are_replaced() -> None:
    assert storable("a\udcffb\ud800") == "a\ufffdb\ufffd"
    assert loads('"\\ud83d\\ude00 \\udcff"') == "\U0001f600 \ufffd"  # a pair is a character
    assert loads('{"\\udcff": ["\\u00e6", "\\\\udcff"]}') == {"\ufffd": ["æ", "\\udcff"]}  # an escaped backslash is text


def _with_escapes(text: str, marks: list[str]) -> str:
    for index, escape in enumerate(ESCAPES):
        text = text.replace(marks[index], escape)
    return text


def test_a_rescue_file_with_lone_surrogates_is_restored_with_replacement_characters(
    tmp_path: Path, running: Meeting, capsys: pytest.CaptureFixture[str]
) -> None:
    marks = [f"MARK{index}X" for index in range(len(ESCAPES))]
    running.set_notes(marks[0])
    running.add_decision(marks[1])
    running.add_action(marks[2], marks[3], dt.date(2026, 12, 24))
    running.record_vote(marks[4], 1, 0, 0, 1)
    rescue = tmp_path / "redning.json"
    rescue.write_text(
        _with_escapes(json.dumps({"archive": None, "meeting_id": None, "meeting": to_dict(running)}), marks), "utf-8"
    )
    path = tmp_path / "arkiv.sqlite3"
    code = main(["--lang", "en", "--archive", str(path), "restore", str(rescue)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), out
    with Archive.open(path, read_only=True) as archive:
        item = archive.load(1).items[running.current or 0]
        assert item.notes == "\ufffd"
        assert [d.text for d in item.decisions] == ["\ufffd"]
        assert [(a.what, a.who) for a in item.actions] == [("\ufffd", "x\ufffd\ufffdy")]
        assert [v.subject for v in item.votes] == ["\ufffd"]


def test_a_snapshot_with_lone_surrogates_reads_back_and_saves_again(tmp_path: Path, running: Meeting) -> None:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        meeting_id = archive.create(running)
        running.set_notes("NOTE")
        archive.save(meeting_id, to_dict(running, notes=False), {s.id: s.notes for s in running.items})
    with sqlite3.connect(path) as db:  # as another program might have written it
        changed = db.execute(
            "UPDATE meeting_items SET state = replace(state, ?, ?) WHERE meeting_id = ?",
            ('"title": "', '"title": "\\udcff', meeting_id),
        ).rowcount
    assert changed
    with Archive.open(path) as archive:
        meeting = archive.load(meeting_id)
        assert any(s.item.title.startswith("\ufffd") for s in meeting.items)
        meeting.set_notes("videre")
        archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items})
        again = archive.load(meeting_id)
        assert again.items[again.current or 0].notes == "videre"
