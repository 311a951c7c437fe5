"""The catalogues as files, and the keys the code asks for.

Each ``.mo`` says what its ``.po`` says; no key is written twice; both languages hold the
same keys with the same placeholders; and the keys the code can ask for are exactly the
keys the catalogues hold: none missing, none unused, none built at run time where no
reader could find it.

The ``.po`` files are read with Babel. The Python code is read with ``ast`` rather than
Babel's Python extractor, which reads tokens: it joins ``t("a" if x else "b")`` into one
key "ab", and it cannot tell a key built at run time (``t(f"cmd.{id}")``) from one passed
in a variable, as it silently skips both. The templates are read with Jinja's extractor,
the one Babel plugs in.
"""

from __future__ import annotations

import ast
import re
import string
from functools import cache
from pathlib import Path
from typing import NamedTuple

import jinja2
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from jinja2.ext import extract_from_ast

import facilitator
from facilitator import i18n
from facilitator.output.minutes import templates_dir

PACKAGE = Path(facilitator.__file__).parent
COMPILE = "pybabel compile -d facilitator/i18n/locale -D facilitator"

KEY_ARGUMENTS: dict[str, int] = {
    "t": 0,
    "t_count": 0,
    "report": 1,  # the agenda loader's problems: report(key_path, key, **params)
    "missing_section": 1,
    "fail": 0,  # the snapshot check's errors: fail(key, **params)
    "_check_choice": 2,  # the meeting's checks: _check_choice(number, choices, key)
    "checks.text": 1,  # the meeting's checks of values from people: checks.text(value, field_key)
    "checks.one_line": 1,
    "_show": 6,  # the decision log and the votes: _show(args, listed, columns, cells, wheres, file_name, more_key)
}
"""The functions that take a key, and where among their arguments it stands (what Babel
calls keywords): a key written there is used."""

PLURAL_FUNCTIONS = frozenset({"t_count"})

KEY_TABLES = frozenset(
    {
        "_SYNTAX_MESSAGES",  # the agenda loader: tomllib's messages and the key explaining each
        "_syntax_key",  # the agenda loader: the key for a TOML syntax error
        "GROUPS",  # the help screen's headings
        "COMMAND_KEYS",
        "FOOTER_WORDS",  # the chair's keys' short words in the footer
        "ITEM_TYPE_KEYS",
        "ITEM_TYPE_MINUTES_KEYS",
        "PRINCIPLE_KEYS",
        "PRINCIPLE_QUESTION_KEYS",  # a principle as the question a decision answers
        "VENUE_KEYS",  # the venues a matter is sent on to
        "LEAD_IN_KEYS",  # a drafted decision's first words, by the kind of meeting
        "ACTION_COLUMNS",  # the actions CSV's header, local and --shared
        "TYPE_KEYS",  # the snapshot check's kinds of value
        "_HIT_KIND_KEYS",  # the search command's kinds of hit
        "PAGE_WORDS",  # the room view's page's words
        "_MATTER_WORDS",  # a forwarded matter's kind, on the venue's agenda
        "_MEETING_WORDS",  # the kind of meeting a forwarded matter came from
        "href_problem",  # the agenda loader: what is wrong with an attachment's address
        "CHECK_STATUS_KEYS",  # the checklist's statuses
        "_KNOWN_REASONS",  # the shared archive: why a server is out of reach, in words
        "TIME_KEYS",  # the status bar's times, wide and narrow
    }
)
"""The definitions (a constant, or a function returning keys) whose dotted strings are keys
handed to ``t`` later."""

TEMPLATE_LABEL = "label"
TEMPLATE_PREFIX = "minutes."
"""A template's ``label("date")`` is ``t("minutes.date")``: the one key built at run time,
because a person's own template may name any label. Only the function called ``label`` may
build it."""

KEY_SHAPE = re.compile(r"[a-z_]+(?:\.\w+)+\Z")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@cache
def po(lang: str) -> Catalog:
    with open(i18n.catalogue_path(lang, ".po"), "rb") as file:
        return read_po(file, locale=lang)


def entries(lang: str) -> dict[str, Message]:
    """The messages by key; a plural one is filed under its msgid."""
    return {(message.id if isinstance(message.id, str) else message.id[0]): message for message in po(lang) if message.id}


