"""The ``facilitator`` command: argparse in front of the core.

Each subcommand is one small function that calls the core and prints. A user's mistake
(a FacilitatorError) becomes a message on stderr and exit status 2; there are no
tracebacks for things a person can fix.

Everything printed that came from a person, a file, the archive or the command line is
data: a value in a line goes out through ``visible_text.one_line`` (``i18n.t`` does it
for the values it fills in; the table cells, search hits and argparse's own messages
are done here), and whatever is printed whole, an error or the minutes, through
``visible``. No control character reaches the terminal raw: an escape sequence in a
title cannot retitle or clear it, a carriage return cannot overwrite its own line, a
newline cannot forge a line of output. Only the core is imported here, never Textual,
so ``check`` and friends start in a blink.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn

from facilitator import __version__

from facilitator.tui import startup
from facilitator.agenda.model import Agenda
from facilitator.agenda.loader import load_agenda
from facilitator.errors import AgendaError, FacilitatorError
from facilitator.i18n import ENV_VAR, LANGUAGES, join_or, resolve_language, set_language, t, t_count
from facilitator.files.resources import find_agenda, shipped_agendas
from facilitator.text.visible import one_line, visible

if TYPE_CHECKING:  # the archive pulls in sqlite3; only the commands that need it import it
    from facilitator.store.archive import Archive, MeetingSummary
    from facilitator.files.config import Config
    from facilitator.tui.app import Launch

EXIT_OK = 0
EXIT_INVALID = 2


def _language_from_argv(argv: Sequence[str]) -> str | None:
    """Find --lang before argparse runs, so that the help itself is in that language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


