"""The commands that hold a meeting: ``run`` a new one, ``resume`` one, a bare
``facilitator`` (the start screen), and ``restore`` one from a rescue file; and the app's
launch they share.

Only ``run``, ``resume`` and a bare ``facilitator`` open the app and read the settings
file; Textual, the session and the settings are imported inside the functions, so the
other commands never load them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.cli.console import EXIT_INVALID, EXIT_OK
from facilitator.errors import FacilitatorError
from facilitator.i18n import t

if TYPE_CHECKING:
    from facilitator.files.config import Config
    from facilitator.session import Session
    from facilitator.tui.app import Launch

_SETTINGS: Config | None = None


def settings() -> Config:
    """The settings file, read once; its problems are shown inside the app, not here."""
    global _SETTINGS
    if _SETTINGS is None:
        from facilitator.files.config import load_config
        from facilitator.files.paths import config_path

        _SETTINGS = load_config(config_path())
    return _SETTINGS


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def cmd_start(args: argparse.Namespace) -> int:
    from facilitator.tui.app import Launch

    return _run_app(args, Launch())


def cmd_run(args: argparse.Namespace) -> int:
    from facilitator.session import MeetingPlan, Session
    from facilitator.tui.app import Launch

    # A broken agenda is told first, terminal or not. The settings decide, and remember,
    # the group of an agenda without one (the app asks when nothing does).
    new = MeetingPlan.find(getattr(args, "archive", None), args.agenda, settings=settings(), group=args.group)
    _require_terminal()
    return _run_app(args, Launch(session=Session.open_new(new)))


def cmd_resume(args: argparse.Namespace) -> int:
    from facilitator.session import Resumption, Session
    from facilitator.tui.app import Launch

    resumption = Resumption.find(getattr(args, "archive", None), args.meeting)  # no archive: told first
    _require_terminal()
    return _run_app(args, Launch(session=Session.resume(resumption)))


def cmd_restore(args: argparse.Namespace) -> int:
    from facilitator.files.paths import requested_archive
    from facilitator.store.rescue import restore

    # Not paths.archive_path(): without --archive or the variable, the rescue file's own
    # archive wins over the default one.
    restored = restore(Path(args.file), requested_archive(getattr(args, "archive", None)))
    print(
        t("cli.restore.replaced" if restored.replaced else "cli.restore.added", id=restored.meeting_id, archive=restored.archive)
    )
    print(t("cli.restore.next_ended" if restored.ended else "cli.restore.next", id=restored.meeting_id))
    return EXIT_OK


def _require_terminal() -> None:
    if not has_terminal():
        raise FacilitatorError(t("cli.run.no_terminal"))


def _run_app(args: argparse.Namespace, launch: Launch) -> int:
    """Run the app; whatever ends it, the meeting is closed and the user told where it is."""
    from facilitator.files.paths import archive_path
    from facilitator.tui.alt_keys import read_alt_keys_whole
    from facilitator.tui.app import build_app

    # The archive the session opened, not worked out again; the start screen's archive otherwise.
    archive = launch.session.archive.path if launch.session is not None else archive_path(getattr(args, "archive", None))
    app = build_app(archive_path=archive, config=settings(), launch=launch)
    read_alt_keys_whole(app.driver_class)
    try:
        app.run()
    finally:
        app.close_session()
    session = app.session
    if session is not None and session.refused is not None:  # another laptop holds the meeting
        print(session.refused, file=sys.stderr)
        return EXIT_INVALID
    if session is not None and not session.discarded:
        if session.rescue_file is not None:
            print(t("cli.run.rescued", path=session.rescue_file), file=sys.stderr)
            return EXIT_INVALID
        if session.lost:  # the archive failed and no rescue file fitted anywhere: say so, never "saved"
            from facilitator.files.paths import rescue_folders

            reason = session.save_health.problem or t("cli.run.no_answer")
            temp = rescue_folders(session.archive.path)[-1]
            print(
                t("cli.run.lost", id=session.meeting_id, reason=reason, path=session.archive.path, temp=temp),
                file=sys.stderr,
            )
            return EXIT_INVALID
        if not session.meeting.ended:
            print(t("cli.run.saved_unfinished", id=session.meeting_id, path=session.archive.path))
        else:
            print(t("cli.run.saved_ended", id=session.meeting_id))
        unsent = not_shared_yet(session)
        if unsent is not None:
            print(unsent)
    return EXIT_OK


def not_shared_yet(session: Session) -> str | None:
    """What a closed meeting of a shared archive still lacks: the server. Saved here is
    not the same as on the shared archive, and a person who quits offline should not learn
    that from the next meeting's missing actions."""
    sharing = session.sharing
    if sharing is None:
        return None
    from facilitator.shared.live import SYNCED
    from facilitator.shared.target import shown

    if sharing.state.kind == SYNCED:
        return None

    return t("cli.run.not_shared_yet", target=shown(sharing.target))
