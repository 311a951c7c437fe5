"""Jinja2's sandbox with hard limits: what a template, ours or a user's, may cost.

The sandbox alone keeps a template from reaching Python's insides, but not from running
for ever or filling the memory: ``9**(9**9)``, ``"%s" % ((1,)*10**8)``, loops nested over
a list, a string doubled thirty times. A template is the user's code, so each way to do
work is counted here, and a rendering stops with one line naming template and line:

- every round of every ``{% for %}``, every call and every item a filter goes through
  spends one *step* from a budget (``STEP_BUDGET``) for the whole rendering;
- every value the template makes (by an operator, a literal, a filter, a call, ``~``) is
  at most ``MAX_SIZE`` characters or items, counted through nesting, and the size is
  checked *before* the work where Python would build the result in one go
  (``*``, ``**``, ``%``, ``join``, ``replace``, ``center``, ``indent``…);
- all text written, macros and blocks included, is at most ``MAX_OUTPUT`` characters;
- a user's template runs under a wall-clock limit (``TIME_LIMIT``), and any rendering can
  be stopped from another thread (the app's preview, when the app quits).

Between two checks the work is bounded, so the clock and the stop request are seen in
good time; Python cannot interrupt a thread, so this is how a rendering is made to end.

Includes are resolved inside the template folder after links are followed: a ``*.j2``
link to a file elsewhere, or to a file that is not a template, is refused by name.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache, update_wrapper
from pathlib import Path
from string import Formatter
from time import monotonic
from types import BuiltinMethodType
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, StrictUndefined, TemplateNotFound, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace, generate_lorem_ipsum

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.files.regular_file import NotRegular, TooLarge, read_regular

TIME_LIMIT = 5.0
"""Seconds a rendering with a user's template may take."""
STEP_BUDGET = 1_000_000
"""Loop rounds, calls and items gone through by filters, in all, for one rendering."""
MAX_SIZE = 10_000_000
"""Characters (or items, counted through nesting) of one value a template makes."""
MAX_OUTPUT = 50_000_000
"""Characters one rendering writes in all, macros and blocks included."""
MAX_INT_BITS = 100_000
"""Bits of a whole number a template computes (about 30,000 digits)."""
MAX_TEMPLATE_BYTES = 1_000_000
"""Size of one template file."""
CHECK_EVERY = 0.05
"""Seconds between two looks at the clock and the stop request."""


class TemplateError(FacilitatorError):
    """A template could not be rendered: its error, named by template and line."""


class LimitReached(SecurityError):
    """Raised inside a rendering when it has spent what it may; never caught by Jinja."""


class Stopped(LimitReached):
    """The rendering was stopped from outside (the app is quitting)."""


# --- the budget of one rendering ---------------------------------------------------------


class Limits:
    """What one rendering has left; kept per thread, so two renderings never share it."""

    __slots__ = ("left", "deadline", "time_limit", "stop", "check_at", "output", "_known")

    def __init__(self, time_limit: float | None = None, stop: Callable[[], bool] | None = None) -> None:
        self.left = STEP_BUDGET
        self.time_limit = time_limit
        now = monotonic()
        self.deadline = now + time_limit if time_limit is not None else None
        self.stop = stop
        self.check_at = now + CHECK_EVERY
        self.output = 0
        self._known: dict[int, tuple[object, int]] = {}
        """Sizes of the containers weighed so far, by id (the object is kept alive with
        it, so its id is not reused): a list that holds itself a thousand times over, two
        by two, is weighed in thirty looks, not in a billion."""

    def step(self, count: int = 1) -> None:
        self.left -= count
        if self.left < 0 or monotonic() >= self.check_at:
            self.check()

    def check(self) -> None:
        if self.left < 0:
            raise LimitReached(t("minutes.template_steps", budget=f"{STEP_BUDGET:,}"))
        if self.stop is not None and self.stop():
            raise Stopped(t("minutes.template_stopped"))
        now = monotonic()
        if self.deadline is not None and now >= self.deadline:
            raise LimitReached(t("minutes.template_slow", seconds=f"{self.time_limit:g}"))
        self.check_at = now + CHECK_EVERY

    def weigh(self, value: object) -> int:
        """The size of ``value`` in characters and items, counted through nesting."""
        kind = type(value)
        if kind is str:
            return len(value)  # type: ignore[arg-type]
        if kind is int:
            return value.bit_length() // 3 + 1  # type: ignore[attr-defined]
        if kind in _CONTAINERS:
            known = self._known.get(id(value))
            if known is not None:
                return known[1]
            if kind is dict:
                size = 1 + sum(self.weigh(k) + self.weigh(v) for k, v in value.items())  # type: ignore[attr-defined]
            else:
                size = 1 + sum(self.weigh(item) for item in value)  # type: ignore[attr-defined]
            self._known[id(value)] = (value, size)
            return size
        if isinstance(value, str):
            return len(value)
        if isinstance(value, Namespace):  # changes as the template sets its attributes: not kept
            return 1 + sum(self.weigh(v) for v in value._Namespace__attrs.values())  # type: ignore[attr-defined]
        return 1

    def made(self, value: Any) -> Any:
        """``value``, after checking that it is not too big to be shown or compared."""
        if self.weigh(value) > MAX_SIZE:
            raise LimitReached(t("minutes.template_too_big", limit=f"{MAX_SIZE:,}"))
        return value

    def expect(self, size: int) -> None:
        """Refuse work whose result would be too big, before it is done."""
        if size > MAX_SIZE:
            raise LimitReached(t("minutes.template_too_big", limit=f"{MAX_SIZE:,}"))

    def wrote(self, count: int) -> None:
        self.output += count
        if self.output > MAX_OUTPUT:
            raise LimitReached(t("minutes.template_too_much", limit=f"{MAX_OUTPUT:,}"))

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """``iterable``, one step per item."""
        for item in iterable:
            self.left -= 1
            if self.left < 0 or monotonic() >= self.check_at:
                self.check()
            yield item


