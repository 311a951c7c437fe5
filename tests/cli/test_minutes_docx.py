"""minutes --docx: a Word document written as the Markdown minutes are, to a file only."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import docx
import pytest
from support.meetings import real_meeting

from facilitator.cli import main
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    meeting = real_meeting()
    with Archive.open(path) as archive:
        meeting_id = archive.create(meeting)
        archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items})
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "da", *args])
    out, err = capsys.readouterr()
    return code, out, err


def text_of(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_docx_to_a_file_and_never_over_one_without_force(
    capsys: pytest.CaptureFixture[str], archive_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "referat.docx"
    code, out, err = run(capsys, "minutes", "1", "--docx", "-o", str(target), "--archive", str(archive_path))
    assert (code, err) == (0, "") and out == f"Skrev {target}: referatet af møde 1.\n"
    written = text_of(target)
    assert written.startswith("Referat – Klubmøde: ") and "UDKAST" in written
    assert "Lukket punkt" in written and "personalesag" not in written.lower()
    before = target.read_bytes()
    code, out, err = run(capsys, "minutes", "1", "--docx", "-o", str(target), "--archive", str(archive_path))
    assert code == 2 and out == "" and "--force" in err and err.count("\n") == 1
    assert target.read_bytes() == before
    code, out, err = run(
        capsys, "minutes", "1", "--docx", "--style", "beslutning", "--force", "-o", str(target), "--archive", str(archive_path)
    )
    assert code == 0 and text_of(target).startswith("Beslutningsreferat – ")
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("arkiv")] == ["referat.docx"]  # no temporary files


def test_restricted_docx_is_for_its_owner_only(capsys: pytest.CaptureFixture[str], archive_path: Path, tmp_path: Path) -> None:
    code, out, err = run(
        capsys, "minutes", "1", "--docx", "--restricted", "--times", "-o", str(tmp_path), "--archive", str(archive_path)
    )
    target = tmp_path / "referat-1-fortroligt.docx"
    assert (code, err) == (0, "") and str(target) in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    written = text_of(target)
    assert "TR orienterede om en konkret personalesag." in written and "Fortroligt eksemplar" in written
    assert "Bilag: Tidsforbrug" in written


@pytest.mark.parametrize(
    ("extra", "told"),
    [
        ([], "giv -o FIL.docx"),
        (["-o", "-"], "giv -o FIL.docx"),
        (["--html", "-o", "r.docx"], "ikke begge"),
        (["--template", "egen.md.j2", "-o", "r.docx"], "--template gælder Markdown"),
        (["--style", "medlemmer", "-o", "note.docx"], "noten til medlemmerne skrives som Markdown"),
    ],
)
def test_docx_refusals_are_one_line_and_write_nothing(
    capsys: pytest.CaptureFixture[str],
    archive_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    extra: list[str],
    told: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = run(capsys, "minutes", "1", "--docx", *extra, "--archive", str(archive_path))
    assert (code, out) == (2, "") and told in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before
