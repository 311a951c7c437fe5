"""Run a program in a pseudo-terminal and watch what it paints, as a terminal would.

Startup is measured from just before the process is spawned to the moment the bytes it
writes contain a marker from its footer. Both apps measured build their footer at compose
time, so the marker comes with the first complete frame (a footer filled in later, as
Textual's stock one is, would mark the frame after it). CPU time and peak memory are read from
``/proc``, so they cover every thread of the process, the saving thread included.
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

SIZE = (120, 40)
"""Columns and rows: a laptop terminal, wide enough for the meeting screen's side panels."""
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Terminal:
    """One program in a pty; its output is drained on a thread so it never blocks."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str], *, size: tuple[int, int] = SIZE) -> None:
        self.master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, env=dict(env), start_new_session=True, close_fds=True
        )
        os.close(slave)
        self._output = bytearray()
        self.last_output = 0.0
        """When the program last wrote (``time.perf_counter``): a frame is done when it rests."""
        self._seen = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            with self._seen:
                if not chunk:
                    self._seen.notify_all()
                    return
                self._output += chunk
                self.last_output = time.perf_counter()
                self._seen.notify_all()

    def wait_for(self, marker: str, *, timeout: float = 30.0, after: int = 0) -> float:
        """Seconds from spawn until ``marker`` appears in the output (past byte ``after``)."""
        needle = marker.encode()
        deadline = time.monotonic() + timeout
        with self._seen:
            while needle not in self._output[after:]:
                left = deadline - time.monotonic()
                if left <= 0 or not self._reader.is_alive():
                    tail = bytes(self._output[-600:]).decode(errors="replace")
                    raise RuntimeError(f"{marker!r} never appeared on the screen of {self.process.args}; last output:\n{tail}")
                self._seen.wait(min(left, 0.5))
            return time.perf_counter() - self.started

    @property
    def written(self) -> int:
        with self._seen:
            return len(self._output)

    def send(self, data: str) -> None:
        os.write(self.master, data.encode())

    def cpu_seconds(self) -> float:
        """User plus system CPU time of the process so far (all its threads)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def peak_rss(self) -> int:
        """The process's high-water mark of resident memory, in bytes."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError("no VmHWM in /proc: peak memory needs Linux")

    def close(self, quit_keys: str = "\x11") -> None:
        """Quit as a user would (ctrl+q), so the app cleans up; kill it if it will not go."""
        if self.process.poll() is None:
            try:
                self.send(quit_keys)
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._reader.join(timeout=5)
        os.close(self.master)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def terminal_env(**extra: str) -> dict[str, str]:
    """The environment of a colour terminal, without settings that would change the apps."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "FACILITATOR", "TMUX"))}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.update(extra)
    return env
