"""The group remembered for an agenda file: ``[groups]`` in the settings file.

Follow-up works by group: a meeting takes over the open action items of the earlier
meetings of its group. The shipped agendas leave ``group`` for the person to fill in, and
a new steward does not know it matters, so the app asks once, when a meeting starts from
an agenda without a group, and remembers the answer here for the next meeting from the
same file. The settings file, not the agenda: a shipped agenda is not the person's to
write, and one of their own is a file they edit, mail and keep under version control,
where a line written by the program would be a surprise.

A shipped agenda is remembered by its name (``klubmoede``), so the answer survives a new
version of facilitator installed elsewhere; a person's own file by its full path.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.files.config import Config, remember
from facilitator.files.paths import shipped_folder

TABLE = "groups"


def agenda_key(agenda: Path) -> str:
    """How the settings file names an agenda: a shipped one's name, else its full path."""
    try:
        resolved = agenda.resolve()
    except OSError:
        resolved = agenda.absolute()
    try:
        shipped = shipped_folder("agendas").resolve()
    except OSError:
        shipped = None
    if shipped is not None and resolved.parent == shipped and resolved.suffix == ".toml":
        return resolved.stem
    return str(resolved)


def remembered_group(config: Config, agenda: Path) -> str | None:
    return config.groups.get(agenda_key(agenda))


def remember_group(config: Config, agenda: Path, group: str) -> None:
    """Write the group for the agenda into the settings file (comments and order kept),
    and into ``config``, so the running app asks no more. Raises FacilitatorError when
    the file cannot be written; the group is remembered for this run all the same."""
    key = agenda_key(agenda)
    config.groups[key] = group
    remember(config.path, key, group, table=TABLE)
