"""The shared archive while the app is open: a meeting held in the app reaches the server in the
background, through a server stopped and started again; a server out of reach (or one that
never answers) never holds up typing, starting or quitting, and is shown as a quiet word."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from support.app import SIZE, MakeApp, until
from support.laptops import GROUP, hold
from support.postgres import PostgresServer
from textual.widgets import Static

from facilitator.cli.meeting_commands import not_shared_yet
from facilitator.files.config import Config
from facilitator.i18n import t
from facilitator.session import Resumption, Session
from facilitator.shared import live
from facilitator.shared.lease import release, take
from facilitator.shared.schema import migrate
from facilitator.shared.sync import sync
from facilitator.store.archive import Archive
from facilitator.tui.app import Launch, build_app
from facilitator.tui.screens.start import StartScreen
from facilitator.tui.widgets.status_bar import StatusBar

WIDE = (120, 35)
"""Wide enough for the status bar's words about sharing (meeting.SHARED_WORDS_FROM)."""
FAST = live.Timing(first=0.0, lease=30.0, renew=0.2, quiet=0.05, most=0.3, retries=(0.05, 0.1), close=5.0)


@pytest.fixture(autouse=True)
def fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """Moments instead of seconds, so the tests wait on conditions that come soon."""
    monkeypatch.setattr(live, "TIMING", FAST)


def share(archive_path: Path, target: str) -> None:
    with Archive.open(archive_path) as archive:
        archive.set_share_target(target)


def session_of(app: Any) -> Session:
    session = app.session
    assert session is not None and session.sharing is not None
    return session


def shown_state(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).query_one("#shared-state", Static).content)


def on_server(url: str, uid: str) -> dict[str, Any] | None:
    """The meeting's row on the server (its version and snapshot), or None; None too while
    the server is down."""
    try:
        with psycopg.connect(url, connect_timeout=2) as db:
            row = db.execute("SELECT version, snapshot FROM meetings WHERE uid = %s", (uid,)).fetchone()
    except psycopg.OperationalError:
        return None
    return {"version": row[0], "snapshot": row[1]} if row else None


async def waits(pilot: Any, seen: Callable[[], bool], seconds: float = 20.0) -> bool:
    """Whether ``seen`` comes to hold within ``seconds``, the app running meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if seen():
            return True
        await pilot.pause(0.02)
    return seen()


async def test_a_meeting_held_in_the_app_arrives_through_a_server_stopped_and_started(
    make_app: MakeApp, archive_path: Path, pg: PostgresServer
) -> None:
    url = pg.url(pg.new_database())
    share(archive_path, url)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        session = session_of(app)
        uid = session.sharing.uid  # type: ignore[union-attr]
        await pilot.press("ctrl+n")  # the meeting starts: a started meeting is what is sent
        assert await waits(pilot, lambda: (on_server(url, uid) or {}).get("snapshot", {}).get("started_at") is not None)
        assert await until(pilot, lambda: shown_state(app).startswith("Shared: synced "))
        assert app.screen.query_one(StatusBar).has_class("-shared")

        pg.stop()  # mid-meeting
        session.meeting.add_decision("Besluttet mens serveren var væk")
        assert await waits(pilot, lambda: session.sharing.state.kind == live.OFFLINE)  # type: ignore[union-attr]
        assert await until(pilot, lambda: shown_state(app) == "Shared: offline, retrying")
        pg.start()

        def decided() -> bool:
            row = on_server(url, uid)
            return row is not None and "Besluttet mens serveren var væk" in str(row["snapshot"])

        assert await waits(pilot, decided)
        assert await until(pilot, lambda: shown_state(app).startswith("Shared: synced "))
        with psycopg.connect(url) as db:  # the meeting is held here: its lease names this laptop
            assert db.execute("SELECT holder FROM meeting_leases WHERE uid = %s", (uid,)).fetchall() == [(live.laptop_name(),)]
        await pilot.press("ctrl+q")
    with psycopg.connect(url) as db:  # let go at quit, with what was done last sent
        assert db.execute("SELECT count(*) FROM meeting_leases").fetchone() == (0,)
    with Archive.open(archive_path, read_only=True) as archive:
        assert archive.unsent() == []
        assert on_server(url, uid)["version"] == archive.shared_meetings()[0].version  # type: ignore[index]
    assert not_shared_yet(session) is None  # the command line says "saved" and no more


class SilentServer:
    """A server that takes connections and never says a word: connecting to it waits until the
    connect timeout, as a server behind a meeting room's broken Wi-Fi does."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()  # the thread waiting on it gives up at once


