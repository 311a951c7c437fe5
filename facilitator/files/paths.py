"""Where facilitator's files are: one place decides, so docs and code agree.

The archive goes in the user's data folder unless ``--archive PATH`` or the environment
variable FACILITATOR_ARCHIVE says otherwise; the command line wins over the environment.
The settings file and a person's own templates live in the user's config folder. The
agendas and templates that ship with facilitator are found by :func:`shipped_folder`.
The agenda wing (``agenda.shipped``) and the output wing (``output.minutes``) ask here;
neither works a path out for itself.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "facilitator"
ARCHIVE_ENV = "FACILITATOR_ARCHIVE"
ARCHIVE_FILE = "archive.sqlite3"


def data_dir() -> Path:
    from platformdirs import user_data_path  # imported late: only commands that store data need it

    return user_data_path(APP_NAME, appauthor=False)


def archive_path(requested: str | os.PathLike[str] | None = None) -> Path:
    if requested:
        return Path(requested).expanduser()
    from_env = os.environ.get(ARCHIVE_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return data_dir() / ARCHIVE_FILE


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
