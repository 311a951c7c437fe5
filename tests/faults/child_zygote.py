"""The crash test's meeting children, forked from one process that imported them once.

The crash test starts some 250 meeting processes and kills 200 of them. Started as new
Python processes, each spent a tenth of a second of CPU importing the app before its first
step: 30 s of the suite's CPU, a tenth of it, in imports. This process imports
``meeting_child`` (and with it the app's core) once and forks a child per request; the
child is a process of its own all the same, killed by SIGKILL as before, its archive lock
its own (taken after the fork), and it runs the same ``main`` a script run would.

Requests come over a SOCK_SEQPACKET socket from the test: the child's argv as JSON and its
stdin, stdout and stderr as file descriptors. Replies: ``spawned PID``, and ``exited PID
CODE`` when the child ends (CODE as ``subprocess`` gives it: -9 for SIGKILL). The process
ends when the test closes its end, killing any child still running.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: meeting_child sits beside it
    sys.path.insert(0, str(Path(__file__).resolve().parent))
import meeting_child  # noqa: E402


def _reap(channel: socket.socket, children: set[int]) -> None:
    while children:
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            return
        children.discard(pid)
        channel.send(f"exited {pid} {os.waitstatus_to_exitcode(status)}".encode())


def serve(channel: socket.socket) -> None:
    children: set[int] = set()
    while True:
        ready, _, _ = select.select([channel], [], [], 0.005)
        _reap(channel, children)
        if not ready:
            continue
        message, fds, _, _ = socket.recv_fds(channel, 65536, 3)
        if not message:  # the test is done
            for pid in children:
                os.kill(pid, signal.SIGKILL)
            return
        argv = json.loads(message)
        pid = os.fork()
        if pid == 0:  # the child: its own stdio, then the script's main; its exit ends this process
            channel.close()
            for target, fd in enumerate(fds):
                os.dup2(fd, target)
                os.close(fd)
            meeting_child.main(argv)
            sys.exit(0)
        for fd in fds:
            os.close(fd)
        children.add(pid)
        channel.send(f"spawned {pid}".encode())


if __name__ == "__main__":
    serve(socket.socket(fileno=int(sys.argv[1])))
