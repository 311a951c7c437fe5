"""The ``share`` and ``sync`` commands: where this archive's meetings are shared, and sending them.

``share URL`` stores the address in the archive, without a password (refused if it holds
one: libpq reads it from PGPASSWORD or ~/.pgpass). ``sync`` sends every meeting the server
lacks and receives every meeting of the laptop's groups it lacks, and says how many went
each way (two lines). ``share`` prints one line; every failure is one line too
(``shared.failures``), and none of them loses anything local: what a sync cut off had
received stays received, and what it had sent is recorded as sent. ``share --closed-items
GROUP`` / ``--no-closed-items GROUP`` are a group's choice in words (``closed_choice``);
``share`` alone lists those choices under its line. The archive and psycopg are imported
inside the functions, as for the other commands.
"""

from __future__ import annotations

import argparse
import os
import sys

from facilitator.cli.console import EXIT_INVALID, EXIT_OK
from facilitator.errors import FacilitatorError
from facilitator.i18n import t, t_count
from facilitator.text.visible import one_line


def cmd_share(args: argparse.Namespace) -> int:
    from facilitator.files.paths import archive_path
    from facilitator.shared.target import checked_target, shown
    from facilitator.store.archive import Archive

    path = archive_path(getattr(args, "archive", None))
    target = checked_target(args.url) if args.url else None
    if args.confirm is not None and args.closed_items is None:
        raise FacilitatorError(t("share.closed.confirm_alone"))
    with Archive.open(path) as archive:
        if args.closed_items is not None or args.no_closed_items is not None:
            from facilitator.cli.closed_choice import choose

            return choose(archive, args)
        if args.stop:
            archive.set_share_target(None)
            print(t("share.removed", path=one_line(path)))
        elif target is not None:
            archive.set_share_target(target)
            print(t("share.saved", path=one_line(path), target=one_line(shown(target))))
        else:
            now = archive.share_target()
            if now:
                print(t("share.shown", path=one_line(path), target=one_line(shown(now))))
            else:
                print(t("share.none", path=one_line(path)))
            from facilitator.cli.closed_choice import show

            show(archive)
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from facilitator.files.paths import archive_path
    from facilitator.shared.live import laptop_token
    from facilitator.shared.sync import sync
    from facilitator.shared.target import shown
    from facilitator.store.archive import Archive

    path = archive_path(getattr(args, "archive", None))
    if not os.path.lexists(path):
        raise FacilitatorError(t("cli.history.no_archive", path=path))
    with Archive.open(path) as archive:
        target = archive.share_target()
        if target is None:
            raise FacilitatorError(t("sync.not_shared", path=one_line(path)))
        result = sync(archive, target, token=laptop_token(path))
    shown_target = one_line(shown(target))
    print(
        t_count(
            "sync.done_some_there" if result.already else "sync.done",
            result.meetings,
            sent=result.sent,
            already=result.already,
            target=shown_target,
        )
    )
    print(t_count("sync.received", result.received, target=shown_target))
    if result.refused:
        print(t_count("sync.refused", result.refused, target=shown_target))
    if result.not_sent:  # the others went; these need a person, so the status says so too
        groups = ", ".join(group or t("sync.no_group") for group in result.not_sent)
        print(t("sync.not_sent", groups=groups, target=shown_target), file=sys.stderr)
    if result.newer_there:
        print(t_count("sync.newer_there", result.newer_there, target=shown_target))
    if result.held_there:
        print(t_count("sync.held_there", len(result.held_there), target=shown_target))
    for group, count in result.closed.taken_back:
        print(t_count("sync.closed_taken_back", count, group=group))
    if result.closed.sent:
        print(t_count("sync.closed_sent", result.closed.sent))
    return EXIT_INVALID if result.not_sent else EXIT_OK
