"""The garbage collector rests while the app starts, and only then (facilitator/tui/startup.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.app import SIZE, MakeApp

from facilitator.cli import main, meeting_commands
from facilitator.tui import startup


class Collector:
    """Watches gc.collect and gc.freeze: this test process's objects are not to be frozen."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        monkeypatch.setattr(gc, "collect", lambda *a: self.calls.append("collect") or 0)
        monkeypatch.setattr(gc, "freeze", lambda: self.calls.append("freeze"))


@pytest.fixture
def collector(monkeypatch: pytest.MonkeyPatch) -> Iterator[Collector]:
    watched = Collector(monkeypatch)
    yield watched
    startup.end()
    gc.enable()


def test_paused_until_resumed_then_collected_and_frozen(collector: Collector) -> None:
    startup.pause()
    assert not gc.isenabled()
    startup.resume()
    assert gc.isenabled() and collector.calls == ["collect", "freeze"]
    startup.resume()  # a second time: nothing more
    assert collector.calls == ["collect", "freeze"]


def test_end_wakes_it_without_freezing(collector: Collector) -> None:
    startup.pause()
    startup.end()
    assert gc.isenabled() and collector.calls == []


def test_a_collector_resting_already_is_left_resting(collector: Collector) -> None:
    gc.disable()
    startup.pause()
    startup.resume()
    startup.end()
    assert not gc.isenabled() and collector.calls == []


def test_resume_without_pause_does_nothing(collector: Collector) -> None:
    startup.resume()
    assert gc.isenabled() and collector.calls == []


@pytest.fixture
def own_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACILITATOR_ARCHIVE", str(tmp_path / "archive.sqlite3"))
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setattr(meeting_commands, "_SETTINGS", None)


def test_the_app_commands_pause_it_and_wake_it_when_they_end(
    collector: Collector,
    own_files: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from facilitator.tui.app import FacilitatorApp

    seen: list[bool] = []
    monkeypatch.setattr(meeting_commands, "has_terminal", lambda: True)
    monkeypatch.setattr(FacilitatorApp, "run", lambda self, **kw: seen.append(gc.isenabled()))
    assert main(["run", "klubmoede"]) == 0
    assert seen == [False] and gc.isenabled() and collector.calls == []
    assert main(["--lang", "en", "run", "no-such-agenda"]) == 2  # ends before the app: awake again
    assert gc.isenabled()
    capsys.readouterr()


@pytest.mark.parametrize("argv", [["check", "klubmoede"], ["agendas"], ["meetings"]])
def test_other_commands_leave_it_alone(
    own_files: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
) -> None:
    paused: list[bool] = []
    monkeypatch.setattr(startup, "pause", lambda: paused.append(True))
    main(argv)
    assert paused == [] and gc.isenabled()
    capsys.readouterr()


async def test_the_app_wakes_it_once_the_first_frame_is_drawn(make_app: MakeApp, collector: Collector) -> None:
    app = make_app()
    startup.pause()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert gc.isenabled() and collector.calls == ["collect", "freeze"]