class _Parser(argparse.ArgumentParser):
    """argparse, but its error messages show the argument they quote as one visible line:
    ``unrecognized arguments`` and the like echo what was typed, escape sequences and all."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{one_line(self.prog)}: error: {one_line(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="facilitator",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.help.lang"))
    parser.add_argument("--archive", metavar="PATH", help=t("cli.help.archive"))
    # --lang is read before parsing (see main); subcommands accept both, wherever they are put.
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=t("cli.help.lang"))
    common.add_argument("--archive", metavar="PATH", default=argparse.SUPPRESS, help=t("cli.help.archive"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_subparser_class(common))

    check = commands.add_parser("check", help=t("cli.check.help"), description=t("cli.check.help"))
    check.add_argument("paths", nargs="+", metavar="PATH", help=t("cli.check.paths"))
    check.set_defaults(handler=cmd_check)

    agendas = commands.add_parser("agendas", help=t("cli.agendas.help"), description=t("cli.agendas.help"))
    agendas.set_defaults(handler=cmd_agendas)

    new = commands.add_parser("new", help=t("cli.new.help"), description=t("cli.new.description"))
    new.add_argument("name", metavar="NAME", nargs="?", help=t("cli.new.name"))
    new.add_argument("--from-meeting", metavar="ID", nargs="?", type=int, const=0, help=t("cli.new.from_meeting"))
    new.add_argument("-o", "--output", metavar="PATH", help=t("cli.new.output"))
    new.add_argument("--force", action="store_true", help=t("cli.new.force"))
    new.set_defaults(handler=cmd_new)

    meetings = commands.add_parser("meetings", help=t("cli.meetings.help"), description=t("cli.meetings.help"))
    meetings.set_defaults(handler=cmd_meetings)

    actions = commands.add_parser("actions", help=t("cli.actions.help"), description=t("cli.actions.help"))
    actions.add_argument("--open", action="store_true", help=t("cli.actions.open"))
    actions.add_argument("--group", metavar="GROUP", help=t("cli.actions.group"))
    actions.add_argument("--restricted", action="store_true", help=t("cli.actions.restricted"))
    actions.set_defaults(handler=cmd_actions)

    minutes = commands.add_parser("minutes", help=t("cli.minutes.help"), description=t("cli.minutes.description"))
    minutes.add_argument("meeting", metavar="ID", nargs="?", type=int, help=t("cli.minutes.id"))
    minutes.add_argument("-o", "--output", metavar="FILE", help=t("cli.minutes.output"))
    minutes.add_argument("--style", choices=("referat", "beslutning"), default="referat", help=t("cli.minutes.style"))
    minutes.add_argument("--restricted", action="store_true", help=t("cli.minutes.restricted"))
    minutes.add_argument("--html", action="store_true", help=t("cli.minutes.html"))
    minutes.add_argument("--template", metavar="PATH", help=t("cli.minutes.template"))
    minutes.add_argument("--force", action="store_true", help=t("cli.new.force"))
    minutes.set_defaults(handler=cmd_minutes)

    run = commands.add_parser("run", help=t("cli.run.help"), description=t("cli.run.description"))
    run.add_argument("agenda", metavar="AGENDA", help=t("cli.run.agenda"))
    run.set_defaults(handler=cmd_run)

    resume = commands.add_parser("resume", help=t("cli.resume.help"), description=t("cli.resume.description"))
    resume.add_argument("meeting", metavar="ID", nargs="?", type=int, help=t("cli.resume.id"))
    resume.set_defaults(handler=cmd_resume)

    restore = commands.add_parser("restore", help=t("cli.restore.help"), description=t("cli.restore.description"))
    restore.add_argument("file", metavar="FILE", help=t("cli.restore.file"))
    restore.set_defaults(handler=cmd_restore)

    search = commands.add_parser("search", help=t("cli.search.help"), description=t("cli.search.help"))
    search.add_argument("text", nargs="+", metavar="TEXT", help=t("cli.search.text"))
    search.add_argument("--limit", metavar="N", type=_positive, default=None, help=t("cli.search.limit"))
    search.add_argument("--restricted", action="store_true", help=t("cli.search.restricted"))
    search.set_defaults(handler=cmd_search)
    return parser


def _subparser_class(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    """Subcommand parsers that all share the options of ``common``."""

    class Subparser(_Parser):
        def __init__(self, **kwargs: object) -> None:
            super().__init__(parents=[common], **kwargs)  # type: ignore[arg-type]

    return Subparser


APP_COMMANDS = ("run", "resume")
"""The commands that open the app; only they read the settings file (it costs an import)."""


def _command_word(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (skipping the values of --lang and --archive), or None."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--lang", "--archive"):
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = _command_word(args_list)
    opens_app = command is None or command in APP_COMMANDS
    if opens_app:
        startup.pause()  # until the app's first frame (startup.py)
    try:
        return _main(args_list, opens_app)
    finally:
        startup.end()


def _main(args_list: list[str], opens_app: bool) -> int:
    requested = _language_from_argv(args_list)
    if opens_app and not requested and not os.environ.get(ENV_VAR):
        requested = _settings().lang
    set_language(resolve_language(requested))
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        if not _has_terminal():
            parser.print_help()
            return EXIT_OK
        handler = cmd_start
    try:
        status = handler(args)
        sys.stdout.flush()  # a full disk behind stdout must be reported here, not at exit
        return status
    except FacilitatorError as error:
        _print_error(error)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `facilitator agendas | head`: the reader left; nothing is wrong.
        _silence_stdout()
        return EXIT_OK
    except OSError as error:
        _silence_stdout()
        print(t("cli.output_failed", reason=error.strerror or error), file=sys.stderr)
        return EXIT_INVALID


def _print_error(error: FacilitatorError) -> None:
    """An error on stderr. Its values went in one-line already (``t``); this is the guard
    for any text that did not come through ``t``. Lines are kept: an AgendaError has one
    per problem."""
    print(visible(str(error)), file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


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
            _print_error(error)
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
            _print_error(error)
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
    shipped = shipped_agendas()
    name = args.name.removesuffix(".toml")
    if name not in shipped:
        raise FacilitatorError(t("cli.new.unknown", name=args.name, names=join_or(list(shipped))))
    data = shipped[name].read_bytes()
    if args.output == "-":
        sys.stdout.buffer.write(data)
        return EXIT_OK
    from facilitator.files.atomic_write import write_atomic  # tempfile is not needed by the other commands

    target = _output_target(args.output, f"{name}.toml")
    write_atomic(target, data, overwrite=args.force)
    print(t("cli.new.wrote", path=target, name=name))
    return EXIT_OK


def _output_target(output: str | None, default_name: str) -> Path:
    """Where ``-o`` points: a file, or a folder to put ``default_name`` in (here if absent)."""
    if not output:
        return Path(default_name)
    target = Path(output)
    try:
        folder = output.endswith(("/", os.sep)) or target.is_dir()
    except OSError:  # a name too long, say: write_atomic tells it with the file's name
        folder = False
    return target / default_name if folder else target


def _new_from_meeting(args: argparse.Namespace) -> int:
    from facilitator.files.atomic_write import write_atomic
    from facilitator.output.next_agenda import next_agenda

    with _required_history(args) as archive:
        meeting_id = args.from_meeting or _latest_meeting(archive, ended=True)
        text = next_agenda(archive.load(meeting_id))
    if args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = _output_target(args.output, "naeste-moede.toml")
    write_atomic(target, text.encode("utf-8"), overwrite=args.force)
    print(t("cli.new.wrote_next", path=target, id=meeting_id))
    return EXIT_OK


# --- the archive's history --------------------------------------------------------------


def _open_history(args: argparse.Namespace, *, required: bool = False) -> Archive | None:
    """The archive for reading. When there is none yet, listing it is no error (a note and
    None), but a command that needs a meeting from it fails with the same message."""
    from facilitator.store.archive import Archive
    from facilitator.files.paths import archive_path

    path = archive_path(getattr(args, "archive", None))
    if not os.path.lexists(path):  # a link to nothing is refused by Archive.open, not "no archive yet"
        if required:
            raise FacilitatorError(t("cli.history.no_archive", path=path))
        print(t("cli.history.no_archive", path=path), file=sys.stderr)
        return None
    return Archive.open(path, read_only=True)


def _required_history(args: argparse.Namespace) -> Archive:
    archive = _open_history(args, required=True)
    assert archive is not None
    return archive


def _status(summary: MeetingSummary) -> str:
    if summary.finished:
        return t("cli.meetings.finished")
    return t("cli.meetings.running") if summary.started_at else t("cli.meetings.not_started")


def cmd_meetings(args: argparse.Namespace) -> int:
    archive = _open_history(args)
    if archive is None:
        return EXIT_OK
    with archive:
        rows = [(str(m.id), m.date or "", m.title, m.group or "", _status(m)) for m in archive.meetings()]
    _print_table((t("cli.col.id"), t("cli.col.date"), t("cli.col.title"), t("cli.col.group"), t("cli.col.status")), rows)
    return EXIT_OK


def cmd_actions(args: argparse.Namespace) -> int:
    archive = _open_history(args)
    if archive is None:
        return EXIT_OK
    with archive:
        found = archive.actions(open_only=args.open, group=args.group, restricted=args.restricted)
    rows = [
        (
            "✓" if a.done else "·",
            a.deadline or "",
            a.who,
            a.what,
            f"{a.meeting_id} {a.meeting_date or ''} {a.meeting_title}".strip(),
            a.item_title + (f" – {t('cli.closed_item')}" if a.confidential else ""),
        )
        for a in found
    ]
    _print_table(("", t("cli.col.deadline"), t("cli.col.who"), t("cli.col.what"), t("cli.col.meeting"), t("cli.col.item")), rows)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    archive = _open_history(args)
    if archive is None:
        return EXIT_OK
    from facilitator.store.archive import SEARCH_PAGE

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


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(t("cli.positive", value=text))
    return number


def cmd_restore(args: argparse.Namespace) -> int:
    from facilitator.files.paths import ARCHIVE_ENV
    from facilitator.store.rescue import restore

    # Not paths.archive_path(): without --archive or the variable, the rescue file's own
    # archive wins over the default one.
    chosen = getattr(args, "archive", None) or os.environ.get(ARCHIVE_ENV)
    restored = restore(Path(args.file), Path(chosen) if chosen else None)
    print(
        t("cli.restore.replaced" if restored.replaced else "cli.restore.added", id=restored.meeting_id, archive=restored.archive)
    )
    print(t("cli.restore.next_ended" if restored.ended else "cli.restore.next", id=restored.meeting_id))
    return EXIT_OK


def cmd_minutes(args: argparse.Namespace) -> int:
    from facilitator.files.atomic_write import write_atomic
    from facilitator.output.minutes import render, to_html

    with _required_history(args) as archive:
        meeting_id = args.meeting or _latest_meeting(archive)
        meeting = archive.load(meeting_id)
    template = Path(args.template) if args.template else None
    if template is not None and not template.is_file():
        raise FacilitatorError(t("minutes.template_missing", template=template))
    text = render(meeting, style=args.style, restricted=args.restricted, template=template)
    if args.html:
        text = to_html(text, title=meeting.info.title)
    if not args.output or args.output == "-":
        sys.stdout.write(visible(text))  # the minutes hold no raw ESC or C1; this keeps it so on the terminal
        return EXIT_OK
    default_name = f"referat-{meeting_id}{'-fortroligt' if args.restricted else ''}.{'html' if args.html else 'md'}"
    target = _output_target(args.output, default_name)
    write_atomic(target, text.encode("utf-8"), overwrite=args.force, private=args.restricted)  # confidential: 0600
    print(t("cli.minutes.wrote", path=target, id=meeting_id))
    return EXIT_OK


def _latest_meeting(archive: Archive, *, ended: bool = False) -> int:
    latest = archive.latest(ended=ended)
    if latest is None:
        raise FacilitatorError(t("cli.history.no_ended_meetings" if ended else "cli.history.no_meetings", path=archive.path))
    return latest


def _print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Columns padded to their widest cell; the last column runs free. Nothing when empty."""
    if not rows:
        print(t("cli.history.empty"), file=sys.stderr)
        return
    shown = [tuple(one_line(cell) for cell in row) for row in (header, *rows)]
    widths = [max(len(row[i]) for row in shown) for i in range(len(header) - 1)]
    for cells in shown:
        print("  ".join([*(cell.ljust(width) for cell, width in zip(cells, widths)), cells[-1]]).rstrip())