def ident(message: Message) -> str | tuple[str, ...]:
    """The msgid, and for a plural message its plural too (Babel gives a list or a tuple)."""
    return message.id if isinstance(message.id, str) else tuple(message.id)


def forms(message: Message) -> tuple[str, ...]:
    text = message.string
    return tuple(form or "" for form in text) if isinstance(text, (tuple, list)) else (text or "",)


# --- the files ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_each_mo_says_what_its_po_says(lang: str) -> None:
    with open(i18n.catalogue_path(lang), "rb") as file:
        compiled = read_mo(file)
    written = {ident(message): forms(message) for message in po(lang) if message.id}
    assert {ident(message): forms(message) for message in compiled if message.id} == written, f"run: {COMPILE}"
    assert compiled.plural_forms == po(lang).plural_forms, f"run: {COMPILE}"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_program_reads_every_text_of_its_catalogue(lang: str) -> None:
    """What ``t`` and ``t_count`` give is what the .po says, every entry and every plural
    form; the form for a count is the one CLDR's rules for the language (through Babel) call
    "one" or not, a reference apart from the rule gettext compiles from the file."""
    from babel import Locale

    assert po(lang).num_plurals == 2  # "one" and "other": what Danish and English have
    rules = Locale.parse(lang)
    for key, message in entries(lang).items():
        if message.pluralizable:
            written = forms(message)
            for count in range(30):
                form = written[0 if rules.plural_form(count) == "one" else 1]
                others = {name: f"<{name}>" for _, name, _, _ in string.Formatter().parse(form) if name and name != "count"}
                assert i18n.t_count(key, count, lang=lang, **others) == form.format(count=count, **others), key
        elif "{" not in (message.string or ""):
            assert i18n.t(key, lang=lang) == message.string, key


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_key_is_written_twice(lang: str) -> None:
    """Babel reads a .po with two equal msgids without a word, keeping one: a message would vanish."""
    text = Path(i18n.catalogue_path(lang, ".po")).read_text(encoding="utf-8")
    keys = re.findall(r'^msgid "(.*)"$', text, flags=re.MULTILINE)
    assert keys.count("") == 1  # the header only: every key stands on its msgid line, where this test reads it
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


def test_both_languages_count_alike() -> None:
    """Danish and English both say "1 punkt", "2 punkter": one form for one, one for the rest."""
    for lang in i18n.LANGUAGES:
        assert po(lang).plural_forms == "nplurals=2; plural=(n != 1);"


# --- the languages agree -------------------------------------------------------------------


def test_catalogues_have_the_same_keys() -> None:
    assert set(entries("da")) == set(entries("en"))


@pytest.mark.parametrize("key", sorted(entries("en")))
def test_each_message_has_the_same_placeholders_in_both_languages(key: str) -> None:
    da, en = entries("da")[key], entries("en")[key]
    assert [placeholders(form) for form in forms(da)] == [placeholders(form) for form in forms(en)]
    assert da.pluralizable == en.pluralizable


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_message_formats(lang: str) -> None:
    """A stray brace would crash the very message meant to help; format each with dummies."""
    for key, message in entries(lang).items():
        for form in forms(message):
            dummies = dict.fromkeys(placeholders(form) - ({"count"} if message.pluralizable else set()), "x")
            if message.pluralizable:
                for count in (0, 1, 2):
                    i18n.t_count(key, count, lang=lang, **dummies)
            else:
                i18n.t(key, lang=lang, **dummies)


# --- the keys the code asks for -------------------------------------------------------------


class Use(NamedTuple):
    key: str
    plural: bool
    where: str


class Found(NamedTuple):
    uses: list[Use]
    built: list[str]
    """Calls whose key is made at run time (an f-string, a concatenation, a format)."""
    tables: set[str]


