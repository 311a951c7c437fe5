"""Figures of the room view: the chair's typing while the view is served and a browser reads
it, and how soon a change made by the chair is on the page.

The browser is Debian's headless Chromium, driven by Selenium, as in the room view's tests;
without it these figures are left out (and say so). The view runs as ``facilitator room``
from the source tree, beside the app, as the app starts it.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from figure import Figure, interleaved
from process_figures import Apps
from view_figures import _open, source_command, source_env

from facilitator.session import MeetingPlan, Session

KEYS_PER_SAMPLE = 5
"""Characters typed for one sample: its value is their median key-to-frame time."""

BUDGET_MS = 1000.0
"""What the issue allows a change to take to reach the page: within one second."""


def browser_available() -> bool:
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        return False
    try:
        import selenium  # noqa: F401
    except ImportError:
        return False
    return True


def _browser() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
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
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"), options=options)


@contextmanager
def _room(env: dict[str, str], folder: Path) -> Iterator[str]:
    """``facilitator room`` from the source tree, on any free port; its address."""
    env = {**env, "XDG_DATA_HOME": str(folder / "room-data")}
    process = subprocess.Popen(
        [*source_command(), "room", "--port", "0"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()
        if not address.startswith("http://"):
            raise RuntimeError("the room view gave no address")
        yield address
    finally:
        process.terminate()
        process.wait(10)


def _wait_for_page(browser: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if browser.execute_script("return document.body.dataset.status") == "running":
            return
        time.sleep(0.02)
    raise RuntimeError("the room view's page never showed the meeting")


def typing(apps: Apps, runs: int) -> Figure:
    """A character typed in the notes of a 200-item meeting, key to frame: with the room
    view served and a browser on it, against the same meeting without either."""
    screen = _open(apps, apps.folder, 200)
    env = source_env(apps, apps.folder / "view-200.sqlite")
    browser = _browser()

    def keys() -> float:
        return statistics.median(screen.type_in_notes() for _ in range(KEYS_PER_SAMPLE))

    def served() -> float:
        with _room(env, apps.folder) as address:
            browser.get(address)
            _wait_for_page(browser)
            return keys()

    try:
        paired = interleaved(runs, served, keys)
    finally:
        browser.quit()
        screen.close()
    return paired.figure("typing with the room view served and a browser on it, against without", 1.10, "s")


def change_to_page(apps: Apps, samples: int) -> list[Figure]:
    """From a change the chair makes (the next item) until the page shows it: the median and
    the 95th percentile, against the one second the issue allows."""
    archive = apps.folder / "room-latency.sqlite"
    archive.unlink(missing_ok=True)
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede"))
    meeting = session.meeting
    meeting.start()
    session.recorder.flush()
    browser = _browser()
    latencies: list[float] = []
    try:
        with _room(source_env(apps, archive), apps.folder) as address:
            browser.get(address)
            _wait_for_page(browser)
            # Each change of the item's heading is stamped in the page, by the page's own clock,
            # which is the machine's: the same clock this process reads.
            browser.execute_script(
                "const title = document.getElementById('item-title');"
                "window.__seen = [];"
                "new MutationObserver(() => window.__seen.push([Date.now(), title.textContent]))"
                ".observe(title, {childList: true, characterData: true, subtree: true});"
            )
            for number in range(samples):
                time.sleep(0.15)  # apart from the last change's save and frame
                changed_at = time.time() * 1000
                if number % 2 == 0:
                    meeting.next_item()
                else:
                    meeting.previous_item()
                expected = f"{(meeting.current or 0) + 1}. "
                shown_at = _shown_at(browser, expected, after=changed_at)
                latencies.append(shown_at - changed_at)
    finally:
        browser.quit()
        session.close()
    latencies.sort()
    median = statistics.median(latencies)
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    return [
        Figure("room view: change to page, median, against 1 s", median / 1000, BUDGET_MS / 1000, 1.0, "s"),
        Figure("room view: change to page, 95th percentile, against 1 s", p95 / 1000, BUDGET_MS / 1000, 1.0, "s"),
    ]


def _shown_at(browser: Any, heading: str, *, after: float, timeout: float = 5.0) -> float:
    """When the page's item heading came to begin with ``heading``, by the page's clock."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for stamp, text in browser.execute_script("return window.__seen"):
            if stamp >= after - 1 and str(text).startswith(heading):
                return float(stamp)
        time.sleep(0.005)
    raise RuntimeError("a change never reached the page")


def unavailable_note() -> str:
    return "room view figures left out: Chromium, chromedriver or selenium is not installed"
