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

The parts: ``template_limits`` keeps the account of one rendering, ``template_costs``
prices each operation before it runs, ``template_folder`` serves the templates; this
module puts them into Jinja (its code generator and environment) and renders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache, update_wrapper
from pathlib import Path
from types import BuiltinMethodType
from typing import Any

from jinja2 import ChoiceLoader, StrictUndefined, TemplateNotFound, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

from facilitator.errors import TemplateError
from facilitator.i18n import t
from facilitator.output.template_costs import brace_format, check_method, limited_filter, multiply, percent_format, power
from facilitator.output.template_folder import FolderLoader
from facilitator.output.template_limits import Limits, current, in_force


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
        self.filters = {name: limited_filter(name, f) for name, f in self.filters.items()}

    @staticmethod
    def _finalize(value: Any) -> Any:
        limits = current()
        text = value if type(value) is str else str(limits.made(value))
        limits.wrote(len(text))
        return text

    @staticmethod
    def counted(iterable: Iterable[Any]) -> Iterator[Any]:
        return current().counted(iterable)

    @staticmethod
    def joined(parts: tuple[Any, ...]) -> str:
        limits = current()
        limits.expect(sum(limits.weigh(part) for part in parts))
        return "".join(map(str, parts))

    @staticmethod
    def made(value: Any) -> Any:
        return current().made(value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limits = current()
        if operator == "*":
            return multiply(limits, left, right)
        if operator == "**":
            return power(left, right)
        if operator == "%" and isinstance(left, str):
            return percent_format(limits, left, right)
        if operator == "+" and not isinstance(left, (int, float)):
            limits.expect(limits.weigh(left) + limits.weigh(right))
        return limits.made(self.binop_table[operator](left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        limits = current()
        limits.step()
        if isinstance(__obj, LoopContext) and args:  # a recursive loop going one level down
            args = (limits.counted(args[0]), *args[1:])
        elif type(__obj) is BuiltinMethodType:
            args = check_method(limits, __obj, args, kwargs)
        return limits.made(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        formatted = super().wrap_str_format(value)
        if formatted is None:
            return None
        text: str = value.__self__
        mapping = value.__name__ == "format_map"

        def limited(*args: Any, **kwargs: Any) -> str:
            limits = current()
            if mapping:
                brace_format(limits, text, (), args[0] if args and isinstance(args[0], Mapping) else {})
            else:
                brace_format(limits, text, args, kwargs)
            return limits.made(formatted(*args, **kwargs))

        return update_wrapper(limited, formatted)


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002 - Jinja's names
    """Jinja's placeholder text, its paragraphs and words counted as steps."""
    current().step(abs(n) * abs(max))
    return generate_lorem_ipsum(n, html, min, max)


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
    with in_force(limits):
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
