"""The test's side of child_zygote.py: a meeting child started by fork, driven like a ``Popen``.

:class:`ForkedChild` has what the crash test uses of ``subprocess.Popen``: ``stdin`` and
``stdout`` as text pipes, ``poll``, ``wait``, ``send_signal``, ``kill`` and ``returncode``.
The child is not this process's own (the zygote forked it), so its exit comes as a message
from the zygote, which waited for it.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

ZYGOTE = Path(__file__).with_name("child_zygote.py")


class ForkedChild:
    def __init__(self, zygote: Zygote, pid: int, stdin: IO[str], stdout: IO[str]) -> None:
        self._zygote = zygote
        self.pid = pid
        self.stdin: IO[str] | None = stdin
        self.stdout: IO[str] | None = stdout

    @property
    def returncode(self) -> int | None:
        return self._zygote.exit_code(self.pid)

    def poll(self) -> int | None:
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        code = self._zygote.wait_for_exit(self.pid, timeout)
        if code is None:
            raise subprocess.TimeoutExpired(f"meeting child {self.pid}", timeout or 0)
        return code

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class Zygote:
    """One zygote process for this test process; started on first use, ended at exit."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._channel = ours
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        self._process = subprocess.Popen(
            [sys.executable, str(ZYGOTE), str(theirs.fileno())],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            cwd=ZYGOTE.parent,
            env=env,
        )
        theirs.close()
        self._asking = threading.Lock()
        self._changed = threading.Condition()
        self._spawned: list[int] = []
        self._exits: dict[int, int] = {}
        self._gone = False
        threading.Thread(target=self._listen, daemon=True).start()

    def _listen(self) -> None:
        while message := self._channel.recv(256):
            word, pid, *code = message.decode().split()
            with self._changed:
                if word == "spawned":
                    self._spawned.append(int(pid))
                else:
                    self._exits[int(pid)] = int(code[0])
                self._changed.notify_all()
        with self._changed:
            self._gone = True
            self._changed.notify_all()

    def spawn(self, argv: list[str], stderr: IO[str]) -> ForkedChild:
        """A child running ``meeting_child.main(argv)``, its stdin and stdout piped to us."""
        child_in, to_child = os.pipe()
        from_child, child_out = os.pipe()
        try:
            with self._asking:
                socket.send_fds(self._channel, [json.dumps(argv).encode()], [child_in, child_out, stderr.fileno()])
                with self._changed:
                    if not self._changed.wait_for(lambda: self._spawned or self._gone, timeout=30):
                        raise RuntimeError("the zygote did not fork a child within 30 s")
                    if self._gone:
                        raise RuntimeError(f"the zygote ended (exit {self._process.poll()})")
                    pid = self._spawned.pop(0)
        finally:
            os.close(child_in)
            os.close(child_out)
        return ForkedChild(self, pid, open(to_child, "w", encoding="utf-8"), open(from_child, encoding="utf-8"))

    def exit_code(self, pid: int) -> int | None:
        with self._changed:
            return self._exits.get(pid)

    def wait_for_exit(self, pid: int, timeout: float | None) -> int | None:
        with self._changed:
            self._changed.wait_for(lambda: pid in self._exits or self._gone, timeout=timeout)
            return self._exits.get(pid)

    def close(self) -> None:
        """The zygote kills what still runs and ends when our side of the channel is shut."""
        self._channel.shutdown(socket.SHUT_WR)
        self._process.wait(timeout=30)
        self._channel.close()


_zygote: Zygote | None = None
_starting = threading.Lock()


def zygote() -> Zygote:
    """This process's zygote, started on first use (the crash tests run on threads)."""
    global _zygote
    with _starting:
        if _zygote is None:
            _zygote = Zygote()
            atexit.register(_zygote.close)
        return _zygote
