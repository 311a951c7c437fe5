"""Reading a file a person named, which may be anything: a pipe, a device, a huge file.

A named pipe would block the first ``open`` until a writer came, ``/dev/zero`` would be
read for ever, and a file swapped between a look and an open would be read unchecked.
So the file is opened without blocking, checked on the open descriptor (the file checked
is the file read), and read up to a limit. The callers word the refusals their way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from facilitator.errors import FileTooLargeError, NotRegularFileError


def read_regular(path: str | Path, limit: int, *, follow_links: bool = True) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at ``path`` (at most ``limit``) and its status.

    Raises NotRegularFileError, FileTooLargeError, or the OSError of opening or reading (FileNotFoundError
    among them; a link with ``follow_links=False`` is ELOOP), and ValueError for a path
    holding a NUL.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFileError(path)
        if status.st_size > limit:
            raise FileTooLargeError(path)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)  # it may have grown since fstat
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise FileTooLargeError(path)
    return data, status