# --- the app ----------------------------------------------------------------------------

_SETTINGS: Config | None = None


def _settings() -> Config:
    """The settings file, read once; its problems are shown inside the app, not here."""
    global _SETTINGS
    if _SETTINGS is None:
        from facilitator.files.config import load_config
        from facilitator.files.paths import config_path

        _SETTINGS = load_config(config_path())
    return _SETTINGS


def _has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def cmd_start(args: argparse.Namespace) -> int:
    from facilitator.tui.app import Launch

    return _run_app(args, Launch())


def cmd_run(args: argparse.Namespace) -> int:
    from facilitator.files.paths import archive_path
    from facilitator.session import Session
    from facilitator.tui.app import Launch

    agenda = load_agenda(find_agenda(args.agenda))  # a broken agenda is told first, terminal or not
    _require_terminal()
    session = Session.new(archive_path(getattr(args, "archive", None)), args.agenda, loaded=agenda)
    return _run_app(args, Launch(session=session))


def cmd_resume(args: argparse.Namespace) -> int:
    from facilitator.files.paths import archive_path
    from facilitator.session import Session
    from facilitator.tui.app import Launch

    path = archive_path(getattr(args, "archive", None))
    if not os.path.lexists(path):
        raise FacilitatorError(t("cli.history.no_archive", path=path))
    _require_terminal()
    session = Session.resume(path, args.meeting)
    return _run_app(args, Launch(session=session))


