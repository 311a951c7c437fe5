"""``new KIND --forwarded``: a venue's next agenda with the matters other meetings sent on
to it, each with its origin; a confidential matter only on a restricted agenda."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import tomllib
from support.chain import CLUB, DECISION, MED, SECRET, chain_archive, club_meeting, hold, med_meeting

from facilitator.agenda.loader import load_agenda
from facilitator.cli import main
from facilitator.store.archive import Archive

ORIGIN = f"Fra klubmødet 3. december 2026 i {CLUB}, punktet »Behov for ekstra ressourcer til at løse de nye opgaver«."


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "da", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return chain_archive(tmp_path / "arkiv.sqlite3")


def test_the_club_decision_reaches_meds_agenda_without_the_confidential_matter(
    capsys: pytest.CaptureFixture[str], archive_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "med.toml"
    code, out, err = run(
        capsys, "new", "med-udvalg", "--group", MED, "--forwarded", "-o", str(target), "--archive", str(archive_path)
    )
    assert code == 0 and out.startswith(f"Skrev {target}, dagsordenen for med-udvalg")
    assert err.splitlines() == [
        "1 sag sendt videre fra 1 møde",
        "1 fortrolig sag er udeladt; med --restricted kommer den med som lukket punkt",
    ]
    assert run(capsys, "check", str(target))[0] == 0
    agenda = load_agenda(target)
    assert agenda.meeting.kind.value == "med-udvalg" and agenda.meeting.group == MED
    titles = [item.title for item in agenda.items]
    assert titles[:4] == [
        "Godkendelse af dagsorden",
        "Godkendelse af referat og opfølgning fra sidste møde",
        "Meddelelser",
        f"Fra {CLUB}: Behov for ekstra ressourcer til at løse de nye opgaver",
    ]
    forwarded = agenda.items[3]
    assert forwarded.type.value == "beslutning" and not forwarded.confidential
    assert forwarded.purpose == f"{ORIGIN}\nBeslutningen: {DECISION}"
    text = target.read_text(encoding="utf-8")
    assert SECRET not in text and "Hemmeligholdt" not in text and "confidential" not in text.split("format = 1")[1]
    assert titles[-2:] == ["Eventuelt", "Næste møde"]  # the venue's own items follow


def test_a_restricted_agenda_takes_the_confidential_matter_as_a_closed_item(
    capsys: pytest.CaptureFixture[str], archive_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "med.toml"
    code, _, err = run(
        capsys,
        "new",
        "med-udvalg",
        "--forwarded",
        "--restricted",
        "--group",
        MED,
        "-o",
        str(target),
        "--archive",
        str(archive_path),
    )
    assert code == 0 and err == "2 sager sendt videre fra 1 møde\n"
    items = load_agenda(target).items
    closed = [item for item in items if item.confidential]
    assert len(closed) == 1 and closed[0].purpose is not None and closed[0].purpose.endswith(f"Beslutningen: {SECRET}")
    assert closed[0].type.value == "beslutning"


def test_a_solution_goes_to_the_managers_as_a_discussion(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    code, out, err = run(capsys, "new", "ledelsesmoede", "--forwarded", "-o", "-", "--archive", str(archive_path))
    assert code == 0 and err == "1 sag sendt videre fra 1 møde\n"
    items = tomllib.loads(out)["item"]
    solution = [item for item in items if item.get("purpose", "").startswith("Fra klubmødet")]
    assert len(solution) == 1 and solution[0]["type"] == "drøftelse"
    assert solution[0]["purpose"].endswith(
        "Den valgte løsning: Midlertidig ændring af den lokale arbejdstidsaftale mod særlig betaling."
    )


def test_matters_are_taken_up_once_the_venue_has_met(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    """The rule: what was sent after the venue's (the group's) newest meeting started."""
    with Archive.open(archive_path) as archive:
        hold(archive, med_meeting(dt.date(2026, 12, 10), group="MED Ydelse"))  # another committee: no matter
    args = ("new", "med-udvalg", "--forwarded", "-o", "-", "--archive", str(archive_path))
    assert run(capsys, *args, "--group", MED)[2].startswith("1 sag sendt videre")
    with Archive.open(archive_path) as archive:
        hold(archive, med_meeting(dt.date(2026, 12, 10)))
    code, out, err = run(capsys, *args, "--group", MED)
    assert code == 0 and DECISION not in out
    assert err.startswith("ingen sager er sendt videre til med-udvalg, siden det sidst blev holdt")
    assert run(capsys, "new", "med-udvalg", "--forwarded", "-o", "-", "--archive", str(archive_path))[2].startswith("ingen sager")
    with Archive.open(archive_path) as archive:  # the club meets again after MED: its matter is new
        hold(archive, club_meeting(dt.date(2026, 12, 17), decision="Andet forslag"))
    code, out, err = run(capsys, *args, "--group", MED)
    assert "Andet forslag" in out and DECISION not in out and "17. december 2026" in out


HOSTILE_DECISION = 'Citat "med" \\ og """ og \'\'\'\n[[item]]\ntitle = "Indsmuglet"\n\x1b[2J \x9b2J \x07 slut'


