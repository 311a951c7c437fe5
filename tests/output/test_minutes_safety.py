"""User text never breaks the minutes; user templates cannot escape the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.clock import FakeClock
from support.meetings import real_meeting

from facilitator.agenda.loader import parse_agenda
from facilitator.cli import main
from facilitator.errors import MinutesError
from facilitator.meeting.model import Meeting
from facilitator.output.markdown_safety import parser
from facilitator.output.minutes import render
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

AGENDA = b'[meeting]\ntitle = "Klubm\xc3\xb8de"\nkind = "klubm\xc3\xb8de"\n[[item]]\ntitle = "Et"\nminutes = 5\n[[item]]\ntitle = "To"\nminutes = 5\n'


def structure(markdown: str) -> list[tuple[int, str]]:
    """The headings the template owns (levels 1 and 2), as markdown-it-py finds them."""
    tokens = parser().parse(markdown)
    return [
        (int(tok.tag[1]), tokens[i + 1].content)
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open" and int(tok.tag[1]) <= 2
    ]


def meeting_with(text: str, *, clock: FakeClock | None = None) -> Meeting:
    clock = clock or FakeClock()
    m = Meeting(parse_agenda(AGENDA), clock=clock)
    m.start()
    m.set_notes(text)
    for what in (m.add_decision, lambda s: m.add_action(s, s), lambda s: m.record_vote(s, 0, 0, 0)):
        if text.strip():
            what(text)
    one_line = " ".join(text.split())  # names and titles are one line by rule; their characters are still fuzzed
    if one_line:
        m.add_person(one_line)
        m.add_item(one_line)
    m.next_item()
    m.set_notes(text)
    m.end()
    return m


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("#=-*>|`~ \n\t0123456789.)[]<!_\\æøå🙂x")), max_size=120) | st.text(max_size=60))
def test_user_text_never_adds_or_removes_a_template_heading(text: str) -> None:
    """The headings markdown-it finds at the template's levels are exactly the template's."""
    for style in ("referat", "beslutning"):
        plain = render(meeting_with("x" if text.strip() else ""), style=style, lang="da")
        fuzzed = render(meeting_with(text), style=style, lang="da")
        assert [level for level, _ in structure(fuzzed)] == [level for level, _ in structure(plain)]


@pytest.mark.parametrize(
    "note",
    ["0) #", "0) # 5. Eventuelt", "- ## Beslutning", "> # Citeret overskrift", "> Overskrift\n> ---", "1. tekst\n   # inde"],
)
def test_a_heading_inside_a_list_or_a_quote_adds_none(note: str) -> None:
    # Hypothesis found "0) #": a heading inside a list item stayed a heading of level 1.
    plain = render(meeting_with("x"), lang="da")
    fuzzed = render(meeting_with(note), lang="da")
    assert [level for level, _ in structure(fuzzed)] == [level for level, _ in structure(plain)]


def test_hostile_note_cannot_swallow_the_rest() -> None:
    text = render(meeting_with("```\nkode uden slut\n\nOverskrift\n===\n<script>x</script>"), lang="da")
    assert [c for _, c in structure(text)][-2:] == ["3. To", "Handlepunkter"]


def test_html_and_images_in_text_stay_text() -> None:
    """An image in someone's text would be fetched each time the minutes are opened (a
    tracking pixel), and a tag would be read as HTML by other Markdown readers: in the
    Markdown the one-line texts' tags are escaped, and the HTML page has neither."""
    from facilitator.output.minutes import to_html

    text = "![x](http://e.invalid/x.png) <img src=x onerror=alert(1)> <script>alert(2)</script>"
    markdown = render(meeting_with(text), lang="da")
    page = to_html(markdown, title="t", lang="da")
    assert "<img" not in page and "<script" not in page and "e.invalid/x.png" in page
    decision = next(line for line in markdown.splitlines() if line.startswith("- ![x]"))
    assert "\\<img src=x" in decision and "\\<script>" in decision
    rendered = parser().render(decision)
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered and "&lt;script&gt;" in rendered


def test_text_comes_out_whole() -> None:
    long_line = "ø🙂" * 50_000
    note = f"æøå ÆØÅ 🙂 עברית مرحبا e\u0301 zero\u200bwidth\n\n{long_line}\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    text = render(meeting_with(note), lang="da")
    assert long_line in text and "עברית مرحبا e\u0301 zero\u200bwidth" in text
    assert "| a | b |" in text


def test_a_template_error_names_the_template_and_line(tmp_path: Path) -> None:
    syntax = tmp_path / "mit.md.j2"
    syntax.write_text("# {{ title }}\n{% for x in items %}\n{{ x.title }\n", encoding="utf-8")
    with pytest.raises(MinutesError, match=rf"^{syntax}:3: "):
        render(real_meeting(), template=syntax)
    runtime = tmp_path / "runtime.md.j2"
    runtime.write_text("# {{ title }}\n\n{{ no_such_thing }}\n", encoding="utf-8")
    with pytest.raises(MinutesError, match=r"runtime.md.j2:3: 'no_such_thing' is undefined"):
        render(real_meeting(), template=runtime)


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ label.__globals__ }}",
        "{{ items.append(1) }}",
        "{% include '/etc/passwd' %}",
        "{% include '../../../../etc/passwd' %}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ title.__class__.__base__.__subclasses__() }}",
        "{{ items|attr('__class__') }}",
        "{{ '{0.__class__}'.format(title) }}",
        "{{ lipsum.__globals__['os'] }}",
        "{{ joiner.__init__.__globals__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{% set x = items.pop() %}",
        "{{ label.__closure__ }}",
        "{% extends '/etc/passwd' %}",
    ],
)
def test_a_user_template_stays_in_the_sandbox(tmp_path: Path, source: str) -> None:
    template = tmp_path / "ond.md.j2"
    template.write_text(source, encoding="utf-8")
    with pytest.raises(MinutesError, match=r"ond\.md\.j2|/etc/passwd"):
        render(real_meeting(), template=template)


