"""Figures of the shared archive (issue 22): the app on a shared archive whose server is out of
reach, against the same app on an archive not shared; and a sync of one meeting.

A meeting room's Wi-Fi is poor, so sharing must cost nothing the person notices: the app's
start and its typing are held against themselves without sharing, with the server out of
reach (a port of this machine just closed: every try of the background thread fails at
once, as it does when the server is down). A sync of one meeting runs against a private
PostgreSQL (``pg_server.py``, as the tests' one); it is left out, with a line saying
why, where PostgreSQL or psycopg is missing.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import time
from pathlib import Path

from data import Writer, full_meeting
from figure import Figure, interleaved
from pg_server import PostgresServer, find_bindir, missing
from process_figures import NOTES_CHARS, Apps, _meeting_with_notes, _type, facilitator_command
from terminal import Terminal

from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

SYNC_ITEMS = 20
"""The meeting synced: a long club meeting (notes, a decision on each item, actions, votes)."""


def out_of_reach() -> str:
    """A server address where nothing answers: a port of this machine, just closed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql://klub@127.0.0.1:{port}/arkiv"


def _shared(archive: Path, target: str | None) -> Path:
    with Archive.open(archive) as opened:
        opened.set_share_target(target)
    return archive


def startup(apps: Apps, runs: int) -> Figure:
    target = out_of_reach()
    shared = _shared(apps.folder / "shared-startup.sqlite", target)
    plain = _shared(apps.folder / "plain-startup.sqlite", None)
    app = [*facilitator_command(), "run", "klubmoede"]
    paired = interleaved(runs, lambda: apps.first_frame(app, shared), lambda: apps.first_frame(app, plain))
    return paired.figure("startup: shared, server out of reach, against not", 1.15, "s")


def typing(apps: Apps, runs: int, keys: int) -> Figure:
    text = Writer(7).paragraph(NOTES_CHARS)
    target = out_of_reach()

    def per_key(archive: Path, share: str | None) -> float:
        meeting_id = _meeting_with_notes(archive, text)
        _shared(archive, share)
        with Terminal([*facilitator_command(), "resume", str(meeting_id)], apps.env(archive)) as screen:
            return _type(screen, keys, 0.03)

    paired = interleaved(
        runs,
        lambda: per_key(apps.folder / "shared-typing.sqlite", target),
        lambda: per_key(apps.folder / "plain-typing.sqlite", None),
    )
    return paired.figure("typing per key: shared, out of reach, against not", 1.10, "s")


def sync_one(runs: int) -> list[Figure]:
    """One meeting changed and sent (``shared.sync.sync``: connect, the server's versions,
    the public snapshot, the upsert and its actions, the record of what was sent), against
    saving the same meeting whole in the archive (the recorder's save of a meeting loaded)."""
    why = missing()
    if why is not None:
        print(f"the shared archive's sync row is left out: {why}", file=sys.stderr)
        return []
    from facilitator.shared.sync import sync

    bindir = find_bindir()
    assert bindir is not None
    server = PostgresServer(bindir)
    try:
        server.initdb()
        server.start()
        url = server.url(server.new_database())
        with tempfile.TemporaryDirectory(prefix="facilitator-sync-") as folder:
            archive = Archive.open(Path(folder) / "arkiv.sqlite3")
            try:
                meeting = full_meeting(SYNC_ITEMS, end=False)
                meeting_id = archive.create(meeting)
                writer = Writer(5)

                def save() -> float:
                    notes = {state.id: state.notes for state in meeting.items if state.notes}
                    started = time.perf_counter()
                    archive.save(meeting_id, to_dict(meeting, notes=False), notes)
                    return time.perf_counter() - started

                def send() -> float:
                    meeting.add_decision(writer.sentence(14))  # a change, saved: the meeting is newer than the server's
                    save()
                    started = time.perf_counter()
                    result = sync(archive, url, token="bench")
                    elapsed = time.perf_counter() - started
                    if result.sent != 1:
                        raise RuntimeError(f"the sync sent {result.sent} meetings, not the one changed")
                    return elapsed

                archive.set_share_target(url)
                send()  # the server's schema is made by the first sync: not counted
                paired = interleaved(runs, send, save)
            finally:
                archive.close()
    finally:
        server.remove()
    return [paired.figure(f"sync of one {SYNC_ITEMS}-item meeting, against saving it", 5.0, "s")]
