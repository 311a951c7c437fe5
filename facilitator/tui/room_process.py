"""The room view started from the app: ``facilitator room`` as a child process, and its address.

The view runs as a process of its own (docs/room-view.md), started here when the chair
asks for it ("Vis på storskærm") and stopped when the app ends. Its address is the first
line it prints. When it cannot start, the first line of its error is the message.
The default port is tried first, so that a page left open on the projector finds the
view at the same address. If another program holds that port, any free one is used.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.files.paths import ROOM_PORT
from facilitator.files.room_presence import read_presence
from facilitator.i18n import t
from facilitator.text.visible import one_line

DEFAULT_PORT = ROOM_PORT

START_TIMEOUT = 15.0
"""Seconds to wait for the address: Python starting and importing the web server."""


class RoomProcess:
    """One running room view: its process, where it is served, and on which network.

    ``process`` is None for a view this app found running (started before the app was
    closed or killed): it is known by its process id alone."""

    def __init__(self, process: subprocess.Popen[str] | None, address: str, *, lan: bool, pid: int) -> None:
        self.process = process
        self.address = address
        self.lan = lan
        self.pid = pid

    @classmethod
    def running(cls, presence_file: Path) -> RoomProcess | None:
        """The view of this archive that is being served already, if any."""
        presence = read_presence(presence_file)
        if presence is None:
            return None
        return cls(None, presence.address, lan=presence.lan, pid=presence.pid)

    @classmethod
    def start(cls, archive: Path, meeting_id: int, *, lan: bool, lang: str) -> RoomProcess:
        """Start the view of ``meeting_id``; the default port, else any free one."""
        port = DEFAULT_PORT if _free(DEFAULT_PORT, lan=lan) else 0
        return cls._start(archive, meeting_id, lan=lan, lang=lang, port=port)

    @classmethod
    def _start(cls, archive: Path, meeting_id: int, *, lan: bool, lang: str, port: int) -> RoomProcess:
        argv = [sys.executable, "-m", "facilitator", "--lang", lang, "--archive", str(archive), "room", str(meeting_id)]
        argv += ["--port", str(port), *(["--lan"] if lan else [])]
        try:
            process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",
                start_new_session=True,  # Ctrl+C in the app's terminal is the app's, not the view's
            )
        except OSError as error:
            raise FacilitatorError(t("room.could_not_start", reason=error.strerror or error)) from None
        address = _first_line(process)
        if address.startswith("http://"):
            threading.Thread(target=_drain, args=(process,), daemon=True).start()
            return cls(process, address, lan=lan, pid=process.pid)
        process.kill()
        process.wait()
        reason = one_line((process.stderr.read() if process.stderr else "").strip().splitlines()[:1] or [address])
        raise FacilitatorError(t("room.could_not_start", reason=reason or t("room.no_address")))

    @property
    def serving(self) -> bool:
        if self.process is not None:
            return self.process.poll() is None
        try:
            os.kill(self.pid, 0)
        except OSError:
            return False
        return True

    def stop(self) -> None:
        if self.process is None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGTERM)
            return
        if self.serving:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free(port: int, *, lan: bool) -> bool:
    """Whether ``port`` can be listened on (another program may hold it)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("0.0.0.0" if lan else "127.0.0.1", port))
        except OSError:
            return False
    return True


def _first_line(process: subprocess.Popen[str]) -> str:
    """The first line the view prints, or "" when it ends or takes too long."""
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline() if process.stdout else ""), daemon=True)
    reader.start()
    reader.join(START_TIMEOUT)
    return lines[0].strip() if lines else ""


def _drain(process: subprocess.Popen[str]) -> None:
    """Read what the view prints after its address (its QR code, its messages), so that a
    full pipe never stops it."""
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            threading.Thread(target=stream.read, daemon=True).start()
