"""The fixtures every folder of tests shares.

Tests speak English unless they ask for Danish, and tell time by one fake clock. Helpers that
are not fixtures (a held meeting, hostile text, damaged archives...) are in ``support``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.agendas import VALID_AGENDA
from support.app import MakeApp
from support.clock import FakeClock

from facilitator import i18n
from facilitator.agenda.loader import parse_agenda
from facilitator.files.config import Config
from facilitator.meeting.model import Meeting
from facilitator.session import MeetingPlan, Session
from facilitator.tui.app import FacilitatorApp, Launch, build_app


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Most assertions are on English messages; the Danish ones switch explicitly."""
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    previous = i18n.get_language()
    i18n.set_language("en")
    yield
    i18n.set_language(previous)


@pytest.fixture
def danish() -> None:
    i18n.set_language("da")


@pytest.fixture
def valid_agenda(tmp_path: Path) -> Path:
    path = tmp_path / "klubmoede.toml"
    path.write_text(VALID_AGENDA, encoding="utf-8")
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def meeting(clock: FakeClock) -> Meeting:
    """The valid agenda as a meeting not yet started, on the test's clock."""
    return Meeting(parse_agenda(VALID_AGENDA.encode()), clock=clock)


@pytest.fixture
def running(meeting: Meeting) -> Meeting:
    meeting.start()
    return meeting


# --- the app ---------------------------------------------------------------------------------


@pytest.fixture
def no_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may touch the user's own archive or settings."""
    monkeypatch.setenv("FACILITATOR_ARCHIVE", str(tmp_path / "archive.sqlite3"))
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the room view's token and presence
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.sqlite3"


@pytest.fixture
def settings(tmp_path: Path) -> Config:
    return Config(tmp_path / "config.toml")


@pytest.fixture
def make_app(no_user_files: None, archive_path: Path, settings: Config, clock: FakeClock, tmp_path: Path) -> Iterator[MakeApp]:
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
            blink_cursors=False,  # a picture of the screen must not depend on the blink's phase
        )

    yield make
    for session in sessions:
        session.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first: pytest-xdist hands tests out in order, so a 40-second crash
    chain started last would keep one process busy long after the others are done."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