_CONTAINERS = frozenset({list, tuple, dict, set, frozenset})
_local = threading.local()


def _limits() -> Limits:
    """This thread's rendering's limits; outside a rendering (while compiling) fresh ones."""
    limits: Limits | None = getattr(_local, "limits", None)
    return limits if limits is not None else Limits()


# --- operators, formatting, filters, calls ------------------------------------------------


def _ints(args: Iterable[Any]) -> Iterator[int]:
    return (a for a in args if type(a) is int)


def _check_numbers(limits: Limits, args: Iterable[Any]) -> None:
    """A width, a count or a number of pieces over the size limit is refused outright."""
    for number in _ints(args):
        limits.expect(abs(number))


_CONVERSION = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?.", re.S)
_DIGITS = re.compile(r"\d+")


def _spec_size(spec: str, star: int) -> int:
    """Characters a field's width and precision may add (``star`` for a width given as an argument)."""
    if spec == "*":
        return star
    if len(spec) > 9:
        return MAX_SIZE + 1
    return int(spec)


def _percent_format(limits: Limits, text: str, values: Any) -> str:
    """``text % values``, refused when the result could be too big."""
    arguments = tuple(values.values()) if isinstance(values, Mapping) else values if isinstance(values, tuple) else (values,)
    _check_numbers(limits, arguments)
    biggest = max((limits.weigh(v) for v in arguments), default=0)
    star = max(_ints(arguments), default=0)
    size = len(text)
    for match in _CONVERSION.finditer(text):
        size += biggest + sum(_spec_size(spec, star) for spec in match.groups() if spec)
        if size > MAX_SIZE:
            break
    limits.expect(size)
    return limits.made(text % values)


