"""Real disk faults need a file system of our own: a RAM disk mounted in a user namespace."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path


def can_mount_a_ram_disk(folder: Path) -> bool:
    """Whether this machine lets an unprivileged user mount a small RAM disk at ``folder``."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {shlex.quote(str(folder))}"],
        capture_output=True,
    )
    return probe.returncode == 0
