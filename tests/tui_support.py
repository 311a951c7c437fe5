"""What the app's tests share: a fixed clock, the terminal size, and fixtures (loaded by conftest).

The fixtures keep every app test away from the user's own archive and settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator.files.config import Config
from facilitator.session import MeetingPlan, Session
from facilitator.tui.app import FacilitatorApp, Launch, build_app

START = dt.datetime(2026, 12, 1, 15, 0, 0)
SIZE = (100, 35)


class FakeClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += dt.timedelta(minutes=minutes)


MakeApp = Callable[..., Any]
"""The ``make_app`` fixture: an agenda (or None for the start screen) in, an app out."""


@pytest.fixture
def no_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may touch the user's own archive or settings."""
    monkeypatch.setenv("FACILITATOR_ARCHIVE", str(tmp_path / "archive.sqlite3"))
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def clock(no_user_files: None) -> FakeClock:
    return FakeClock()


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.sqlite3"


@pytest.fixture
def settings(tmp_path: Path) -> Config:
    return Config(tmp_path / "config.toml")


@pytest.fixture
def make_app(archive_path: Path, settings: Config, clock: FakeClock, tmp_path: Path) -> Iterator[MakeApp]:
    """``make_app("klubmoede")`` opens the meeting screen; ``make_app(None)`` the start screen."""
    sessions: list[Session] = []

    def make(agenda: str | Path | None = "klubmoede", **launch: object) -> FacilitatorApp:
        session = None
        if agenda is not None:
            session = Session.open_new(MeetingPlan.find(archive_path, agenda), clock=clock)
            sessions.append(session)
        return build_app(
            archive_path=archive_path,
            config=settings,
            launch=Launch(session=session, **launch),  # type: ignore[arg-type]
            folder=tmp_path,
            clock=clock,
        )

    yield make
    for session in sessions:
        session.close()
