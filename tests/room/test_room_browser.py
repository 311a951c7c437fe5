"""The room view in a real browser: headless Chromium (Debian's), driven by Selenium.

The chair's side is a real session writing a real archive; the room view is the real
``facilitator room`` process reading it. Each change made on the chair's side must show
in the page's DOM within a second. ``.ci/run`` installs Chromium and its driver; where
they are missing the tests are skipped, except under ``.ci/run``
(``FACILITATOR_NEED_BROWSER``), where that is a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator.session import MeetingPlan, Session

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    if os.environ.get("FACILITATOR_NEED_BROWSER"):
        pytest.fail("Chromium and chromedriver are needed (apt-get install chromium chromium-driver)", pytrace=False)
    pytest.skip("Chromium and chromedriver are not installed", allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

pytestmark = pytest.mark.slow

AGENDA = """\
format = 1
[meeting]
title = "Klubmøde på væggen"
kind = "klubmøde"
group = "Klub Væg"
participants = ["Anne", "Bo", "Cecilie"]

[[item]]
title = "Arbejdspres"
minutes = 10
prompts = ["Hvordan går det med sagstallet?", "Hvad kan vi gøre?"]
options = ["Færre sager pr. rådgiver", "Planlagt overarbejde"]

[[item]]
title = "Personsag om en kollega"
minutes = 10
prompts = ["HEMMELIGT SPØRGSMÅL"]
confidential = true

[[item]]
title = "Et minut"
minutes = 1

[[item]]
title = "Over tiden"
minutes = 1
"""

WITHIN = 1.0
"""Seconds a change may take from the chair's side to the page."""


class ShiftedClock:
    """The wall clock, moved back when a test needs an item begun a while ago."""

    def __init__(self) -> None:
        self.offset = dt.timedelta(0)

    def __call__(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0) + self.offset


@pytest.fixture
def clock() -> ShiftedClock:  # type: ignore[override]
    return ShiftedClock()


@pytest.fixture
def session(tmp_path: Path, clock: ShiftedClock) -> Iterator[Session]:
    agenda = tmp_path / "vaeg.toml"
    agenda.write_text(AGENDA, encoding="utf-8")
    held = Session.open_new(MeetingPlan.find(tmp_path / "archive.sqlite3", agenda), clock=clock)
    yield held
    held.close()


class RoomProcess:
    """``facilitator room`` as a person starts it; stopped and started again as the app would."""

    def __init__(self, archive: Path, data: Path) -> None:
        self.env = {**os.environ, "FACILITATOR_ARCHIVE": str(archive), "XDG_DATA_HOME": str(data), "FACILITATOR_LANG": "da"}
        self.process: subprocess.Popen[str] | None = None
        self.url = self.start("0")

    def start(self, port: str) -> str:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "room", "--port", port], env=self.env, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        url = self.process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "?t=" in url
        return url

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


@pytest.fixture
def room_process(session: Session, tmp_path: Path) -> Iterator[RoomProcess]:
    process = RoomProcess(session.archive.path, tmp_path / "data")
    yield process
    process.stop()


@pytest.fixture
def room(room_process: RoomProcess) -> str:
    return room_process.url


@pytest.fixture
def browser() -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def shows(browser: Any, condition: Callable[[], bool], what: str, within: float = WITHIN) -> None:
    """``condition`` holds in the page within ``within`` seconds of now."""
    deadline = time.monotonic() + within
    while True:
        try:
            if condition():
                return
        except Exception:  # an element being replaced under the test's hands: look again
            pass
        if time.monotonic() > deadline:
            raise AssertionError(
                f"{what} not shown within {within} s; the page says: {browser.find_element(By.TAG_NAME, 'body').text!r}"
            )
        time.sleep(0.02)


def text(browser: Any, element_id: str) -> str:
    return str(browser.find_element(By.ID, element_id).text)


def classes(browser: Any, element_id: str) -> set[str]:
    return set((browser.find_element(By.ID, element_id).get_attribute("class") or "").split())


