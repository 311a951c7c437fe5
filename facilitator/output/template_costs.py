"""What each thing a template does may cost, checked before it is done where it could be big.

Python builds the result of ``*``, ``**``, ``%``, ``str.join`` or ``replace`` in one go,
out of reach of any step counting, so the size of the result is worked out (worst case)
from the operands first and refused when it would pass ``MAX_SIZE``. Filters are
wrapped to spend a step per item they go through; the sandbox (``template_sandbox``)
routes operators, calls and filters here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import update_wrapper
from string import Formatter
from typing import Any

from facilitator.errors import LimitReachedError
from facilitator.i18n import t
from facilitator.output import template_limits
from facilitator.output.template_limits import Limits, current


def _ints(args: Iterable[Any]) -> Iterator[int]:
    return (a for a in args if type(a) is int)


def check_numbers(limits: Limits, args: Iterable[Any]) -> None:
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
        return template_limits.MAX_SIZE + 1
    return int(spec)


def percent_format(limits: Limits, text: str, values: Any) -> str:
    """``text % values``, refused when the result could be too big."""
    arguments = tuple(values.values()) if isinstance(values, Mapping) else values if isinstance(values, tuple) else (values,)
    check_numbers(limits, arguments)
    biggest = max((limits.weigh(v) for v in arguments), default=0)
    star = max(_ints(arguments), default=0)
    size = len(text)
    for match in _CONVERSION.finditer(text):
        size += biggest + sum(_spec_size(spec, star) for spec in match.groups() if spec)
        if size > template_limits.MAX_SIZE:
            break
    limits.expect(size)
    formatted: str = text % values  # named: with values of any type, mypy cannot see the result is text
    return limits.made(formatted)


def brace_format(limits: Limits, text: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Refuse ``text.format(...)`` when the result could be too big."""
    arguments = (*args, *kwargs.values())
    check_numbers(limits, arguments)
    biggest = max((limits.weigh(v) for v in arguments), default=0)
    star = max(_ints(arguments), default=0)
    size = len(text)
    for _, field, spec, _ in Formatter().parse(text):
        if field is None:
            continue
        size += biggest
        if spec:
            size += star if "{" in spec else sum(_spec_size(d, star) for d in _DIGITS.findall(spec))
        if size > template_limits.MAX_SIZE:
            break
    limits.expect(size)


def multiply(limits: Limits, left: Any, right: Any) -> Any:
    if type(left) is int and type(right) is int:
        if left.bit_length() + right.bit_length() > template_limits.MAX_INT_BITS:
            raise LimitReachedError(t("minutes.template_number", bits=f"{template_limits.MAX_INT_BITS:,}"))
    elif isinstance(right, int) and not isinstance(left, (int, float)):
        limits.expect(limits.weigh(left) * max(right, 0))
    elif isinstance(left, int) and not isinstance(right, (int, float)):
        limits.expect(limits.weigh(right) * max(left, 0))
    return limits.made(left * right)


def power(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        if (abs(left).bit_length() - 1) * right > template_limits.MAX_INT_BITS:
            raise LimitReachedError(t("minutes.template_number", bits=f"{template_limits.MAX_INT_BITS:,}"))
    return left**right


def _join(limits: Limits, separator: str, items: list[Any]) -> None:
    limits.expect(sum(limits.weigh(item) for item in items) + len(separator) * len(items))


def replace_size(text: str, old: str, new: str, count: int | None) -> int:
    times = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        times = min(times, count)
    return len(text) + times * max(len(new) - len(old), 0)


_GROWS: dict[str, Callable[[Limits, Any, tuple[Any, ...], dict[str, Any]], int]] = {
    "center": lambda _, v, a, k: max(len(str(v)), *_ints((*a, *k.values(), 0))),
    "indent": lambda _, v, a, k: len(str(v)) + (str(v).count("\n") + 1) * _width(a[0] if a else k.get("width", 4)),
    "replace": lambda _, v, a, k: replace_size(
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


def limited_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` with its work counted and its result checked (see the module's doc)."""
    value_at = 1 if hasattr(function, "jinja_pass_arg") else 0
    constant_time = name in _CONSTANT_TIME
    text_items = name in _GOES_THROUGH_TEXT
    sizes = name not in _NOT_A_SIZE
    grows = _GROWS.get(name)
    counts_to_its_number = name in ("slice", "batch")

    def limited(*args: Any, **kwargs: Any) -> Any:
        limits = current()
        limits.step()
        if len(args) <= value_at:
            return function(*args, **kwargs)
        value = args[value_at]
        rest = args[value_at + 1 :]
        if sizes and (rest or kwargs):
            check_numbers(limits, (*rest, *kwargs.values()))
        if counts_to_its_number:  # these count to their number in Python
            limits.step(max(_ints((*rest, *kwargs.values(), 0))))
        if name == "sum" and not isinstance(kwargs.get("start", rest[1] if len(rest) > 1 else 0), (int, float)):
            raise LimitReachedError(t("minutes.template_sum"))
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
            return percent_format(limits, value, kwargs or rest)
        elif grows is not None:
            limits.expect(grows(limits, value, rest, kwargs))
        return limits.made(function(*args, **kwargs))

    return update_wrapper(limited, function)


_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})


def check_method(limits: Limits, method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a call of a built-in method that would make too much text; the arguments
    to call it with (an iterator to join is read here, so it is passed on as a list)."""
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, str):
        check_numbers(limits, (*args, *kwargs.values()))
        return args
    name = method.__name__
    check_numbers(limits, (*args, *kwargs.values()))
    if name in _WIDTH_METHODS:
        limits.expect(max(len(owner), *_ints((*args, 0))))
    elif name == "expandtabs":
        limits.expect(len(owner) * max(1, *_ints((*args, *kwargs.values(), 8))))
    elif name == "replace" and len(args) >= 2:
        limits.expect(replace_size(owner, str(args[0]), str(args[1]), args[2] if len(args) > 2 else None))
    elif name == "join" and args:
        items = list(limits.counted(args[0]))
        _join(limits, owner, items)
        return (items, *args[1:])
    return args
