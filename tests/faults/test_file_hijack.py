"""Files that cannot be hijacked, and archives that are only read stay as they were.

Everything here is real: planted links and other people's files, a pipe and a device as
the archive (under a timeout, so a hang fails instead of stopping the run), two processes
on one archive under two names, a read-only folder, and a full disk at quit.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from support.archives import failing_rescue
from support.disks import can_mount_a_ram_disk
from support.paths import ROOT

from facilitator.errors import ArchiveError
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

HERE = Path(__file__).parent
PYTHON_PATH = str(ROOT)


def facilitator(*args: str, cwd: Path | None = None, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """The real command in its own process; a hang fails the test after ``timeout`` seconds."""
    env = {**os.environ, "PYTHONPATH": PYTHON_PATH, "FACILITATOR_CONFIG": "/nonexistent/config.toml"}
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "--lang", "en", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        env=env,
        cwd=cwd,
    )


def rescue_names(path: Path, meeting_id: int = 1, seconds: int = 6) -> list[Path]:
    """The first names a rescue file of this moment can get (its name holds the second)."""
    now = dt.datetime.now()
    stamps = [(now + dt.timedelta(seconds=s)).strftime("%Y%m%d-%H%M%S") for s in range(seconds)]
    return [path.with_name(f"{path.name}.rescue-{meeting_id}-{stamp}.json") for stamp in stamps]


def snapshot(path: Path) -> tuple[bytes, int, int, int]:
    status = os.lstat(path)
    return path.read_bytes(), stat.S_IMODE(status.st_mode), status.st_uid, status.st_nlink


# --- rescue files ------------------------------------------------------------------------


def test_a_planted_link_at_the_rescue_name_is_not_followed(
    tmp_path: Path, running: Meeting, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "arkiv.sqlite3"
    victim = tmp_path / "victim.txt"
    victim.write_text("someone's file", encoding="utf-8")
    os.chmod(victim, 0o644)
    recorder = failing_rescue(path, running, monkeypatch)
    links = rescue_names(path)
    for link in links:
        link.symlink_to(victim)
    assert recorder.close(timeout=0.5) is False
    recorder.archive.close()
    assert snapshot(victim) == (b"someone's file", 0o644, os.getuid(), 1)  # not written, not chmod'ed
    assert all(link.is_symlink() for link in links)
    rescued = recorder.rescue_file
    assert rescued is not None and not rescued.is_symlink() and rescued.parent == tmp_path
    assert stat.S_IMODE(rescued.stat().st_mode) == 0o600
    assert "Kun i redningsfilen" in rescued.read_text(encoding="utf-8")
    from facilitator.cli import main

    assert main(["--lang", "en", "restore", str(rescued)]) == 0  # what was written is what restore reads
    with Archive.open(path, read_only=True) as archive:
        assert to_dict(archive.load(1)) == to_dict(running)


def test_a_file_made_by_another_user_at_the_rescue_name_gets_nothing(
    tmp_path: Path, running: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "arkiv.sqlite3"
    recorder = failing_rescue(path, running, monkeypatch)
    planted = rescue_names(path)
    for name in planted:
        name.write_text("", encoding="utf-8")
        os.chmod(name, 0o666)
        if os.getuid() == 0:
            os.chown(name, 12345, 12345)
    before = {name: snapshot(name) for name in planted}
    assert recorder.close(timeout=0.5) is False
    recorder.archive.close()
    assert {name: snapshot(name) for name in planted} == before  # not a byte of the meeting in them
    rescued = recorder.rescue_file
    assert rescued is not None and rescued not in planted
    assert stat.S_IMODE(rescued.stat().st_mode) == 0o600 and rescued.stat().st_uid == os.getuid()
    assert json.loads(rescued.read_text(encoding="utf-8"))["meeting_id"] == 1


def test_a_failed_rescue_leaves_no_file_and_reports_none(
    tmp_path: Path, running: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neither the archive's folder nor the temporary folder takes it: nothing half-written, nothing claimed."""
    folder = tmp_path / "arkiv"
    folder.mkdir()
    recorder = failing_rescue(folder / "arkiv.sqlite3", running, monkeypatch)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    # Every name in both folders is taken by a link to a file that must stay as it is.
    victim = tmp_path / "victim.txt"
    victim.write_text("x", encoding="utf-8")
    for first in rescue_names(folder / "arkiv.sqlite3"):  # this second and the next ones
        stem = first.name.removesuffix(".json")
        for place in (folder, temporary):
            for name in [f"{stem}.json", *(f"{stem}-{n}.json" for n in range(2, 21))]:
                (place / name).symlink_to(victim)

    def written(place: Path) -> list[str]:
        return sorted(x.name for x in place.iterdir() if "rescue" in x.name or x.name.endswith(".tmp"))

    before = {p: written(p) for p in (folder, temporary)}
    assert recorder.close(timeout=0.5) is False
    recorder.archive.close()
    assert recorder.rescue_file is None
    after = {p: written(p) for p in (folder, temporary)}
    assert after == before and victim.read_text(encoding="utf-8") == "x"


