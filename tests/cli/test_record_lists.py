"""``decisions`` and ``votes`` across meetings, and ``--csv`` of them and of ``actions``: the CSV
is read back with Python's csv module and matches the archive, æøå intact; a cell that a
spreadsheet would run as a formula is written as text."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from support.chain import CLUB, DECISION, MED, SECRET, chain_archive, club_meeting, hold, med_meeting

from facilitator.cli import main
from facilitator.cli.csv_output import BOM, csv_bytes, neutral
from facilitator.store.archive import Archive

pytestmark = pytest.mark.usefixtures("danish")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "da", *args])
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM), newline="")))


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = chain_archive(tmp_path / "arkiv.sqlite3")
    with Archive.open(path) as archive:
        hold(archive, med_meeting(dt.date(2026, 12, 10)))
    return path


def test_decisions_csv_matches_the_archive(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    code, out, err = run(capsys, "decisions", "--csv", "--archive", str(archive_path))
    assert code == 0 and err == ""
    rows = read_csv(out)
    assert list(rows[0]) == [
        "id",
        "møde",
        "dato",
        "gruppe",
        "punkt",
        "beslutning",
        "principper og svar",
        "evalueres",
        "sendt videre til",
    ]
    assert [(r["id"], r["gruppe"], r["beslutning"]) for r in rows] == [
        ("2", MED, "Dagsordenen blev godkendt."),
        ("1", CLUB, DECISION),
    ]
    club = rows[1]
    assert club["dato"] == "2026-12-03" and club["punkt"] == "Behov for ekstra ressourcer til at løse de nye opgaver"
    assert club["principper og svar"] == "planlægning: Sagstal følges hver måned; støtte: Sparring med TR"
    assert club["evalueres"] == "2027-03-01" and club["sendt videre til"] == "med-udvalg"
    with Archive.open(archive_path, read_only=True) as archive:
        assert [d.text for d in archive.decisions()] == [r["beslutning"] for r in rows]
    assert SECRET not in out


def test_the_restricted_log_marks_closed_items(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    rows = read_csv(run(capsys, "decisions", "--csv", "--restricted", "--archive", str(archive_path))[1])
    closed = [r for r in rows if r["beslutning"] == SECRET]
    assert len(closed) == 1 and closed[0]["punkt"].endswith("– lukket punkt") and closed[0]["sendt videre til"] == "med-udvalg"


def test_decisions_by_group_and_since(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    _, out, _ = run(capsys, "decisions", "--group", CLUB, "--archive", str(archive_path))
    header, *lines = out.splitlines()
    assert header.split()[:2] == ["møde", "punkt"] and len(lines) == 1 and DECISION in lines[0]
    _, out, _ = run(capsys, "decisions", "--since", "2026-12-04", "--csv", "--archive", str(archive_path))
    assert [r["gruppe"] for r in read_csv(out)] == [MED]
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "da", "decisions", "--since", "3/12"])
    assert caught.value.code == 2 and "3/12 er ikke en dato" in capsys.readouterr().err


def test_a_page_of_decisions_says_how_to_see_more(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    code, out, err = run(capsys, "decisions", "--limit", "1", "--archive", str(archive_path))
    assert code == 0 and len(out.splitlines()) == 2 and "Dagsordenen blev godkendt." in out
    assert err == "dette er de nyeste 1 beslutninger; der er flere: se flere med --limit 5, eller vælg en gruppe med --group\n"
    _, out, err = run(capsys, "decisions", "--limit", "1", "--csv", "--archive", str(archive_path))
    assert len(read_csv(out)) == 1 and err.startswith("dette er de nyeste 1")


def test_votes_csv_with_the_outcome(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    code, out, err = run(capsys, "votes", "--csv", "--archive", str(archive_path))
    assert code == 0 and err == ""
    (vote,) = read_csv(out)
    assert vote == {
        "id": "1",
        "møde": "Klubmøde: Hvordan håndterer vi konsekvenserne af de nye lave ydelser?",
        "dato": "2026-12-03",
        "gruppe": CLUB,
        "punkt": "Behov for ekstra ressourcer til at løse de nye opgaver",
        "emne": "Skal forslaget sendes til MED?",
        "for": "7",
        "imod": "1",
        "undlod": "1",
        "til stede": "9",
        "resultat": "vedtaget",
    }
    _, out, _ = run(capsys, "votes", "--archive", str(archive_path))
    assert "Skal forslaget sendes til MED?  7    1     1       9          vedtaget" in out


def test_actions_csv_written_to_a_file_safely(capsys: pytest.CaptureFixture[str], archive_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "handlinger.csv"
    code, out, err = run(capsys, "actions", "--csv", "-o", str(target), "--archive", str(archive_path))
    assert code == 0 and out == "" and err == f"Skrev {target}\n"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    review, action = read_csv(data.decode("utf-8"))
    # the review of the temporary solution the club decided on is tracked as an action too
    assert review["hvad"] == f"Evaluering af midlertidig løsning: {DECISION}" and review["id"] == "1-2"
    assert action["id"] == "1-3" and action["hvem"] == "Anne Ærø" and action["udført"] == "nej"
    assert action["hvad"] == "Skrive forslaget til MED" and action["dato"] == "2026-12-03"
    code, _, err = run(capsys, "actions", "--csv", "-o", str(target), "--archive", str(archive_path))
    assert code != 0 and "--force" in err and target.read_bytes() == data
    assert run(capsys, "actions", "--csv", "-o", str(target), "--force", "--archive", str(archive_path))[0] == 0


@pytest.mark.parametrize("command", ["decisions", "votes", "actions"])
def test_a_restricted_csv_file_is_its_owners_alone(
    capsys: pytest.CaptureFixture[str], archive_path: Path, tmp_path: Path, command: str
) -> None:
    """With --restricted the list holds closed items' records: written 0600, as the
    restricted minutes are; the public list is written as any other file."""
    import os
    import stat

    old = os.umask(0o022)
    try:
        for restricted, mode in ((["--restricted"], 0o600), ([], 0o644)):
            target = tmp_path / f"{command}{len(restricted)}.csv"
            code = run(capsys, command, "--csv", *restricted, "-o", str(target), "--archive", str(archive_path))[0]
            assert code == 0 and stat.S_IMODE(target.stat().st_mode) == mode
    finally:
        os.umask(old)


FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\tTAB", "\rCR", '=HYPERLINK("http://x";"klik")']


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_cell_is_never_a_formula(cell: str) -> None:
    assert neutral(cell) == "'" + cell
    (row,) = list(csv.reader(io.StringIO(csv_bytes(["a"], [[cell]]).decode("utf-8").removeprefix(BOM), newline="")))[1:]
    assert row == ["'" + cell]
    assert neutral("Almindelig tekst = ok") == "Almindelig tekst = ok"


def test_hostile_texts_come_back_as_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hostile = '=cmd|"/c calc"!A1, "citat"\nny linje; æøå'
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        hold(archive, club_meeting(decision=hostile))
    rows = read_csv(run(capsys, "decisions", "--csv", "--archive", str(path))[1])
    assert [r["beslutning"] for r in rows] == ["'" + hostile]


def test_no_escape_sequence_reaches_the_terminal_or_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A CSV is printed on the terminal and read with ``cat`` as the minutes are: an escape
    sequence in a decision (retitling the terminal, a CSI in C1) is written as signs there
    too; the tab, the line breaks and the letters stay as they were."""
    hostile = "\x1b]0;ny titel\x07 \x9b2J ok\tfane\nlinje æøå"
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        hold(archive, club_meeting(decision=hostile))
    out = run(capsys, "decisions", "--csv", "--archive", str(path))[1]
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert [r["beslutning"] for r in read_csv(out)] == ["\u241b]0;ny titel\u2407 \\x9b2J ok\tfane\nlinje æøå"]


def test_headers_in_the_ui_language(capsys: pytest.CaptureFixture[str], archive_path: Path) -> None:
    code = main(["--lang", "en", "votes", "--csv", "--archive", str(archive_path)])
    text = capsys.readouterr().out
    assert code == 0 and text.startswith(BOM + "id,meeting,date,group,item,subject,for,against,abstained,present,outcome\r\n")
    assert read_csv(text)[0]["outcome"] == "adopted"


def test_no_archive_is_nothing_to_list(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "decisions", "--csv", "--archive", str(tmp_path / "intet.sqlite3"))
    assert code == 0 and out == "" and err.startswith("der er endnu intet arkiv")