async def test_typing_goes_on_while_the_server_keeps_the_connection_waiting(
    make_app: MakeApp, archive_path: Path, silent: SilentServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live, "TIMING", FAST._replace(close=0.3))
    share(archive_path, f"postgresql://klub@127.0.0.1:{silent.port}/arkiv")
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        session = session_of(app)
        await pilot.press("ctrl+n")
        await pilot.press(*"Vi venter ikke")
        assert session.meeting.items[0].notes == "Vi venter ikke"
        assert silent.accepted and session.sharing.state.kind == live.CONNECTING  # type: ignore[union-attr]
        assert shown_state(app) == "Shared: connecting…"
        started = time.monotonic()
        await pilot.press("ctrl+q")
    assert time.monotonic() - started < 0.3 + 1.5  # the bound, not the connect timeout (5 s)
    assert session.closed and session.saved


async def test_a_server_out_of_reach_is_a_quiet_word_and_quitting_does_not_wait(
    make_app: MakeApp, archive_path: Path, tmp_path: Path, danish: None
) -> None:
    share(archive_path, f"postgresql://klub@/arkiv?host={tmp_path / 'intet'}")  # a socket folder with nothing in it
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        session = session_of(app)
        assert await until(pilot, lambda: shown_state(app) == "Delt: offline, prøver igen")
        assert not app.screen.query_one("#shared-state", Static).has_class("-warning")
        assert not [n for n in app._notifications if "Delt" in str(n.message) or "fælles" in str(n.message)]
        await pilot.press("ctrl+n")
        session.meeting.add_decision("Holdt uden net")
        started = time.monotonic()
        await pilot.press("ctrl+q")
    assert time.monotonic() - started < 2.0
    assert session.saved and t("live.offline", lang="da") == "Delt: offline, prøver igen"
    assert not_shared_yet(session) == (  # what the command line says after "saved"
        f"Det er ikke nået til det fælles arkiv postgresql://klub@/arkiv?host={tmp_path / 'intet'} endnu:"
        " det sendes, næste gang et møde er åbent, og serveren kan nås, eller med: facilitator sync"
    )


async def test_an_archive_not_shared_shows_nothing_of_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.sharing is None
        bar = app.screen.query_one(StatusBar)
        assert not bar.has_class("-shared") and not bar.query_one("#shared-state", Static).display


def held_elsewhere(archive_path: Path, url: str) -> tuple[int, str]:
    """A meeting in this archive whose lease another laptop holds on the server."""
    with Archive.open(archive_path) as archive:
        meeting_id, _ = hold(archive)
        archive.set_share_target(url)
        uid = archive.meeting_uid(meeting_id)
    with psycopg.connect(url, autocommit=True) as db:
        migrate(db)
        assert take(db, uid, GROUP, holder="bo-laptop", token="bo", seconds=600) is None
        until = db.execute("SELECT expires_at FROM meeting_leases").fetchone()[0].astimezone().strftime("%H:%M")
    return (
        meeting_id,
        f"The meeting is held on bo-laptop now; it cannot be held in two places at once. Try again when it is closed there"
        f" (or after {until}, if bo-laptop has gone offline). Nothing is lost.",
    )


async def test_a_meeting_another_laptop_holds_is_refused_back_on_the_start_screen(
    make_app: MakeApp, archive_path: Path, pg: PostgresServer
) -> None:
    meeting_id, refusal = held_elsewhere(archive_path, pg.url(pg.new_database()))
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.resume_meeting(meeting_id)
        session = session_of(app)
        assert await waits(pilot, lambda: app.session is None and isinstance(app.screen, StartScreen))
        assert session.closed and session.saved and session.refused == refusal
        assert await waits(pilot, lambda: len(app._notifications) > 0)
        assert [str(n.message) for n in app._notifications] == [refusal]