FULL_AT_QUIT = """
import json, os, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from disk_fault_child import fill
disk = Path(sys.argv[1])
archive = disk / "arkiv.sqlite3"
tempfile.tempdir = str(disk / "tmp")  # the temporary folder is full too
(disk / "tmp").mkdir()
from facilitator import cli
from facilitator.cli import meeting_commands
from facilitator.tui.app import FacilitatorApp
seen = {}

def meeting(app, **kwargs):
    m = app.session.meeting
    m.start()
    m.add_decision("Gemt før disken blev fuld")
    assert app.session.recorder.flush()
    seen["saved"] = to_dict(m)
    seen["filler"] = str(fill(disk))
    for step in range(30):
        m.add_decision(f"Efter {step} " + "æøå " * 200)
        m.set_notes("Noter " * (200 * step))

from facilitator.store.snapshot import to_dict
meeting_commands.has_terminal = lambda: True
FacilitatorApp.run = meeting
import facilitator.store.recorder
facilitator.store.recorder.RETRY_PAUSES = (0.05,)
code = cli.main(["--lang", "en", "run", "klubmoede", "--archive", str(archive)])
sys.stdout.flush()
files = sorted(str(p.relative_to(disk)) for p in disk.rglob("*"))
Path(seen["filler"]).unlink()
from facilitator.store.archive import Archive
with Archive.open(archive, read_only=True) as opened:
    kept = to_dict(opened.load(1))
print(json.dumps({"code": code, "files": files, "kept_whole": all(
    d in [x["text"] for i in kept["items"] for x in i["decisions"]]
    for d in [x["text"] for i in seen["saved"]["items"] for x in i["decisions"]])}))
"""


@pytest.mark.slow
def test_a_full_disk_at_quit_where_nothing_fits_is_told_with_a_failing_status(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    if not can_mount_a_ram_disk(disk):
        pytest.skip("cannot mount a file system here (needs Linux user namespaces)")
    command = shlex.join([sys.executable, "-c", FULL_AT_QUIT, str(disk), str(HERE)])
    mount = f"mount -t tmpfs -o size=512k tmpfs {shlex.quote(str(disk))} && cd {shlex.quote(PYTHON_PATH)} && exec {command}"
    env = {**os.environ, "PYTHONPATH": PYTHON_PATH, "FACILITATOR_CONFIG": "/nonexistent/config.toml"}
    result = subprocess.run(["unshare", "-rm", "sh", "-c", mount], capture_output=True, text=True, timeout=120, env=env)
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["code"] == 2, result.stderr
    assert "The last changes to meeting 1 could NOT be saved" in result.stderr and "those changes are lost" in result.stderr
    assert "is saved" not in result.stdout + result.stderr
    assert not [f for f in seen["files"] if "rescue" in f or f.endswith(".tmp")], seen["files"]  # nothing half-written
    assert seen["kept_whole"], "a decision reported saved is missing from the archive"


# --- restricted minutes ------------------------------------------------------------------


def test_restricted_minutes_are_private(tmp_path: Path, running: Meeting) -> None:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        archive.create(running)
    old = os.umask(0o022)
    try:
        public = facilitator("minutes", "1", "--archive", str(path), "-o", str(tmp_path / "offentligt.md"))
        restricted = facilitator("minutes", "1", "--restricted", "--archive", str(path), "-o", str(tmp_path / "fortroligt.md"))
        (tmp_path / "gammelt.md").write_text("x", encoding="utf-8")
        os.chmod(tmp_path / "gammelt.md", 0o644)
        over = facilitator("minutes", "1", "--restricted", "--force", "--archive", str(path), "-o", str(tmp_path / "gammelt.md"))
    finally:
        os.umask(old)
    assert (public.returncode, restricted.returncode, over.returncode) == (0, 0, 0), restricted.stderr
    assert stat.S_IMODE((tmp_path / "offentligt.md").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "fortroligt.md").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "gammelt.md").stat().st_mode) == 0o600


