"""The shared archive while a meeting is open: its lease held and its changes synced, in the background.

A meeting room's Wi-Fi comes and goes, so nothing here is ever waited for by the person
typing or by the app starting. A thread of its own connects, takes the meeting's lease
(``lease``), and syncs (``sync.sync``, the one way anything is sent): at start, some seconds
after the last change (and at least every ``Timing.most`` seconds while changes keep coming),
and once more when the meeting closes, with a bounded wait. A server that cannot be reached
is normal: the thread tries again with longer pauses, and the meeting goes on locally.

The thread has its own connection to the archive (``open_archive``): SQLite in WAL mode lets
it read while the recorder writes, and its one write (the record of what was sent) is a
short transaction the recorder's saves wait for at most a moment. It never touches the
meeting itself, only the archive, so what it sends is what the recorder has saved.

What the thread knows is ``state``, a value replaced whole that the UI reads (the thread never
calls the UI); ``changed`` is the only thing called from the UI's thread, and it costs a
clock reading (and, for the first change after a sync, a notify).

The lease's first answer decides whether the meeting may be held here (``refused``): held by
another laptop, the meeting is refused. When there was no answer at first (offline), the
meeting is held locally, and a lease found held elsewhere later is a conflict: shown, and
nothing is sent until the other laptop lets go (docs/shared-archive.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import threading
import time
from collections.abc import Callable
from typing import NamedTuple, Protocol

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.shared import failures
from facilitator.shared.lease import Holder, release, take
from facilitator.shared.schema import bring_up_to_date
from facilitator.shared.sync import LocalMeetings, connect, sync
from facilitator.shared.target import shown
from facilitator.text.visible import one_line


class Timing(NamedTuple):
    """How often the thread does what, in seconds."""

    first: float = 1.0
    """The first try waits this long after the meeting opens: past the app's first frame, which
    importing the driver (some 150 ms of the interpreter's time) would otherwise slow down."""
    lease: float = 120.0
    """How long a lease lasts unless renewed: a laptop gone quiet lets go of its meeting by then."""
    renew: float = 30.0
    """How often the lease is renewed: four tries before it runs out."""
    quiet: float = 5.0
    """A sync follows the last change by this much (the recorder has saved it long before)."""
    most: float = 30.0
    """…and follows the first change not yet synced by at most this much, while typing goes on."""
    retries: tuple[float, ...] = (2.0, 5.0, 10.0, 20.0, 30.0)
    """The pauses before each new try after a failure; the last is kept."""
    close: float = 3.0
    """How long closing the meeting waits for the last sync and the lease's release."""


TIMING = Timing()

CONNECTING, SYNCED, OFFLINE, FAILED, HELD, CONFLICT = "connecting", "synced", "offline", "failed", "held", "conflict"
NEWER = "newer"
"""The server holds this meeting in a newer version: another computer held it since (a
copied archive). It is saved here and not sent, for the rest of the session."""


class LiveState(NamedTuple):
    """What the background sync knows now: one value, replaced whole."""

    kind: str = CONNECTING
    synced_at: dt.datetime | None = None
    """When the last sync ended well (this machine's time)."""
    holder: Holder | None = None
    """Who holds the meeting elsewhere (kinds ``held`` and ``conflict``)."""
    problem: str | None = None
    """The last failure, in words (kinds ``offline``, ``failed`` and ``newer``)."""

    def shown(self, *, short: bool = False) -> str:
        """The status bar's line; ``short`` for a narrow screen (a word or a sign, the rest
        in the notification a failure or a conflict brings)."""
        if self.kind in (HELD, CONFLICT) and self.holder is not None:
            if short:
                return t("live.short.conflict")
            return t("live.conflict", holder=self.holder.holder, until=_clock(self.holder.until))
        if self.kind == SYNCED and self.synced_at is not None:
            return t("live.short.synced") if short else t("live.synced", time=self.synced_at.strftime("%H:%M"))
        if self.kind == OFFLINE:
            return t("live.short.offline") if short else t("live.offline")
        if self.kind == FAILED:
            return t("live.short.failed") if short else t("live.failed")
        if self.kind == NEWER:
            return t("live.short.failed") if short else t("live.newer")
        return t("live.short.connecting") if short else t("live.connecting")

    @property
    def needs_look(self) -> bool:
        """Whether the line is a warning: a failure that is not just a server out of reach,
        or the meeting held elsewhere. Being offline is normal, and shown quietly."""
        return self.kind in (FAILED, HELD, CONFLICT, NEWER)

    @property
    def refused(self) -> str | None:
        """Why the meeting may not be held here: another laptop holds it."""
        if self.kind == HELD and self.holder is not None:
            return t("live.held", holder=self.holder.holder, until=_clock(self.holder.until))
        return None


def _clock(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


class LocalArchive(LocalMeetings, Protocol):
    def close(self) -> None: ...


def laptop_name() -> str:
    """How a laptop is named to the others: its host's name."""
    return one_line(socket.gethostname())[:60] or "?"


def laptop_token(archive: os.PathLike[str] | str) -> str:
    """Which laptop holds a lease: this host's archive file. One archive is held by one
    process at a time (its meeting lock), so a process that resumes after a crash is the
    same holder, while another archive (another laptop) is not."""
    place = f"{socket.gethostname()}\0{os.path.realpath(archive)}"
    return hashlib.sha256(place.encode()).hexdigest()[:32]


class LiveShare:
    """The background sync and lease of one open meeting, from ``start`` to ``stop``."""

    def __init__(
        self,
        target: str,
        uid: str,
        *,
        open_archive: Callable[[], LocalArchive],
        group: Callable[[], str | None],
        token: str,
        holder: str | None = None,
        timing: Timing | None = None,
    ) -> None:
        self.target = target
        self.uid = uid
        self.state = LiveState()
        self.timing = timing or TIMING
        self._open_archive = open_archive
        self._group = group
        self._token = token
        self._holder = holder or laptop_name()
        self._condition = threading.Condition()
        self._stopping = False
        self._changed_at = 0.0
        self._pending_since: float | None = None
        """When the first change not synced yet came (None: nothing waits)."""
        self._answered = threading.Event()
        self._newer = False
        """The server was found to hold this meeting in a newer version: it is kept back."""
        self._thread = threading.Thread(target=self._run, name=f"shared-{uid[:8]}", daemon=True)

    def start(self) -> LiveShare:
        self._thread.start()
        return self

    def changed(self, change: object = None) -> None:
        """The meeting changed (called on the UI's thread, inside the change): a sync is due soon."""
        self._changed_at = time.monotonic()
        if self._pending_since is None:
            with self._condition:
                if self._pending_since is None:
                    self._pending_since = self._changed_at
                    self._condition.notify_all()

    @property
    def answered(self) -> bool:
        """Whether the server has answered the first time, or could not be reached."""
        return self._answered.is_set()

    def wait_answer(self, timeout: float) -> LiveState:
        """The state once the server first answered or could not be reached (or ``timeout`` passed)."""
        self._answered.wait(timeout)
        return self.state

    def stop(self, timeout: float | None = None) -> bool:
        """The last sync and the lease let go, waited for at most ``timeout`` seconds (``Timing.close``):
        False when the thread was still at it (it goes on alone, and the lease runs out by itself)."""
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
        if self._thread.is_alive():
            self._thread.join(self.timing.close if timeout is None else timeout)
        return not self._thread.is_alive()

    # --- the thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        archive: LocalArchive | None = None
        failed_rounds = 0
        held = synced_once = False
        next_at = time.monotonic() + self.timing.first  # when the lease is next taken or renewed, or tried again
        try:
            while True:
                with self._condition:
                    while not self._stopping:
                        due = min(next_at, self._sync_due()) if held else next_at
                        if due <= time.monotonic():
                            break
                        self._condition.wait(due - time.monotonic())
                    if self._stopping:
                        break
                    waiting = self._pending_since is not None
                    sending = not synced_once or (waiting and (not held or self._sync_due() <= time.monotonic()))
                    if sending:
                        self._pending_since = None
                try:
                    other = self._lease()
                    held = other is None
                    next_at = time.monotonic() + self.timing.renew
                    if other is not None:
                        self._settle(LiveState(CONFLICT if self._answered.is_set() else HELD, self.state.synced_at, other))
                        if self.state.kind == HELD:
                            return  # refused: the meeting closes here; nothing more to do
                        self._keep_pending(sending)
                        continue
                    if sending:
                        archive = archive or self._open_archive()
                        self._sync(archive)
                        synced_once = True
                    elif self.state.kind not in (SYNCED, NEWER):
                        self._settle(LiveState(SYNCED, self.state.synced_at) if self.state.synced_at else LiveState())
                    failed_rounds = 0
                except Exception as error:  # noqa: BLE001 - whatever it is, a word on the screen, never a traceback over it
                    held = False
                    self._keep_pending(sending)
                    pauses = self.timing.retries
                    next_at = time.monotonic() + pauses[min(failed_rounds, len(pauses) - 1)]
                    failed_rounds += 1
                    self._settle(LiveState(_kind_of(error), self.state.synced_at, problem=str(error)))
            self._finish(archive, held)
        finally:
            self._answered.set()
            if archive is not None:
                archive.close()

    def _sync(self, archive: LocalArchive) -> None:
        """Sync, this meeting kept back once found newer on the server; then say how it went:
        synced, or newer there (and kept back from now on)."""
        result = sync(archive, self.target, token=self._token, keep_back=(self.uid,) if self._newer else ())
        self._newer = self._newer or self.uid in result.newer_uids
        if self._newer:
            self._settle(LiveState(NEWER, self.state.synced_at, problem=t("live.newer_there", target=shown(self.target))))
        else:
            self._settle(LiveState(SYNCED, dt.datetime.now()))

    def _sync_due(self) -> float:
        pending = self._pending_since
        if pending is None:
            return float("inf")
        return min(self._changed_at + self.timing.quiet, pending + self.timing.most)

    def _keep_pending(self, sending: bool) -> None:
        """A sync that did not happen is still due."""
        if sending:
            with self._condition:
                self._pending_since = self._pending_since or time.monotonic()

    def _settle(self, state: LiveState) -> None:
        self.state = state
        self._answered.set()

    def _lease(self) -> Holder | None:
        """Take or renew the lease (migrating an older server first, as a sync does)."""
        import psycopg

        name = shown(self.target)
        db = connect(self.target)
        try:
            bring_up_to_date(db, name)
            return take(db, self.uid, self._group(), holder=self._holder, token=self._token, seconds=self.timing.lease)
        except psycopg.Error as error:
            raise failures.on_sync(error, name) from None
        finally:
            db.close()

    def _finish(self, archive: LocalArchive | None, held: bool) -> None:
        """The meeting closes: send what it did since the last sync, and let go of the lease.
        Not when another laptop holds it; tried once, the caller waiting at most ``Timing.close``."""
        if self.state.kind in (HELD, CONFLICT):
            return
        own: LocalArchive | None = None
        try:
            if not held and self._lease() is not None:
                return
            if archive is None:
                archive = own = self._open_archive()
            self._sync(archive)
            db = connect(self.target)
            try:
                release(db, self.uid, self._token)
            finally:
                db.close()
        except Exception:  # noqa: BLE001 - the lease runs out by itself; the next sync sends the rest
            pass
        finally:
            if own is not None:
                own.close()


def _kind_of(error: Exception) -> str:
    """A server that cannot be reached, or went away, is being offline; a refusal (a password,
    a newer server, a row refused) or anything else is a failure, which ``problem`` tells in words."""
    cause = error.__context__  # the driver's error, kept by ``raise … from None``
    if not isinstance(error, FacilitatorError) or type(cause).__module__.split(".")[0] != "psycopg":
        return FAILED
    import psycopg

    if not isinstance(cause, psycopg.OperationalError) or getattr(cause, "sqlstate", None) in failures.WRONG_PASSWORD:
        return FAILED
    return FAILED if "password" in str(cause) else OFFLINE
