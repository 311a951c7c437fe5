"""A template cannot run for ever, fill the memory, or read a file through a link.

Each bomb renders in a process of its own, so that a regression fails the test (killed
after a generous minute) instead of hanging the run; inside, the rendering must end with a
one-line message naming the template and line within 5 s. The app is quit with ctrl+q
while its preview renders a looping user template, in a real process, and must be gone
within 2 s. Hostile text in every field leaves no raw control character in the minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.clock import FakeClock
from support.hostile_text import HOSTILE, raw_controls
from support.paths import ROOT, TESTS

from facilitator.agenda.loader import parse_agenda
from facilitator.errors import FacilitatorError
from facilitator.meeting.model import Meeting
from facilitator.output import template_limits
from facilitator.output.minutes import PUBLIC_ONLY, STYLES, render, to_html

HERE = Path(__file__).parent
HANG = 60
"""Seconds after which a child is killed: far beyond any limit, so only a hang reaches it."""

CHILD = """
import json, sys, time
from pathlib import Path
from facilitator.i18n import set_language
from facilitator.output.minutes import MinutesError, render
from support.meetings import real_meeting
set_language("en")
meeting = real_meeting()
started = time.monotonic()
try:
    text = render(meeting, template=Path(sys.argv[1]), lang="en")
    error = None
except MinutesError as caught:
    text, error = "", str(caught)
print(json.dumps({"error": error, "seconds": time.monotonic() - started, "text": text[:2000]}))
"""


def child_env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "config-home"
    config.mkdir(exist_ok=True)
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(TESTS)]),
        "XDG_CONFIG_HOME": str(config),
        "FACILITATOR_LANG": "en",
        "FACILITATOR_ARCHIVE": str(tmp_path / "archive.sqlite3"),
        "FACILITATOR_CONFIG": str(tmp_path / "config.toml"),
    }


def render_apart(tmp_path: Path, template: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(template)],
        cwd=tmp_path,
        env=child_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=HANG,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


TOO_BIG = "the template makes a value of more than 10,000,000 characters or items"
STEPS = "the template takes more than 1,000,000 steps"
SLOW = "the template took too long (over 5 s) and was stopped"
"""A million macro calls take about as long as the time limit: either may come first."""
NUMBER = "the template computes a number of more than 100,000 bits"

BOMBS = {
    "power": ("\n{{ 9**(9**9) }}", 2, NUMBER),
    "power-in-steps": (
        "{% set ns = namespace(n=7) %}\n{% for i in range(40) %}{% set ns.n = ns.n ** 3 %}{% endfor %}",
        2,
        NUMBER,
    ),
    "multiply-numbers": (
        "{% set ns = namespace(n=7) %}\n{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}{% endfor %}",
        2,
        NUMBER,
    ),
    "multiply-str": ("{{ 'x' * 10**9 }}", 1, TOO_BIG),
    "multiply-list": ("{{ [1, 2] * 10**8 }}", 1, TOO_BIG),
    "multiply-tuple-format": ('{{ "%s" % ((1,)*10**8) }}', 1, TOO_BIG),
    "format-width": ('{{ "%999999999d" % 1 }}', 1, TOO_BIG),
    "format-star-width": ('{{ "%*d" % (999999999, 1) }}', 1, TOO_BIG),
    "format-filter": ('{{ "%s%s%s%s" | format(("x" * 9000000), "y", "z", "w") }}', 1, TOO_BIG),
    "str-format-width": ("{{ '{:>999999999}'.format(1) }}", 1, TOO_BIG),
    "str-format-nested": ("{{ '{0:{1}}'.format(1, 999999999) }}", 1, TOO_BIG),
    "str-method-width": ("{{ title.ljust(10**9) }}", 1, TOO_BIG),
    "nested-list-loops": (
        "{% set l = items * 100 %}\n{% for a in l %}{% for b in l %}{% for c in l %}{% endfor %}{% endfor %}{% endfor %}",
        2,
        STEPS,
    ),
    "loop-over-text": ("{% set s = 'x' * 9000000 %}\n{% for c in s %}{% for d in s %}{% endfor %}{% endfor %}", 2, STEPS),
    "join-huge-list": (
        "{% set l = range(100000)|list %}\n{% for i in range(100) %}{{ l|join(',')|length }}{% endfor %}",
        2,
        STEPS,
    ),
    "join-to-huge-text": ("{% set l = ['x' * 1000000] * 9 %}\n{{ (l * 2)|join(',') }}", 2, TOO_BIG),
    "sort-huge-list": ("{% set l = (range(100000)|list) * 10 %}\n{{ l|sort|first }}", 2, STEPS),
    "map-lazily": (
        "{% set l = range(100000)|list %}\n{% for i in range(20) %}{{ l|map('string')|list|length }}{% endfor %}",
        2,
        STEPS,
    ),
    "sum-of-lists": ("\n{{ ([[1] * 1000] * 1000)|sum(start=[]) }}", 2, "in a template, sum adds numbers only"),
    "double-with-tilde": (
        "{% set ns = namespace(s='x') %}\n{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        2,
        TOO_BIG,
    ),
    "double-with-plus": (
        "{% set ns = namespace(s='x') %}\n{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
        2,
        TOO_BIG,
    ),
    "double-in-a-block": (
        "{% set ns = namespace(s='x') %}\n{% for i in range(40) %}{% set b %}{{ ns.s }}{{ ns.s }}{% endset %}{% set ns.s = b %}{% endfor %}",
        2,
        "the template writes more than 50,000,000 characters in all",
    ),
    "nested-lists": (
        "{% set ns = namespace(a=[1]) %}\n{% for i in range(60) %}{% set ns.a = [ns.a, ns.a] %}{% endfor %}{{ ns.a }}",
        2,
        TOO_BIG,
    ),
    "replace-grows": ("\n{{ ('x' * 1000000)|replace('x', 'yyyyyyyyyyyyyyyyyyyy') }}", 2, TOO_BIG),
    "center": ("{{ 'x'|center(10**9) }}", 1, TOO_BIG),
    "indent": ("\n{{ ('\\n' * 1000000)|indent(100) }}", 2, TOO_BIG),
    "lipsum": ("{{ lipsum(10**6) }}", 1, STEPS),
    "slice": ("{{ items|slice(5000000)|list|length }}", 1, STEPS),
    "recursion-both-ways": (
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}\n{{ f(60) }}",
        1,
        (STEPS, SLOW),
    ),
    "recursive-loop": (
        "{% for x in range(2) recursive %}{{ loop(range(2)) }}{% endfor %}\n",
        1,
        "the template calls itself without end",
    ),
    "slow-steps": ("{% set s = 'x' * 5000000 %}\n{% for i in range(100000) %}{{ (s ~ s)|length }}{% endfor %}", 2, SLOW),
}


@pytest.mark.parametrize(("source", "line", "told"), BOMBS.values(), ids=BOMBS.keys())
def test_a_template_bomb_ends_in_one_line_within_5_s(tmp_path: Path, source: str, line: int, told: str | tuple[str, ...]) -> None:
    template = tmp_path / "bombe.md.j2"
    template.write_text(source, encoding="utf-8")
    result = render_apart(tmp_path, template)
    error = str(result["error"])
    assert any(error.startswith(f"{template}:{line}: {one}") for one in ((told,) if isinstance(told, str) else told)), error
    assert "\n" not in error
    assert float(result["seconds"]) < template_limits.TIME_LIMIT + 1  # the slow one stops at the limit itself


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A template folder, and a secret beside it."""
    (tmp_path / "hemmeligt.txt").write_text("adgangskode-udenfor", encoding="utf-8")
    (tmp_path / "hemmelig.j2").write_text("adgangskode-j2-udenfor", encoding="utf-8")
    templates = tmp_path / "skabeloner"
    templates.mkdir()
    (templates / "noter.txt").write_text("adgangskode-i-mappen", encoding="utf-8")
    return templates


