"""Serving the room view until stopped: the address first, then the page for as long as it runs.

The address is the first line the command prints, whole, with its token: the chair's app
reads it from there, and a person copies it from there. On the room's network (``--lan``)
it is printed as a QR code too, for phones. The token is kept between runs (in the data
folder, readable by its owner only), so a page left open finds the view again after a
restart of the app or of this command: a browser keeps trying, and the address it has
stays good.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import socket
import sys
from pathlib import Path
from typing import TextIO

from facilitator.errors import FacilitatorError
from facilitator.files.paths import ROOM_PORT
from facilitator.files.room_presence import RoomPresence, clear_presence, write_presence
from facilitator.i18n import t
from facilitator.room.follower import Follower

DEFAULT_PORT = ROOM_PORT
TOKEN_FILE = "room-token"
LOOPBACK = "127.0.0.1"


def room_token(folder: Path, *, new: bool = False) -> str:
    """The secret in the room view's address, made once and kept in ``folder``."""
    path = folder / TOKEN_FILE
    if not new:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            kept = path.read_text(encoding="ascii").strip()
            if len(kept) >= 22 and kept.replace("-", "").replace("_", "").isalnum():
                return kept
    token = secrets.token_urlsafe(16)  # 128 bits: short enough for a small QR code
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(token + "\n")
    except OSError:
        pass  # a read-only data folder: the token lives as long as this run
    return token


def lan_address() -> str:
    """This machine's address on the network its traffic goes out by (no packet is sent)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: a route is looked up, nothing is sent
        address = str(probe.getsockname()[0])
        if address and not address.startswith("0."):
            return address
    return socket.gethostname()


def serve(
    follower: Follower,
    *,
    port: int,
    lan: bool,
    token: str,
    lang: str,
    presence: Path | None = None,
    out: TextIO = sys.stdout,
) -> None:
    """Serve until interrupted, or until the meeting has been over for a while; the address
    goes to ``out`` as the first line, and to ``presence`` for the app to find."""
    asyncio.run(_serve(follower, port=port, lan=lan, token=token, lang=lang, presence=presence, out=out))


async def _serve(follower: Follower, *, port: int, lan: bool, token: str, lang: str, presence: Path | None, out: TextIO) -> None:
    from aiohttp import web  # imported here: only this command needs a web server

    from facilitator.room.server import RoomServer

    server = RoomServer(follower, token, lang=lang)
    runner = web.AppRunner(server.app, access_log=None, handle_signals=True)
    await runner.setup()
    host = "0.0.0.0" if lan else LOOPBACK
    site = web.TCPSite(runner, host, port, reuse_address=True)
    try:
        await site.start()
    except OSError as error:
        await runner.cleanup()
        raise FacilitatorError(t("room.port_taken", port=port, reason=error.strerror or error)) from None
    bound = _bound_port(site) or port
    address = f"http://{lan_address() if lan else LOOPBACK}:{bound}/?t={token}"
    print(address, file=out, flush=True)
    if lan and out.isatty():
        _print_qr(address, out)
    print(t("room.serving", lang=lang), file=sys.stderr, flush=True)
    if presence is not None:
        write_presence(presence, RoomPresence(os.getpid(), address, lan))
    try:
        await server.done.wait()  # or interrupted: Ctrl+C, or the app that started it ends it
    finally:
        if presence is not None:
            clear_presence(presence, os.getpid())
        await runner.cleanup()


def _bound_port(site: object) -> int | None:
    """The port the site listens on: the one asked for, or the one given for port 0."""
    server = getattr(site, "_server", None)
    sockets = getattr(server, "sockets", None) or ()
    for sock in sockets:
        return int(sock.getsockname()[1])
    return None


def _print_qr(address: str, out: TextIO) -> None:
    import segno

    segno.make(address, error="m").terminal(out=out, compact=True)
    out.flush()
