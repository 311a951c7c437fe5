"""Where the tests and the files they read are, so that no test counts its own folder's depth."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
"""The project: what a child process needs on its PYTHONPATH to import facilitator from source."""
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
"""The minutes the shipped templates must render for ``meetings.real_meeting``."""
