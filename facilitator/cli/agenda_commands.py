"""The commands about agenda files: ``check`` one, list the shipped ``agendas``, and make a
``new`` one from a shipped agenda or from a meeting in the archive.

``check`` must start in a blink: nothing here imports the archive, the renderers or
Textual at the top; ``new`` imports what it writes with when it writes.
"""

from __future__ import annotations

import argparse
import sys

from facilitator.agenda.loader import load_agenda
from facilitator.agenda.model import Agenda
from facilitator.agenda.shipped import find_agenda, shipped_agendas
from facilitator.cli.console import EXIT_INVALID, EXIT_OK, output_target, print_error
from facilitator.cli.history_commands import latest_meeting, required_history
from facilitator.errors import AgendaError, FacilitatorError
from facilitator.i18n import join_or, t, t_count
from facilitator.text.visible import one_line

# --- check ------------------------------------------------------------------------------


def summary(agenda: Agenda) -> str:
    """One line a person can read to see that the file says what they meant."""
    count = len(agenda.items)
    text = t(
        "cli.check.ok",
        title=agenda.meeting.title,
        kind=agenda.meeting.kind.value,
        items=t_count("cli.count.items", count),
        minutes=agenda.planned_minutes,
    )
    duration = agenda.meeting.duration
    if duration is not None and duration != agenda.planned_minutes:
        text += t("cli.check.duration_differs", duration=duration)
    return text


def cmd_check(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.paths:
        try:
            agenda = load_agenda(find_agenda(name))
        except AgendaError as error:
            print_error(error)
            status = EXIT_INVALID
            continue
        print(f"{one_line(name)}: {summary(agenda)}")
    return status


# --- agendas ----------------------------------------------------------------------------


def cmd_agendas(args: argparse.Namespace) -> int:
    shipped = shipped_agendas()
    if not shipped:
        raise FacilitatorError(t("cli.agendas.none"))
    width = max(len(name) for name in shipped)
    status = EXIT_OK
    for name, path in shipped.items():
        try:
            agenda = load_agenda(path)
        except AgendaError as error:
            print_error(error)
            status = EXIT_INVALID
            continue
        print(f"{one_line(name):<{width}}  {agenda.meeting.kind.value:<13}  {one_line(agenda.meeting.title)}")
    return status


# --- new --------------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    if (args.name is None) == (args.from_meeting is None):
        raise FacilitatorError(t("cli.new.name_or_meeting"))
    if args.from_meeting is not None:
        return _new_from_meeting(args)
    if args.group is not None:
        raise FacilitatorError(t("cli.new.group_needs_meeting"))
    shipped = shipped_agendas()
    name = args.name.removesuffix(".toml")
    if name not in shipped:
        raise FacilitatorError(t("cli.new.unknown", name=args.name, names=join_or(list(shipped))))
    data = shipped[name].read_bytes()
    if args.output == "-":
        sys.stdout.buffer.write(data)
        return EXIT_OK
    from facilitator.files.atomic_write import write_atomic  # tempfile is not needed by the other commands

    target = output_target(args.output, f"{name}.toml")
    write_atomic(target, data, overwrite=args.force)
    print(t("cli.new.wrote", path=target, name=name))
    return EXIT_OK


def _new_from_meeting(args: argparse.Namespace) -> int:
    from facilitator.files.atomic_write import write_atomic
    from facilitator.output.next_agenda import next_agenda

    with required_history(args) as archive:
        meeting_id = args.from_meeting or latest_meeting(archive, ended=True)
        meeting = archive.load(meeting_id)
        text = next_agenda(meeting, group=args.group)
    if not (args.group and args.group.strip()) and not meeting.info.group:
        print(t("cli.new.no_group", id=meeting_id), file=sys.stderr)
    if args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = output_target(args.output, "naeste-moede.toml")
    write_atomic(target, text.encode("utf-8"), overwrite=args.force)
    if meeting.next_meeting is not None:  # the date, start and place the room recorded are in it
        from facilitator.meeting.next_meeting import written_plan

        print(t("cli.new.wrote_next_dated", path=target, id=meeting_id, when=written_plan(meeting.next_meeting)))
    else:
        print(t("cli.new.wrote_next", path=target, id=meeting_id))
    return EXIT_OK
