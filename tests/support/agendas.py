"""Agendas as the tests write them: one valid agenda, and the messages a malformed one must give."""

from __future__ import annotations

from pathlib import Path

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


def expectations(path: Path) -> list[str]:
    """The ``# expect:`` lines a file in ``data/malformed`` states in its header, with its own path."""
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [line.removeprefix("# expect: ").replace("PATH", str(path), 1) for line in lines if line.startswith("# expect: ")]