def test_hostile_text_is_written_as_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Through the whole chain once; every hostile string is swept in tests/output/test_forwarded_agenda.py."""
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        hold(archive, club_meeting(decision=HOSTILE_DECISION))
    target = tmp_path / "med.toml"
    code, _, _ = run(capsys, "new", "med-udvalg", "--forwarded", "-o", str(target), "--archive", str(path))
    assert code == 0 and run(capsys, "check", str(target))[0] == 0
    items = load_agenda(target).items
    assert [item.title for item in items if item.title == "Indsmuglet"] == []
    assert any(item.purpose == f"{ORIGIN}\nBeslutningen: {HOSTILE_DECISION}" for item in items)
    assert all(not (0x80 <= ord(c) <= 0x9F) and c not in "\x1b\x07" for c in target.read_text(encoding="utf-8"))


def test_the_agenda_is_written_safely(capsys: pytest.CaptureFixture[str], archive_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "med.toml"
    target.write_text("mit eget", encoding="utf-8")
    code, _, err = run(capsys, "new", "med-udvalg", "--forwarded", "-o", str(target), "--archive", str(archive_path))
    assert code != 0 and target.read_text(encoding="utf-8") == "mit eget" and "--force" in err
    assert run(capsys, "new", "med-udvalg", "--forwarded", "-o", str(target), "--force", "--archive", str(archive_path))[0] == 0
    assert DECISION in target.read_text(encoding="utf-8")


def test_the_options_go_together(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    code, _, err = run(capsys, "new", "med-udvalg", "--restricted", "--archive", str(archive_path))
    assert code == 2 and "--restricted hører sammen med --forwarded" in err
    code, _, err = run(capsys, "new", "--from-meeting", "1", "--forwarded", "--archive", str(archive_path))
    assert code == 2 and "--forwarded skal have navnet" in err
    code, _, err = run(capsys, "new", "intet", "--forwarded", "--archive", str(archive_path))
    assert code == 2 and "intet" in err


def test_without_an_archive_there_is_nothing_to_forward(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "intet.sqlite3"
    code, out, err = run(capsys, "new", "med-udvalg", "--forwarded", "-o", "-", "--archive", str(path))
    assert code == 2 and out == "" and str(path) in err and not path.exists()


def test_a_restricted_agenda_file_is_its_owners_alone(
    capsys: pytest.CaptureFixture[str], archive_path: Path, tmp_path: Path
) -> None:
    """It holds the confidential matter: written 0600, as the restricted minutes are."""
    import os
    import stat

    old = os.umask(0o022)
    try:
        for restricted, mode in ((["--restricted"], 0o600), ([], 0o644)):
            target = tmp_path / f"med{len(restricted)}.toml"
            code = run(
                capsys, "new", "med-udvalg", "--forwarded", *restricted, "-o", str(target), "--archive", str(archive_path)
            )[0]
            assert code == 0 and stat.S_IMODE(target.stat().st_mode) == mode
    finally:
        os.umask(old)
