"""The app's settings file: language, theme, a keymap and the groups of agendas, all optional.

A broken settings file must never keep a meeting from starting, so loading returns the
settings it could read together with one message per problem, for the app to show. The
theme the user picks in the app, and the group a meeting from an agenda without one is
held for (``[groups]``, see ``agenda_groups``), are remembered by writing them back into
the same file.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.errors import FacilitatorError
from facilitator.files.atomic_write import write_atomic
from facilitator.i18n import LANGUAGES, t

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

KEYS = ("lang", "theme", "keymap", "groups")


@dataclass
class Config:
    path: Path
    lang: str | None = None
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    """The group remembered for an agenda file, by ``agenda_groups.agenda_key``."""
    problems: list[str] = field(default_factory=list)
    """What was wrong in the file, one line each, naming the file; the rest still applies."""


def load_config(path: Path) -> Config:
    config = Config(path)
    data = _read(path, config.problems)
    for key, value in data.items():
        if key == "lang":
            if isinstance(value, str) and value in LANGUAGES:
                config.lang = value
            else:
                config.problems.append(t("config.bad_lang", path=path, value=value, choices=", ".join(LANGUAGES)))
        elif key == "theme":
            if isinstance(value, str) and value.strip():
                config.theme = value.strip()
            else:
                config.problems.append(t("config.bad_theme", path=path))
        elif key == "keymap":
            config.keymap = _keymap(value, path, config.problems)
        elif key == "groups":
            config.groups = _groups(value, path, config.problems)
        else:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = t("config.did_you_mean", word=close[0]) if close else ""
            config.problems.append(t("config.unknown_key", path=path, key=key, choices=", ".join(KEYS)) + hint)
    return config


def _read(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        problems.append(t("config.unreadable", path=path, reason=error.strerror or error))
        return {}
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        problems.append(t("config.not_utf8", path=path))
    except tomllib.TOMLDecodeError as error:
        problems.append(t("config.syntax", path=path, reason=error))
    return {}


def _keymap(value: object, path: Path, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(t("config.bad_keymap", path=path))
        return {}
    keymap: dict[str, str] = {}
    for binding_id, keys in value.items():
        if isinstance(keys, str) and keys.strip():
            keymap[binding_id] = keys.replace(" ", "")
        else:
            problems.append(t("config.bad_keys", path=path, id=binding_id))
    return keymap


def _groups(value: object, path: Path, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(t("config.bad_groups", path=path))
        return {}
    groups: dict[str, str] = {}
    for agenda, group in value.items():
        if isinstance(group, str) and group.strip() and "\n" not in group:
            groups[agenda] = group.strip()
        else:
            problems.append(t("config.bad_group", path=path, agenda=agenda))
    return groups


def remember(path: Path, key: str, value: str, *, table: str | None = None) -> None:
    """Set one setting in the file, keeping everything else as the person wrote it: a
    top-level one, or with ``table`` one in that table (made when missing).

    The file is the person's: their comments, their order and their spacing survive
    (tomlkit edits the document instead of rewriting it from a dict). Raises
    FacilitatorError, and never overwrites a file it could not read.
    """
    import tomlkit  # imported late: only a setting changed in the app writes the file

    text = ""
    if path.exists():
        problems: list[str] = []
        data = _read(path, problems)
        if problems:  # never overwrite a file we could not read: the user's keymap is in it
            raise FacilitatorError(problems[0])
        held = data.get(table, {}) if table is not None else data
        if isinstance(held, dict) and held.get(key) == value:
            return
        text = path.read_bytes().decode("utf-8")
    document = tomlkit.parse(text)
    if table is None:
        document[key] = value  # a new key goes before the first table, where TOML reads it as top-level
    else:
        if table not in document:
            document[table] = tomlkit.table()
        section = document[table]
        if not isinstance(section, dict):  # "groups = 3": told as a problem when read; the person's to mend
            raise FacilitatorError(t("config.bad_groups", path=path))
        section[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FacilitatorError(t("config.cannot_write", path=path, reason=error.strerror or error)) from None
    write_atomic(path, tomlkit.dumps(document).encode("utf-8"), overwrite=True)