def test_the_page_follows_the_chair(session: Session, room: str, browser: Any, clock: ShiftedClock) -> None:
    meeting = session.meeting
    meeting.start()
    browser.get(room)
    shows(browser, lambda: text(browser, "item-title") == "1. Arbejdspres", "the first item")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "da"
    assert text(browser, "question") == "Hvordan går det med sagstallet?"

    meeting.toggle_prompt(0)
    shows(browser, lambda: text(browser, "question") == "Hvad kan vi gøre?", "the next question after a tick")
    meeting.toggle_option(1)
    shows(browser, lambda: text(browser, "solutions") == "Planlagt overarbejde", "the solution chosen")
    meeting.add_decision("Klubben foreslår færre sager")
    shows(browser, lambda: "Klubben foreslår færre sager" in text(browser, "decisions"), "the decision")
    meeting.request_floor("Bo")
    meeting.request_floor("Cecilie", point_of_order=True)
    shows(browser, lambda: text(browser, "queue").splitlines() == ["Cecilie — til forretningsordenen", "Bo"], "the queue")
    meeting.next_speaker()
    shows(browser, lambda: text(browser, "speaker").startswith("Cecilie"), "the speaker")
    assert browser.find_element(By.ID, "speaker").get_attribute("aria-live") == "polite"

    meeting.toggle_timer()  # paused
    shows(browser, lambda: "paused" in classes(browser, "timer"), "the paused timer")
    meeting.toggle_timer()  # started again
    shows(browser, lambda: "running" in classes(browser, "timer"), "the running timer")
    assert not {"warning", "over"} & classes(browser, "timer")

    meeting.go_to(2)  # one minute planned: its last minute from the start
    shows(browser, lambda: text(browser, "item-title") == "3. Et minut", "the item moved to")
    shows(browser, lambda: "warning" in classes(browser, "timer"), "the timer's warning")
    clock.offset = -dt.timedelta(minutes=2)  # the next item was begun two minutes ago
    meeting.go_to(3)
    clock.offset = dt.timedelta(0)
    shows(browser, lambda: "over" in classes(browser, "timer"), "the timer over its time")


def test_a_closed_item_shows_lukket_punkt_and_nothing_of_it(session: Session, room: str, browser: Any) -> None:
    meeting = session.meeting
    meeting.start()
    browser.get(room)
    shows(browser, lambda: text(browser, "item-title") == "1. Arbejdspres", "the first item")
    meeting.go_to(1)
    meeting.set_notes("Kollegaen hedder HEMMELIG PERSON")
    meeting.set_room_notes(True)
    meeting.add_decision("HEMMELIG BESLUTNING")
    meeting.request_floor("Anne")
    meeting.next_speaker()
    session.recorder.flush()
    shows(browser, lambda: text(browser, "item-title") == "2. Lukket punkt", "Lukket punkt")
    time.sleep(0.3)  # and it stays so after the later saves
    page = browser.page_source
    for secret in ("Personsag", "HEMMELIG", "Anne"):
        assert secret not in page
    assert "2. Lukket punkt" in text(browser, "agenda")


def test_the_page_says_when_the_view_is_gone_and_finds_it_again(
    session: Session, room_process: RoomProcess, browser: Any
) -> None:
    session.meeting.start()
    browser.get(room_process.url)
    shows(browser, lambda: text(browser, "item-title") == "1. Arbejdspres", "the first item")
    room_process.stop()  # the app that started the view quits, or the view is stopped
    shows(browser, lambda: "Forbindelsen er afbrudt" in text(browser, "banner"), "the lost connection", within=5)
    session.meeting.next_item()
    port = room_process.url.split(":")[2].split("/")[0]
    assert room_process.start(port) == room_process.url  # the same address: the token is kept
    shows(browser, lambda: text(browser, "item-title") == "2. Lukket punkt", "the view found again", within=8)
    assert not browser.find_element(By.ID, "banner").is_displayed()
