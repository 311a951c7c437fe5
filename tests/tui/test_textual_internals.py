"""What the app takes from inside Textual, checked against the Textual installed.

The app overrides a few of Textual's private methods and reads one private attribute;
Textual may rename or drop any of them in a release without a word, and an override of a
method that is no longer called does nothing, silently: keys typed would be dropped
again, the notes would lose characters. pyproject.toml pins Textual to the major version
tested (``>=8.2,<9``); these tests say loudly, by name, what went missing when Textual
moves. The same holds for the public hooks the app overrides (a renamed hook is as silent)
and for the app's own private names, which must not shadow one of Textual's by accident.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from functools import cache
from pathlib import Path

import pytest
import textual
from textual.reactive import Reactive

import facilitator.tui

PRIVATE: tuple[tuple[str, str, str], ...] = (
    ("textual.widgets", "TextArea._on_key", "widgets/notes_area.py overrides it: NotesArea keeps the characters Textual drops"),
    ("textual.widgets", "Input._on_key", "widgets/text_entry.py overrides it: TextInput keeps the characters Textual drops"),
    ("textual.widgets", "Input._on_paste", "widgets/text_entry.py overrides it: TextInput keeps every line of a paste"),
    ("textual.widgets", "TextArea._restart_blink", "widgets/notes_area.py: a new item's notes show their cursor at once"),
    (
        "textual.widgets",
        "TextArea._rewrap_and_refresh_virtual_size",
        "widgets/notes_area.py wraps again as the screen is laid out",
    ),
    ("textual.message_pump", "MessagePump._message_queue", "type_ahead.py reads it: whether typed keys are still on their way"),
    ("textual.widgets._footer", "FooterKey", "widgets/key_footer.py titles the footer's keys (and tests read them)"),
    ("textual.widgets._select", "SelectOverlay", "dialogs/form.py: Enter and Escape belong to an open list, not the dialog"),
    ("textual.widgets", "OptionList._lines", "widgets/tick_list.py draws each row for the entry the option list put there"),
    ("textual.widgets", "OptionList._update_lines", "widgets/agenda_list.py overrides it: rows counted without building options"),
    ("textual.widgets._option_list", "_LineCache.clear", "widgets/agenda_list.py lays its rows out again in Textual's cache"),
    ("textual.widgets", "OptionList._get_left_gutter_width", "widgets/agenda_list.py counts rows at the width Textual draws"),
    ("textual.widgets", "OptionList._scroll_update", "widgets/agenda_list.py sets the scrolled size as Textual's own did"),
    ("textual.command", "CommandPalette._start_no_matches_countdown", "palette.py overrides it: nothing found, in our words"),
    ("textual.command", "CommandPalette._stop_no_matches_countdown", "palette.py calls it, as Textual's own method did"),
    ("textual.command", "CommandPalette._NO_MATCHES", "palette.py gives its option this id: Textual removes it"),
    ("textual.command", "CommandPalette._NO_MATCHES_COUNTDOWN", "palette.py waits as long before saying nothing was found"),
    ("textual.command", "CommandPalette._list_visible", "palette.py shows the list with its option, as Textual did"),
    ("textual.command", "CommandList", "palette.py adds its option to the palette's list"),
    ("textual.app", "App._check_bindings", "key_order.py runs a bound key's binding when the app reads the key"),
    ("textual.screen", "Screen._modal_binding_chain", "key_order.py: whether anything binds a key read"),
    ("textual._xterm_parser", "XTermParser._sequence_to_key_events", "alt_keys.py overrides it: alt+s then more keys"),
    ("textual.drivers.linux_driver", "XTermParser", "alt_keys.py points it at its parser: alt+s then more keys"),
    ("textual._ansi_sequences", "ANSI_SEQUENCES_KEYS", "alt_keys.py leaves the sequences Textual knows to Textual"),
    ("textual.screen", "Screen._refresh_layout", "screens/settled_layout.py overrides it: the layout settles, then one frame"),
    ("textual.screen", "Screen._compositor_refresh", "screens/settled_layout.py holds the frames of a layout not settled"),
    ("textual.screen", "Screen._on_layout", "screens/settled_layout.py drops a layout asked for before a whole layout"),
    ("textual.screen", "Screen._on_update_scroll", "screens/settled_layout.py drops a scroll asked for before a whole layout"),
    ("textual._time", "get_time", "screens/settled_layout.py: the clock Textual stamps its messages with"),
    ("textual.widget", "Widget._clear_arrangement_cache", "screens/settled_layout.py takes a layout request as Textual does"),
    ("textual.widget", "Widget._size_updated", "widgets/tick_list.py overrides it: its rows laid out as its size changes"),
    ("textual.widget", "Widget._scroll_update", "widgets/agenda_list.py: its bar is drawn again only when it changed"),
    ("textual.app", "App._start_widget", "widgets/agenda_list.py starts its own scrollbar, as Textual starts one"),
    ("textual.css.styles", "RenderStyles._cache_key", "widgets/steady_scrollbar.py: a new style draws the bar again"),
    ("textual.widgets", "OptionList._on_resize", "widgets/tick_list.py keeps it from running: the rows are laid out"),
    ("textual.widgets", "Footer._bindings_ready", "key_footer.py sets it at its first compose: keys in the first frame"),
)
"""(module, attribute path, who depends on it and why): Textual's private names the app uses."""

