"""The decision log and the votes across meetings (``decisions``, ``votes``), and the CSV of
all three lists (``--csv``, with ``actions``).

At the terminal a list is a page, as ``meetings`` and ``actions`` are (``--limit``, a line
on stderr when there is more); as CSV it is all of it unless ``--limit`` says otherwise,
since a spreadsheet is where the whole record is wanted. Headers are in the UI's language.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, cast

from facilitator.cli.console import EXIT_OK, print_table
from facilitator.cli.csv_output import action_header, write_csv
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


class _Listed(NamedTuple):
    """A list as asked for: its rows, the page size, and whether there is more."""

    rows: Sequence[DecisionRow] | Sequence[VoteRow]
    limit: int | None
    more: bool


def _listed(args: argparse.Namespace, kind: str) -> _Listed | None:
    """The decisions or the votes (``kind``) as ``args`` ask; None without an archive."""
    archive = open_history(args)
    if archive is None:
        return None
    limit = _page_size(args)
    with archive:
        query = archive.decisions if kind == "decisions" else archive.votes
        found = query(group=args.group, since=args.since, restricted=args.restricted, limit=None if limit is None else limit + 1)
    return _Listed(found[:limit], limit, limit is not None and len(found) > limit)


def _where_columns() -> tuple[str, ...]:
    """The CSV's first columns, the same in both lists: which meeting, when, whose, which item."""
    return (t("cli.col.id"), t("cli.col.meeting"), t("cli.col.date"), t("cli.col.group"), t("cli.col.item"))


def _where(row: DecisionRow | VoteRow) -> tuple[str, ...]:
    return (
        str(row.meeting_id),
        row.meeting_title,
        row.meeting_date or "",
        row.group or "",
        _closed(row.item_title, row.confidential),
    )


def _shown_where(row: DecisionRow | VoteRow) -> tuple[str, str]:
    """At the terminal: the meeting's number and date, and the item."""
    return f"{row.meeting_id} {row.meeting_date or ''}".strip(), _closed(row.item_title, row.confidential)


def _show(
    args: argparse.Namespace,
    listed: _Listed,
    columns: tuple[str, ...],
    cells: Sequence[tuple[str, ...]],
    wheres: tuple[Sequence[tuple[str, ...]], Sequence[tuple[str, ...]]],
    file_name: str,
    more_key: str,
) -> int:
    """The list as CSV (where, then ``cells``) or as a table (shown where, then ``cells``)."""
    csv_where, shown_where = wheres
    if args.csv:
        rows = [(*where, *row) for where, row in zip(csv_where, cells, strict=True)]
        _finish(write_csv((*_where_columns(), *columns), rows, args.output, file_name, force=args.force, private=args.restricted))
    else:
        shown = [(*where, *row) for where, row in zip(shown_where, cells, strict=True)]
        print_table((t("cli.col.meeting"), t("cli.col.item"), *columns), shown)
    if listed.more:
        print(t(more_key, shown=listed.limit, more=(listed.limit or 0) * 5), file=sys.stderr)
    return EXIT_OK


def cmd_decisions(args: argparse.Namespace) -> int:
    if getattr(args, "shared", False):
        from facilitator.cli.shared_history import shared_decisions

        return shared_decisions(args)
    listed = _listed(args, "decisions")
    if listed is None:
        return EXIT_OK
    found = cast("Sequence[DecisionRow]", listed.rows)
    columns = (t("cli.col.decision"), t("cli.col.principles"), t("cli.col.review"), t("cli.col.forwarded"))
    cells = [(d.text, _principles(d), d.review or "", ", ".join(d.forwarded_to)) for d in found]
    wheres = ([_where(d) for d in found], [_shown_where(d) for d in found])
    return _show(args, listed, columns, cells, wheres, "beslutninger.csv", "cli.decisions.more")


def _outcome(vote: VoteRow) -> str:
    return t("minutes.vote_carried") if carried(vote.votes_for, vote.against) else t("minutes.vote_lost")


def cmd_votes(args: argparse.Namespace) -> int:
    listed = _listed(args, "votes")
    if listed is None:
        return EXIT_OK
    found = cast("Sequence[VoteRow]", listed.rows)
    columns = (
        t("cli.col.subject"),
        t("cli.col.for"),
        t("cli.col.against"),
        t("cli.col.abstain"),
        t("cli.col.present"),
        t("cli.col.outcome"),
    )
    cells = [(v.subject, str(v.votes_for), str(v.against), str(v.abstain), str(v.present), _outcome(v)) for v in found]
    wheres = ([_where(v) for v in found], [_shown_where(v) for v in found])
    return _show(args, listed, columns, cells, wheres, "afstemninger.csv", "cli.votes.more")


def actions_csv(args: argparse.Namespace, found: list[ActionRow]) -> None:
    """``actions --csv``: the action items as data, each with the id ``actions done`` takes."""
    from facilitator.store.action_closing import ActionKey

    header = action_header()
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
    _finish(write_csv(header, rows, args.output, "handlinger.csv", force=args.force, private=args.restricted))
