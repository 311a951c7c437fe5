"""One writer per meeting across laptops: two processes on two archives holding the same meeting
(the same stable id) against the real server. Exactly one holds it; the other is refused in one
line naming who holds it and until when; the lease is let go when the meeting closes, and taken
over once it has run out after a holder that died."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from support.laptops import hold, run, save
from support.postgres import PostgresServer

from facilitator.shared import live
from facilitator.store.archive import Archive

HOLD = """
import json, sys
from facilitator import i18n
from facilitator.shared import live
i18n.set_language("en")
live.TIMING = live.Timing(first=0.0, lease=float(sys.argv[2]), renew=0.2, quiet=0.05, most=0.3, retries=(0.1,), close=5.0)
from facilitator.session import Resumption, Session
session = Session.resume(Resumption.find(sys.argv[1]))
state = session.sharing.wait_answer(30)
print(json.dumps({"kind": state.kind, "refused": session.refused, "problem": state.problem}), flush=True)
if session.refused is None:
    sys.stdin.readline()
session.close()
print("closed", flush=True)
"""
"""A laptop holding the newest unfinished meeting of its archive until told to close it."""

LEASE = 2.0
"""The lease of these laptops, in seconds: a dead holder's runs out within the test."""

pytestmark = pytest.mark.slow  # some ten processes with psycopg: about 5 s