HOOKS: tuple[tuple[str, str, str], ...] = (
    ("textual.app", "App.get_default_screen", "app.py: a meeting from the command line is the first screen"),
    ("textual.app", "App.get_key_display", "app.py: keys from the keymap shown with controls as signs"),
    ("textual.app", "App.get_system_commands", "app.py: the palette lists the screen's commands"),
    ("textual.app", "App.handle_bindings_clash", "app.py: a keymap that puts two commands on one key is told"),
    ("textual.app", "App.action_command_palette", "app.py: the palette asks in the UI's language"),
    ("textual.app", "App.action_change_theme", "app.py: the theme picker asks in the UI's language"),
    ("textual.app", "App.action_quit", "app.py: quitting saves the last words typed and warns from a dialog"),
    ("textual.app", "App.action_help_quit", "app.py: the notice of how to quit (ctrl+c) in the UI's language"),
    ("textual.app", "App.notify", "app.py: every notification is literal text"),
    ("textual.app", "App.on_event", "app.py: a bound key acts before the keys typed after it (key_order.py)"),
    ("textual.widgets", "TextArea.check_consume_key", "widgets/notes_area.py: the editor takes Enter itself"),
    ("textual.widgets", "Footer.compose", "widgets/key_footer.py builds the keys with the screen"),
    ("textual.widgets", "Footer.bindings_changed", "widgets/key_footer.py builds the keys once for a burst"),
    ("textual.widgets", "TextArea.edit", "widgets/notes_area.py: every insertion goes through it"),
    ("textual.widgets", "TextArea.load_text", "widgets/notes_area.py: loaded notes as the editor keeps them"),
    ("textual.widgets", "TextArea.undo", "widgets/notes_area.py redraws after it"),
    ("textual.widgets", "TextArea.redo", "widgets/notes_area.py redraws after it"),
    ("textual.widget", "Widget.vertical_scrollbar", "widgets/agenda_list.py makes its scrollbar a SteadyScrollBar"),
    ("textual.scrollbar", "ScrollBar.render", "widgets/steady_scrollbar.py notes what the bar showed when drawn"),
    ("textual.widget", "Widget.refresh", "widgets/steady_scrollbar.py skips a refresh with nothing changed"),
    ("textual.widgets", "Input.replace", "widgets/text_entry.py: every insertion goes through it"),
)
"""Public methods the app overrides, and Textual calls: if one is renamed, the override is dead."""

REACTIVES: tuple[tuple[str, str, str], ...] = (
    ("textual.widgets", "TextArea.selection", "widgets/notes_area.py redefines it and watches it (watch_selection)"),
    ("textual.widgets", "Input.value", "widgets/text_entry.py validates it (validate_value)"),
    ("textual.widgets", "OptionList.highlighted", "widgets/agenda_list.py redefines it and watches it (_watch_highlighted)"),
)
"""Reactives whose ``watch_``/``validate_`` hooks the app defines by name."""

OVERRIDES = frozenset(
    {
        "_on_key",
        "_on_paste",
        "_update_lines",
        "_start_no_matches_countdown",
        "_no_matches_timer",
        "_list_visible",
        "_sequence_to_key_events",
        "_refresh_layout",
        "_compositor_refresh",
        "_size_updated",
        "_on_layout",
        "_on_update_scroll",
        "_bindings_ready",
        "_scroll_update",
        "_vertical_scrollbar",
    }
)
"""The private names the app's classes may share with Textual's: the overrides above."""


