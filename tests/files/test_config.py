"""The settings file: whatever is in it, the app starts, and each problem is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.paths import ROOT

from facilitator.errors import FacilitatorError
from facilitator.files.config import load_config, remember


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "missing.toml")
    assert (config.lang, config.theme, config.keymap, config.problems) == (None, None, {}, [])


def test_all_settings(tmp_path: Path) -> None:
    path = write(tmp_path, 'lang = "en"\ntheme = "nord"\n[keymap]\nnext_item = "ctrl+j, f12"\n')
    config = load_config(path)
    assert (config.lang, config.theme, config.keymap, config.problems) == ("en", "nord", {"next_item": "ctrl+j,f12"}, [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('lang = "fr"\n', 'lang = "fr" is not a language of the app; choose da, en'),
        ("theme = 3\n", "theme must be the name of a theme"),
        ('keymap = "ctrl+n"\n', "[keymap] must be a table"),
        ("[keymap]\nnext_item = 5\n", "[keymap] next_item must be keys in quotes"),
        ('langs = "en"\n', 'unknown setting "langs"; the settings are lang, theme, keymap, groups (did you mean lang?)'),
        ("lang = en\n", "is not valid TOML"),
    ],
)
def test_each_problem_is_one_line_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    (problem,) = load_config(path).problems
    assert problem.startswith(f"{path}: ") and message in problem and "\n" not in problem


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "\xff"\n')
    assert "not UTF-8" in load_config(path).problems[0]


def test_good_settings_survive_a_bad_neighbour(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'lang = "fr"\ntheme = "nord"\n'))
    assert config.theme == "nord" and len(config.problems) == 1


def test_remember_keeps_the_other_settings(tmp_path: Path) -> None:
    path = write(tmp_path, 'lang = "en"\n[keymap]\nnext_item = "f12"\n')
    remember(path, "theme", "gruvbox")
    config = load_config(path)
    assert (config.lang, config.theme, config.keymap) == ("en", "gruvbox", {"next_item": "f12"})


def test_remember_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    remember(path, "theme", "nord")
    assert load_config(path).theme == "nord"


def test_remember_never_overwrites_a_file_it_cannot_read(tmp_path: Path) -> None:
    path = write(tmp_path, "[keymap\nnext_item = 'f12'\n")
    with pytest.raises(FacilitatorError, match="not valid TOML"):
        remember(path, "theme", "nord")
    assert path.read_text(encoding="utf-8") == "[keymap\nnext_item = 'f12'\n"


def _readme_settings_example() -> str:
    """The settings example in README.md, as a person would copy it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Settings")
    block = readme[readme.index("```toml\n", start) + len("```toml\n") :]
    return block[: block.index("```")]


def test_remember_keeps_the_readme_example_as_written_but_the_theme(tmp_path: Path) -> None:
    example = _readme_settings_example()
    assert 'theme = "nord"' in example and "#" in example  # the example this test is about
    path = write(tmp_path, example)
    remember(path, "theme", "gruvbox")
    assert path.read_text(encoding="utf-8") == example.replace('theme = "nord"', 'theme = "gruvbox"')


def test_a_new_setting_goes_above_the_tables_and_every_comment_survives(tmp_path: Path) -> None:
    example = "\n".join(line for line in _readme_settings_example().splitlines() if not line.startswith("theme")) + "\n"
    path = write(tmp_path, example)
    remember(path, "theme", "nord")
    written = path.read_text(encoding="utf-8")
    assert [line for line in written.splitlines() if not line.startswith("theme")] == example.splitlines()
    config = load_config(path)
    assert (config.lang, config.theme, config.keymap) == ("en", "nord", {"next_item": "f12", "add_decision": "f2,alt+d"})
    assert written.index("theme") < written.index("[keymap]")
