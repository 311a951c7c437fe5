"""What one rendering may spend, and what it has left: steps, sizes, text written, time.

The numbers are the sandbox's promises (``template_sandbox`` says what each counts); a
:class:`Limits` is one rendering's account of them, kept per thread, so the preview
rendering on a worker thread and a rendering for ``facilitator minutes`` never share one.
Everything that spends reads the account through :func:`current`; the other modules
read the numbers through this module (``template_limits.MAX_SIZE``), so a change to one
holds everywhere.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from time import monotonic
from typing import Any, TypeVar

from jinja2.utils import Namespace

from facilitator.errors import LimitReachedError, StoppedError
from facilitator.i18n import t

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
CHECK_EVERY = 0.05
"""Seconds between two looks at the clock and the stop request."""

V = TypeVar("V")


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
            raise LimitReachedError(t("minutes.template_steps", budget=f"{STEP_BUDGET:,}"))
        if self.stop is not None and self.stop():
            raise StoppedError(t("minutes.template_stopped"))
        now = monotonic()
        if self.deadline is not None and now >= self.deadline:
            raise LimitReachedError(t("minutes.template_slow", seconds=f"{self.time_limit:g}"))
        self.check_at = now + CHECK_EVERY

    def weigh(self, value: object) -> int:
        """The size of ``value`` in characters and items, counted through nesting."""
        if isinstance(value, str):
            return len(value)
        if type(value) is int:  # a bool or an IntEnum weighs 1, as any other object
            return value.bit_length() // 3 + 1
        # Only the built-in containers themselves: a tuple of ours (a named tuple) is one item.
        if type(value) in _CONTAINERS and isinstance(value, _CONTAINERS):
            known = self._known.get(id(value))
            if known is not None:
                return known[1]
            if isinstance(value, dict):
                size = 1 + sum(self.weigh(k) + self.weigh(v) for k, v in value.items())
            else:
                size = 1 + sum(self.weigh(item) for item in value)
            self._known[id(value)] = (value, size)
            return size
        if isinstance(value, Namespace):  # changes as the template sets its attributes: not kept
            return 1 + sum(self.weigh(v) for v in _attributes(value).values())
        return 1

    def made(self, value: V) -> V:
        """``value``, after checking that it is not too big to be shown or compared."""
        if self.weigh(value) > MAX_SIZE:
            raise LimitReachedError(t("minutes.template_too_big", limit=f"{MAX_SIZE:,}"))
        return value

    def expect(self, size: int) -> None:
        """Refuse work whose result would be too big, before it is done."""
        if size > MAX_SIZE:
            raise LimitReachedError(t("minutes.template_too_big", limit=f"{MAX_SIZE:,}"))

    def wrote(self, count: int) -> None:
        self.output += count
        if self.output > MAX_OUTPUT:
            raise LimitReachedError(t("minutes.template_too_much", limit=f"{MAX_OUTPUT:,}"))

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """``iterable``, one step per item."""
        for item in iterable:
            self.left -= 1
            if self.left < 0 or monotonic() >= self.check_at:
                self.check()
            yield item


_CONTAINERS = (list, tuple, dict, set, frozenset)
_local = threading.local()


def _attributes(namespace: Namespace) -> dict[str, object]:
    """What a template has set on a ``namespace()``: Jinja keeps it in a private dict and
    answers every other attribute from it, so the dict is read past its ``__getattribute__``."""
    attributes: dict[str, object] = object.__getattribute__(namespace, "_Namespace__attrs")
    return attributes


def current() -> Limits:
    """This thread's rendering's limits; outside a rendering (while compiling) fresh ones."""
    limits: Limits | None = getattr(_local, "limits", None)
    return limits if limits is not None else Limits()


@contextmanager
def in_force(limits: Limits) -> Iterator[None]:
    """``limits`` are this thread's while the block runs; the outer ones after (a rendering
    may start inside another, on the same thread)."""
    outer = getattr(_local, "limits", None)
    _local.limits = limits
    try:
        yield
    finally:
        _local.limits = outer
