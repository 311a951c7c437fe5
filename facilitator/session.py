"""One meeting being held, from opening to closing: the one owner of a meeting's life.

A session opens a meeting (a new one from an agenda, or a saved one resumed), holds its
writer lock, keeps the recorder that saves it, and closes it. Every step goes down the
layers: the session asks the store to open, query, create, lock and load, and tells the
meeting what happened (the open actions it carries over, the break it had); nothing
below calls back up. Kept apart from the UI so the start, resume and close paths (locks,
breaks, rescue files) are tested without a screen, and so a script could hold a meeting
too.

Opening is two steps, so a caller can check what it needs between them: ``MeetingPlan``
and ``Resumption`` resolve what was asked for (the agenda read, the archive found) and
write nothing; ``Session.open_new`` and ``Session.resume`` then open it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from facilitator.agenda.loader import load_agenda
from facilitator.agenda.model import Agenda
from facilitator.agenda.shipped import find_agenda
from facilitator.errors import FacilitatorError
from facilitator.files.agenda_groups import remember_group, remembered_group
from facilitator.files.config import Config
from facilitator.files.paths import archive_path
from facilitator.i18n import t
from facilitator.meeting.approval import MinutesApproval, PreviousMinutes, checked_remark
from facilitator.meeting.model import Clock, Meeting, system_clock
from facilitator.store.approvals import ApprovedText
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder
from facilitator.store.save_health import SaveHealth

if TYPE_CHECKING:
    from facilitator.shared.live import LiveShare


class MeetingPlan(NamedTuple):
    """A new meeting's agenda, read and checked, the archive it will be kept in, and what
    decides its group when the agenda names none."""

    agenda_path: Path
    agenda: Agenda
    archive_path: Path
    settings: Config | None = None
    """Where the group of an agenda without one is remembered. None (a script, most
    tests): a meeting without a group is neither asked about nor remembered."""
    group: str | None = None
    """The group given on the command line (``run --group``); it wins over the agenda's."""

    @classmethod
    def find(
        cls,
        archive: str | os.PathLike[str] | None,
        agenda: str | os.PathLike[str],
        *,
        settings: Config | None = None,
        group: str | None = None,
    ) -> MeetingPlan:
        """``archive`` as given on the command line (None: the variable or the user data
        folder); ``agenda`` a file or a shipped agenda's name. A broken agenda is refused
        here, before anything is written."""
        path = find_agenda(str(agenda))
        return cls(path, load_agenda(path), archive_path(archive), settings, group)

    def chosen_group(self) -> str | None:
        """The group, in order: given on the command line, written in the agenda,
        remembered for this agenda file in the settings."""
        remembered = remembered_group(self.settings, self.agenda_path) if self.settings is not None else None
        return self.group or self.agenda.meeting.group or remembered


class GroupQuestion(NamedTuple):
    """A new meeting has no group, so nothing will follow its actions up: the UI asks,
    offering the groups the archive knows, the one met most lately first."""

    known: tuple[str, ...]

    @property
    def default(self) -> str:
        return self.known[0] if self.known else ""


class Resumption(NamedTuple):
    """A saved meeting to go on with: the archive (which exists) and the meeting, if one was named."""

    archive_path: Path
    meeting_id: int | None

    @classmethod
    def find(cls, archive: str | os.PathLike[str] | None, meeting_id: int | None = None) -> Resumption:
        path = archive_path(archive)
        if not os.path.lexists(path):  # a link to nothing is refused by Archive.open
            raise FacilitatorError(t("cli.history.no_archive", path=path))
        return cls(path, meeting_id)


def carry_over(archive: Archive, meeting: Meeting, meeting_id: int | None = None) -> None:
    """The open actions of the meeting's group (made in other meetings than this one),
    followed up in this meeting; and the group's previous referat, to be approved here."""
    groups = meeting.info.all_groups()  # a joint meeting follows up every group it holds
    if groups:
        meeting.carry_over(a for a in archive.open_actions(groups) if a.meeting_id != meeting_id)
        before = meeting_id if meeting_id is not None else (archive.latest() or 0) + 1
        previous = archive.previous_minutes(groups, before)
        meeting.name_previous_minutes(previous)
        if previous is not None:
            carry_checks(archive, meeting, previous)


def carry_checks(archive: Archive, meeting: Meeting, previous: PreviousMinutes) -> None:
    """The checklist's last statuses as the group's previous meeting left them, followed
    up here. Read from that meeting itself (one meeting, by its id), not from a table of
    their own: only the last meeting counts, and it carries on what it was given. A
    previous meeting that cannot be read leaves nothing to follow up, not a meeting
    that cannot start."""
    try:
        earlier = archive.load(previous.meeting_id)
    except FacilitatorError:
        return
    held = previous.held.isoformat() if previous.held else None
    checks = earlier.last_checks(previous.meeting_id, earlier.info.title, held)
    if checks:
        meeting.carry_checks(checks)


