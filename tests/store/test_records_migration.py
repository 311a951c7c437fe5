"""An archive of schema 8 (decisions, votes and forward marks only in the snapshots) is read
alike without migrating, and migrates to schema 9 with their tables filled in.

The archive in tests/data/archives was written by facilitator's own code of that version
(build_v8.py says how): one meeting stored in item rows, one stored whole as a blob.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from support.paths import DATA

from facilitator.store.archive import Archive
from facilitator.store.schema import RECORDS_KEPT, SCHEMA_VERSION

OLD = DATA / "archives" / "v8-chain.sqlite3"


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    shutil.copyfile(OLD, path)
    path.chmod(0o600)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 8
    return path


def seen(archive: Archive) -> dict[str, Any]:
    return {
        "decisions": [archive.decisions(restricted=r) for r in (False, True)],
        "pages": [archive.decisions(restricted=True, limit=2), archive.votes(limit=1)],
        "votes": [archive.votes(restricted=r) for r in (False, True)],
        "forwarded": [
            archive.forwarded(v, started_after=s) for v in ("med-udvalg", "ledelsesmøde") for s in (None, "2026-12-05")
        ],
        "held": archive.last_held("med-udvalg", "MED Jobcenter"),
    }


def test_a_schema_8_archive_reads_alike_and_migrates(old: Path) -> None:
    data = old.read_bytes()
    with Archive.open(old, read_only=True) as archive:
        before = seen(archive)
    assert old.read_bytes() == data  # read without a write
    with Archive.open(old) as archive:
        assert archive.schema_version == SCHEMA_VERSION and RECORDS_KEPT == 9
        after = seen(archive)
    assert after == before
    public, restricted = after["decisions"]
    assert [(d.meeting_id, d.text) for d in restricted] == [
        (3, "Evaluering af overarbejdet"),
        (2, "Dagsordenen godkendt"),
        (1, "Hemmeligholdt aftale"),
        (1, "Flere hænder: færre sager og planlagt overarbejde – æøå"),
    ]
    assert [d.text for d in public] == [d.text for d in restricted if not d.confidential] and restricted[2].confidential
    first = restricted[3]
    assert first.answers == (("planlægning", "Sagstal hver måned"), ("støtte", "Sparring"))
    assert (
        first.review == "2027-03-01" and first.forwarded_to == ("med-udvalg",) and restricted[0].forwarded_to == ("med-udvalg",)
    )
    assert [(v.subject, v.votes_for, v.against, v.abstain, v.present) for v in after["votes"][0]] == [
        ("Evalueringen", 2, 2, 1, 5),
        ("Forslaget til MED", 5, 1, 0, 6),
    ]
    med_all, med_since, managers, _ = after["forwarded"]
    assert [(m.meeting_id, m.kind, m.text, m.confidential) for m in med_all] == [
        (1, "noter", "Travlt i afdelingen; sygefravær stiger", False),
        (1, "beslutning", "Flere hænder: færre sager og planlagt overarbejde – æøå", False),
        (1, "beslutning", "Hemmeligholdt aftale", True),
        (3, "beslutning", "Evaluering af overarbejdet", False),
    ]
    assert [m.meeting_id for m in med_since] == [3]
    assert [(m.kind, m.text) for m in managers] == [("løsning", "Planlagt overarbejde")]
    assert after["held"] == "2026-12-01T17:03:00"
    db = sqlite3.connect(old)
    assert db.execute("SELECT count(*) FROM decisions").fetchone() == (4,)
    assert db.execute("SELECT count(*) FROM forwards").fetchone() == (5,)