class _Reader(ast.NodeVisitor):
    def __init__(self, where: str, found: Found) -> None:
        self.where = where
        self.found = found
        self.functions: list[str] = []

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        if node.name in KEY_TABLES:
            self.table(node.name, node)
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Assign(self, node: ast.Assign | ast.AnnAssign) -> None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Name) and target.id in KEY_TABLES and node.value is not None:
                self.table(target.id, node.value)
        self.generic_visit(node)

    visit_AnnAssign = visit_Assign

    def table(self, name: str, node: ast.AST) -> None:
        self.found.tables.add(name)
        for constant in ast.walk(node):
            if isinstance(constant, ast.Constant) and isinstance(constant.value, str) and KEY_SHAPE.match(constant.value):
                self.found.uses.append(Use(constant.value, False, f"{self.where}:{constant.lineno} {name}"))

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        dotted = f"{func.value.id}.{func.attr}" if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else None
        index = KEY_ARGUMENTS.get(name or "", KEY_ARGUMENTS.get(dotted or ""))
        if index is not None and len(node.args) > index and not any(isinstance(a, ast.Starred) for a in node.args):
            self.key(node.args[index], name in PLURAL_FUNCTIONS)
        self.generic_visit(node)

    def key(self, node: ast.expr, plural: bool) -> None:
        where = f"{self.where}:{node.lineno}"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            self.found.uses.append(Use(node.value, plural, where))
        elif isinstance(node, ast.IfExp):
            self.key(node.body, plural)
            self.key(node.orelse, plural)
        elif _built(node) and not (
            self.functions and self.functions[-1] == TEMPLATE_LABEL and _starts_with(node, TEMPLATE_PREFIX)
        ):
            self.found.built.append(f"{where}: {ast.unparse(node)}")
        # anything else is a key handed on in a variable, written where it was chosen


def _built(node: ast.expr) -> bool:
    """An f-string, a concatenation or ``%``, a ``.format`` or ``.join``: a key made at run time."""
    if isinstance(node, (ast.JoinedStr, ast.BinOp)):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join")


def _starts_with(node: ast.expr, prefix: str) -> bool:
    return isinstance(node, ast.JoinedStr) and bool(node.values) and getattr(node.values[0], "value", None) == prefix


@cache
def found_in_code() -> Found:
    found = Found([], [], set())
    for path in sorted(PACKAGE.rglob("*.py")):
        _Reader(str(path.relative_to(PACKAGE.parent)), found).visit(ast.parse(path.read_text(encoding="utf-8")))
    environment = jinja2.Environment()
    for path in sorted(templates_dir().glob("*.j2")):
        tree = environment.parse(path.read_text(encoding="utf-8"))
        for line, _, message in extract_from_ast(tree, (TEMPLATE_LABEL,)):
            label = message[0] if isinstance(message, tuple) else message
            if isinstance(label, str):
                found.uses.append(Use(TEMPLATE_PREFIX + label, False, f"{path.name}:{line}"))
            else:
                found.built.append(f"{path.name}:{line}: {TEMPLATE_LABEL}() with a name made at run time")
    return found


def test_the_reader_finds_keys_where_the_code_keeps_them() -> None:
    found = found_in_code()
    assert found.tables == KEY_TABLES  # a renamed table would hide its keys
    assert len({use.key for use in found.uses}) > 500
    assert any(use.plural for use in found.uses)


def test_no_key_is_built_at_run_time() -> None:
    """Extraction reads what is written: ``t(f"cmd.{id}")`` would hide its keys from it."""
    assert found_in_code().built == []


def test_every_key_the_code_asks_for_exists() -> None:
    """Literal t("…") keys in the package, the app included, all have a message."""
    wanted = set()
    for path in PACKAGE.rglob("*.py"):
        wanted |= set(re.findall(r'\bt\(\s*"([a-z_.]+[a-z_])"', path.read_text(encoding="utf-8")))
    assert sorted(wanted - set(entries("en"))) == []


def test_every_key_the_code_asks_for_exists_in_both_languages() -> None:
    for lang in i18n.LANGUAGES:
        catalogue = entries(lang)
        assert [f"{use.where}: {use.key}" for use in found_in_code().uses if use.key not in catalogue] == []
        wrong_kind = [
            use for use in found_in_code().uses if use.key in catalogue and use.plural != catalogue[use.key].pluralizable
        ]
        assert [f"{use.where}: {use.key} ({'t_count' if use.plural else 't'})" for use in wrong_kind] == []


def test_no_key_in_the_catalogues_is_unused() -> None:
    used = {use.key for use in found_in_code().uses}
    assert sorted(set(entries("en")) - used) == []


