"""Where facilitator's files are: one place decides, so docs and code agree.

The archive goes in the user's data folder unless ``--archive PATH`` or the environment
variable FACILITATOR_ARCHIVE says otherwise; the command line wins over the environment.
The settings file and a person's own templates live in the user's config folder. The
agendas and templates that ship with facilitator are found by :func:`shipped_folder`.
A meeting's writer lock and its rescue file go beside the archive (the rescue file, when
that folder will not take it, in the temporary folder). The wings ask here; none works a
path out for itself. (The message catalogues are the one exception: ``i18n`` sits below
this wing, and finds them beside its own module.)
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "facilitator"
ARCHIVE_ENV = "FACILITATOR_ARCHIVE"
ARCHIVE_FILE = "archive.sqlite3"

ROOM_PORT = 8765
"""Where the room view is served unless ``--port`` says otherwise: one number for the
command, its help and the app that starts it, so a page left open finds it run after run."""


def data_dir() -> Path:
    from platformdirs import user_data_path  # imported late: only commands that store data need it

    return user_data_path(APP_NAME, appauthor=False)


def requested_archive(requested: str | os.PathLike[str] | None = None) -> Path | None:
    """The archive a person asked for: ``--archive``, else FACILITATOR_ARCHIVE, else None
    (``restore`` then puts a meeting back where its rescue file says it came from)."""
    if requested:
        return Path(requested).expanduser()
    from_env = os.environ.get(ARCHIVE_ENV)
    return Path(from_env).expanduser() if from_env else None


def archive_path(requested: str | os.PathLike[str] | None = None) -> Path:
    """The archive to use: the one asked for, else the user data folder's."""
    return requested_archive(requested) or data_dir() / ARCHIVE_FILE


def lock_path(archive: Path, meeting_id: int) -> Path:
    """The writer lock of one meeting, beside the archive, named by the archive's identity
    (device and inode): two names of one file share their locks."""
    real = Path(os.path.realpath(archive))
    try:
        status = os.stat(real)
        identity = f"{status.st_dev:x}-{status.st_ino:x}"
    except OSError:  # no file (yet): its name is all there is to go by
        identity = real.name
    return real.with_name(f".facilitator-{identity}.meeting-{meeting_id}.lock")


def rescue_folders(archive: Path) -> tuple[Path, Path]:
    """Where a rescue file may go, in order: beside the archive, else the temporary folder."""
    import tempfile  # imported late: only a failed save needs it

    return archive.parent, Path(tempfile.gettempdir())


CONFIG_ENV = "FACILITATOR_CONFIG"
CONFIG_FILE = "config.toml"


def config_path() -> Path:
    """The app's settings file: FACILITATOR_CONFIG, else the user's config folder."""
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / CONFIG_FILE


def user_templates_dir() -> Path:
    """Where a person keeps templates of their own: they win over the shipped ones by name."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "templates"


def shipped_folder(name: str) -> Path:
    """The folder ``name`` (``agendas`` or ``templates``) that ships with facilitator.

    The package's data is found where the import system found the package itself (its
    ``__path__``, which is what ``importlib.resources.files`` answers for a package on
    disk). importlib.resources is not imported for it: on Python 3.11 it brings tempfile,
    zipfile and shutil with it, some 4 ms of the 25 ms budget of ``facilitator check``
    (docs/performance.md), to give back the same folder. In a wheel the folders are
    package data: the repository keeps them at its top, where a person finds and edits
    them, and the build puts them inside the package (hatchling's ``force-include`` in
    pyproject.toml: ``agendas`` becomes ``facilitator/agendas``).

    A source checkout run in place (``PYTHONPATH=$PWD``) has no such folders in the
    package, so the lookup falls back to the package's parent, the top of the checkout
    (a copy or a link inside the package would be a second place to keep in step).

    Callers get a real path: an agenda is stat-ed before it is read, and the template
    loader resolves links to keep includes inside the folder. Every way pip installs a
    wheel gives one (a zipped package is not supported).
    """
    import facilitator

    package = Path(facilitator.__path__[0])
    inside = package / name
    return inside if inside.is_dir() else package.parent / name
