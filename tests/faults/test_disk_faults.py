"""Real disk faults under a real meeting process: the meeting goes on, and nothing is lost.

Two faults the operating system really produces, not exceptions raised by hand:
- a full disk: a small RAM file system (mounted in a user namespace, so no root is
  needed) filled to the last byte gives SQLite a true ENOSPC;
- a file-size limit of zero makes every write fail with EFBIG, which SQLite reports as an
  I/O error, as it would a failing USB stick; facilitator names the limit.
The app's own handling of the message (the notification, the status line) is tested in
tests/tui/test_meeting_screen.py with the error injected at the SQLite connection.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from support.disks import can_mount_a_ram_disk

CHILD = Path(__file__).with_name("disk_fault_child.py")


@pytest.fixture
def mount_point(tmp_path: Path) -> Path:
    """An empty folder a test can mount a small file system on, or a skip where it cannot."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if not can_mount_a_ram_disk(folder):
        pytest.skip("cannot mount a file system here (needs Linux user namespaces)")
    return folder


def run_child(archive: Path, fault: str, *, shell_prefix: list[str] | None = None) -> dict[str, object]:
    """Run the child; ``shell_prefix`` ends in a shell line that the child's command completes."""
    command = [sys.executable, str(CHILD), str(archive), fault]
    if shell_prefix:
        command = [*shell_prefix[:-1], f"{shell_prefix[-1]} {shlex.join(command)}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=CHILD.parent)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def assert_survived(seen: dict[str, object], message: str) -> None:
    assert seen["failing_flush"] is False, "the fault did not stop saving: nothing was tested"
    assert message in str(seen["error_while_failing"])
    assert seen["failures"] == 1 and message in str(seen["began_with"]), seen  # one failure, not one per retry
    assert seen["recovered_flush"] is True and seen["closed"] is True
    assert seen["recoveries"] == 1
    assert seen["same"] is True, "the archive differs from the meeting in memory"
    assert seen["rescue_file"] is None


def test_a_full_disk_then_freed(mount_point: Path) -> None:
    disk = mount_point
    archive = disk / "arkiv.sqlite3"
    mount = f"mount -t tmpfs -o size=2m tmpfs {shlex.quote(str(disk))} && exec"
    seen = run_child(archive, "full", shell_prefix=["unshare", "-rm", "sh", "-c", mount])
    assert_survived(seen, f"the disk holding {archive} is full; free some space")


@pytest.mark.skipif(sys.platform == "win32", reason="needs RLIMIT_FSIZE")
def test_a_file_size_limit_then_lifted(tmp_path: Path) -> None:
    """Named as the limit it is, not as a failing disk nor as damage."""
    seen = run_child(tmp_path / "arkiv.sqlite3", "io")
    assert_survived(
        seen, "cannot be written: this program may not write files larger than 0 bytes (a file-size limit, ulimit -f)"
    )


READ_ONLY_CHECK = """
import sys
from pathlib import Path
from facilitator import i18n
from facilitator.errors import FacilitatorError
from facilitator.session import MeetingPlan, Session
i18n.set_language("en")
try:
    Session.open_new(MeetingPlan.find(Path(sys.argv[1]), "klubmoede"))
except FacilitatorError as error:
    print(error)
else:
    print("opened")
if Path(sys.argv[1]).exists():  # what is on the stick can still be read
    from facilitator.store.archive import Archive
    with Archive.open(Path(sys.argv[1]), read_only=True) as archive:
        print(len(archive.meetings()), "meetings")
"""


@pytest.mark.parametrize("existing", [True, False], ids=["archive-on-read-only-disk", "no-archive-yet"])
def test_a_read_only_disk_is_told_at_start(mount_point: Path, existing: bool) -> None:
    """A real read-only mount (a write-protected stick), not a permission bit, which root ignores."""
    disk = mount_point
    archive = disk / "arkiv.sqlite3"
    if existing:
        from facilitator.session import MeetingPlan, Session

        session = Session.open_new(MeetingPlan.find(archive, "klubmoede"))
        session.meeting.start()
        session.close()
    before = {p.name: p.read_bytes() for p in disk.iterdir()}
    folder = shlex.quote(str(disk))
    mount = f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && exec"
    command = shlex.join([sys.executable, "-c", READ_ONLY_CHECK, str(archive)])
    result = subprocess.run(["unshare", "-rm", "sh", "-c", f"{mount} {command}"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    expected = (
        f"{archive} is read-only; facilitator cannot save meetings there. Make it writable, or choose another archive with --archive PATH"
        if existing
        else f"cannot create the archive {archive}: you may not write in {disk}. Choose another place with --archive PATH"
    )
    assert result.stdout.splitlines() == [expected, "1 meetings"] if existing else [expected]
    assert {p.name: p.read_bytes() for p in disk.iterdir()} == before


MINUTES_TO_A_FULL_DISK = """
import json, subprocess, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from disk_fault_child import fill
archive, folder = sys.argv[1], Path(sys.argv[2])
(folder / "referat.md").write_text("det gamle referat", encoding="utf-8")
filler = fill(folder)
runs = [
    subprocess.run([sys.executable, "-m", "facilitator", "--lang", "en", "minutes", "--archive", archive, "-o", str(folder / name), *force],
                   capture_output=True, text=True)
    for name, force in (("referat.md", ["--force"]), ("nyt.md", []))
]
filler.unlink()
print(json.dumps({
    "runs": [(r.returncode, r.stdout, r.stderr) for r in runs],
    "left": {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()},
}))
"""


def test_minutes_to_a_full_disk_leave_the_old_file_and_no_temporary_file(mount_point: Path, tmp_path: Path) -> None:
    from facilitator.session import MeetingPlan, Session

    disk = mount_point
    archive = tmp_path / "arkiv.sqlite3"
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede"))
    session.meeting.start()
    session.meeting.set_notes("Et langt referat. " * 2000)
    session.close()
    folder = shlex.quote(str(disk))
    command = shlex.join([sys.executable, "-c", MINUTES_TO_A_FULL_DISK, str(archive), str(disk), str(CHILD.parent)])
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=256k tmpfs {folder} && exec {command}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    for (code, out, err), name in zip(seen["runs"], ("referat.md", "nyt.md"), strict=True):
        assert (code, out) == (2, "")
        assert err == f"{disk / name}: the disk is full; free some space and try again\n"
    assert seen["left"] == {"referat.md": "det gamle referat"}  # the old minutes whole, no temporary file
