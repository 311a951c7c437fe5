"""Move a finished file into place in one step, but never over anything already there.

A file made under a private name and moved into place is seen by other programs either
not at all or whole. ``os.replace`` would do that but replaces what another program put
there a moment earlier; a hard link does not replace, but for a moment the file has two
names, which an archive must not have. Linux's ``renameat2`` with ``RENAME_NOREPLACE``
does both at once; elsewhere, and on file systems that cannot (some network shares),
the caller is told so and does without.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

_AT_FDCWD = -100
_RENAME_NOREPLACE = 1
_CANNOT = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}
"""What a kernel or file system without RENAME_NOREPLACE answers."""


@cache
def _renameat2() -> Callable[..., int] | None:
    """Found on first use: ctypes is only needed when a new archive is made, not at every start."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library older than glibc 2.28, or none to find
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    function.restype = ctypes.c_int
    return function


def available() -> bool:
    """Whether this system can try at all (a file system may still refuse)."""
    return _renameat2() is not None


def rename_no_replace(source: Path, target: Path) -> bool | None:
    """Rename ``source`` to ``target`` unless ``target`` exists (a file, a link, anything).

    True when moved; False when something was at ``target`` first (``source`` is left as
    it was); None when this system or file system cannot rename without replacing.
    Other failures are raised as the OSError they are.
    """
    function = _renameat2()
    if function is None:
        return None
    import ctypes

    if function(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(target), _RENAME_NOREPLACE) == 0:
        return True
    code = ctypes.get_errno()
    if code == errno.EEXIST:
        return False
    if code in _CANNOT:
        return None
    raise OSError(code, os.strerror(code), str(target))
