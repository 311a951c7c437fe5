"""The ``minutes`` command: a meeting from the archive rendered as Markdown or HTML, to
stdout or to a file, or as a Word document to a file.

The renderers (Jinja2, markdown-it-py) are heavy: they are imported when the command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.cli.console import EXIT_OK, output_target
from facilitator.cli.history_commands import latest_meeting, required_history
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.text.visible import visible

if TYPE_CHECKING:
    from facilitator.meeting.model import Meeting


def cmd_minutes(args: argparse.Namespace) -> int:
    if args.approve or args.remark is not None:
        return _approve(args)
    from facilitator.files.atomic_write import write_atomic
    from facilitator.output.minutes import render, to_html

    if args.restricted and args.style == "medlemmer":  # refused before the archive is read (render refuses it too)
        raise FacilitatorError(t("minutes.member_note_public"))
    if args.docx:
        _check_docx(args)
    with required_history(args) as archive:
        meeting_id = args.meeting or latest_meeting(archive)
        meeting = archive.load(meeting_id)
    if args.docx:
        return _write_docx(args, meeting, meeting_id)
    template = Path(args.template) if args.template else None
    if template is not None and not template.is_file():
        raise FacilitatorError(t("minutes.template_missing", template=template))
    text = render(meeting, style=args.style, restricted=args.restricted, template=template, times=args.times)
    if args.html:
        text = to_html(text, title=meeting.info.title)
    if not args.output or args.output == "-":
        sys.stdout.write(visible(text))  # the minutes hold no raw ESC or C1; this keeps it so on the terminal
        return EXIT_OK
    kind = "medlemmer" if args.style == "medlemmer" else "referat"  # a member note beside the referat, not over it
    default_name = f"{kind}-{meeting_id}{'-fortroligt' if args.restricted else ''}.{'html' if args.html else 'md'}"
    target = output_target(args.output, default_name)
    write_atomic(target, text.encode("utf-8"), overwrite=args.force, private=args.restricted)  # confidential: 0600
    print(t("cli.minutes.wrote", path=target, id=meeting_id))
    return EXIT_OK


def _check_docx(args: argparse.Namespace) -> None:
    """Refused before the archive is opened: Word and HTML at once, Word to a terminal,
    or Word with a Markdown template."""
    if args.html:
        raise FacilitatorError(t("cli.minutes.docx_or_html"))
    if not args.output or args.output == "-":
        raise FacilitatorError(t("cli.minutes.docx_needs_file"))
    if args.template:
        raise FacilitatorError(t("cli.minutes.docx_template"))
    if args.style == "medlemmer":  # the note for members is a short text to pass on
        raise FacilitatorError(t("dialog.export.word_styles"))


def _write_docx(args: argparse.Namespace, meeting: Meeting, meeting_id: int) -> int:
    """The minutes as Word: always to a file (a binary document is no use on a terminal),
    written as the Markdown minutes are, the restricted copy readable by its owner only."""
    from facilitator.files.atomic_write import write_atomic
    from facilitator.output.word import render_docx

    data = render_docx(meeting, style=args.style, restricted=args.restricted, times=args.times)
    default_name = f"referat-{meeting_id}{'-fortroligt' if args.restricted else ''}.docx"
    target = output_target(args.output, default_name)
    write_atomic(target, data, overwrite=args.force, private=args.restricted)  # confidential: 0600
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
