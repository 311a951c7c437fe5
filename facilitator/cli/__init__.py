"""The ``facilitator`` command: argparse in front of the core.

``entry.main`` sets the language, parses (``parser``) and calls one small function per
subcommand: ``agenda_commands`` (check, agendas, new), ``history_commands`` (meetings,
actions, search), ``minutes_commands`` (minutes) and ``meeting_commands`` (run, resume,
restore, and the app's launch). ``console`` holds what they share about output: the exit
codes, errors on stderr, tables, the file ``-o`` names.

Everything printed that came from a person, a file, the archive or the command line is
data: a value in a line goes out through ``text.visible.one_line`` (``i18n.t`` does it
for the values it fills in; the table cells, search hits and argparse's own messages
are done here), and whatever is printed whole, an error or the minutes, through
``visible``. No control character reaches the terminal raw: an escape sequence in a
title cannot retitle or clear it, a carriage return cannot overwrite its own line, a
newline cannot forge a line of output. Only the core is imported here at the top, never
Textual, so ``check`` and friends start in a blink; the app is imported by the commands
that open it.

May import: every wing below it, and ``facilitator.tui`` only inside the functions that
open the app (and its light ``startup`` module).
"""

from facilitator.cli.entry import main

__all__ = ["main"]
