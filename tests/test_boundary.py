"""The core knows nothing of Textual: every core module is imported in a fresh interpreter
with no Textual in it, one after the other, and the first that brings Textual in is named.

One interpreter for all: a module that imports Textual when imported loads it there as it
would alone, so nothing escapes; the test used to start one interpreter per module (93 of
them, some 14 s of the suite's CPU). The static view, lazy imports included, is
import-linter's (the wings' layers in pyproject.toml, run by .ci/run)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import facilitator

UI_PACKAGES = ("facilitator.tui",)

CORE_MODULES = sorted(
    module.name
    for module in pkgutil.walk_packages(facilitator.__path__, prefix="facilitator.")
    if not module.name.startswith(UI_PACKAGES) and module.name != "facilitator.__main__"
)


def test_the_core_is_found() -> None:
    assert {"facilitator.agenda.model", "facilitator.agenda.loader", "facilitator.cli"} <= set(CORE_MODULES)


def test_no_core_module_imports_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "    if any(m == 'textual' or m.startswith('textual.') for m in sys.modules):\n"
        "        print(name)\n"
        "        sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{result.stdout.strip()} imported textual" if result.returncode == 3 else result.stderr


def test_check_command_does_not_import_textual_or_the_renderers() -> None:
    code = (
        "import sys\nfrom facilitator.cli import main\nrc = main(['check', 'klubmoede'])\n"
        "heavy = [m for m in ('textual', 'jinja2', 'markdown_it', 'sqlite3') if m in sys.modules]\n"
        "sys.exit(10 + len(heavy) if heavy else rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, (result.returncode, result.stderr)
