"""The decision log and the votes across meetings (``decisions``, ``votes``), and the CSV of
all three lists (``--csv``, with ``actions``).

At the terminal a list is a page, as ``meetings`` and ``actions`` are (``--limit``, a line
on stderr when there is more); as CSV it is all of it unless ``--limit`` says otherwise,
since a spreadsheet is where the whole record is wanted. Headers are in the UI's language.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from facilitator.cli.console import EXIT_OK, print_table
from facilitator.cli.csv_output import write_csv
from facilitator.cli.history_commands import LIST_PAGE, open_history
from facilitator.i18n import t
from facilitator.meeting.vote_rule import carried

if TYPE_CHECKING:
    from facilitator.store.history import ActionRow
    from facilitator.store.record_lists import DecisionRow, VoteRow


def _page_size(args: argparse.Namespace) -> int | None:
    """Rows asked for: ``--limit``, else a page at the terminal and all of them as CSV."""
    return args.limit if args.limit is not None else (None if args.csv else LIST_PAGE)


def _closed(title: str, confidential: bool) -> str:
    return title + (f" – {t('cli.closed_item')}" if confidential else "")


def _principles(decision: DecisionRow) -> str:
    """'planlægning: Sparring hver uge; støtte': each principle, with its answer if given."""
    answers = dict(decision.answers)
    return "; ".join(f"{p}: {answers[p]}" if answers.get(p) else p for p in decision.principles)


def _finish(written: str | None) -> None:
    if written is not None:
        print(t("cli.csv.wrote", path=written), file=sys.stderr)


def cmd_decisions(args: argparse.Namespace) -> int:
    archive = open_history(args)
    if archive is None:
        return EXIT_OK
    limit = _page_size(args)
    with archive:
        found = archive.decisions(
            group=args.group, since=args.since, restricted=args.restricted, limit=None if limit is None else limit + 1
        )
    more, found = limit is not None and len(found) > limit, found[:limit]
    if args.csv:
        header = (
            t("cli.col.id"),
            t("cli.col.meeting"),
            t("cli.col.date"),
            t("cli.col.group"),
            t("cli.col.item"),
            t("cli.col.decision"),
            t("cli.col.principles"),
            t("cli.col.review"),
            t("cli.col.forwarded"),
        )
        rows = [
            (
                str(d.meeting_id),
                d.meeting_title,
                d.meeting_date or "",
                d.group or "",
                _closed(d.item_title, d.confidential),
                d.text,
                _principles(d),
                d.review or "",
                ", ".join(d.forwarded_to),
            )
            for d in found
        ]
        _finish(write_csv(header, rows, args.output, "beslutninger.csv", force=args.force))
    else:
        print_table(
            (
                t("cli.col.meeting"),
                t("cli.col.item"),
                t("cli.col.decision"),
                t("cli.col.principles"),
                t("cli.col.review"),
                t("cli.col.forwarded"),
            ),
            [
                (
                    f"{d.meeting_id} {d.meeting_date or ''}".strip(),
                    _closed(d.item_title, d.confidential),
                    d.text,
                    _principles(d),
                    d.review or "",
                    ", ".join(d.forwarded_to),
                )
                for d in found
            ],
        )
    if more:
        print(t("cli.decisions.more", shown=limit, more=(limit or 0) * 5), file=sys.stderr)
    return EXIT_OK


def _outcome(vote: VoteRow) -> str:
    return t("minutes.vote_carried") if carried(vote.votes_for, vote.against) else t("minutes.vote_lost")


def cmd_votes(args: argparse.Namespace) -> int:
    archive = open_history(args)
    if archive is None:
        return EXIT_OK
    limit = _page_size(args)
    with archive:
        found = archive.votes(
            group=args.group, since=args.since, restricted=args.restricted, limit=None if limit is None else limit + 1
        )
    more, found = limit is not None and len(found) > limit, found[:limit]
    counts = (t("cli.col.for"), t("cli.col.against"), t("cli.col.abstain"), t("cli.col.present"), t("cli.col.outcome"))
    if args.csv:
        header = (
            t("cli.col.id"),
            t("cli.col.meeting"),
            t("cli.col.date"),
            t("cli.col.group"),
            t("cli.col.item"),
            t("cli.col.subject"),
            *counts,
        )
        rows = [
            (
                str(v.meeting_id),
                v.meeting_title,
                v.meeting_date or "",
                v.group or "",
                _closed(v.item_title, v.confidential),
                v.subject,
                str(v.votes_for),
                str(v.against),
                str(v.abstain),
                str(v.present),
                _outcome(v),
            )
            for v in found
        ]
        _finish(write_csv(header, rows, args.output, "afstemninger.csv", force=args.force))
    else:
        print_table(
            (t("cli.col.meeting"), t("cli.col.item"), t("cli.col.subject"), *counts),
            [
                (
                    f"{v.meeting_id} {v.meeting_date or ''}".strip(),
                    _closed(v.item_title, v.confidential),
                    v.subject,
                    str(v.votes_for),
                    str(v.against),
                    str(v.abstain),
                    str(v.present),
                    _outcome(v),
                )
                for v in found
            ],
        )
    if more:
        print(t("cli.votes.more", shown=limit, more=(limit or 0) * 5), file=sys.stderr)
    return EXIT_OK


def actions_csv(args: argparse.Namespace, found: list[ActionRow]) -> None:
    """``actions --csv``: the action items as data, each with the id ``actions done`` takes."""
    from facilitator.store.action_closing import ActionKey

    header = (
        t("cli.col.id"),
        t("cli.col.done"),
        t("cli.col.deadline"),
        t("cli.col.who"),
        t("cli.col.what"),
        t("cli.col.meeting"),
        t("cli.col.date"),
        t("cli.col.item"),
    )
    rows = [
        (
            str(ActionKey(a.meeting_id, a.action_id)),
            t("cli.csv.yes") if a.done else t("cli.csv.no"),
            a.deadline or "",
            a.who,
            a.what,
            f"{a.meeting_id} {a.meeting_title}",
            a.meeting_date or "",
            _closed(a.item_title, a.confidential),
        )
        for a in found
    ]
    _finish(write_csv(header, rows, args.output, "handlinger.csv", force=args.force))
