"""The app shows text one way only: made by facilitator/tui/literal.py.

Textual reads a ``str`` handed to a widget as markup, and sends its control characters to
the terminal. So every place in ``facilitator/tui`` that hands a widget something to show
(a Static or Label, an option, a selection, a checkbox, a title, a table cell, an update)
must hand it text made by ``literal`` (or by a function that returns such ``Content``),
never a plain string; and nothing but ``literal`` builds ``Content`` or Rich ``Text``.
This test reads the package's source to hold every later change to that. Notifications
are made literal in one place, the app's ``notify`` (tui/test_hostile.py drives them).
"""

from __future__ import annotations

import ast
from pathlib import Path

import facilitator.tui

PACKAGE = Path(facilitator.tui.__file__).parent
BOUNDARY = PACKAGE / "literal.py"

SINKS = frozenset(
    {
        "Static",
        "Label",
        "Option",
        "Selection",
        "Checkbox",
        "Collapsible",
        "update",
        "add_row",
        "add_columns",
        "set_options",
        "add_options",
        "add_option",
        "replace_option_prompt_at_index",
    }
)
"""Calls whose arguments a widget shows."""
SHOWN_KEYWORDS = frozenset({"title", "label", "prompt", "content"})
SHOWN_ATTRIBUTES = frozenset({"border_title", "border_subtitle", "title", "label", "tooltip"})
MAKERS = frozenset({"Content", "Text"})
"""Classes whose constructors only literal.py may call (``Content(…)``, ``Text.from_markup(…)``)."""
CONTENT_TYPES = ("Content", "Text", "list[Option]", "list[Content]")


def sources() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.rglob("*.py"))}


def content_functions(trees: dict[Path, ast.Module]) -> set[str]:
    """Functions of the package that return content made by literal (by their annotation)."""
    return {
        node.name
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.returns is not None and ast.unparse(node.returns) in CONTENT_TYPES
    }


def _called_name(node: ast.Call) -> str | None:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def made_literally(node: ast.expr, makers: set[str], aliases: set[str]) -> bool:
    """Whether an argument is content made by literal: a call into literal (or a local
    alias of one of its functions), literal.EMPTY, a call of a function that returns such
    content, or a list of those. A bare name or attribute is taken on trust (it is a
    variable holding what one of these made); a string in any form is not."""
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "literal":
            return True
        if isinstance(func, ast.Name) and func.id in aliases:
            return True
        return _called_name(node) in makers
    if isinstance(node, ast.Attribute):
        return not (isinstance(node.value, ast.Constant))
    if isinstance(node, ast.Name):
        return True
    if isinstance(node, ast.Starred):
        return made_literally(node.value, makers, aliases)
    if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
        return made_literally(node.elt, makers, aliases)
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(made_literally(element, makers, aliases) for element in node.elts)
    return False  # a str constant, an f-string, a concatenation, a conditional …


def literal_aliases(tree: ast.Module) -> set[str]:
    """Local names bound to a literal function (``cell = literal.rich_line``)."""
    return {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Attribute)
        and isinstance(node.value.value, ast.Name)
        and node.value.value.id == "literal"
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def test_only_literal_builds_content_or_text() -> None:
    found = []
    for path, tree in sources().items():
        if path == BOUNDARY:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name) and func.id in MAKERS:
                    found.append(f"{path.name}:{node.lineno} {ast.unparse(node)[:80]}")
                elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in MAKERS:
                    found.append(f"{path.name}:{node.lineno} {ast.unparse(node)[:80]}")
    assert found == []


def test_every_shown_argument_is_made_by_literal() -> None:
    trees = sources()
    makers = content_functions(trees)
    found = []
    for path, tree in trees.items():
        if path == BOUNDARY:
            continue
        aliases = literal_aliases(tree)
        for node in ast.walk(tree):
            shown: list[ast.expr] = []
            if isinstance(node, ast.Call) and _called_name(node) in SINKS:
                if _called_name(node) == "replace_option_prompt_at_index":
                    shown = node.args[1:2]
                elif _called_name(node) in ("Checkbox", "Selection"):
                    shown = node.args[:1]
                else:
                    shown = list(node.args)
                shown += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
            elif isinstance(node, ast.Assign):
                if any(isinstance(t, ast.Attribute) and t.attr in SHOWN_ATTRIBUTES for t in node.targets):
                    shown = [node.value]
            found += [
                f"{path.name}:{node.lineno} {ast.unparse(argument)[:80]}"
                for argument in shown
                if not made_literally(argument, makers, aliases)
            ]
    assert found == []


def test_the_check_finds_a_plain_string() -> None:
    """The rule itself: a title given as a str, an f-string or a message is found."""
    for source in ('Label(t("cmd.help"))', 'Static(f"{x}")', 'x.update("a" + b)', "Option(title)"):
        call = ast.parse(source).body[0].value
        assert isinstance(call, ast.Call)
        verdicts = [made_literally(argument, set(), set()) for argument in call.args]
        assert verdicts == ([True] if source == "Option(title)" else [False]), source
