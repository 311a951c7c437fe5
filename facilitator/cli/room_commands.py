"""The ``room`` command: the room view, served from the archive to browsers on the wall and phones.

It runs as a process of its own beside the chair's app (which starts it with "Vis på
storskærm"), reading the archive read-only: docs/room-view.md says why.
"""

from __future__ import annotations

import argparse

from facilitator.cli.console import EXIT_OK
from facilitator.errors import FacilitatorError
from facilitator.i18n import get_language, t


def cmd_room(args: argparse.Namespace) -> int:
    from facilitator.files.paths import archive_path, data_dir
    from facilitator.files.room_presence import presence_path
    from facilitator.room.follower import Follower
    from facilitator.room.serve import room_token, serve

    archive = archive_path(getattr(args, "archive", None))
    if not archive.exists():
        raise FacilitatorError(t("cli.history.no_archive", path=archive))
    from facilitator.store.archive import Archive

    Archive.open(archive, read_only=True, create=False).close()  # a file that is no archive says so itself
    follower = Follower(archive, args.meeting)
    follower.poll()
    if follower.state.get("status") == "gone":
        raise FacilitatorError(t("room.no_such_meeting", id=args.meeting, path=archive))
    token = room_token(data_dir(), new=args.new_token)
    try:
        presence = presence_path(data_dir(), archive)
        serve(follower, port=args.port, lan=args.lan, token=token, lang=get_language(), presence=presence)
    except KeyboardInterrupt:
        pass
    return EXIT_OK