def _lookup(module: str, path: str) -> object:
    target: object = importlib.import_module(module)
    for part in path.split("."):
        target = getattr(target, part)
    return target


def _missing(table: tuple[tuple[str, str, str], ...]) -> list[str]:
    missing = []
    for module, path, why in table:
        try:
            _lookup(module, path)
        except (AttributeError, ImportError):
            missing.append(f"{module}.{path} is gone from Textual {textual.__version__}; {why}")
    return missing


def test_the_private_textual_attributes_the_app_uses_are_there() -> None:
    missing = _missing(PRIVATE)
    if missing:
        pytest.fail("\n".join(missing))


def test_a_footer_key_still_keeps_its_description_where_the_footer_titles_it() -> None:
    # widgets/key_footer.py puts each key's description in the language in use on the key
    # Textual's footer made, before it is drawn; FooterKey sets it in __init__ and draws it.
    from textual.widgets._footer import FooterKey

    key = FooterKey("f1", "F1", "cmd.help", "help")
    assert getattr(key, "description", None) == "cmd.help", f"FooterKey.description is gone from Textual {textual.__version__}"
    drawn = inspect.getsource(FooterKey.render)
    assert "self.description" in drawn, f"FooterKey no longer draws its description (Textual {textual.__version__})"
    # widgets/key_footer.py enables and disables the keys it built in place: a click reads _disabled.
    off = FooterKey("f1", "F1", "cmd.help", "help", disabled=True)
    assert getattr(off, "_disabled", None) is True and off.has_class("-disabled"), (
        f"FooterKey's disabled state moved (Textual {textual.__version__})"
    )
    assert "self._disabled" in inspect.getsource(FooterKey.on_mouse_down), (
        f"a FooterKey click no longer reads _disabled (Textual {textual.__version__})"
    )


def test_the_textual_hooks_the_app_overrides_are_there() -> None:
    missing = _missing(HOOKS)
    for module, path, why in REACTIVES:
        owner, name = path.split(".")
        found = vars(getattr(importlib.import_module(module), owner)).get(name)
        if not isinstance(found, Reactive):
            missing.append(f"{module}.{path} is no longer a reactive in Textual {textual.__version__}; {why}")
    if missing:
        pytest.fail("\n".join(missing))


def test_the_private_methods_the_app_overrides_are_called_by_textual() -> None:
    # Textual calls the handlers of every class in turn; an override that is an ordinary
    # method (not a handler Textual dispatches to) would never run.
    from textual.widgets import Input, TextArea

    for owner, name in ((TextArea, "_on_key"), (Input, "_on_key"), (Input, "_on_paste")):
        assert name in vars(owner), f"{owner.__name__}.{name} is not Textual's own handler any more"


def test_the_option_list_still_counts_its_rows_in_update_lines() -> None:
    # agenda_list.py counts its rows in its own _update_lines: Textual must still call it
    # before drawing and when options are added, and read the rows from its line cache.
    from textual.widgets import OptionList

    for caller in (OptionList.render_lines, OptionList.add_options, OptionList.scroll_to_highlight):
        assert "self._update_lines()" in inspect.getsource(caller), f"OptionList.{caller.__name__} no longer counts rows first"
    assert "self._line_cache.lines" in inspect.getsource(OptionList._lines.fget), "OptionList keeps its rows elsewhere"


def test_a_screen_still_takes_layout_requests_the_way_settled_layout_py_takes_them() -> None:
    # settled_layout.py does at once what Textual does on a widget's next idle: clears the
    # flag and its ancestors' arrangements; and holds the frame _refresh_layout draws.
    from textual.screen import Screen
    from textual.widget import Widget

    idle = inspect.getsource(Widget._check_refresh)
    for step in ("self._layout_required = False", "ancestor._clear_arrangement_cache()", "ancestor._layout_updates += 1"):
        assert step in idle, f"Widget._check_refresh no longer does {step!r} (Textual {textual.__version__})"
    assert "self._repaint_required = False" in idle and "messages.Update(self)" in idle
    assert "self._compositor_refresh()" in inspect.getsource(Screen._refresh_layout)
    assert "self._refresh_layout(" in inspect.getsource(Screen._on_timer_update)
    assert "self._dirty_widgets.add(widget)" in inspect.getsource(Screen._on_update)
    from textual.message import Message

    assert "self.time: float = _time.get_time()" in inspect.getsource(Message)
    from textual.widgets import OptionList

    resized = inspect.getsource(OptionList._on_resize) + inspect.getsource(OptionList._clear_caches)
    assert "self._option_render_cache.clear()" in resized and "self._line_cache.clear()" in resized


