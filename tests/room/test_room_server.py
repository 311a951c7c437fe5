"""The room view's server: the token on every request, read-only routes, headers, and the stream.

A real aiohttp server on loopback, reading a real archive that a real session writes."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession, ClientTimeout
from aiohttp.test_utils import TestServer

from facilitator.room import server as server_module
from facilitator.room.follower import Follower
from facilitator.room.server import CSP, RoomServer
from facilitator.session import MeetingPlan, Session

TOKEN = "k" * 43


@pytest.fixture
def held(tmp_path: Path, valid_agenda: Path) -> Iterator[Session]:
    session = Session.open_new(MeetingPlan.find(tmp_path / "archive.sqlite3", valid_agenda))
    session.meeting.start()
    assert session.recorder.flush()  # the view reads what was saved
    yield session
    session.close()


@pytest.fixture
async def served(held: Session, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    monkeypatch.setattr(server_module, "POLL_SECONDS", 0.02)
    room = RoomServer(Follower(held.archive.path, None), TOKEN, lang="da")
    server = TestServer(room.app, host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("/"))
    finally:
        await server.close()


async def _get(url: str, path: str, method: str = "GET") -> tuple[int, dict[str, str], str]:
    async with ClientSession(timeout=ClientTimeout(total=5)) as client, client.request(method, url.rstrip("/") + path) as r:
        return r.status, dict(r.headers), await r.text() if method != "HEAD" else ""


@pytest.mark.parametrize("path", ["/", "/room.js", "/room.css", "/icon.svg", "/events", "/nothing", "/../etc/passwd"])
@pytest.mark.parametrize("query", ["", "?t=", "?t=wrong", f"?t={TOKEN}x", f"?T={TOKEN}", f"?t={TOKEN[:-1]}"])
async def test_a_request_without_the_token_is_refused(served: str, path: str, query: str) -> None:
    status, headers, body = await _get(served, path + query)
    assert status == 403
    assert headers["Content-Security-Policy"] == CSP and "Server" not in headers
    assert "data:" not in body and "Godkendelse" not in body


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
async def test_nothing_but_reading(served: str, method: str) -> None:
    status, headers, _ = await _get(served, f"/?t={TOKEN}", method)
    assert status == 405 and headers["Content-Security-Policy"] == CSP


@pytest.mark.parametrize("path", ["/page/room.js", "/room.html.j2", "/__init__.py", "/events/", "/static/", "//room.js"])
async def test_nothing_else_is_served(served: str, path: str) -> None:
    status, _, body = await _get(served, f"{path}?t={TOKEN}")
    assert status == 404 and "function" not in body


async def test_the_page_and_its_parts_carry_strict_headers(served: str) -> None:
    status, headers, page = await _get(served, f"/?t={TOKEN}")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert '<html lang="da">' in page and "<h1" in page and 'aria-live="polite"' in page
    assert f"room.js?t={TOKEN}" in page and "<script>" not in page  # no inline script: the CSP allows none
    for name, value in (
        ("Content-Security-Policy", CSP),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("Cache-Control", "no-store"),
    ):
        assert headers[name] == value
    assert "Server" not in headers
    status, headers, script = await _get(served, f"/room.js?t={TOKEN}")
    assert status == 200 and headers["Content-Type"].startswith("application/javascript")
    assert "innerHTML" not in script and "textContent" in script


async def _events(url: str) -> AsyncIterator[dict[str, object]]:
    async with ClientSession(timeout=ClientTimeout(total=10)) as client, client.get(url.rstrip("/") + f"/events?t={TOKEN}") as r:
        assert r.status == 200 and r.headers["Content-Type"].startswith("text/event-stream")
        assert r.headers["Content-Security-Policy"] == CSP
        async for line in r.content:
            if line.startswith(b"data: "):
                yield json.loads(line[6:])


async def test_the_stream_sends_the_state_at_once_and_every_change_saved(served: str, held: Session) -> None:
    stream = _events(served)
    try:
        first = await anext(stream)
        assert first["status"] == "running" and first["item"]["number"] == 1  # type: ignore[index]

        async def until(seen: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
            """The first state that shows the change: any save may send one before it (the
            timer's seconds used are part of the state), never one after it that hides it."""
            while True:
                state = await asyncio.wait_for(anext(stream), 5)
                if seen(state):
                    return state

        held.meeting.next_item()
        second = await until(lambda state: state["item"]["number"] == 2)
        assert second["item"] == {"number": 2, "closed": True}
        held.meeting.next_item()
        held.meeting.add_decision("Besluttet på væggen")
        state = await until(lambda state: bool(state["item"].get("decisions")))
        assert state["item"]["number"] == 3 and state["item"]["decisions"] == ["Besluttet på væggen"]
    finally:
        await stream.aclose()


async def test_the_view_ends_itself_some_time_after_the_meeting(held: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module, "POLL_SECONDS", 0.02)
    monkeypatch.setattr(server_module, "ENDED_LINGER", 0.2)
    room = RoomServer(Follower(held.archive.path, None), TOKEN, lang="da")
    server = TestServer(room.app, host="127.0.0.1")
    await server.start_server()
    try:
        await asyncio.sleep(0.4)
        assert not room.done.is_set()  # a meeting being held: the view goes on
        held.meeting.end()
        assert held.recorder.flush()
        await asyncio.wait_for(room.done.wait(), 5)
    finally:
        await server.close()


async def test_a_browser_that_stops_reading_is_dropped_and_the_others_go_on(
    served: str, held: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A socket that never reads: the server's writes to it fill the buffers and time out; it
    is dropped, and a browser that reads still gets every change meanwhile."""
    monkeypatch.setattr(server_module, "SEND_TIMEOUT", 0.3)
    host, port = served.split("//")[1].rstrip("/").split(":")
    stalled = socket.create_connection((host, int(port)))
    stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    stalled.sendall(f"GET /events?t={TOKEN} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    try:
        stream = _events(served)
        await anext(stream)
        held.meeting.set_room_notes(True)
        for number in range(20):  # a megabyte or more down the stalled socket, if it were read
            held.meeting.set_notes(f"{number} " + "tekst " * 10_000)
            held.recorder.flush()
            state = await asyncio.wait_for(anext(stream), 10)
            assert state["item"]["notes"].startswith(f"{number} ")  # type: ignore[index]
    finally:
        stalled.close()