@pytest.mark.parametrize(
    ("link", "target", "told"),
    [
        ("ud.j2", "../hemmeligt.txt", "is a link to a file outside"),
        ("ud2.j2", "../hemmelig.j2", "is a link to a file outside"),
        ("absolut.j2", "/etc/passwd", "is a link to a file outside"),
        ("noter.j2", "noter.txt", "is a link to noter.txt, which is not a template (a name ending in .j2)"),
    ],
    ids=["outside-not-j2", "outside-j2", "absolute", "inside-not-j2"],
)
def test_a_linked_include_is_refused_by_name(folder: Path, link: str, target: str, told: str) -> None:
    (folder / link).symlink_to(target)
    template = folder / "mit.md.j2"
    template.write_text(f"# Referat\n{{% include '{link}' %}}\n", encoding="utf-8")
    with pytest.raises(FacilitatorError) as caught:
        render(_meeting(), template=template, lang="en")
    message = str(caught.value)
    assert message.startswith(f"{template}:2: {folder / link} {told}"), message
    assert "adgangskode" not in message and "\n" not in message


def test_a_link_within_the_folder_to_a_template_is_followed(folder: Path) -> None:
    (folder / "rigtig.md.j2").write_text("Fra den rigtige: {{ title }}", encoding="utf-8")
    (folder / "genvej.md.j2").symlink_to("rigtig.md.j2")
    template = folder / "mit.md.j2"
    template.write_text("{% include 'genvej.md.j2' %}", encoding="utf-8")
    assert render(_meeting(), template=template, lang="en") == "Fra den rigtige: Klubmøde\n"


