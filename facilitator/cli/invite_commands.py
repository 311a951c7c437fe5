"""The ``invite`` command: the next meeting a held meeting recorded, as a calendar event
(.ics) to import in Outlook or any calendar, written to a file or printed.

icalendar and the meeting are imported when the command runs, like the other renderers:
``facilitator check`` reads this module too, and must start in a blink.
"""

from __future__ import annotations

import argparse
import sys

from facilitator.cli.console import EXIT_OK, output_target
from facilitator.cli.history_commands import latest_meeting, required_history
from facilitator.errors import FacilitatorError
from facilitator.i18n import t


def cmd_invite(args: argparse.Namespace) -> int:
    from facilitator.files.atomic_write import write_atomic
    from facilitator.meeting.next_meeting import written_plan
    from facilitator.output.invitation import invitation

    with required_history(args) as archive:
        meeting_id = args.meeting or latest_meeting(archive, ended=True)
        meeting = archive.load(meeting_id)
    if meeting.next_meeting is None:
        raise FacilitatorError(t("cli.invite.none", id=meeting_id, key=_key(), command=t("cmd.next_meeting")))
    data = invitation(meeting)
    if not args.output or args.output == "-":
        _print(data)
        return EXIT_OK
    target = output_target(args.output, f"naeste-moede-{meeting_id}.ics")
    write_atomic(target, data, overwrite=args.force)
    print(t("cli.invite.wrote", path=target, id=meeting_id, when=written_plan(meeting.next_meeting)))
    return EXIT_OK


def _print(data: bytes) -> None:
    """The file's own bytes (its lines end in CRLF, which a text stream may change); where
    stdout is text only (redirected in-process), as text. Every text in it is one visible
    line (invitation.py), so nothing in it acts on a terminal."""
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is not None:
        binary.write(data)
        binary.flush()
    else:
        sys.stdout.write(data.decode("utf-8"))


def _key() -> str:
    """The key that records the next meeting, after the person's own keymap: only asked
    when the refusal names it, as it loads the app's key table."""
    from facilitator.files.config import load_config
    from facilitator.files.paths import config_path
    from facilitator.tui.commands import key_for

    return key_for("next_meeting", load_config(config_path()).keymap)
