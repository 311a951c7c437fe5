"""The command line read: the argparse parser with every command and option, and the two
looks at ``argv`` taken before it runs (the language for the help, and whether the app
will open).

argparse's own messages echo what was typed, so they go out as one visible line, like
every other value the CLI prints. Its own words ("usage:", "options", "the following
arguments are required") come in the user's language through ``route_argparse_words``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from facilitator import __version__
from facilitator.cli.agenda_commands import cmd_agendas, cmd_check, cmd_new
from facilitator.cli.console import EXIT_INVALID
from facilitator.cli.history_commands import LIST_PAGE, cmd_action_done, cmd_actions, cmd_meetings, cmd_search
from facilitator.cli.invite_commands import cmd_invite
from facilitator.cli.meeting_commands import cmd_restore, cmd_resume, cmd_run
from facilitator.cli.minutes_commands import cmd_minutes
from facilitator.cli.record_commands import cmd_decisions, cmd_votes
from facilitator.cli.room_commands import cmd_room
from facilitator.cli.share_commands import cmd_share, cmd_sync
from facilitator.files.paths import ROOM_PORT
from facilitator.i18n import LANGUAGES, argparse_gettext, argparse_ngettext, t
from facilitator.text.storable import storable
from facilitator.text.visible import one_line

DEFAULT_ROOM_PORT = ROOM_PORT

APP_COMMANDS = ("run", "resume")
"""The commands that open the app; only they read the settings file (it costs an import)."""


def language_from_argv(argv: Sequence[str]) -> str | None:
    """Find --lang before argparse runs, so that the help itself is in that language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def command_word(argv: Sequence[str]) -> str | None:
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


def route_argparse_words() -> None:
    """Make argparse say its own words in the language set by ``i18n.set_language``.

    argparse looks each word up through its module globals ``_`` and ``ngettext`` (gettext's
    functions, imported into it), and offers no other hook: no parameter or method of a
    parser or formatter reaches "usage:", the group titles or the error messages. So the
    command's entry replaces those two globals, for this process only, with the i18n wing's
    functions, which read the current language at each lookup. Only ``main`` calls this;
    the words are English until it does, exactly as argparse says them.
    """
    setattr(argparse, "_", argparse_gettext)  # noqa: B010 - not in argparse's type stubs
    setattr(argparse, "ngettext", argparse_ngettext)  # noqa: B010


