"""An archive written before closed items were marked (schema 2) comes out of the migration
with everything its closed items recorded marked as such, read from the snapshots.

The archive in tests/data/archives was written by facilitator's own code of that version
(build_v2.py says how), so the test meets the data as users have it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from support.paths import DATA

from facilitator.cli import main
from facilitator.output.minutes import render
from facilitator.store.archive import Archive
from facilitator.store.schema import CLOSED_MARKED, SCHEMA_VERSION

OLD = DATA / "archives" / "v2-closed-items.sqlite3"
SECRET = "hemmeligholdt"


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    shutil.copyfile(OLD, path)
    path.chmod(0o600)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 2
    return path


def test_the_migration_marks_what_closed_items_recorded(old: Path) -> None:
    with Archive.open(old) as archive:
        assert archive.schema_version == SCHEMA_VERSION >= CLOSED_MARKED
        assert [(a.what, a.confidential) for a in archive.actions(restricted=True)] == [
            ("Offentlig opgave", False),
            ("Hemmeligholdt opgave", True),
        ]
        assert [a.what for a in archive.actions()] == ["Offentlig opgave"]
        assert archive.search(SECRET) == []
        found = archive.search(SECRET, restricted=True)
        assert sorted(h.kind for h in found) == ["action", "decision", "note", "vote"]
        assert all(h.confidential for h in found)
        assert [h.kind for h in archive.search("offentlig")] == ["note", "decision", "action"]
        second = archive.load(2)
    assert [(c.what, c.confidential) for c in second.carried] == [
        ("Offentlig opgave", False),
        ("Hemmeligholdt opgave", True),
    ]
    for style in ("referat", "beslutning"):
        assert SECRET not in render(second, style=style, lang="da").casefold()
        assert "Hemmeligholdt opgave" in render(second, style=style, restricted=True, lang="da")
    assert SECRET not in render(second, style="medlemmer", lang="da").casefold()  # the note for members: public only


def test_the_next_meeting_after_the_migration_carries_the_mark(old: Path) -> None:
    from facilitator.agenda.loader import parse_agenda
    from facilitator.meeting.model import Meeting
    from facilitator.session import carry_over

    with Archive.open(old) as archive:
        snapshot = archive.load(1)
        third = Meeting(
            parse_agenda(
                b'[meeting]\ntitle = "M"\nkind = "andet"\ngroup = "Klubben"\n[[item]]\ntitle = "Godkendelse af referat"\n'
            )
        )
        carry_over(archive, third)  # as a session opens it
        archive.create(third)
    assert snapshot.items[2].item.confidential
    assert [(c.what, c.confidential) for c in third.carried] == [
        ("Offentlig opgave", False),
        ("Hemmeligholdt opgave", True),
    ]
    assert SECRET not in render(third, lang="da").casefold()


def test_read_only_commands_on_the_old_archive_keep_closed_items_out(old: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Read commands do not migrate: they read the closed items from the snapshots."""
    before = old.read_bytes()
    assert main(["--archive", str(old), "actions"]) == 0
    assert main(["--archive", str(old), "search", SECRET]) == 0
    assert main(["--archive", str(old), "search", "opgave"]) == 0
    public = capsys.readouterr().out
    assert "Offentlig opgave" in public and SECRET not in public.casefold()
    assert main(["--archive", str(old), "actions", "--restricted"]) == 0
    assert main(["--archive", str(old), "search", SECRET, "--restricted"]) == 0
    restricted = capsys.readouterr().out
    lines = restricted.splitlines()
    assert [line.split()[-1] for line in lines if "Hemmeligholdt opgave" in line] == ["punkt"]  # the actions table's item
    assert sum("› Sagen om Hemmeligholdt – lukket punkt (" in line for line in lines) == 4  # the four hits
    with Archive.open(old, read_only=True) as archive:
        assert archive.schema_version == 2
        assert [h.kind for h in archive.search("offentlig", limit=2)] == ["decision", "action"]  # the newest two
    assert old.read_bytes() == before


def test_minutes_read_from_the_old_archive_leave_out_a_carried_closed_action(
    old: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Meeting 2 carried the closed item's action before carried copies were marked; read
    without migrating, it is marked as it is loaded."""
    before = old.read_bytes()
    assert main(["--archive", str(old), "minutes", "2"]) == 0
    public = capsys.readouterr().out
    assert "Offentlig opgave" in public and SECRET not in public.casefold()
    assert main(["--archive", str(old), "minutes", "2", "--restricted"]) == 0
    assert "Hemmeligholdt opgave" in capsys.readouterr().out
    assert old.read_bytes() == before


def test_a_damaged_snapshot_does_not_stop_the_migration(old: Path) -> None:
    db = sqlite3.connect(old)
    db.execute("""UPDATE meetings SET snapshot = '{"items": [{"item": {"confidential": true' WHERE id = 2""")
    db.execute("""INSERT INTO meetings (title, kind, created_at, updated_at, snapshot) VALUES ('M', 'andet', '', '',
               '{"items": [{"id": 0, "item": {"confidential": true}}], "carried": [{}, 7]}')""")
    db.commit()
    db.close()
    with Archive.open(old) as archive:
        assert archive.schema_version == SCHEMA_VERSION
        assert [a.what for a in archive.actions()] == ["Offentlig opgave"]
