"""One measured figure: a value, the baseline it is held against, and the target ratio.

The ratio is the median of the ratios of pairs taken in turn (baseline, value, baseline,
value, …), not the ratio of two medians: a pair is measured within moments, under the
same load, so whatever else the machine does weighs on both sides of each ratio alike.
On a loaded machine the ratio of medians of runs taken one side after the other read
search at 4.2–7.1 where pairs read 2.5. The spread of the pairs' ratios (lowest and
highest) is printed beside it, so a figure that wobbles shows that it does.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    baseline: float
    target: float
    unit: str
    ratios: tuple[float, ...] = ()
    """Each pair's value over its baseline, when the figure was taken in pairs."""

    @property
    def ratio(self) -> float:
        if self.ratios:
            return statistics.median(self.ratios)
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def spread(self) -> tuple[float, float]:
        """The lowest and the highest of the pairs' ratios (the ratio itself when unpaired)."""
        return (min(self.ratios), max(self.ratios)) if self.ratios else (self.ratio, self.ratio)

    @property
    def met(self) -> bool:
        return self.ratio <= self.target

    def as_json(self) -> dict[str, object]:
        low, high = self.spread
        return {
            "name": self.name,
            "value": self.value,
            "baseline": self.baseline,
            "ratio": round(self.ratio, 4),
            "target": self.target,
            "met": self.met,
            "unit": self.unit,
            "spread": [round(low, 4), round(high, 4)],
            "pairs": len(self.ratios),
        }


@dataclass(frozen=True)
class Paired:
    """Measurements taken in pairs: the medians of each side, and each pair's ratio."""

    value: float
    baseline: float
    ratios: tuple[float, ...]

    def figure(self, name: str, target: float, unit: str) -> Figure:
        return Figure(name, self.value, self.baseline, target, unit, self.ratios)


def interleaved(runs: int, measure: Callable[[], float], baseline: Callable[[], float]) -> Paired:
    """``runs`` pairs, each a baseline then a value, taken turn about."""
    values: list[float] = []
    baselines: list[float] = []
    for _ in range(runs):
        baselines.append(baseline())
        values.append(measure())
    ratios = tuple(v / b for v, b in zip(values, baselines, strict=True) if b)
    return Paired(statistics.median(values), statistics.median(baselines), ratios)


def seconds(work: Callable[[], object]) -> Callable[[], float]:
    """A measure of ``work``'s wall time, for :func:`interleaved`; one call first warms caches."""
    work()

    def once() -> float:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started

    return once