def _require_terminal() -> None:
    if not _has_terminal():
        raise FacilitatorError(t("cli.run.no_terminal"))


def _run_app(args: argparse.Namespace, launch: Launch) -> int:
    """Run the app; whatever ends it, the meeting is closed and the user told where it is."""
    from facilitator.files.paths import archive_path
    from facilitator.tui.app import build_app

    app = build_app(archive_path=archive_path(getattr(args, "archive", None)), config=_settings(), launch=launch)
    try:
        app.run()
    finally:
        app.close_session()
    session = app.session
    if session is not None and not session.discarded:
        if session.rescue_file is not None:
            print(t("cli.run.rescued", path=session.rescue_file), file=sys.stderr)
            return EXIT_INVALID
        if session.lost:  # the archive failed and no rescue file fitted anywhere: say so, never "saved"
            import tempfile

            reason = session.recorder.last_error or t("cli.run.no_answer")
            print(
                t("cli.run.lost", id=session.meeting_id, reason=reason, path=session.archive.path, temp=tempfile.gettempdir()),
                file=sys.stderr,
            )
            return EXIT_INVALID
        if not session.meeting.ended:
            print(t("cli.run.saved_unfinished", id=session.meeting_id, path=session.archive.path))
        else:
            print(t("cli.run.saved_ended", id=session.meeting_id))
    return EXIT_OK
