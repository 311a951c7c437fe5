"""The room view's web server: one page, its script and style, and a stream of the meeting's changes.

aiohttp serves it, on loopback unless the chair asks for the room's network. Everything it
serves is read-only and named here one by one: no directory is served, nothing else
answers. Every request, the event stream included, carries the secret token in its
address (``?t=``) or is refused with 403, before anything else is looked at. The page
runs only the script served with it and talks only to this server (a strict
Content-Security-Policy), and tells no other site the address with its token
(``Referrer-Policy: no-referrer``).

Changes reach the page as server-sent events: the whole of what the wall shows, each
time it changes (a few kilobytes at most). Each browser gets the newest state, never a
backlog: one that reads slowly skips states, and one that stops reading is dropped after
:data:`SEND_TIMEOUT` seconds, so nothing piles up in this process.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
from collections.abc import Awaitable, Callable
from importlib import resources

from aiohttp import web

from facilitator.i18n import t
from facilitator.room.follower import Follower
from facilitator.room.page_html import page_html

POLL_SECONDS = 0.1
"""How often the archive is asked whether anything was saved: a change reaches the wall
within a tenth of a second of being saved."""

SEND_TIMEOUT = 5.0
"""A browser that takes longer than this to take one state is dropped (it reconnects)."""

ENDED_LINGER = 600.0
"""Seconds the view goes on showing a meeting that has ended, then ends itself: the
view outlives the app during a meeting (docs/room-view.md), and must not outlive it for ever."""

HEARTBEAT_SECONDS = 15.0
"""A comment sent down a quiet stream, so that proxies and the browser keep it open."""

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}

ASSETS = {"/room.js": "application/javascript", "/room.css": "text/css", "/icon.svg": "image/svg+xml"}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class _Client:
    """One browser's stream: the newest state it has not been sent yet."""

    def __init__(self) -> None:
        self.due = asyncio.Event()


class RoomServer:
    """The page, its assets and the event stream, for one meeting followed in one archive."""

    def __init__(self, follower: Follower, token: str, *, lang: str) -> None:
        self.follower = follower
        self.token = token
        self.lang = lang
        self.clients: set[_Client] = set()
        self.app = web.Application(middlewares=[self._guard])
        self.app.router.add_get("/", self._page)
        for path in ASSETS:
            self.app.router.add_get(path, self._asset)
        self.app.router.add_get("/events", self._events, allow_head=False)
        self.app.on_response_prepare.append(self._plain_headers)
        self.app.on_startup.append(self._start_polling)
        self.app.on_cleanup.append(self._stop_polling)
        self._poller: asyncio.Task[None] | None = None
        self.polled = asyncio.Event()
        """Set once the meeting has been read: a browser is sent nothing before."""
        self.done = asyncio.Event()
        """Set when the meeting shown has been over for :data:`ENDED_LINGER` seconds."""
        self._assets = {path: (resources.files("facilitator.room.page") / path.lstrip("/")).read_bytes() for path in ASSETS}

    # --- guarding every request

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.method not in ("GET", "HEAD"):
            raise web.HTTPMethodNotAllowed(request.method, ["GET", "HEAD"])
        given = request.query.get("t", "")
        if not hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode()):
            raise web.HTTPForbidden(text=t("room.forbidden", lang=self.lang))
        return await handler(request)

    @staticmethod
    async def _plain_headers(request: web.Request, response: web.StreamResponse) -> None:
        """Every response, refusals included, says what it may do; none says what serves it."""
        response.headers.update(SECURITY_HEADERS)
        response.headers.pop("Server", None)

    # --- what is served

    async def _page(self, request: web.Request) -> web.Response:
        return web.Response(text=page_html(self.token, self.lang), content_type="text/html", charset="utf-8")

    async def _asset(self, request: web.Request) -> web.Response:
        return web.Response(body=self._assets[request.path], content_type=ASSETS[request.path], charset="utf-8")

    async def _events(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream; charset=utf-8"})
        await response.prepare(request)
        await self.polled.wait()  # not "no meeting" for the first tenth of a second
        client = _Client()
        client.due.set()  # the state now, at once
        self.clients.add(client)
        try:
            while True:
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(client.due.wait(), HEARTBEAT_SECONDS)
                if client.due.is_set():
                    client.due.clear()
                    chunk = f"data: {self.follower.text}\n\n"
                else:
                    chunk = ": ping\n\n"
                await asyncio.wait_for(response.write(chunk.encode()), SEND_TIMEOUT)
        except (asyncio.TimeoutError, ConnectionError):
            pass  # stalled or gone: dropped; a browser that is still there connects again
        finally:
            self.clients.discard(client)
        return response

    # --- following the meeting

    async def _start_polling(self, app: web.Application) -> None:
        self._poller = asyncio.get_running_loop().create_task(self._poll())

    async def _stop_polling(self, app: web.Application) -> None:
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
        for client in self.clients:
            client.due.set()
        self.follower.close()

    async def _poll(self) -> None:
        loop = asyncio.get_running_loop()
        ended_at: float | None = None
        while True:
            # In a thread: reading a long meeting takes some milliseconds, and the streams
            # go on meanwhile. One at a time: the follower keeps one connection.
            if await asyncio.to_thread(self.follower.poll):
                for client in self.clients:
                    client.due.set()
            self.polled.set()
            if self.follower.state.get("status") != "ended":
                ended_at = None
            elif ended_at is None:
                ended_at = loop.time()
            elif loop.time() - ended_at > ENDED_LINGER:
                self.done.set()
            await asyncio.sleep(POLL_SECONDS)
