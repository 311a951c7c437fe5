"""Where facilitator keeps its files: one place to decide, so docs and code agree.

The archive goes in the user's data folder unless ``--archive PATH`` or the environment
variable FACILITATOR_ARCHIVE says otherwise; the command line wins over the environment.
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
