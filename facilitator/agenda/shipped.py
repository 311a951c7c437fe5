"""The agendas that ship with facilitator, by name: ``facilitator new klubmoede``.

Where their folder is, in a wheel or a checkout, is decided by ``files.paths``; here is
what a name means. A bare name (``klubmoede``) reaches a shipped agenda; anything that
looks like a file (``klubmoede.toml``, ``./x``) is the person's own file and nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path

from facilitator.files.paths import shipped_folder


def agendas_dir() -> Path:
    return shipped_folder("agendas")


def shipped_agendas() -> dict[str, Path]:
    """The shipped agendas by name (the file's stem, e.g. ``klubmoede``), sorted by name."""
    folder = agendas_dir()
    if not folder.is_dir():
        return {}
    return {path.stem: path for path in sorted(folder.glob("*.toml"))}


def is_bare_name(text: str) -> bool:
    """``klubmoede`` names a shipped agenda; ``klubmoede.toml`` or ``./x`` name files."""
    return bool(text) and not text.endswith(".toml") and "/" not in text and os.sep not in text


def find_agenda(name_or_path: str) -> Path:
    """A path as given if such a file exists, else the shipped agenda of a bare name.

    Only a bare name reaches the shipped agendas: ``check klubmoede.toml`` must check
    the user's file or say it is missing, never quietly check our copy instead.
    """
    path = Path(name_or_path)
    if path.exists() or not is_bare_name(name_or_path):
        return path
    return shipped_agendas().get(name_or_path, path)
