"""The switch between the languages, and how a text is looked up and filled in.

The catalogues themselves (keys, placeholders, the compiled files) are checked in
test_catalogues.py."""

from __future__ import annotations

import pytest

from facilitator import i18n
from facilitator.text.visible import one_line


def test_danish_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert i18n.resolve_language(None) == "da"
    monkeypatch.setenv(i18n.ENV_VAR, "en_GB.UTF-8")
    assert i18n.resolve_language(None) == "en"
    assert i18n.resolve_language("da") == "da"  # the command line beats the environment
    monkeypatch.setenv(i18n.ENV_VAR, "fr")
    assert i18n.resolve_language(None) == "da"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("fr")


def test_join_or() -> None:
    assert i18n.join_or(["a", "b", "c"], lang="da") == "a, b eller c"
    assert i18n.join_or(["a"], lang="en") == "a"


def test_plurals_follow_the_catalogues_rule() -> None:
    assert [i18n.t_count("cli.count.items", n, lang="da") for n in (0, 1, 2)] == ["0 punkter", "1 punkt", "2 punkter"]
    assert [i18n.t_count("cli.count.items", n, lang="en") for n in (0, 1, 2)] == ["0 items", "1 item", "2 items"]


def test_a_missing_key_is_an_error_not_a_text() -> None:
    """gettext would show the key itself; a missing key is a bug the tests must see."""
    with pytest.raises(KeyError):
        i18n.t("no.such.key", lang="da")
    with pytest.raises(KeyError):
        i18n.t_count("no.such.key", 2, lang="en")


def test_values_filled_in_are_one_line() -> None:
    assert i18n.t("agenda.where.item_titled", lang="en", number=2, title="a\nb\x1b") == i18n.t(
        "agenda.where.item_titled", lang="en", number=2, title=one_line("a\nb\x1b")
    )
    assert "\n" not in i18n.t("agenda.where.item_titled", lang="en", number=2, title="a\nb")