def test_a_scroll_view_still_makes_and_refreshes_its_bar_the_way_agenda_list_py_expects() -> None:
    # agenda_list.py makes the bar Textual's property would make, in the attribute Textual
    # reads, and lets Textual's _scroll_update refresh it only when it changed.
    from textual.widget import Widget

    made = inspect.getsource(Widget.vertical_scrollbar.fget)  # type: ignore[attr-defined]
    assert "self._vertical_scrollbar = scroll_bar = ScrollBar(" in made and "self.app._start_widget(self, scroll_bar)" in made
    assert "self.vertical_scrollbar.refresh()" in inspect.getsource(Widget._scroll_update)


def test_the_palette_still_says_nothing_found_where_palette_py_says_it() -> None:
    # palette.py writes Textual's method again; Textual must still call it, keep the timer
    # it stops in the attribute it sets, and say nothing found in nothing but that method.
    from textual.command import CommandPalette

    source = inspect.getsource(CommandPalette)
    assert "self._start_no_matches_countdown(" in inspect.getsource(CommandPalette._gather_commands)
    assert "self._no_matches_timer" in inspect.getsource(CommandPalette._stop_no_matches_countdown)
    assert source.count('"No matches found"') == 1
    assert '"No matches found"' in inspect.getsource(CommandPalette._start_no_matches_countdown)


def test_textual_still_says_the_words_textual_words_py_translates() -> None:
    # textual_words.py knows Textual's own English by heart; reworded, it would show again.
    from textual.app import App
    from textual.keys import KEY_DISPLAY_ALIASES
    from textual.widgets._select import SelectOverlay

    from facilitator.tui.textual_words import textual_words

    source = inspect.getsource(App.__init__) + inspect.getsource(SelectOverlay)
    said = {word for word in textual_words() if f'"{word}"' in source}
    assert said == set(textual_words()), f"Textual {textual.__version__} no longer says {set(textual_words()) - said}"
    assert KEY_DISPLAY_ALIASES.get("space") == "space", "textual_words.key_display names the key Textual calls space"


def _classes_over_textual() -> list[type]:
    classes = []
    for info in pkgutil.walk_packages(facilitator.tui.__path__, "facilitator.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and any(base.__module__.startswith("textual") for base in cls.__mro__):
                classes.append(cls)
    return classes


def _private_names(cls: type) -> set[str]:
    """The private names a class of ours defines in its source: methods and attributes in
    its body, and ``self._x = …`` in its methods (Textual adds names of its own to every
    subclass, which are not ours)."""
    tree = ast.parse(Path(inspect.getfile(cls)).read_text(encoding="utf-8"))
    node = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
    names: set[str] = set()
    for statement in node.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(statement.name)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            names |= {target.id for target in targets if isinstance(target, ast.Name)}
    for assign in ast.walk(node):
        targets = (
            assign.targets if isinstance(assign, ast.Assign) else [assign.target] if isinstance(assign, ast.AnnAssign) else []
        )
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                names.add(target.attr)
    return {name for name in names if name.startswith("_") and not name.startswith("__")}


def _textual_names(cls: type) -> set[str]:
    """Every name Textual's classes under ``cls`` define: on the class, or as ``self.x``."""
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.startswith("textual"):
            names |= _names_of(base)
    return names


@cache
def _names_of(base: type) -> frozenset[str]:
    names = set(vars(base))
    try:
        source = inspect.getsource(base)
    except (OSError, TypeError):
        return frozenset(names)
    names |= {
        node.attr
        for node in ast.walk(ast.parse(textwrap.dedent(source)))
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
    }
    return frozenset(names)


def test_the_apps_own_private_names_do_not_shadow_textuals() -> None:
    # A helper of ours called as one of Textual's private methods or attributes would
    # replace it without a word; the only ones allowed are the overrides listed above.
    clashes = [
        f"{cls.__module__}.{cls.__qualname__}.{name} shadows Textual's own {name} (Textual {textual.__version__})"
        for cls in _classes_over_textual()
        for name in sorted((_private_names(cls) & _textual_names(cls)) - OVERRIDES)
    ]
    assert clashes == [], "\n".join(clashes)
