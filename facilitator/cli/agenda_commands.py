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
    if getattr(args, "forwarded", False):
        return _new_forwarded(args)
    if getattr(args, "restricted", False):
        raise FacilitatorError(t("cli.new.restricted_needs_forwarded"))
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


def _new_forwarded(args: argparse.Namespace) -> int:
    """``new med-udvalg --forwarded``: the venue's shipped agenda with the matters sent on to
    it since it last met (output/forwarded_agenda.py).

    Which matters: those marked "send videre til" the venue (the shipped agenda's kind) in
    meetings of this archive that started after the newest meeting of that venue started;
    of the ``--group`` given, or of any group without one. A matter the venue has met
    since it was sent is taken to be dealt with; one sent after is on the next agenda."""
    from facilitator.files.atomic_write import write_atomic
    from facilitator.output.forwarded_agenda import forwarded_agenda

    if args.name is None or args.from_meeting is not None:
        raise FacilitatorError(t("cli.new.forwarded_needs_name"))
    shipped = shipped_agendas()
    name = args.name.removesuffix(".toml")
    if name not in shipped:
        raise FacilitatorError(t("cli.new.unknown", name=args.name, names=join_or(list(shipped))))
    agenda = load_agenda(shipped[name])
    venue = agenda.meeting.kind.value
    with required_history(args) as archive:
        since = archive.last_held(venue, args.group)
        matters = archive.forwarded(venue, started_after=since)
    made = forwarded_agenda(agenda, name, matters, group=args.group, restricted=args.restricted)
    if made.taken:
        taken, meetings = t_count("cli.count.matters", made.taken), t_count("cli.count.meetings", made.meetings)
        print(t("cli.new.forwarded_taken", matters=taken, meetings=meetings), file=sys.stderr)
    else:
        print(t("cli.new.forwarded_none", venue=venue), file=sys.stderr)
    if made.left_out:
        print(t_count("cli.new.forwarded_left_out", made.left_out), file=sys.stderr)
    if args.output == "-":
        sys.stdout.write(made.text)
        return EXIT_OK
    target = output_target(args.output, f"{name}.toml")
    write_atomic(target, made.text.encode("utf-8"), overwrite=args.force, private=args.restricted)  # confidential: 0600
    print(t("cli.new.wrote_forwarded", path=target, name=name))
    return EXIT_OK
