"""The ``minutes`` command: a meeting from the archive rendered as Markdown or HTML, to
stdout or to a file.

The renderers (Jinja2, markdown-it-py) are heavy: they are imported when the command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from facilitator.cli.console import EXIT_OK, output_target
from facilitator.cli.history_commands import latest_meeting, required_history
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.text.visible import visible


def cmd_minutes(args: argparse.Namespace) -> int:
    if args.approve or args.remark is not None:
        return _approve(args)
    from facilitator.files.atomic_write import write_atomic
    from facilitator.output.minutes import render, to_html

    with required_history(args) as archive:
        meeting_id = args.meeting or latest_meeting(archive)
        meeting = archive.load(meeting_id)
    template = Path(args.template) if args.template else None
    if template is not None and not template.is_file():
        raise FacilitatorError(t("minutes.template_missing", template=template))
    text = render(meeting, style=args.style, restricted=args.restricted, template=template, times=args.times)
    if args.html:
        text = to_html(text, title=meeting.info.title)
    if not args.output or args.output == "-":
        sys.stdout.write(visible(text))  # the minutes hold no raw ESC or C1; this keeps it so on the terminal
        return EXIT_OK
    default_name = f"referat-{meeting_id}{'-fortroligt' if args.restricted else ''}.{'html' if args.html else 'md'}"
    target = output_target(args.output, default_name)
    write_atomic(target, text.encode("utf-8"), overwrite=args.force, private=args.restricted)  # confidential: 0600
    print(t("cli.minutes.wrote", path=target, id=meeting_id))
    return EXIT_OK


def _approve(args: argparse.Namespace) -> int:
    """``minutes ID --approve [--remark TEXT]``: the minutes approved outside a meeting (a
    group that approves by e-mail), frozen like those approved at the next meeting."""
    import datetime as dt

    from facilitator.files.paths import archive_path
    from facilitator.meeting.written_dates import written_date
    from facilitator.session import approve_minutes
    from facilitator.store.archive import Archive

    if not args.approve:
        raise FacilitatorError(t("cli.minutes.remark_alone"))
    if not args.meeting:
        raise FacilitatorError(t("cli.minutes.approve_needs_id"))
    path = archive_path(getattr(args, "archive", None))
    if not os.path.lexists(path):
        raise FacilitatorError(t("cli.history.no_archive", path=path))
    today = dt.date.today()
    with Archive.open(path, create=False) as archive:
        title = archive.summary(args.meeting).title
        stored = approve_minutes(archive, args.meeting, today, args.remark, None)
    remark = t("cli.minutes.approved_remark") if args.remark and args.remark.strip() else ""
    print(t("cli.minutes.approved", id=args.meeting, title=title, date=written_date(today), remark=remark, sha256=stored.sha256))
    return EXIT_OK