# --- the archive must be a regular file --------------------------------------------------

COMMANDS = {
    "meetings": ["meetings"],
    "actions": ["actions"],
    "search": ["search", "vold"],
    "minutes": ["minutes", "1"],
    "new": ["new", "--from-meeting", "1", "-o", "next.toml"],
}


def odd_archive(folder: Path, kind: str) -> Path:
    path = folder / "arkiv.sqlite3"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        if os.getuid() != 0:
            pytest.skip("making a device node needs root")
        null = os.stat("/dev/null").st_rdev
        os.mknod(path, 0o666 | stat.S_IFCHR, null)
        os.chmod(path, 0o666)
    elif kind == "link-to-fifo":
        os.mkfifo(folder / "pipe")
        path.symlink_to(folder / "pipe")
    elif kind == "dangling-link":
        path.symlink_to(folder / "nowhere")
    return path


def state(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (os.lstat(p).st_mode, os.lstat(p).st_size) for p in folder.iterdir()}


@pytest.mark.parametrize("command", [*COMMANDS, "run", "resume"])
@pytest.mark.parametrize("kind", ["fifo", "device", "link-to-fifo"])
def test_a_pipe_or_a_device_as_archive_exits_2_untouched(tmp_path: Path, kind: str, command: str) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    path = odd_archive(folder, kind)
    before = state(folder)
    if command in ("run", "resume"):
        # In-process with a terminal pretended: the session is opened before the app would start.
        script = (
            "import sys; from facilitator import cli; from facilitator.cli import meeting_commands; meeting_commands.has_terminal = lambda: True; "
            f"sys.exit(cli.main(['--lang', 'en', {command!r}, *([ 'klubmoede'] if {command!r} == 'run' else []), '--archive', sys.argv[1]]))"
        )
        env = {**os.environ, "PYTHONPATH": PYTHON_PATH, "FACILITATOR_CONFIG": "/nonexistent/config.toml"}
        result = subprocess.run(
            [sys.executable, "-c", script, str(path)],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=30,
            env=env,
            cwd=folder,
        )
    else:
        result = facilitator(*COMMANDS[command], "--archive", str(path), cwd=folder)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert (
        result.stderr
        == f"{path} is not an ordinary file (a pipe, a device, or a link to one or to nothing); it was left as it was. Choose another file with --archive PATH\n"
    )
    assert state(folder) == before  # no chmod, no -journal, -wal or -shm


def test_dev_null_as_archive_is_refused(tmp_path: Path) -> None:
    mode = os.stat("/dev/null").st_mode
    for command in COMMANDS.values():
        result = facilitator(*command, "--archive", "/dev/null", cwd=tmp_path)
        assert result.returncode == 2 and "/dev/null is not an ordinary file" in result.stderr, result.stderr
    assert os.stat("/dev/null").st_mode == mode and not os.path.exists("/dev/null-journal")