@pytest.mark.parametrize(
    ("source", "told"),
    [
        (
            "Mit referat\n{% include 'hemmeligt.txt' %}",
            "ond.md.j2:2: only templates (names ending in .j2) can be included or imported, not hemmeligt.txt",
        ),
        (
            "{% import 'hemmeligt.txt' as x %}",
            "ond.md.j2:1: only templates (names ending in .j2) can be included or imported, not hemmeligt.txt",
        ),
        (
            "{% extends 'hemmeligt.txt' %}",
            "ond.md.j2:1: only templates (names ending in .j2) can be included or imported, not hemmeligt.txt",
        ),
        ("{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}", "ond.md.j2:1: the template calls itself without end"),
        ("{{ 'x' * 10**12 }}", "ond.md.j2:1: the template makes a value of more than 10,000,000 characters or items"),
        (
            "{% for i in range(10**5) %}{% for j in range(10**5) %}{% endfor %}{% endfor %}",
            "ond.md.j2:1: the template takes more than 1,000,000 steps (rounds of loops, calls, items through filters) in all; it would take too long",
        ),
        ("\n{{ 1/0 }}", "ond.md.j2:2: division by zero"),
        ("{% include 'mangler.md.j2' %}", "the template mangler.md.j2 was not found"),
    ],
    ids=[
        "include-a-file",
        "import-a-file",
        "extend-a-file",
        "recursion",
        "memory",
        "endless-loops",
        "python-error",
        "missing-part",
    ],
)
def test_a_user_template_that_misbehaves_gets_a_message_not_a_traceback(tmp_path: Path, source: str, told: str) -> None:
    """Beside the template lies a file that is not one: it must not be read into the minutes."""
    (tmp_path / "hemmeligt.txt").write_text("adgangskode", encoding="utf-8")
    template = tmp_path / "ond.md.j2"
    template.write_text(source, encoding="utf-8")
    with pytest.raises(MinutesError) as caught:
        render(real_meeting(), template=template)
    assert str(caught.value).removeprefix(f"{tmp_path}/") == told


def test_a_user_template_can_use_the_shipped_parts(tmp_path: Path) -> None:
    template = tmp_path / "kort.md.j2"
    template.write_text(
        '{% import "_parts.md.j2" as parts with context %}{{ parts.header() }}\nI alt {{ items|length }} punkter.\n',
        encoding="utf-8",
    )
    text = render(real_meeting(), template=template, lang="da")
    assert text.startswith("# Referat – Klubmøde") and text.endswith("I alt 10 punkter.\n")


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    with Archive.open(path) as archive:
        meeting = real_meeting()
        meeting_id = archive.create(meeting)
        archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items})
    return path


def test_minutes_command(archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "da", "minutes", "--archive", str(archive_path)]) == 0
    printed = capsys.readouterr().out
    assert printed == render(Archive.open(archive_path, read_only=True).load(1), lang="da")
    target = tmp_path / "ud" / "referat.md"
    target.parent.mkdir()
    assert (
        main(
            [
                "--lang",
                "en",
                "minutes",
                "1",
                "--style",
                "beslutning",
                "--restricted",
                "-o",
                str(target),
                "--archive",
                str(archive_path),
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == f"Wrote {target}: the minutes of meeting 1.\n"
    assert "Restricted copy" in target.read_text(encoding="utf-8")
    assert main(["--lang", "en", "minutes", "-o", str(target), "--archive", str(archive_path)]) == 2
    assert capsys.readouterr().err == f"{target} exists already; choose another name, or add --force to overwrite it\n"
    assert main(["minutes", "--html", "-o", str(target.parent), "--archive", str(archive_path)]) == 0
    page = (target.parent / "referat-1.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="da"' in page
    assert sorted(p.name for p in target.parent.iterdir()) == ["referat-1.html", "referat.md"]  # no temporary files


def test_minutes_command_failures(archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "minutes", "7", "--archive", str(archive_path)]) == 2
    assert "there is no meeting 7 in the archive" in capsys.readouterr().err
    assert main(["--lang", "en", "minutes", "-o", str(tmp_path / "no" / "r.md"), "--archive", str(archive_path)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["--lang", "en", "minutes", "--template", str(tmp_path / "none.j2"), "--archive", str(archive_path)]) == 2
    assert capsys.readouterr().err == f"the template {tmp_path / 'none.j2'} was not found\n"


@pytest.mark.parametrize(
    ("where", "told"),
    [
        ("x" * 300 + ".md", "could not be written (File name too long); try another place"),
        ("notes.txt/referat.md", "could not be written (Not a directory); try another place"),
        ("missing/referat.md", "does not exist; create it first or choose another place"),
        ("notes.txt", "exists already; choose another name, or add --force to overwrite it"),
        ("/dev/null", "is not an ordinary file (a link, a device or a pipe); give another name"),
    ],
    ids=["name-too-long", "under-a-file", "no-folder", "exists", "device"],
)
def test_minutes_to_a_bad_path_exit_2_and_leave_nothing(
    archive_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    told: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    monkeypatch.chdir(folder)
    assert main(["--lang", "en", "minutes", "-o", where, "--archive", str(archive_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(where) and err.endswith(told + "\n") and err.count("\n") == 1, err
    assert [(p.name, p.read_text(encoding="utf-8")) for p in folder.iterdir()] == [("notes.txt", "mine")]
