"""A private PostgreSQL server: ``initdb`` into a folder of its own, ``pg_ctl`` to start it.

The tests' server (``tests/support/postgres.py``) and the bench's (``shared_figures.py``,
``live_figures.py``) are this one. It listens on a Unix socket in its folder and nowhere else (``listen_addresses`` is
empty), so no other process on the machine can reach it, and two servers (one per xdist
worker) never meet: the port number only names the socket file, and each has its own folder.
The superuser logs in without a password (``trust``, on that socket only); every other role
must give its password (SCRAM).

``initdb`` refuses to run as root. As root (CI's container), the server runs as the ``postgres``
system user that Debian's ``postgresql`` package creates, through ``subprocess``'s ``user=``:
the folder is given to that user.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "facilitator_test"
PORT = 5432
"""Free by construction: the socket is in the server's own folder, which no other server uses."""
SERVER_USER = "postgres"
_FAST = ("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")


def find_bindir() -> Path | None:
    """The folder of ``initdb``, ``pg_ctl`` and ``postgres``: ``FACILITATOR_PG_BINDIR``, else
    the one ``pg_ctl`` on PATH links to, else Debian's newest /usr/lib/postgresql/N/bin."""
    candidates: list[Path] = []
    if os.environ.get("FACILITATOR_PG_BINDIR"):
        candidates.append(Path(os.environ["FACILITATOR_PG_BINDIR"]))
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0
    )
    candidates.extend(Path(p) for p in reversed(debian))
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def missing() -> str | None:
    """Why no server can be started here (PostgreSQL or psycopg not installed, root without
    the ``postgres`` user), or None."""
    bindir = find_bindir()
    if bindir is None:
        return "PostgreSQL's initdb/pg_ctl/postgres are not installed (apt-get install postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'psycopg[binary]')"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f"running as root, and there is no {SERVER_USER!r} user to run the server as"
    return None


class PostgresServer:
    """One private server: ``start``, ``stop``, ``restart``, and URLs to its databases."""

    def __init__(self, bindir: Path, folder: Path | None = None) -> None:
        """A server in ``folder`` (kept: the bench's built data), else in a new one in /tmp."""
        self.bindir = bindir
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder if folder is not None else Path(tempfile.mkdtemp(prefix="fac-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self._as: dict[str, object] = {}
        if os.geteuid() == 0:
            entry = pwd.getpwnam(SERVER_USER)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
            self._as = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        self._names = itertools.count(1)
        self.running = False

    def _run(self, *args: str) -> None:
        done = subprocess.run(args, cwd=self.folder, capture_output=True, text=True, check=False, **self._as)  # type: ignore[call-overload]
        if done.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args)} failed: {done.stdout}{done.stderr}{log}")

    def initdb(self) -> None:
        self._run(
            str(self.bindir / "initdb"),
            *("-D", str(self.data), "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"),
            *("--auth-local=trust", "--auth-host=reject"),
        )
        # The superuser without a password; everyone else with theirs.
        (self.data / "pg_hba.conf").write_text(f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n")

    def start(self) -> None:
        options = " ".join(("-k", str(self.folder), "-c", "listen_addresses=''", "-p", str(PORT), *_FAST))
        self._run(
            str(self.bindir / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.log), "-o", options
        )
        self.running = True

    def stop(self) -> None:
        """Stop at once: sessions are cut, as when a server goes away."""
        self._run(str(self.bindir / "pg_ctl"), "stop", "-w", "-m", "fast", "-D", str(self.data))
        self.running = False

    def restart(self) -> None:
        self.stop()
        self.start()

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        """A libpq URL through the socket folder (``host`` is a path, so no network is used)."""
        login = user if password is None else f"{user}:{password}"
        return f"postgresql://{login}@/{database}?host={self.folder}&port={PORT}"

    def new_database(self) -> str:
        """A fresh, empty database's name: one per test keeps tests apart at ~0.1 s each."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Run SQL as the superuser (roles, grants), outside any transaction."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as db:
            db.execute(sql.encode())

    def remove(self) -> None:
        if self.running:
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
