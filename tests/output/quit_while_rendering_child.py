"""A real app, in a process of its own, quit with ctrl+q while the preview renders a
user's template that loops (test_template_limits.py measures how long the quit takes). It
says how long the rendering had been going when ctrl+q was pressed.

    python quit_while_rendering_child.py FOLDER
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from textual.worker import WorkerState

from facilitator.files.config import Config
from facilitator.session import MeetingPlan, Session
from facilitator.tui.app import Launch, build_app


async def main(folder: Path) -> None:
    session = Session.open_new(MeetingPlan.find(folder / "archive.sqlite3", "klubmoede"))
    app = build_app(
        archive_path=folder / "archive.sqlite3",
        config=Config(folder / "config.toml"),
        launch=Launch(session=session),
        folder=folder,
    )
    async with app.run_test(size=(100, 35)) as pilot:
        await pilot.press("ctrl+r")
        for _ in range(200):
            await pilot.pause(0.05)
            if any(w.group == "render" and w.state is WorkerState.RUNNING for w in app.workers):
                started = time.monotonic()
                break
        else:
            raise SystemExit("the preview never started rendering")
        await pilot.pause(0.5)  # well into the loop
        print(f"quitting {time.monotonic() - started:.3f}", flush=True)
        await pilot.press("ctrl+q")
    print("closed", flush=True)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
