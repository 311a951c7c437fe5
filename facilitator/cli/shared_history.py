"""``search``, ``meetings``, ``actions`` and ``decisions`` with ``--shared``: the same
questions asked of the club's shared archive in PostgreSQL instead of this laptop's.

The address is the archive's share target (``facilitator share URL``); without one the
command says so in one line. What is printed has the local commands' form: the same
columns, the same page and the same line on stderr when there is more, the same CSV. A
meeting is named by its id on the server, the first eight characters of its uid (the
laptops' numbers clash), so an action's id reads ``1a2b3c4d-3``. Closed items never reach
the server, so ``--restricted`` has nothing to add there and is refused.

The shared wing (and psycopg with it) is imported inside the functions: a laptop that
never shares never loads it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from facilitator.cli.console import EXIT_OK, print_table
from facilitator.cli.csv_output import action_header, write_csv
from facilitator.cli.history_commands import LIST_PAGE, _kind_word
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.text.visible import one_line

if TYPE_CHECKING:
    from facilitator.shared.lists import SharedDecision

SHORT_ID = 8
"""Characters of a meeting's uid shown as its id."""


def short(uid: str) -> str:
    return uid[:SHORT_ID]


def share_target(args: argparse.Namespace) -> str:
    """Where the archive is shared; a one-line refusal when it is not (or there is none)."""
    from facilitator.files.paths import archive_path
    from facilitator.store.archive import Archive

    if getattr(args, "restricted", False):
        raise FacilitatorError(t("shared.no_restricted"))
    path = archive_path(getattr(args, "archive", None))
    target = None
    if os.path.lexists(path):
        with Archive.open(path, read_only=True) as archive:
            target = archive.share_target()
    if target is None:
        raise FacilitatorError(t("shared.not_shared", path=one_line(path)))
    return target


def _more(key: str, more: bool, limit: int | None) -> None:
    if more:
        print(t(key, shown=limit, more=(limit or 0) * 5), file=sys.stderr)


def shared_search(args: argparse.Namespace) -> int:
    from facilitator.shared.reading import reading
    from facilitator.shared.search import search
    from facilitator.store.history import SEARCH_PAGE

    target = share_target(args)
    limit = args.limit or SEARCH_PAGE
    with reading(target) as reader:
        hits = search(reader, " ".join(args.text), limit=limit + 1)
    more, hits = len(hits) > limit, hits[:limit]
    for hit in hits:
        snippet = " ".join(hit.snippet.split())
        print(
            f"{short(hit.meeting)} {one_line(hit.meeting_date or '')} {one_line(hit.meeting_title)} › {one_line(hit.item_title)}"
            f" ({_kind_word(hit.kind)}): {one_line(snippet)}"
        )
    if not hits:
        print(t("cli.search.none"), file=sys.stderr)
    _more("cli.search.more", more, limit)
    return EXIT_OK


def shared_meetings(args: argparse.Namespace) -> int:
    from facilitator.shared.lists import meetings
    from facilitator.shared.reading import reading

    target = share_target(args)
    limit = args.limit
    with reading(target) as reader:
        found = meetings(reader, limit=limit + 1)
    more, found = len(found) > limit, found[:limit]
    rows = [
        (short(m.uid), m.date or "", m.title, m.group, t("cli.meetings.finished" if m.finished else "cli.meetings.running"))
        for m in found
    ]
    print_table((t("cli.col.id"), t("cli.col.date"), t("cli.col.title"), t("cli.col.group"), t("cli.col.status")), rows)
    _more("cli.meetings.more", more, limit)
    return EXIT_OK


def shared_actions(args: argparse.Namespace) -> int:
    from facilitator.shared.lists import actions
    from facilitator.shared.reading import reading

    target = share_target(args)
    limit = args.limit if args.limit is not None or args.csv else LIST_PAGE
    with reading(target) as reader:
        found = actions(reader, open_only=args.open, group=args.group, limit=None if limit is None else limit + 1)
    more, found = limit is not None and len(found) > limit, found[:limit]
    if args.csv:
        header = action_header()
        cells = [
            (
                f"{short(a.meeting)}-{a.action_id}",
                t("cli.csv.yes") if a.done else t("cli.csv.no"),
                a.deadline or "",
                a.who,
                a.what,
                f"{short(a.meeting)} {a.meeting_title}",
                a.meeting_date or "",
                a.item_title,
            )
            for a in found
        ]
        _wrote(write_csv(header, cells, args.output, "handlinger.csv", force=args.force, private=False))
    else:
        rows = [
            (
                "✓" if a.done else "·",
                f"{short(a.meeting)}-{a.action_id}",
                a.deadline or "",
                a.who,
                a.what,
                f"{short(a.meeting)} {a.meeting_date or ''} {a.meeting_title}".strip(),
                a.item_title,
            )
            for a in found
        ]
        columns = ("", t("cli.col.id"), t("cli.col.deadline"), t("cli.col.who"), t("cli.col.what"))
        print_table((*columns, t("cli.col.meeting"), t("cli.col.item")), rows)
    _more("cli.actions.more", more, limit)
    return EXIT_OK


def _principles(decision: SharedDecision) -> str:
    """As the local decision log: each principle, with its answer if given."""
    answers = dict(decision.answers)
    return "; ".join(f"{p}: {answers[p]}" if answers.get(p) else p for p in decision.principles)


def _wrote(written: str | None) -> None:
    if written is not None:
        print(t("cli.csv.wrote", path=written), file=sys.stderr)


def shared_decisions(args: argparse.Namespace) -> int:
    from facilitator.shared.lists import decisions
    from facilitator.shared.reading import reading

    target = share_target(args)
    limit = args.limit if args.limit is not None else (None if args.csv else LIST_PAGE)
    with reading(target) as reader:
        found = decisions(reader, group=args.group, since=args.since, limit=None if limit is None else limit + 1)
    more, found = limit is not None and len(found) > limit, found[:limit]
    columns = (t("cli.col.decision"), t("cli.col.principles"), t("cli.col.review"), t("cli.col.forwarded"))
    cells = [(d.text, _principles(d), d.review or "", ", ".join(d.forwarded_to)) for d in found]
    if args.csv:
        where = (t("cli.col.id"), t("cli.col.meeting"), t("cli.col.date"), t("cli.col.group"), t("cli.col.item"))
        rows = [
            (short(d.meeting), d.meeting_title, d.meeting_date or "", d.group, d.item_title, *cell)
            for d, cell in zip(found, cells, strict=True)
        ]
        _wrote(write_csv((*where, *columns), rows, args.output, "beslutninger.csv", force=args.force, private=False))
    else:
        shown = [
            (f"{short(d.meeting)} {d.meeting_date or ''}".strip(), d.item_title, *cell)
            for d, cell in zip(found, cells, strict=True)
        ]
        print_table((t("cli.col.meeting"), t("cli.col.item"), *columns), shown)
    _more("cli.decisions.more", more, limit)
    return EXIT_OK
