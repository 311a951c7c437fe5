"""The commands that read the archive's history: ``meetings``, ``actions`` and ``search``,
and the archive opened for reading that ``new --from-meeting`` and ``minutes`` share.

The archive pulls in sqlite3, so it is imported inside the functions, never at the top:
``check`` and ``agendas`` do not pay for it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Final

from facilitator.cli.console import EXIT_OK, print_table
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.text.visible import one_line

if TYPE_CHECKING:  # the archive pulls in sqlite3; only the commands that need it import it
    from facilitator.store.archive import Archive
    from facilitator.store.history import MeetingSummary

LIST_PAGE: Final = 100
"""Rows ``meetings`` and ``actions`` print unless ``--limit`` asks for more: one page, read
through an index, so listing a hundred thousand meetings' archive costs the time and
memory of a hundred's. An archive that fits on a page is listed whole, as before; a
bigger one ends with a line on stderr saying how to see more (as ``search`` does), so a
script reading stdout gets the same rows."""


def open_history(args: argparse.Namespace, *, required: bool = False) -> Archive | None:
    """The archive for reading. When there is none yet, listing it is no error (a note and
    None), but a command that needs a meeting from it fails with the same message."""
    from facilitator.files.paths import archive_path
    from facilitator.store.archive import Archive

    path = archive_path(getattr(args, "archive", None))
    if not os.path.lexists(path):  # a link to nothing is refused by Archive.open, not "no archive yet"
        if required:
            raise FacilitatorError(t("cli.history.no_archive", path=path))
        print(t("cli.history.no_archive", path=path), file=sys.stderr)
        return None
    return Archive.open(path, read_only=True)


def required_history(args: argparse.Namespace) -> Archive:
    archive = open_history(args, required=True)
    assert archive is not None
    return archive


def latest_meeting(archive: Archive, *, ended: bool = False) -> int:
    latest = archive.latest(ended=ended)
    if latest is None:
        raise FacilitatorError(t("cli.history.no_ended_meetings" if ended else "cli.history.no_meetings", path=archive.path))
    return latest


def _status(summary: MeetingSummary) -> str:
    if summary.received:  # held on another laptop: its state here is only the copy's
        return t("cli.meetings.received")
    if summary.finished:
        return t("cli.meetings.finished")
    return t("cli.meetings.running") if summary.started_at else t("cli.meetings.not_started")


def cmd_meetings(args: argparse.Namespace) -> int:
    """The newest ``--limit`` meetings (LIST_PAGE)."""
    if getattr(args, "shared", False):
        from facilitator.cli.shared_history import shared_meetings

        return shared_meetings(args)
    archive = open_history(args)
    if archive is None:
        return EXIT_OK
    limit = args.limit
    with archive:
        found = archive.meetings(limit=limit + 1)
    more, found = len(found) > limit, found[:limit]
    rows = [(str(m.id), m.date or "", m.title, m.group or "", _status(m)) for m in found]
    print_table((t("cli.col.id"), t("cli.col.date"), t("cli.col.title"), t("cli.col.group"), t("cli.col.status")), rows)
    if more:
        print(t("cli.meetings.more", shown=limit, more=limit * 5), file=sys.stderr)
    return EXIT_OK


def cmd_actions(args: argparse.Namespace) -> int:
    """The first ``--limit`` actions by deadline (LIST_PAGE), each with the id ``actions
    done`` takes (meeting-action, ``12-3``)."""
    if getattr(args, "shared", False):
        from facilitator.cli.shared_history import shared_actions

        return shared_actions(args)
    from facilitator.store.action_closing import ActionKey

    archive = open_history(args)
    if archive is None:
        return EXIT_OK
    csv = getattr(args, "csv", False)
    limit = args.limit if args.limit is not None or csv else LIST_PAGE  # as CSV: all of them unless --limit
    with archive:
        found = archive.actions(
            open_only=args.open, group=args.group, restricted=args.restricted, limit=None if limit is None else limit + 1
        )
    more, found = limit is not None and len(found) > limit, found[:limit]
    if csv:
        from facilitator.cli.record_commands import actions_csv  # which imports this module

        actions_csv(args, found)
        if more:
            print(t("cli.actions.more", shown=limit, more=(limit or 0) * 5), file=sys.stderr)
        return EXIT_OK
    rows = [
        (
            "✓" if a.done else "·",
            str(ActionKey(a.meeting_id, a.action_id)),
            a.deadline or "",
            a.who,
            a.what,
            f"{a.meeting_id} {a.meeting_date or ''} {a.meeting_title}".strip(),
            a.item_title + (f" – {t('cli.closed_item')}" if a.confidential else ""),
        )
        for a in found
    ]
    print_table(
        (
            "",
            t("cli.col.id"),
            t("cli.col.deadline"),
            t("cli.col.who"),
            t("cli.col.what"),
            t("cli.col.meeting"),
            t("cli.col.item"),
        ),
        rows,
    )
    if more:
        print(t("cli.actions.more", shown=limit, more=limit * 5), file=sys.stderr)
    return EXIT_OK


def cmd_action_done(args: argparse.Namespace) -> int:
    """``actions done 12-3``: the action is closed in the archive, so ``actions --open``
    and the group's next meeting no longer list it (see store/action_closing.py)."""
    from facilitator.files.paths import archive_path
    from facilitator.store.action_closing import ActionKey
    from facilitator.store.archive import Archive

    key = ActionKey.parse(args.action)  # a mistyped id is told before the archive is opened
    path = archive_path(getattr(args, "archive", None))
    if not os.path.lexists(path):
        raise FacilitatorError(t("cli.history.no_archive", path=path))
    with Archive.open(path, create=False) as archive:
        closed = archive.close_action(key)
    print(t("cli.actions.done.closed", id=closed.key, what=one_line(closed.what), who=one_line(closed.who)))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    if getattr(args, "shared", False):
        from facilitator.cli.shared_history import shared_search

        return shared_search(args)
    archive = open_history(args)
    if archive is None:
        return EXIT_OK
    from facilitator.store.history import SEARCH_PAGE

    limit = args.limit or SEARCH_PAGE
    with archive:
        hits = archive.search(" ".join(args.text), limit=limit + 1, restricted=args.restricted)
    more, hits = len(hits) > limit, hits[:limit]
    for hit in hits:
        snippet = " ".join(hit.snippet.split())
        closed = f" – {t('cli.closed_item')}" if hit.confidential else ""
        print(
            f"{hit.meeting_id} {one_line(hit.meeting_date or '')} {one_line(hit.meeting_title)} › {one_line(hit.item_title)}"
            f"{closed} ({_kind_word(hit.kind)}): {one_line(snippet)}"
        )
    if not hits:
        print(t("cli.search.none"), file=sys.stderr)
    elif more:
        print(t("cli.search.more", shown=limit, more=limit * 5), file=sys.stderr)
    return EXIT_OK


_HIT_KIND_KEYS: Final = {
    "note": "cli.kind.note",
    "decision": "cli.kind.decision",
    "vote": "cli.kind.vote",
    "action": "cli.kind.action",
}


def _kind_word(kind: object) -> str:
    """A hit's kind in words; a kind the index should not hold is shown as it is, not looked up."""
    return t(_HIT_KIND_KEYS[kind]) if isinstance(kind, str) and kind in _HIT_KIND_KEYS else one_line(kind)
