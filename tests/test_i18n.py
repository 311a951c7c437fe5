"""Both catalogues hold the same keys with the same placeholders, and the switch works."""

from __future__ import annotations

import string

import pytest

from facilitator import i18n


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_catalogues_have_the_same_keys() -> None:
    assert set(i18n.catalogue("da")) == set(i18n.catalogue("en"))


@pytest.mark.parametrize("key", sorted(i18n.catalogue("en")))
def test_each_message_has_the_same_placeholders_in_both_languages(key: str) -> None:
    assert placeholders(i18n.catalogue("da")[key]) == placeholders(i18n.catalogue("en")[key])


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


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_message_formats(lang: str) -> None:
    """A stray brace would crash the very message meant to help; format each with dummies."""
    for key, text in i18n.catalogue(lang).items():
        i18n.t(key, lang=lang, **{name: "x" for name in placeholders(text)})


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_key_is_written_twice(lang: str) -> None:
    """A dict literal keeps the last of two equal keys silently: one message would vanish."""
    import ast
    from pathlib import Path

    import facilitator

    source = (Path(facilitator.__file__).parent / "i18n" / f"messages_{lang}.py").read_text(encoding="utf-8")
    (catalogue,) = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Dict)]
    keys = [key.value for key in catalogue.keys if isinstance(key, ast.Constant)]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


def test_every_key_the_code_asks_for_exists() -> None:
    """Literal t("…") keys in the package, the app included, all have a message."""
    import re
    from pathlib import Path

    import facilitator

    package = Path(facilitator.__file__).parent
    wanted = set()
    for path in package.rglob("*.py"):
        wanted |= set(re.findall(r'\bt\(\s*"([a-z_.]+[a-z_])"', path.read_text(encoding="utf-8")))
    assert sorted(wanted - set(i18n.catalogue("en"))) == []