def test_every_command_and_every_choice_has_its_words() -> None:
    """The tables of keys are written by hand: a new command, item type or principle needs a row."""
    from facilitator.agenda.model import ItemType
    from facilitator.meeting import labels
    from facilitator.meeting.records import Principle
    from facilitator.tui.command_keys import COMMAND_KEYS
    from facilitator.tui.commands import ALL_COMMANDS

    assert {command.id for command in ALL_COMMANDS} == set(COMMAND_KEYS)
    assert set(labels.ITEM_TYPE_KEYS) == set(labels.ITEM_TYPE_MINUTES_KEYS) == set(ItemType)
    assert set(labels.PRINCIPLE_KEYS) == set(labels.PRINCIPLE_QUESTION_KEYS) == set(Principle)
    from facilitator.agenda.model import MeetingKind
    from facilitator.meeting.drafts import LEAD_IN_KEYS

    assert set(LEAD_IN_KEYS) == set(MeetingKind)
    assert set(labels.VENUE_KEYS) == set(MeetingKind) - {MeetingKind.ANDET}


# --- argparse's own words (the domain "argparse") --------------------------------------------

ARGPARSE_COMPILE = "pybabel compile -d facilitator/i18n/locale -D argparse"
PERCENT_FIELD = re.compile(r"%(?:\((\w+)\))?[rsd]")


@cache
def argparse_po() -> Catalog:
    with open(i18n.catalogue_path("da", ".po", i18n.ARGPARSE_DOMAIN), "rb") as file:
        return read_po(file, locale="da")


def argparse_asks_for() -> set[str | tuple[str, str]]:
    """The words this Python's argparse looks up: every literal ``_("…")`` and
    ``ngettext("…", "…", n)`` in its source."""
    import argparse

    asked: set[str | tuple[str, str]] = set()
    for node in ast.walk(ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
            words = [arg.value for arg in node.args[:2] if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            if node.func.id == "_" and words:
                asked.add(words[0])
            elif node.func.id == "ngettext" and len(words) == 2:
                asked.add((words[0], words[1]))
    return asked


def test_the_argparse_mo_says_what_its_po_says() -> None:
    with open(i18n.catalogue_path("da", domain=i18n.ARGPARSE_DOMAIN), "rb") as file:
        compiled = read_mo(file)
    written = {ident(message): forms(message) for message in argparse_po() if message.id}
    assert {ident(message): forms(message) for message in compiled if message.id} == written, f"run: {ARGPARSE_COMPILE}"
    assert compiled.plural_forms == argparse_po().plural_forms == "nplurals=2; plural=(n != 1);"


def test_the_argparse_catalogue_is_apart_from_the_main_one() -> None:
    """The key checks above read the domain "facilitator" only; argparse's English msgids
    are not keys, and none of them is one."""
    assert i18n.catalogue_path("da", ".po") != i18n.catalogue_path("da", ".po", i18n.ARGPARSE_DOMAIN)
    assert not {ident(message) for message in argparse_po() if message.id} & {
        ident(message) for message in po("da") if message.id
    }
    assert not Path(i18n.catalogue_path("en", ".po", i18n.ARGPARSE_DOMAIN)).exists()  # English is argparse's own text


def test_every_word_argparse_asks_for_is_danish() -> None:
    asked = argparse_asks_for()
    assert len(asked) > 30 and "usage: " in asked and "options" in asked | {"optional arguments"}
    written = {ident(message): forms(message) for message in argparse_po() if message.id}
    assert sorted(map(str, asked - set(written))) == []
    assert [key for key, texts in written.items() if not all(texts)] == []


def test_each_argparse_word_keeps_its_fields() -> None:
    """argparse fills the Danish text with ``%`` as it fills its own: the same fields."""
    for message in argparse_po():
        if message.id:
            wanted = sorted(PERCENT_FIELD.findall(message.id if isinstance(message.id, str) else message.id[0]))
            assert all(sorted(PERCENT_FIELD.findall(form)) == wanted for form in forms(message)), message.id


def test_argparse_words_in_each_language() -> None:
    previous = i18n.get_language()
    try:
        i18n.set_language("en")
        assert i18n.argparse_gettext("usage: ") == "usage: "
        assert i18n.argparse_ngettext("expected %s argument", "expected %s arguments", 2) == "expected %s arguments"
        i18n.set_language("da")
        assert i18n.argparse_gettext("usage: ") == "brug: "
        assert i18n.argparse_ngettext("expected %s argument", "expected %s arguments", 1) == "forventede %s argument"
        assert i18n.argparse_ngettext("expected %s argument", "expected %s arguments", 2) == "forventede %s argumenter"
        assert i18n.argparse_gettext("a word a later Python adds") == "a word a later Python adds"
    finally:
        i18n.set_language(previous)
