"""Where the agendas and templates that ship with facilitator are found.

In a wheel they are package data (``facilitator/agendas``); in a source checkout they sit
at the top of the repository, where a person edits them. Both layouts are looked up
here, and nowhere else.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def agendas_dir() -> Path:
    return _resource_dir("agendas")


def templates_dir() -> Path:
    return _resource_dir("templates")


def shipped_agendas() -> dict[str, Path]:
    """The shipped agendas by name (the file's stem, e.g. ``klubmoede``), sorted by name."""
    folder = agendas_dir()
    if not folder.is_dir():
        return {}
    return {path.stem: path for path in sorted(folder.glob("*.toml"))}


def find_agenda(name_or_path: str) -> Path:
    """A path as given if such a file exists, else the shipped agenda of that name.

    A path that exists always wins, so a file of one's own is never shadowed by a shipped
    agenda of the same name. Unknown names come back unchanged, and the loader then
    reports them as missing files.
    """
    path = Path(name_or_path)
    if path.exists():
        return path
    return shipped_agendas().get(name_or_path.removesuffix(".toml"), path)