class _Parser(argparse.ArgumentParser):
    """argparse, but its error messages show the argument they quote as one visible line:
    ``unrecognized arguments`` and the like echo what was typed, escape sequences and all."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_INVALID,
            argparse_gettext("%(prog)s: error: %(message)s\n") % {"prog": one_line(self.prog), "message": one_line(message)},
        )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="facilitator",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
    )
    # Python 3.11's version action writes its help in English once and for all, as the
    # module is read; its Danish is in argparse's catalogue like argparse's other words.
    version_help = argparse_gettext("show program's version number and exit")
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}", help=version_help)
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.help.lang"))
    parser.add_argument("--archive", metavar=t("cli.metavar.path"), help=t("cli.help.archive"))
    # --lang is read before parsing (see main); subcommands accept both, wherever they are put.
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=t("cli.help.lang"))
    common.add_argument("--archive", metavar=t("cli.metavar.path"), default=argparse.SUPPRESS, help=t("cli.help.archive"))
    commands = parser.add_subparsers(dest="command", metavar=t("cli.metavar.command"), parser_class=_subparser_class(common))

    check = commands.add_parser("check", help=t("cli.check.help"), description=t("cli.check.help"))
    check.add_argument("paths", nargs="+", metavar=t("cli.metavar.path"), help=t("cli.check.paths"))
    check.set_defaults(handler=cmd_check)

    agendas = commands.add_parser("agendas", help=t("cli.agendas.help"), description=t("cli.agendas.help"))
    agendas.set_defaults(handler=cmd_agendas)

    new = commands.add_parser("new", help=t("cli.new.help"), description=t("cli.new.description"))
    new.add_argument("name", metavar=t("cli.metavar.name"), nargs="?", help=t("cli.new.name"))
    new.add_argument("--from-meeting", metavar="ID", nargs="?", type=int, const=0, help=t("cli.new.from_meeting"))
    new.add_argument("--group", metavar=t("cli.metavar.group"), type=_typed, help=t("cli.new.group"))
    new.add_argument("-o", "--output", metavar=t("cli.metavar.path"), help=t("cli.new.output"))
    new.add_argument("--force", action="store_true", help=t("cli.new.force"))
    new.add_argument("--forwarded", action="store_true", help=t("cli.new.forwarded"))
    new.add_argument("--restricted", action="store_true", help=t("cli.new.restricted"))
    new.set_defaults(handler=cmd_new)

    meetings = commands.add_parser("meetings", help=t("cli.meetings.help"), description=t("cli.meetings.help"))
    meetings.add_argument("--limit", metavar="N", type=_positive, default=LIST_PAGE, help=t("cli.meetings.limit", page=LIST_PAGE))
    _shared_option(meetings)
    meetings.set_defaults(handler=cmd_meetings)

    actions = commands.add_parser("actions", help=t("cli.actions.help"), description=t("cli.actions.help"))
    actions.add_argument("--open", action="store_true", help=t("cli.actions.open"))
    actions.add_argument("--group", metavar=t("cli.metavar.group"), type=_typed, help=t("cli.actions.group"))
    actions.add_argument("--restricted", action="store_true", help=t("cli.actions.restricted"))
    actions.add_argument("--limit", metavar="N", type=_positive, default=None, help=t("cli.actions.limit", page=LIST_PAGE))
    _csv_options(actions)
    _shared_option(actions)
    actions.set_defaults(handler=cmd_actions)
    about_actions = actions.add_subparsers(dest="actions_command", metavar="done", parser_class=_subparser_class(common))
    done = about_actions.add_parser("done", help=t("cli.actions.done.help"), description=t("cli.actions.done.description"))
    done.add_argument("action", metavar="ID", help=t("cli.actions.done.id"))
    done.set_defaults(handler=cmd_action_done)

    for name, handler, about in (
        ("decisions", cmd_decisions, t("cli.decisions.help")),
        ("votes", cmd_votes, t("cli.votes.help")),
    ):
        listing = commands.add_parser(name, help=about, description=about)
        listing.add_argument("--group", metavar=t("cli.metavar.group"), type=_typed, help=t("cli.actions.group"))
        listing.add_argument("--since", metavar=t("cli.metavar.date"), type=_iso_date, help=t("cli.records.since"))
        listing.add_argument("--restricted", action="store_true", help=t("cli.actions.restricted"))
        listing.add_argument("--limit", metavar="N", type=_positive, default=None, help=t("cli.actions.limit", page=LIST_PAGE))
        _csv_options(listing)
        if name == "decisions":
            _shared_option(listing)
        listing.set_defaults(handler=handler)

    minutes = commands.add_parser("minutes", help=t("cli.minutes.help"), description=t("cli.minutes.description"))
    minutes.add_argument("meeting", metavar="ID", nargs="?", type=int, help=t("cli.minutes.id"))
    minutes.add_argument("-o", "--output", metavar=t("cli.metavar.file"), help=t("cli.minutes.output"))
    minutes.add_argument(
        "--style", choices=("referat", "beslutning", "medlemmer"), default="referat", help=t("cli.minutes.style")
    )
    minutes.add_argument("--restricted", action="store_true", help=t("cli.minutes.restricted"))
    minutes.add_argument("--html", action="store_true", help=t("cli.minutes.html"))
    minutes.add_argument("--docx", action="store_true", help=t("cli.minutes.docx"))
    minutes.add_argument("--times", action="store_true", help=t("cli.minutes.times"))
    minutes.add_argument("--template", metavar=t("cli.metavar.path"), help=t("cli.minutes.template"))
    minutes.add_argument("--force", action="store_true", help=t("cli.new.force"))
    minutes.add_argument("--approve", action="store_true", help=t("cli.minutes.approve"))
    minutes.add_argument("--remark", metavar=t("cli.metavar.text"), type=_typed, help=t("cli.minutes.remark"))
    minutes.set_defaults(handler=cmd_minutes)

    invite = commands.add_parser("invite", help=t("cli.invite.help"), description=t("cli.invite.description"))
    invite.add_argument("meeting", metavar="ID", nargs="?", type=int, help=t("cli.invite.id"))
    invite.add_argument("-o", "--output", metavar=t("cli.metavar.file"), help=t("cli.invite.output"))
    invite.add_argument("--force", action="store_true", help=t("cli.new.force"))
    invite.set_defaults(handler=cmd_invite)

    run = commands.add_parser("run", help=t("cli.run.help"), description=t("cli.run.description"))
    run.add_argument("agenda", metavar=t("cli.metavar.agenda"), help=t("cli.run.agenda"))
    run.add_argument("--group", metavar=t("cli.metavar.group"), type=_typed, help=t("cli.run.group"))
    run.set_defaults(handler=cmd_run)

    resume = commands.add_parser("resume", help=t("cli.resume.help"), description=t("cli.resume.description"))
    resume.add_argument("meeting", metavar="ID", nargs="?", type=int, help=t("cli.resume.id"))
    resume.set_defaults(handler=cmd_resume)

    restore = commands.add_parser("restore", help=t("cli.restore.help"), description=t("cli.restore.description"))
    restore.add_argument("file", metavar=t("cli.metavar.file"), help=t("cli.restore.file"))
    restore.set_defaults(handler=cmd_restore)

    search = commands.add_parser("search", help=t("cli.search.help"), description=t("cli.search.help"))
    search.add_argument("text", nargs="+", metavar=t("cli.metavar.text"), type=_typed, help=t("cli.search.text"))
    search.add_argument("--limit", metavar="N", type=_positive, default=None, help=t("cli.search.limit"))
    search.add_argument("--restricted", action="store_true", help=t("cli.search.restricted"))
    _shared_option(search)
    search.set_defaults(handler=cmd_search)

    room = commands.add_parser("room", help=t("cli.room.help"), description=t("cli.room.description"))
    room.add_argument("meeting", metavar="ID", nargs="?", type=int, help=t("cli.room.id"))
    room.add_argument(
        "--port", metavar="N", type=_port, default=DEFAULT_ROOM_PORT, help=t("cli.room.port", port=DEFAULT_ROOM_PORT)
    )
    room.add_argument("--lan", action="store_true", help=t("cli.room.lan"))
    room.add_argument("--new-token", action="store_true", help=t("cli.room.new_token"))
    room.set_defaults(handler=cmd_room)

    share = commands.add_parser("share", help=t("cli.share.help"), description=t("cli.share.help"))
    what = share.add_mutually_exclusive_group()
    what.add_argument("url", metavar="URL", nargs="?", help=t("cli.share.url"))
    what.add_argument("--stop", action="store_true", help=t("cli.share.stop"))
    what.add_argument("--closed-items", metavar=t("cli.metavar.group"), help=t("cli.share.closed_items"))
    what.add_argument("--no-closed-items", metavar=t("cli.metavar.group"), help=t("cli.share.no_closed_items"))
    share.add_argument("--confirm", metavar=t("cli.metavar.text"), help=t("cli.share.confirm"))
    share.set_defaults(handler=cmd_share)
    sync = commands.add_parser("sync", help=t("cli.sync.help"), description=t("cli.sync.help"))
    sync.set_defaults(handler=cmd_sync)
    return parser


def _subparser_class(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    """Subcommand parsers that all share the options of ``common``."""

    class Subparser(_Parser):
        def __init__(self, **kwargs: Any) -> None:  # argparse's own keywords, passed on as they come
            super().__init__(parents=[common], **kwargs)

    return Subparser


def _port(text: str) -> int:
    """An argparse type: a TCP port, or 0 for any free one."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(t("cli.room.bad_port", value=text))
    return number


def _csv_options(parser: argparse.ArgumentParser) -> None:
    """``--csv``, and where it goes: stdout, or ``-o FILE`` (``--force`` to replace one)."""
    parser.add_argument("--csv", action="store_true", help=t("cli.csv.help"))
    parser.add_argument("-o", "--output", metavar=t("cli.metavar.file"), help=t("cli.csv.output"))
    parser.add_argument("--force", action="store_true", help=t("cli.new.force"))


def _shared_option(parser: argparse.ArgumentParser) -> None:
    """``--shared``: ask the club's shared archive (``share URL``) instead of this laptop's."""
    parser.add_argument("--shared", action="store_true", help=t("shared.option"))


def _iso_date(text: str) -> str:
    """An argparse type: a date written 2026-12-03, given back as written."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.records.bad_date", value=text)) from None


def _typed(text: str) -> str:
    """An argparse type for text a person gives that is kept or shown (a group, a remark, a
    search): bytes that were not UTF-8 reach Python as lone surrogates (``surrogateescape``),
    which no archive, file or terminal takes; each becomes U+FFFD here, where the text enters.
    Paths keep their bytes: they name files that exist as they are."""
    return storable(text)


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(t("cli.positive", value=text))
    return number
