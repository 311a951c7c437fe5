"""Property tests: whatever the input, an Agenda or an AgendaError; valid agendas round-trip."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda.loader import load_agenda, parse_agenda
from facilitator.agenda.model import Agenda, ItemType, MeetingKind
from facilitator.agenda.schema import ITEM_KEYS, MEETING_KEYS
from facilitator.errors import AgendaError

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(data: bytes) -> Agenda | AgendaError:
    try:
        return parse_agenda(data, "fuzz.toml")
    except AgendaError as error:
        assert str(error).startswith("fuzz.toml")
        return error


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    assert isinstance(outcome(data), (Agenda, AgendaError))


toml_scalars = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.dates(),
    st.times(),
    st.datetimes(),
)
keys = st.sampled_from(list({*MEETING_KEYS, *ITEM_KEYS, "format", "meeting", "item", "titel", "x"}))
toml_values = st.recursive(
    toml_scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=20,
)


@FAST
@given(st.dictionaries(keys, toml_values, max_size=6))
def test_random_toml_documents(document: dict) -> None:
    assert isinstance(outcome(tomli_w.dumps(document).encode()), (Agenda, AgendaError))


@FAST
@given(
    st.fixed_dictionaries(
        {"title": toml_values, "kind": toml_values}, optional={k: toml_values for k in MEETING_KEYS if k not in ("title", "kind")}
    ),
    st.lists(
        st.fixed_dictionaries({"title": toml_values}, optional={k: toml_values for k in ITEM_KEYS if k != "title"}), max_size=4
    ),
)
def test_documents_of_the_right_shape_with_wrong_values(meeting: dict, items: list) -> None:
    assert isinstance(outcome(tomli_w.dumps({"meeting": meeting, "item": items}).encode()), (Agenda, AgendaError))


one_line = st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]), min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and s
)
valid_items = st.fixed_dictionaries(
    {"title": one_line},
    optional={
        "type": st.sampled_from([t.value for t in ItemType]),
        "minutes": st.integers(1, 240),
        "presenter": one_line,
        "purpose": one_line,
        "prompts": st.lists(one_line, max_size=3),
        "options": st.lists(one_line, max_size=3),
        "confidential": st.booleans(),
    },
)
valid_meetings = st.fixed_dictionaries(
    {"title": one_line, "kind": st.sampled_from([k.value for k in MeetingKind])},
    optional={
        "group": one_line,
        "date": st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
        "start": st.times().map(lambda t: t.replace(microsecond=0)),
        "duration": st.integers(1, 600),
        "participants": st.lists(one_line, max_size=5, unique=True),
    },
)


@FAST
@given(valid_meetings, st.lists(valid_items, min_size=1, max_size=5))
def test_valid_agendas_round_trip(meeting: dict, items: list) -> None:
    agenda = parse_agenda(tomli_w.dumps({"format": 1, "meeting": meeting, "item": items}).encode())
    for key, value in meeting.items():
        loaded = getattr(agenda.meeting, key)
        assert (loaded.value if key == "kind" else list(loaded) if key == "participants" else loaded) == value
    for item, loaded_item in zip(items, agenda.items, strict=True):
        for key, value in item.items():
            loaded = getattr(loaded_item, key)
            assert (loaded.value if key == "type" else list(loaded) if key in ("prompts", "options") else loaded) == value


@FAST
@given(
    st.lists(
        st.sampled_from(
            [
                "[meeting]",
                "[[item]]",
                'title = "A"',
                'kind = "andet"',
                "minutes = 0",
                "titel = 1",
                "start = 15:00",
                'prompts = ["a" "b"]',
                "x = [",
                "]",
                '"""',
                "# kommentar",
                "confidential = ja",
                "date = 1/12/2026",
                "title = “A”",
                "[møde]",
                "item = []",
                "\u2028",
                "\r",
            ]
        ),
        max_size=25,
    )
)
def test_every_reported_line_exists_in_the_file(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = outcome(text.encode())
    if isinstance(result, AgendaError):
        count = text.count("\n") + 1
        assert all(p.line is None or 1 <= p.line <= count for p in result.problems), str(result)


@pytest.mark.parametrize(
    "line",
    [
        "x" + "ø" * 950_000,
        "title = " + "ø" * 950_000,
        "x = " + "[" * 500_000,
        "[" + "ø" * 950_000,
        'title = "' + "a" * 1_900_000,
    ],
    ids=["letters", "bare-value", "brackets", "header", "open-string"],
)
def test_a_huge_line_is_answered_promptly(tmp_path: Path, line: str) -> None:
    """A hang guard, not a speed test: quadratic scanning of a 2 MB line would take hours."""
    path = tmp_path / "huge.toml"
    path.write_text(line, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "check", str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr


# --- size and depth: the inputs that break parsers rather than rules -----------------------


@pytest.mark.parametrize("megabytes", [2.01, 10])
def test_a_file_of_many_megabytes_is_refused_by_its_size(tmp_path: Path, megabytes: float) -> None:
    """Read through the loader, not just the parser: the file must not be read whole first."""
    path = tmp_path / "stor.toml"
    valid_start = b'[meeting]\ntitle = "Klubm\xc3\xb8de"\nkind = "klubmoede"\n'
    path.write_bytes(valid_start + b"# " + b"x" * int(megabytes * 1024 * 1024))
    with pytest.raises(AgendaError, match=rf"^{path}: the file is {megabytes:.0f}\.\d MB; an agenda is at most 2 MB"):
        load_agenda(path)


openers = st.sampled_from(["[", "{a = ", "[{b = ", '{"x" = ['])
closers = {"[": "]", "{a = ": "}", "[{b = ": "}]", '{"x" = [': "]}"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(openers, min_size=1, max_size=4), st.integers(1, 200_000), st.booleans(), st.sampled_from(["title", "prompts", "x"])
)
def test_deep_nesting_is_an_error_with_a_line(pattern: list[str], depth: int, closed: bool, key: str) -> None:
    """Nested arrays and inline tables, closed or not, at any depth up to what fits in 2 MB."""
    opening = "".join(pattern[i % len(pattern)] for i in range(depth))
    closing = "".join(closers[pattern[i % len(pattern)]] for i in reversed(range(depth))) if closed else ""
    text = f'[meeting]\ntitle = "A"\nkind = "andet"\n\n[[item]]\n{key} = {opening}1{closing}\n'
    result = outcome(text.encode())
    if isinstance(result, AgendaError):
        assert all(p.line is None or 1 <= p.line <= 7 for p in result.problems), str(result)
        assert "Traceback" not in str(result)


@settings(max_examples=40, deadline=None)
@given(st.integers(65, 200_000), st.sampled_from(["table", "dotted", "array-of-tables", "inline", "quoted"]))
def test_long_chains_of_tables_and_dotted_keys_are_refused_at_once(parts: int, shape: str) -> None:
    """tomllib takes quadratic time over dotted chains (40 s for 40,000 parts): refused before it."""
    chain = ".".join(f"k{i}" for i in range(parts))
    text = {
        "table": f"[{chain}]\nx = 1\n",
        "dotted": f"{chain} = 1\n",
        "array-of-tables": f"[[{chain}]]\nx = 1\n",
        "inline": f'[[item]]\ntitle = "A"\nx = {{ {chain} = 1 }}\n',
        "quoted": ".".join(f'"k {i}"' for i in range(parts)) + " = 1\n",
    }[shape]
    result = outcome(('[meeting]\ntitle = "A"\nkind = "andet"\n' + text).encode())
    assert isinstance(result, AgendaError)
    assert [(p.message, p.line) for p in result.problems] == [
        ("the file nests lists or tables too deeply to be an agenda", 4 if shape != "inline" else 6)
    ]
