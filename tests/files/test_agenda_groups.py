"""The group remembered per agenda file, in the settings file's ``[groups]``."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.agenda.shipped import shipped_agendas
from facilitator.errors import FacilitatorError
from facilitator.files.agenda_groups import agenda_key, remember_group, remembered_group
from facilitator.files.config import Config, load_config


def test_a_shipped_agenda_by_its_name_and_a_persons_own_by_its_full_path(tmp_path: Path) -> None:
    assert agenda_key(shipped_agendas()["klubmoede"]) == "klubmoede"
    own = tmp_path / "klubmoede.toml"
    own.write_text("", encoding="utf-8")
    assert agenda_key(own) == str(own.resolve())


def test_remembered_in_a_table_of_its_own_keeping_the_file_as_written(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# mine\ntheme = "nord"  # mørkt\n\n[keymap]\nnext_item = "f12"\n', encoding="utf-8")
    config = load_config(path)
    own = tmp_path / "min dagsorden.toml"
    remember_group(config, shipped_agendas()["klubmoede"], "Socialrådgiverklubben")
    remember_group(config, own, 'HK "klubben"')
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# mine\ntheme = "nord"  # mørkt\n\n[keymap]\nnext_item = "f12"\n')
    again = load_config(path)
    assert again.problems == [] and again.keymap == {"next_item": "f12"}
    assert again.groups == {"klubmoede": "Socialrådgiverklubben", str(own.resolve()): 'HK "klubben"'}
    assert remembered_group(again, own) == 'HK "klubben"' and remembered_group(again, tmp_path / "x.toml") is None
    remember_group(again, own, 'HK "klubben"')  # the same again writes nothing
    assert path.read_text(encoding="utf-8") == text


def test_a_bad_groups_table_is_a_problem_and_the_rest_applies(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('lang = "en"\ngroups = 3\n', encoding="utf-8")
    config = load_config(path)
    assert config.lang == "en" and config.groups == {}
    assert config.problems == [
        f'{path}: [groups] must be a table of agendas and groups, such as klubmoede = "Socialrådgiverklubben"'
    ]
    path.write_text('[groups]\nklubmoede = ""\nandet = "Bestyrelsen"\n', encoding="utf-8")
    config = load_config(path)
    assert config.groups == {"andet": "Bestyrelsen"}
    assert config.problems == [f"{path}: [groups] klubmoede must be the group's name in quotes, on one line"]


def test_remembered_for_this_run_even_when_the_file_will_not_take_it(tmp_path: Path) -> None:
    config = Config(tmp_path / "no-such-folder-file" / "config.toml")
    (tmp_path / "no-such-folder-file").write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(FacilitatorError, match="no-such-folder-file"):
        remember_group(config, shipped_agendas()["klubmoede"], "Klubben")
    assert config.groups == {"klubmoede": "Klubben"}