async def test_a_meeting_another_laptop_holds_ends_the_app_opened_on_it(
    archive_path: Path, pg: PostgresServer, settings: Config, no_user_files: None
) -> None:
    meeting_id, refusal = held_elsewhere(archive_path, pg.url(pg.new_database()))
    session = Session.resume(Resumption.find(archive_path, meeting_id))
    app = build_app(archive_path=archive_path, config=settings, launch=Launch(session=session), blink_cursors=False)
    async with app.run_test(size=SIZE) as pilot:
        assert await waits(pilot, lambda: session.closed)
    assert app.return_code == 0 and session.refused == refusal  # the command line prints it (cli/meeting_commands.py)


def test_a_meeting_held_offline_meets_another_laptops_lease_as_a_conflict_and_sends_nothing_until_it_ends(
    archive_path: Path, pg: PostgresServer
) -> None:
    """Local first: offline at the start, the meeting is held here; when the server is back and
    another laptop holds it, that is shown and nothing is sent, until the other lets go."""
    url = pg.url(pg.new_database())
    meeting_id, _ = held_elsewhere(archive_path, url)
    pg.stop()
    session = Session.resume(Resumption.find(archive_path, meeting_id))
    sharing = session.sharing
    try:
        assert sharing is not None and sharing.wait_answer(10).kind == live.OFFLINE
        session.meeting.add_decision("Besluttet uden net")
        pg.start()
        deadline = time.monotonic() + 20
        while sharing.state.kind != live.CONFLICT:
            assert time.monotonic() < deadline, sharing.state
            time.sleep(0.02)
        assert session.refused is None  # not refused: the meeting goes on here
        assert sharing.state.shown().startswith("Shared: held on bo-laptop until ") and sharing.state.needs_look
        assert on_server(url, sharing.uid) is None  # nothing sent while the other laptop holds it
        with psycopg.connect(url, autocommit=True) as db:
            release(db, sharing.uid, "bo")  # the other laptop closes the meeting
        while sharing.state.kind != live.SYNCED:
            assert time.monotonic() < deadline, sharing.state
            time.sleep(0.02)
        assert "Besluttet uden net" in str(on_server(url, sharing.uid)["snapshot"])  # type: ignore[index]
    finally:
        session.close()
    with psycopg.connect(url) as db:
        assert db.execute("SELECT count(*) FROM meeting_leases").fetchone() == (0,)


def test_a_meeting_newer_on_the_server_is_kept_here_and_never_sent_over_it(archive_path: Path, pg: PostgresServer) -> None:
    """Another computer held the meeting since (a copied archive): the status says so, what is
    typed here is saved here, and this copy is not sent, not even once its version has passed
    the server's, nor when the meeting closes."""
    url = pg.url(pg.new_database())
    with Archive.open(archive_path) as archive:
        meeting_id, _ = hold(archive)
        archive.set_share_target(url)
        uid = archive.meeting_uid(meeting_id)
        assert sync(archive, url, token=live.laptop_token(archive_path)).sent == 1
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("UPDATE meetings SET version = version + 1000, title = 'Holdt andetsteds'")
    session = Session.resume(Resumption.find(archive_path, meeting_id))
    sharing = session.sharing
    try:
        assert sharing is not None
        deadline = time.monotonic() + 20
        while sharing.state.kind != live.NEWER:
            assert time.monotonic() < deadline, sharing.state
            time.sleep(0.02)
        assert sharing.state.needs_look and sharing.state.shown() == "Shared: newer on the server, not sent"
        assert sharing.state.problem == t("live.newer_there", target=url)
        with Archive.open(archive_path, read_only=True) as archive:
            (here,) = [m.version for m in archive.shared_meetings() if m.uid == uid]
        with psycopg.connect(url, autocommit=True) as db:  # just above this copy's, which the changes below pass
            db.execute("UPDATE meetings SET version = %s", (here + 1,))
        for n in range(6):
            session.meeting.add_decision(f"Skrevet her {n}")
        time.sleep(1.0)  # syncs come every 0.3 s at most while changes come
        assert sharing.state.kind == live.NEWER
    finally:
        session.close()
    row = on_server(url, uid)
    assert row is not None and "Skrevet her" not in str(row["snapshot"])
    with psycopg.connect(url) as db:
        assert db.execute("SELECT title FROM meetings").fetchone() == ("Holdt andetsteds",)
    with Archive.open(archive_path, read_only=True) as archive:
        assert "Skrevet her 5" in [d.text for s in archive.load(meeting_id).items for d in s.decisions]