def _brace_format(limits: Limits, text: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Refuse ``text.format(...)`` when the result could be too big."""
    arguments = (*args, *kwargs.values())
    _check_numbers(limits, arguments)
    biggest = max((limits.weigh(v) for v in arguments), default=0)
    star = max(_ints(arguments), default=0)
    size = len(text)
    for _, field, spec, _ in Formatter().parse(text):
        if field is None:
            continue
        size += biggest
        if spec:
            size += star if "{" in spec else sum(_spec_size(d, star) for d in _DIGITS.findall(spec))
        if size > MAX_SIZE:
            break
    limits.expect(size)


def _multiply(limits: Limits, left: Any, right: Any) -> Any:
    if type(left) is int and type(right) is int:
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise LimitReached(t("minutes.template_number", bits=f"{MAX_INT_BITS:,}"))
    elif isinstance(right, int) and not isinstance(left, (int, float)):
        limits.expect(limits.weigh(left) * max(right, 0))
    elif isinstance(left, int) and not isinstance(right, (int, float)):
        limits.expect(limits.weigh(right) * max(left, 0))
    return limits.made(left * right)


def _power(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        if (abs(left).bit_length() - 1) * right > MAX_INT_BITS:
            raise LimitReached(t("minutes.template_number", bits=f"{MAX_INT_BITS:,}"))
    return left**right


def _join(limits: Limits, separator: str, items: list[Any]) -> None:
    limits.expect(sum(limits.weigh(item) for item in items) + len(separator) * len(items))


def _replace_size(text: str, old: str, new: str, count: int | None) -> int:
    times = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        times = min(times, count)
    return len(text) + times * max(len(new) - len(old), 0)


_GROWS: dict[str, Callable[[Limits, Any, tuple[Any, ...], dict[str, Any]], int]] = {
    "center": lambda _, v, a, k: max(len(str(v)), *_ints((*a, *k.values(), 0))),
    "indent": lambda _, v, a, k: len(str(v)) + (str(v).count("\n") + 1) * _width(a[0] if a else k.get("width", 4)),
    "replace": lambda _, v, a, k: _replace_size(
        str(v), str(a[0]) if a else "", str(a[1]) if len(a) > 1 else "", a[2] if len(a) > 2 else k.get("count")
    ),
    "wordwrap": lambda _, v, a, k: len(str(v)) * (2 + len(str(k.get("wrapstring") or (a[2] if len(a) > 2 else "") or "\n"))),
    "urlize": lambda limits, v, a, k: 20 * len(str(v)) + 4 * sum(limits.weigh(x) for x in (*a, *k.values())),
    "tojson": lambda limits, v, a, k: limits.weigh(v) * (8 + 4 * _width(a[0] if a else k.get("indent") or 0)),
    "pprint": lambda limits, v, a, k: limits.weigh(v) * 4,
    "xmlattr": lambda limits, v, a, k: limits.weigh(v) * 8,
    "batch": lambda limits, v, a, k: limits.weigh(v) + max(_ints((*a, *k.values(), 0))),
}
"""Filters whose result can be much bigger than what they are given: its size, worst case."""


def _width(value: Any) -> int:
    return len(value) if isinstance(value, str) else value if isinstance(value, int) else 0


_CONSTANT_TIME = frozenset(
    {
        "length",
        "count",
        "first",
        "last",
        "random",
        "default",
        "d",
        "attr",
        "int",
        "float",
        "abs",
        "round",
        "safe",
        "string",
        "e",
        "escape",
        "forceescape",
    }
)
"""Filters that do not go through their value's items one by one (``string`` and the
escapes turn a list into text in one go: bounded by the list's size)."""

_GOES_THROUGH_TEXT = frozenset(
    {
        "list",
        "sort",
        "unique",
        "batch",
        "slice",
        "map",
        "select",
        "reject",
        "selectattr",
        "rejectattr",
        "groupby",
        "min",
        "max",
        "join",
        "sum",
        "reverse",
    }
)
"""Filters that, given text, go through it character by character."""

_NOT_A_SIZE = frozenset({"default", "d", "int", "float", "round", "abs"})
"""Filters whose numbers are values, not widths or counts."""


def _limited_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` with its work counted and its result checked (see the module's doc)."""
    value_at = 1 if hasattr(function, "jinja_pass_arg") else 0
    constant_time = name in _CONSTANT_TIME
    text_items = name in _GOES_THROUGH_TEXT
    sizes = name not in _NOT_A_SIZE
    grows = _GROWS.get(name)
    counts_to_its_number = name in ("slice", "batch")

    def limited(*args: Any, **kwargs: Any) -> Any:
        limits = _limits()
        limits.step()
        if len(args) <= value_at:
            return function(*args, **kwargs)
        value = args[value_at]
        rest = args[value_at + 1 :]
        if sizes and (rest or kwargs):
            _check_numbers(limits, (*rest, *kwargs.values()))
        if counts_to_its_number:  # these count to their number in Python
            limits.step(max(_ints((*rest, *kwargs.values(), 0))))
        if name == "sum" and not isinstance(kwargs.get("start", rest[1] if len(rest) > 1 else 0), (int, float)):
            raise LimitReached(t("minutes.template_sum"))
        if not constant_time:
            if isinstance(value, str):
                if text_items:
                    limits.step(len(value))
            elif isinstance(value, (list, tuple, dict, set, frozenset, range)):
                limits.step(len(value))
            elif isinstance(value, Iterator):
                value = list(limits.counted(value)) if name == "join" else limits.counted(value)
                args = (*args[:value_at], value, *rest)
        if name == "join" and isinstance(value, (list, tuple)):
            _join(limits, str(rest[0] if rest else kwargs.get("d", "")), list(value))
        elif name == "format" and isinstance(value, str):
            return _percent_format(limits, value, kwargs or rest)
        elif grows is not None:
            limits.expect(grows(limits, value, rest, kwargs))
        return limits.made(function(*args, **kwargs))

    return update_wrapper(limited, function)


_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})


def _check_method(limits: Limits, method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a call of a built-in method that would make too much text; the arguments
    to call it with (an iterator to join is read here, so it is passed on as a list)."""
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, str):
        _check_numbers(limits, (*args, *kwargs.values()))
        return args
    name = method.__name__
    _check_numbers(limits, (*args, *kwargs.values()))
    if name in _WIDTH_METHODS:
        limits.expect(max(len(owner), *_ints((*args, 0))))
    elif name == "expandtabs":
        limits.expect(len(owner) * max(1, *_ints((*args, *kwargs.values(), 8))))
    elif name == "replace" and len(args) >= 2:
        limits.expect(_replace_size(owner, str(args[0]), str(args[1]), args[2] if len(args) > 2 else None))
    elif name == "join" and args:
        items = list(limits.counted(args[0]))
        _join(limits, owner, items)
        return (items, *args[1:])
    return args


class LimitedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with the places where work repeats or text grows routed
    through the environment: each ``for``, ``~`` and list, tuple or dict written in the
    template."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if not _is_counted(node.iter):
            node.iter = nodes.Call(nodes.EnvironmentAttribute(_COUNTED), [node.iter], [], None, None)
        super().visit_For(node, frame)

    def visit_Call(self, node: nodes.Call, frame: Frame, forward_caller: bool = False) -> None:
        if not _is_counted(node):  # Jinja allows no node types of our own; a template cannot write this one
            super().visit_Call(node, frame, forward_caller=forward_caller)
            return
        self.write(f"environment.{_COUNTED}(")
        self.visit(node.args[0], frame)
        self.write(")")

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.joined((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")

    def _made(self, node: nodes.Expr, frame: Frame, write: Callable[[Any, Frame], None]) -> None:
        if getattr(node, "ctx", "load") != "load":
            write(node, frame)
            return
        self.write("environment.made(")
        write(node, frame)
        self.write(")")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self._made(node, frame, super().visit_List)

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        self._made(node, frame, super().visit_Tuple)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self._made(node, frame, super().visit_Dict)


_COUNTED = "counted"


def _is_counted(node: nodes.Node) -> bool:
    """Whether ``node`` is what a ``for`` goes through, wrapped to count one step per item."""
    return isinstance(node, nodes.Call) and isinstance(node.node, nodes.EnvironmentAttribute) and node.node.name == _COUNTED


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with every way to do work counted (see the module's doc)."""

    code_generator_class = LimitedCodeGenerator
    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=self._finalize, **options)
        self.globals["lipsum"] = _lipsum

    def limit_filters(self) -> None:
        """Count the work of every filter; call once all filters are in place."""
        self.filters = {name: _limited_filter(name, f) for name, f in self.filters.items()}

    @staticmethod
    def _finalize(value: Any) -> Any:
        limits = _limits()
        text = value if type(value) is str else str(limits.made(value))
        limits.wrote(len(text))
        return text

    @staticmethod
    def counted(iterable: Iterable[Any]) -> Iterator[Any]:
        return _limits().counted(iterable)

    @staticmethod
    def joined(parts: tuple[Any, ...]) -> str:
        limits = _limits()
        limits.expect(sum(limits.weigh(part) for part in parts))
        return "".join(map(str, parts))

    @staticmethod
    def made(value: Any) -> Any:
        return _limits().made(value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limits = _limits()
        if operator == "*":
            return _multiply(limits, left, right)
        if operator == "**":
            return _power(left, right)
        if operator == "%" and isinstance(left, str):
            return _percent_format(limits, left, right)
        if operator == "+" and not isinstance(left, (int, float)):
            limits.expect(limits.weigh(left) + limits.weigh(right))
        return limits.made(self.binop_table[operator](left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        limits = _limits()
        limits.step()
        if isinstance(__obj, LoopContext) and args:  # a recursive loop going one level down
            args = (limits.counted(args[0]), *args[1:])
        elif type(__obj) is BuiltinMethodType:
            args = _check_method(limits, __obj, args, kwargs)
        return limits.made(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        formatted = super().wrap_str_format(value)
        if formatted is None:
            return None
        text: str = value.__self__
        mapping = value.__name__ == "format_map"

        def limited(*args: Any, **kwargs: Any) -> str:
            limits = _limits()
            if mapping:
                _brace_format(limits, text, (), args[0] if args and isinstance(args[0], Mapping) else {})
            else:
                _brace_format(limits, text, args, kwargs)
            return limits.made(formatted(*args, **kwargs))

        return update_wrapper(limited, formatted)


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002 - Jinja's names
    """Jinja's placeholder text, its paragraphs and words counted as steps."""
    _limits().step(abs(n) * abs(max))
    return generate_lorem_ipsum(n, html, min, max)


# --- where templates come from -------------------------------------------------------------


class FolderLoader(BaseLoader):
    """Serves the ``*.j2`` files of one folder: a template may include its siblings, but
    not read whatever else lies in the folder (``{% include 'passwords.txt' %}``), nor a
    file elsewhere through a link, nor a pipe or a device that would never end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        if not template.endswith(".j2"):
            raise SecurityError(t("minutes.template_not_j2", name=template))
        path = os.path.join(self.folder, *split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        real = os.path.realpath(path)
        folder = os.path.realpath(self.folder)
        if os.path.commonpath([folder, real]) != folder:
            raise SecurityError(t("minutes.template_outside", name=path, folder=self.folder))
        if not real.endswith(".j2"):
            raise SecurityError(t("minutes.template_link_not_j2", name=path, target=os.path.basename(real)))
        source, mtime = _read_template(real, path)
        return source, path, lambda: _mtime(real) == mtime


def _read_template(real: str, shown: str) -> tuple[str, float]:
    try:
        data, info = read_regular(real, MAX_TEMPLATE_BYTES, follow_links=False)
    except FileNotFoundError:
        raise TemplateNotFound(shown) from None
    except NotRegular:
        raise SecurityError(t("minutes.template_not_file", name=shown)) from None
    except TooLarge:
        raise SecurityError(t("minutes.template_file_too_big", name=shown, limit=f"{MAX_TEMPLATE_BYTES:,}")) from None
    except OSError as error:
        raise SecurityError(t("minutes.template_unreadable", name=shown, reason=error.strerror or error)) from None
    try:
        return data.decode("utf-8"), info.st_mtime
    except UnicodeDecodeError as error:
        raise SecurityError(t("minutes.template_not_utf8", name=shown, offset=error.start)) from None


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


@lru_cache(maxsize=8)
def environment(folders: tuple[Path, ...], filters: tuple[tuple[str, Callable[..., Any]], ...] = ()) -> LimitedEnvironment:
    """One environment per list of template folders (the first wins by name), kept:
    compiled templates are reused."""
    env = LimitedEnvironment(
        loader=ChoiceLoader([FolderLoader(folder) for folder in folders]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(filters)
    env.limit_filters()
    return env


# --- rendering ---------------------------------------------------------------------------


def render(
    env: LimitedEnvironment,
    name: str,
    data: Mapping[str, Any],
    *,
    shown_as: str | Path | None = None,
    time_limit: float | None = None,
    stop: Callable[[], bool] | None = None,
) -> str:
    """``name`` rendered with ``data``, within the limits; a ``TemplateError`` otherwise.

    ``time_limit`` in seconds, for a user's template; ``stop`` is asked a few times a
    second and ends the rendering when it says so. ``shown_as`` names the template in
    messages (the path a person gave).
    """
    limits = Limits(time_limit, stop)
    outer = getattr(_local, "limits", None)
    _local.limits = limits
    try:
        loaded = env.get_template(name)
        parts = []
        for part in loaded.generate(**data):
            limits.wrote(len(part))
            parts.append(part)
        return "".join(parts)
    except TemplateNotFound as error:
        missing = (shown_as or name) if error.name == name else error.name  # the template, or one it includes
        raise TemplateError(t("minutes.template_missing", template=missing)) from None
    except Exception as error:  # noqa: BLE001 - a user's template can fail in any way: 1/0, endless recursion
        raise TemplateError(describe_error(error, name)) from None
    finally:
        _local.limits = outer


def describe_error(error: Exception, name: str) -> str:
    """``TEMPLATE:LINE: what`` for syntax errors and for errors while rendering alike."""
    filename = getattr(error, "filename", None) or getattr(error, "name", None) or name
    line = getattr(error, "lineno", None)
    if line is None:  # a runtime error: the template's own frame in the traceback has the line
        trace = error.__traceback__
        while trace is not None:
            if not trace.tb_frame.f_code.co_filename.endswith(".py"):
                filename, line = trace.tb_frame.f_code.co_filename, trace.tb_lineno
            trace = trace.tb_next
    where = f"{filename}:{line}" if line else str(filename)
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    if isinstance(error, RecursionError):
        message = t("minutes.template_recursion")
    elif isinstance(error, MemoryError):
        message = t("minutes.template_memory")
    return t("minutes.template_error", where=where, message=message)
