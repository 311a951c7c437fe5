"""Shared fixtures: tests speak English unless they ask for Danish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator import i18n

DATA = Path(__file__).parent / "data"

pytest_plugins = ["tui_support"]  # the app tests' fixtures: fixed clock, own archive and settings


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


VALID_AGENDA = """\
format = 1
[meeting]
title = "Klubmøde i Socialrådgiverklubben"
kind = "klubmøde"
group = "Socialrådgiverklubben, Jobcenter Nord"
purpose = "Udveksle bekymringer og ønsker"
date = 2026-12-01
start = 15:00:00
duration = 30
location = "Mødelokale 3"
chair = "Anne"
secretary = "Bo"
participants = ["Anne", "Bo", "Cecilie"]

[[item]]
title = "Godkendelse af dagsorden"
type = "beslutning"
minutes = 5

[[item]]
title = "Organisering af arbejdet"
minutes = 20
presenter = "Anne"
purpose = "Samle klubbens bekymringer"
prompts = ["Fungerer IT-understøttelsen af sagsgangene tilstrækkeligt?"]
options = ["Planlagt overarbejde"]
confidential = true

[[item]]
title = "Eventuelt"
type = "orientering"
minutes = 5
"""


@pytest.fixture
def valid_agenda(tmp_path: Path) -> Path:
    path = tmp_path / "klubmoede.toml"
    path.write_text(VALID_AGENDA, encoding="utf-8")
    return path