def test_a_dangling_link_is_not_made_an_archive(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    path = odd_archive(folder, "dangling-link")
    with pytest.raises(ArchiveError, match="is not an ordinary file"):
        Archive.open(path)
    for command in COMMANDS.values():  # told as what it is, not as "no archive yet"
        result = facilitator(*command, "--archive", str(path), cwd=tmp_path)
        assert result.returncode == 2 and "is not an ordinary file" in result.stderr, result.stderr
    assert not (folder / "nowhere").exists()


def test_resume_never_makes_an_empty_file_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "arkiv.sqlite3"
    path.touch()
    os.chmod(path, 0o644)
    script = "import sys; from facilitator import cli; from facilitator.cli import meeting_commands; meeting_commands.has_terminal = lambda: True; sys.exit(cli.main(['--lang', 'en', 'resume', '--archive', sys.argv[1]]))"
    env = {**os.environ, "PYTHONPATH": PYTHON_PATH, "FACILITATOR_CONFIG": "/nonexistent/config.toml"}
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=30, env=env)
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr == f"{path} is an empty file, not an archive; there is no meeting in it to resume. It was left as it was\n"
    )
    assert path.read_bytes() == b"" and stat.S_IMODE(path.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arkiv.sqlite3"]


# --- one writer, whatever the name --------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from facilitator import i18n
from facilitator.session import Resumption, Session
i18n.set_language("en")
session = Session.resume(Resumption.find(Path(sys.argv[1]), 1))
print("holding", flush=True)
sys.stdin.readline()
session.close()
"""


@pytest.mark.parametrize("other_name", ["symlink", "hard-link", "other-spelling"])
def test_the_same_archive_under_another_name_is_refused_while_held(tmp_path: Path, running: Meeting, other_name: str) -> None:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        archive.create(running)
    (tmp_path / "sub").mkdir()
    env = {**os.environ, "PYTHONPATH": PYTHON_PATH}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        if other_name == "symlink":
            other = tmp_path / "sub" / "link.sqlite3"
            other.symlink_to(path)
        elif other_name == "hard-link":
            other = tmp_path / "sub" / "hard.sqlite3"
            os.link(path, other)
        else:
            other = tmp_path / "sub" / ".." / "arkiv.sqlite3"
        second = subprocess.run(
            [sys.executable, "-c", HOLDER, str(other)], input="\n", capture_output=True, text=True, env=env, timeout=30
        )
    finally:
        holder.communicate("\n", timeout=30)
    assert second.returncode != 0 and "holding" not in second.stdout
    told = "has 2 names (hard links)" if other_name == "hard-link" else "meeting 1 is already open in another facilitator"
    assert told in second.stderr, second.stderr
    assert holder.returncode == 0


# --- read-only stays read-only -----------------------------------------------------------


def test_read_commands_work_in_a_folder_that_may_not_be_written(tmp_path: Path, running: Meeting) -> None:
    """A folder owned by someone else, seen from a user namespace: not writable even for its root."""
    if os.getuid() != 0 or subprocess.run(["unshare", "-r", "true"], capture_output=True).returncode != 0:
        pytest.skip("needs root and user namespaces to have a folder root may not write in")
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        meeting_id = archive.create(running)
        running.add_decision("Klubben beder om et møde om vold")
        running.add_action("Skrive til ledelsen", "Anne")
        archive.save(meeting_id, to_dict(running, notes=False))
    os.chmod(path, 0o644)
    os.chown(folder, 12345, 12345)
    os.chmod(folder, 0o555)
    os.chmod(tmp_path, 0o755)
    before = state(folder)
    env = {**os.environ, "PYTHONPATH": PYTHON_PATH, "FACILITATOR_CONFIG": "/nonexistent/config.toml"}
    for name, command in COMMANDS.items():
        output = ["-o", str(tmp_path / "out" / f"{name}.toml")] if name == "new" else []
        args = [*command[:-2], *output] if name == "new" else command
        line = shlex.join([sys.executable, "-m", "facilitator", "--lang", "en", *args, "--archive", str(path)])
        (tmp_path / "out").mkdir(exist_ok=True)
        result = subprocess.run(
            ["unshare", "-r", "sh", "-c", f"test ! -w {shlex.quote(str(folder))} && exec {line}"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            cwd=tmp_path,
        )
        assert result.returncode == 0 and "readonly" not in result.stderr, (name, result.stderr)
    assert state(folder) == before


@pytest.mark.slow
def test_a_refused_archive_with_a_journal_beside_it_gets_no_shm(tmp_path: Path, running: Meeting) -> None:
    """A damaged or newer archive found with its -wal (a crash, or a newer facilitator) is left as it was."""
    from support.archives import bad_archives

    good = tmp_path / "good.sqlite3"
    with Archive.open(good) as archive:
        archive.create(running)
    for kind, data in bad_archives(good).items():
        folder = tmp_path / kind
        folder.mkdir()
        path = folder / "arkiv.sqlite3"
        path.write_bytes(data)
        (folder / "arkiv.sqlite3-wal").write_bytes(b"")
        before = state(folder)
        for command in COMMANDS.values():
            result = facilitator(*command, "--archive", str(path), cwd=folder)
            assert result.returncode == 2, (kind, result.stderr)
            assert state(folder) == before, (kind, command, sorted(set(state(folder)) - set(before)))
