"""The core knows nothing of Textual: each core module is imported alone in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import facilitator

UI_PACKAGES = ("facilitator.tui",)

CORE_MODULES = sorted(
    module.name
    for module in pkgutil.walk_packages(facilitator.__path__, prefix="facilitator.")
    if not module.name.startswith(UI_PACKAGES) and module.name != "facilitator.__main__"
)


def test_the_core_is_found() -> None:
    assert {"facilitator.agenda.model", "facilitator.agenda.loader", "facilitator.cli"} <= set(CORE_MODULES)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; sys.exit(3 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 0)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{module} imported textual" if result.returncode == 3 else result.stderr


def test_check_command_does_not_import_textual_or_the_renderers() -> None:
    code = (
        "import sys\nfrom facilitator.cli import main\nrc = main(['check', 'klubmoede'])\n"
        "heavy = [m for m in ('textual', 'jinja2', 'markdown_it', 'sqlite3') if m in sys.modules]\n"
        "sys.exit(10 + len(heavy) if heavy else rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, (result.returncode, result.stderr)