class Laptop:
    def __init__(self, archive: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(archive), str(LEASE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ | {"FACILITATOR_CONFIG": str(archive.with_suffix(".toml"))},
        )

    def answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            assert self.process.stderr is not None
            raise AssertionError(f"the laptop said nothing: {self.process.stderr.read()}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        if self.process.poll() is None:
            self.process.stdin.write("close\n")
            self.process.stdin.flush()
        assert self.process.stdout.readline() == "closed\n"
        assert self.process.wait(30) == 0

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)


@pytest.fixture
def laptops(tmp_path: Path, pg: PostgresServer) -> Iterator[tuple[Path, Path, str]]:
    """Two archives holding the same meeting (one copied from the other: the same id), both
    shared with one server; and the server's address."""
    url = pg.url(pg.new_database())
    a = tmp_path / "a" / "arkiv.sqlite3"
    b = tmp_path / "b" / "arkiv.sqlite3"
    a.parent.mkdir()
    b.parent.mkdir()
    with Archive.open(a) as archive:
        hold(archive)
        archive.set_share_target(url)
    shutil.copyfile(a, b)
    yield a, b, url


def lease_row(url: str) -> tuple[Any, ...] | None:
    with psycopg.connect(url) as db:
        return db.execute("SELECT holder, expires_at, expires_at <= now() FROM meeting_leases").fetchone()


def test_one_laptop_holds_a_meeting_and_the_other_is_refused_until_it_lets_go(laptops: tuple[Path, Path, str]) -> None:
    a, b, url = laptops
    with Archive.open(a, read_only=True) as archive, Archive.open(b, read_only=True) as other:
        assert archive.meeting_uid(1) == other.meeting_uid(1)
    first, second = Laptop(a), Laptop(b)  # at the same moment
    answers = [first.answer(), second.answer()]
    assert sorted(answer["kind"] for answer in answers) == ["held", "synced"], answers  # exactly one wins
    winner, loser = (first, second) if answers[0]["kind"] == "synced" else (second, first)
    refusal = answers[1 if winner is first else 0]["refused"]
    row = lease_row(url)
    assert row is not None and row[0] == live.laptop_name()
    until = row[1].astimezone().strftime("%H:%M")
    assert refusal == (
        f"The meeting is held on {live.laptop_name()} now; it cannot be held in two places at once. Try again when it is closed there"
        f" (or after {until}, if {live.laptop_name()} has gone offline). Nothing is lost."
    )
    loser.close()  # refused: it closed at once, and took nothing
    assert lease_row(url) is not None

    winner.close()
    assert lease_row(url) is None  # let go when the meeting closed
    again = Laptop(b if winner is first else a)  # the other laptop now
    assert again.answer()["kind"] == "synced"
    again.close()


def test_a_lease_of_a_laptop_that_died_is_taken_over_once_it_has_run_out(laptops: tuple[Path, Path, str]) -> None:
    a, b, url = laptops
    holder = Laptop(a)
    assert holder.answer()["kind"] == "synced"
    holder.kill()  # no release: the lease stays until it runs out
    refused = Laptop(b)
    assert refused.answer()["kind"] == "held"
    refused.close()
    deadline = time.monotonic() + 30
    while not lease_row(url)[2]:  # type: ignore[index]  # run out, by the server's clock
        assert time.monotonic() < deadline
        time.sleep(0.05)
    taker = Laptop(b)
    assert taker.answer()["kind"] == "synced"
    assert lease_row(url)[2] is False  # type: ignore[index]
    taker.close()
    assert lease_row(url) is None


def test_a_copy_of_the_archive_does_not_send_a_meeting_another_laptop_holds(
    laptops: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``facilitator sync`` from a copy of the archive while another laptop holds the meeting:
    the copy's version is ahead (it was changed after the copy), and it is not sent over the
    meeting being held; the sync says so, and the lease stays the holder's."""
    a, b, url = laptops
    holder = Laptop(a)
    try:
        assert holder.answer()["kind"] == "synced"
        with Archive.open(b) as archive:
            meeting = archive.load(1)
            for n in range(5):
                meeting.add_decision(f"Fra kopien {n}")
                save(archive, 1, meeting)
        code, out, err = run(capsys, b, "sync")
        assert (code, err) == (0, ""), err
        lines = out.splitlines()
        assert lines[0].startswith("Sent 0 of 1 meeting ")
        assert lines[-1] == (
            "1 meeting is held on another computer now and was not sent from here;"
            " a later sync sends it once it is no longer held."
        )
        with psycopg.connect(url) as db:
            (snapshot,) = db.execute("SELECT snapshot FROM meetings").fetchone()  # type: ignore[misc]
        assert "Fra kopien" not in json.dumps(snapshot, ensure_ascii=False)
        assert lease_row(url) is not None
        with psycopg.connect(url) as db:  # the holder has saved far more since: newer there, and held
            db.execute("UPDATE meetings SET version = version + 100")
        out = run(capsys, b, "sync")[1]
        assert out.splitlines()[-1].startswith("1 meeting is held on another computer now") and "newer" not in out
    finally:
        holder.close()


def test_a_copy_that_went_on_from_an_older_point_is_not_sent_over_the_newer_meeting(
    tmp_path: Path, pg: PostgresServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Versions are each copy's own count of saves: a copy made after a sync, changed more
    often than the original since, is ahead by count but behind in fact. It is not sent over
    what the original sent meanwhile; a copy that goes on from what was last sent (a laptop
    moved to a new one) is sent as usual."""
    url = pg.url(pg.new_database())
    a, b, c = (tmp_path / name / "arkiv.sqlite3" for name in "abc")
    for path in (a, b, c):
        path.parent.mkdir()
    with Archive.open(a) as archive:
        hold(archive)
        archive.set_share_target(url)
    assert run(capsys, a, "sync")[0] == 0
    shutil.copyfile(a, b)  # the copy knows what was sent

    def change(path: Path, *texts: str) -> None:
        with Archive.open(path) as archive:
            meeting = archive.load(1)
            for text in texts:
                meeting.add_decision(text)
                save(archive, 1, meeting)

    change(a, "På den første")
    assert run(capsys, a, "sync")[1].startswith("Sent 1 of 1 ")
    change(b, *(f"På kopien {n}" for n in range(6)))  # more saves than the first made since
    code, out, err = run(capsys, b, "sync")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("Sent 0 of 1 ") and "1 meeting is newer on" in out
    with psycopg.connect(url) as db:
        (snapshot,) = db.execute("SELECT snapshot FROM meetings").fetchone()  # type: ignore[misc]
    assert "På den første" in json.dumps(snapshot, ensure_ascii=False) and "På kopien" not in json.dumps(
        snapshot, ensure_ascii=False
    )

    shutil.copyfile(a, c)  # the first laptop's archive moved to a new laptop, which goes on
    change(c, "På den nye")
    assert run(capsys, c, "sync")[1].startswith("Sent 1 of 1 ")
    with psycopg.connect(url) as db:
        (snapshot,) = db.execute("SELECT snapshot FROM meetings").fetchone()  # type: ignore[misc]
    assert "På den nye" in json.dumps(snapshot, ensure_ascii=False)