def test_a_pipe_named_like_a_template_is_refused_without_waiting(folder: Path) -> None:
    os.mkfifo(folder / "roer.j2")
    template = folder / "mit.md.j2"
    template.write_text("{% include 'roer.j2' %}", encoding="utf-8")
    with pytest.raises(FacilitatorError, match=r"roer\.j2 is not an ordinary file"):
        render(_meeting(), template=template, lang="en")


def test_a_user_template_in_the_config_folder_cannot_link_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from facilitator.output import minutes

    (tmp_path / "hemmeligt.txt").write_text("adgangskode", encoding="utf-8")
    own = tmp_path / "egne"
    own.mkdir()
    (own / "referat.md.j2").symlink_to(tmp_path / "hemmeligt.txt")
    monkeypatch.setattr(minutes, "user_templates_dir", lambda: own)
    with pytest.raises(FacilitatorError, match=r"referat\.md\.j2 is a link to a file outside"):
        render(_meeting(), lang="en")


AGENDA = b'format = 1\n[meeting]\ntitle = "Klubm\xc3\xb8de"\nkind = "klubm\xc3\xb8de"\n[[item]]\ntitle = "Et"\nminutes = 5\n[[item]]\ntitle = "To"\nminutes = 5\nconfidential = true\n'


def _meeting(text: str | None = None) -> Meeting:
    clock = FakeClock()
    m = Meeting(parse_agenda(AGENDA), clock=clock)
    m.start()
    if text is not None:
        one_line = " ".join(text.split())
        m.set_notes(text)
        m.add_decision(text)
        m.add_action(text, one_line, None)
        m.record_vote(text, 1, 0, 0)
        m.add_person(one_line)
        m.add_item(one_line)
        m.next_item()
        m.set_notes(text)
        m.add_decision(text)
    m.end()
    return m


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n == "long" else n for n in HOSTILE])
def test_hostile_text_leaves_no_raw_control_in_the_minutes(name: str) -> None:
    """Every entry of the corpus, in every field the meeting holds, every style, public
    and (where the style has one) restricted, Markdown and HTML."""
    text = HOSTILE[name]
    meeting = _meeting(text)
    for style in STYLES:
        for restricted in (False,) if style in PUBLIC_ONLY else (False, True):  # the member note has no restricted copy
            markdown = render(meeting, style=style, restricted=restricted, lang="da")
            assert not raw_controls(markdown), (style, restricted)
            # The HTML of the restricted copy only, which holds all the public one does; of the
            # long text only in the shorter style: markdown-it takes some 6 s over the 1.4 MB the
            # long text makes of a referat, and turns each repeat of it as it turns the first.
            if restricted and (name != "long" or style == "beslutning"):
                assert not raw_controls(to_html(markdown, title=text, lang="da"))
            elif style in PUBLIC_ONLY and name != "long":  # the member note's own public HTML
                assert not raw_controls(to_html(markdown, title=text, lang="da"))
            if "\x1b" in text:
                assert "␛" in markdown, (style, restricted)  # shown, not dropped


def test_the_shipped_templates_render_the_golden_files_within_a_fiftieth_of_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limits never stop or change the shipped templates: with a step budget fifty
    times smaller and a tenth of the size limits, the golden files still come out."""
    from support.meetings import real_meeting
    from support.paths import GOLDEN

    monkeypatch.setattr(template_limits, "STEP_BUDGET", template_limits.STEP_BUDGET // 50)
    monkeypatch.setattr(template_limits, "MAX_SIZE", template_limits.MAX_SIZE // 10)
    monkeypatch.setattr(template_limits, "MAX_OUTPUT", template_limits.MAX_OUTPUT // 10)
    for style in STYLES:
        for restricted, kind in ((False, "offentligt"), (True, "fortroligt")):
            if restricted and style in PUBLIC_ONLY:
                continue
            rendered = render(real_meeting(), style=style, restricted=restricted, lang="da")
            assert rendered == (GOLDEN / f"{style}-{kind}-da.md").read_text(encoding="utf-8")


def test_quit_stops_the_preview_rendering_a_looping_user_template(tmp_path: Path) -> None:
    own = tmp_path / "config-home" / "facilitator" / "templates"
    own.mkdir(parents=True)
    (own / "referat.md.j2").write_text(BOMBS["slow-steps"][0], encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, str(HERE / "quit_while_rendering_child.py"), str(tmp_path)],
        cwd=tmp_path,
        env=child_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        asked = time.monotonic()
        assert line.startswith("quitting "), child.stderr.read() if child.stderr else line
        rendering_for = float(line.split()[1])
        child.wait(timeout=HANG)
        took = time.monotonic() - asked
    finally:
        child.kill()
        child.wait()
    assert child.returncode == 0, child.stderr.read() if child.stderr else ""
    # Left to run, the loop would go on until the time limit stopped it; the quit must come
    # before that (not a figure of speed: the margin is the limit's, load or no load).
    assert took < template_limits.TIME_LIMIT - rendering_for, f"the app took {took:.1f} s to quit: it waited for the rendering"
