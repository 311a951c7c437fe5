"""``main``: the one entry of the ``facilitator`` command (the console script and
``python -m facilitator``). It sets the language, parses, calls one command and turns what
went wrong into a message and an exit status.

A user's mistake (a FacilitatorError) becomes a message on stderr and exit status 2; there
are no tracebacks for things a person can fix.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from facilitator.cli import meeting_commands
from facilitator.cli.console import EXIT_INVALID, EXIT_OK, print_error, silence_stdout
from facilitator.cli.parser import APP_COMMANDS, build_parser, command_word, language_from_argv, route_argparse_words
from facilitator.errors import FacilitatorError
from facilitator.i18n import ENV_VAR, resolve_language, set_language, t
from facilitator.tui import startup


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = command_word(args_list)
    opens_app = command is None or command in APP_COMMANDS
    if opens_app:
        startup.pause()  # until the app's first frame (startup.py)
    try:
        return _main(args_list, opens_app)
    finally:
        startup.end()


def _main(args_list: list[str], opens_app: bool) -> int:
    requested = language_from_argv(args_list)
    if opens_app and not requested and not os.environ.get(ENV_VAR):
        requested = meeting_commands.settings().lang
    set_language(resolve_language(requested))
    route_argparse_words()
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        if not meeting_commands.has_terminal():
            parser.print_help()
            return EXIT_OK
        handler = meeting_commands.cmd_start
    try:
        status = handler(args)
        sys.stdout.flush()  # a full disk behind stdout must be reported here, not at exit
        return status
    except FacilitatorError as error:
        print_error(error)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `facilitator agendas | head`: the reader left; nothing is wrong.
        silence_stdout()
        return EXIT_OK
    except OSError as error:
        silence_stdout()
        print(t("cli.output_failed", reason=error.strerror or error), file=sys.stderr)
        return EXIT_INVALID
