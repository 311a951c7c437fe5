"""``facilitator minutes ID --approve [--remark TEXT]``: a group that approves by e-mail."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from support.hostile_text import ESC
from support.meetings import klubmoede, real_meeting

from facilitator.cli import main
from facilitator.store.archive import Archive


def run(capsys: pytest.CaptureFixture[str], archive: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    code = main(["--lang", lang, "--archive", str(archive), "minutes", *args])
    out, err = capsys.readouterr()
    return code, out, err


def stored(archive_path: Path) -> int:
    with Archive.open(archive_path) as archive:
        return archive.create(real_meeting())


def test_approve_prints_one_line_and_later_minutes_say_approved(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    meeting = stored(archive_path)
    code, out, err = run(capsys, archive_path, str(meeting), "--approve", "--remark", "Punkt 3 rettes", lang="da")
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    assert (
        out.startswith(f"Referatet af møde {meeting} (Klubmøde: ")
        and ", med bemærkninger; den godkendte tekst er gemt (SHA-256 " in out
    )
    with Archive.open(archive_path, read_only=True) as archive:
        kept = archive.approved_text(meeting)
    assert kept is not None and kept.sha256 == hashlib.sha256(kept.minutes.encode()).hexdigest() and kept.sha256 in out
    code, minutes, _ = run(capsys, archive_path, str(meeting), lang="da")
    assert minutes == kept.minutes
    assert "**Godkendt den " in minutes and "Bemærkninger: Punkt 3 rettes" in minutes and "UDKAST" not in minutes
    code, english, _ = run(capsys, archive_path, str(meeting), "--style", "beslutning")
    assert "**Approved on " in english and "Remarks: Punkt 3 rettes" in english and "DRAFT" not in english


def test_approve_refuses_an_unended_an_approved_and_an_unnamed_meeting(
    capsys: pytest.CaptureFixture[str], archive_path: Path
) -> None:
    running = klubmoede()
    running.start()
    with Archive.open(archive_path) as archive:
        unended = archive.create(running)
    code, out, err = run(capsys, archive_path, str(unended), "--approve")
    assert code == 2 and out == "" and "has not ended" in err and err.count("\n") == 1
    meeting = stored(archive_path)
    assert run(capsys, archive_path, str(meeting), "--approve")[0] == 0
    code, out, err = run(capsys, archive_path, str(meeting), "--approve")
    assert code == 2 and out == "" and "cannot be changed: its minutes were approved on " in err and err.count("\n") == 1
    code, out, err = run(capsys, archive_path, "--approve")
    assert code == 2 and "--approve needs the meeting's number" in err
    code, out, err = run(capsys, archive_path, str(meeting), "--remark", "uden --approve")
    assert code == 2 and "--remark goes with --approve" in err


def test_a_hostile_remark_is_shown_literally_and_never_as_markup(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    meeting = stored(archive_path)
    remark = f"<script>alert(1)</script> **fed** [link](javascript:x) {{{{ 7*7 }}}} {ESC}[2J"
    assert run(capsys, archive_path, str(meeting), "--approve", "--remark", remark)[0] == 0
    code, html, _ = run(capsys, archive_path, str(meeting), "--html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html and "{{ 7*7 }}" in html and "49" not in html and ESC not in html
    code, markdown, _ = run(capsys, archive_path, str(meeting))
    line = next(line for line in markdown.splitlines() if line.startswith("**Approved on "))
    assert line.endswith("Remarks: \\<script>alert(1)\\</script> **fed** [link](javascript:x) {{ 7*7 }} ␛[2J")