def approve_minutes(archive: Archive, meeting_id: int, on: dt.date, remark: str | None, by_meeting: int | None) -> ApprovedText:
    """Approve a meeting's minutes: the referat (public, Danish, the default style) rendered
    as approved, stored with its hash, and the meeting closed to change. Its writer lock is
    held meanwhile, so a meeting being held elsewhere is refused."""
    from facilitator.output.minutes import render

    approval = MinutesApproval(on, checked_remark(remark), by_meeting)
    archive.refuse_if_received(meeting_id)  # its minutes are approved on the laptop that holds it
    lock = MeetingLock.take(archive.path, meeting_id)
    try:
        meeting = archive.load(meeting_id)
        if meeting.approval is not None and (by_meeting is None or meeting.approval.by_meeting != by_meeting):
            archive.refuse_if_approved(meeting_id)
        if not meeting.ended:
            raise FacilitatorError(t("approval.not_ended", id=meeting_id, title=meeting.info.title))
        meeting.approval = approval
        text = render(meeting, style="referat", restricted=False, lang="da")
        archive.approve(meeting_id, text, approval)
    finally:
        lock.release()
    stored = archive.approved_text(meeting_id)
    assert stored is not None
    return stored


class Session:
    def __init__(self, archive: Archive, recorder: Recorder, *, fresh: bool = False) -> None:
        self.archive = archive
        self.recorder = recorder
        self.closed = False
        self.saved: bool | None = None
        """After close: True when the archive took everything, False when it did not."""
        self.discarded = False
        """True when the meeting was never started nor touched, and so was not kept."""
        self._untouched = fresh
        self.group_question: GroupQuestion | None = None
        """Set when the UI is to ask for the new meeting's group (see ``answer_group``)."""
        self._plan: MeetingPlan | None = None
        if fresh:
            recorder.meeting.listeners.append(self._touched)
        self.sharing: LiveShare | None = None
        """The shared archive's background sync and lease, when the archive is shared (``share``)."""
        self._share()

    def _share(self) -> None:
        """Sync with the shared archive in the background and hold the meeting's lease there,
        when the archive is shared. Nothing here talks to the server or waits for it: a
        setting that cannot be read leaves the meeting unshared, never unopened."""
        try:
            target = self.archive.share_target()
            uid = self.archive.meeting_uid(self.meeting_id) if target else None
        except FacilitatorError:
            return
        if target is None or uid is None:
            return
        from functools import partial

        from facilitator.shared.live import LiveShare, laptop_token

        path = self.archive.path
        meeting = self.meeting
        live = LiveShare(
            target, uid, open_archive=partial(Archive.open, path), group=lambda: meeting.info.group, token=laptop_token(path)
        )
        self.sharing = live.start()
        meeting.listeners.append(live.changed)

    @property
    def refused(self) -> str | None:
        """Why this meeting may not be held here after all (another laptop holds it), or None."""
        return self.sharing.state.refused if self.sharing is not None else None

    def _touched(self, change: object) -> None:
        self._untouched = False

    @property
    def meeting(self) -> Meeting:
        return self.recorder.meeting

    @property
    def meeting_id(self) -> int:
        return self.recorder.meeting_id

    @property
    def save_health(self) -> SaveHealth:
        """Whether saving works: the one thing a UI reads to show it (never called back)."""
        return self.recorder.health

    @classmethod
    def open_new(cls, new: MeetingPlan, *, clock: Clock = system_clock) -> Session:
        """A new meeting (not started yet): its group decided (``MeetingPlan.chosen_group``),
        the group's open actions carried over, stored, locked for this process, and saved
        from now on. With settings and no group known, ``group_question`` is left for the
        UI to ask; a group given on the command line is remembered for the agenda file."""
        meeting = Meeting(new.agenda, clock=clock)
        group = new.chosen_group()
        if group is not None:
            meeting.set_group(group)  # a blank --group is refused before the archive is opened
        archive = Archive.open(new.archive_path)
        meeting_id: int | None = None
        lock: MeetingLock | None = None
        try:
            carry_over(archive, meeting)
            meeting_id = archive.create(meeting, agenda_path=str(new.agenda_path.resolve()))
            lock = MeetingLock.take(archive.path, meeting_id)
            recorder = Recorder(archive, meeting_id, meeting, lock).start()
        except BaseException:
            # Nothing of a meeting that could not open stays behind: not its lock (the
            # start screen would call it in use), not its empty row (resume would pick it).
            if lock is not None:
                lock.release()
            if meeting_id is not None:
                with contextlib.suppress(FacilitatorError):
                    archive.discard_unstarted(meeting_id)
            archive.close()
            raise
        session = cls(archive, recorder, fresh=True)
        session._plan = new
        if new.settings is not None:
            if meeting.info.group is None:
                try:
                    known = tuple(archive.groups())
                except FacilitatorError:  # no list to choose from: the question is still asked
                    known = ()
                session.group_question = GroupQuestion(known)
            elif new.group is not None and new.agenda.meeting.group is None:
                with contextlib.suppress(FacilitatorError):  # not remembered: asked again next time, and told then
                    remember_group(new.settings, new.agenda_path, meeting.info.group)
        return session

    def answer_group(self, group: str | None) -> str | None:
        """The answer to ``group_question``: the meeting's group, or None to go on without
        one (asked again at the next meeting from the agenda). A group becomes the
        meeting's, its open actions are carried over, and it is remembered for the agenda
        file; the answer is a warning to show when the settings file would not take it.
        A blank group raises MeetingError and the question stands."""
        if group is not None:
            self.meeting.set_group(group)
            if not self.meeting.carried:
                carry_over(self.archive, self.meeting, self.meeting_id)
        self.group_question = None
        plan = self._plan
        if group is None or plan is None or plan.settings is None:
            return None
        try:
            remember_group(plan.settings, plan.agenda_path, group.strip())
        except FacilitatorError as error:
            return str(error)
        return None

    def previous_to_approve(self) -> PreviousMinutes:
        """The group's previous referat, as this meeting may approve it: looked up now for a
        meeting opened before it had a group; refused (FacilitatorError) when there is none
        or it may not be approved here."""
        meeting = self.meeting
        if meeting.previous_minutes is None and meeting.info.group:
            meeting.name_previous_minutes(self.archive.previous_minutes(meeting.info.all_groups(), self.meeting_id))
        return meeting.check_approval_possible()

    def approve_previous(self, remark: str | None = None) -> PreviousMinutes:
        """The group's previous referat approved at this meeting ("godkendt", or "godkendt
        med bemærkninger" when ``remark`` says something): frozen in the archive, and
        recorded under this meeting's "Godkendelse af referat"."""
        meeting = self.meeting
        previous = self.previous_to_approve()
        on = (meeting.started_at or meeting.clock()).date()
        if self.archive.received_from(previous.meeting_id) is None:
            approve_minutes(self.archive, previous.meeting_id, on, remark, self.meeting_id)
        # A referat received from the shared archive is the copy of another laptop's meeting:
        # its approval is recorded here, in this meeting (which the server and that laptop
        # receive), and the copy is left as it came.
        return meeting.approve_previous(remark)

    @classmethod
    def resume(cls, resumption: Resumption, *, clock: Clock = system_clock) -> Session:
        """Go on with a saved meeting (the newest unfinished one unless one was named).

        The writer lock is taken before the meeting is loaded, so what is loaded is what
        nobody else writes. The time between the last save and now was a break, not the
        item's time.
        """
        archive = Archive.open(resumption.archive_path, create=False)  # an empty file is not made an archive here
        try:
            meeting_id = resumption.meeting_id
            if meeting_id is None:
                unfinished = archive.meetings(unfinished=True)
                if not unfinished:
                    raise FacilitatorError(t("session.nothing_to_resume", path=resumption.archive_path))
                meeting_id = unfinished[0].id
            archive.summary(meeting_id)  # a clear "no such meeting" before the lock file is made
            archive.refuse_if_approved(meeting_id)  # approved minutes are not changed
            archive.refuse_if_received(meeting_id)  # another laptop's meeting: changed there
            lock = MeetingLock.take(archive.path, meeting_id)
            try:
                since = archive.last_saved(meeting_id)
                meeting = archive.load(meeting_id, clock=clock)
            except BaseException:
                lock.release()
                raise
            try:
                recorder = Recorder(archive, meeting_id, meeting, lock).start()
            except BaseException:
                lock.release()
                raise
        except BaseException:
            archive.close()
            raise
        if since is not None:
            meeting.interrupted(since)  # heard and saved by the recorder like any change
        return cls(archive, recorder)

    def close(self) -> bool:
        """The one way a meeting ends its time on screen: save what is pending and let go
        of the lock and the archive. False when the meeting went to a rescue file (or,
        see ``lost``, nowhere). Closing again does nothing and answers as the first close
        did; a close that was interrupted (an exception out of the recorder) can be tried
        again, so a meeting is never taken for closed while its last changes wait."""
        if self.closed:
            return bool(self.saved)
        saved = self.saved = self.recorder.close()
        self.closed = True
        if self.sharing is not None:  # after the last save, so the last sync sends it; waited for a moment only
            if self.sharing.changed in self.meeting.listeners:
                self.meeting.listeners.remove(self.sharing.changed)
            self.sharing.stop()
        if saved:
            if self._untouched and not self.meeting.started:
                try:
                    self.discarded = self.archive.discard_unstarted(self.meeting_id)
                except FacilitatorError:
                    pass  # an empty meeting left behind is harmless
            self.archive.close()
        return saved

    @property
    def rescue_file(self) -> Path | None:
        return self.recorder.rescue_file

    @property
    def lost(self) -> bool:
        """Closed, and the last changes are neither in the archive nor in a rescue file."""
        return self.saved is False and self.rescue_file is None
