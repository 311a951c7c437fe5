"""One measured figure: a value, the baseline it is held against, and the target ratio."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    baseline: float
    target: float
    unit: str

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def met(self) -> bool:
        return self.ratio <= self.target

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "value": self.value,
            "baseline": self.baseline,
            "ratio": round(self.ratio, 4),
            "target": self.target,
            "met": self.met,
            "unit": self.unit,
        }


def interleaved(runs: int, measure: Callable[[], float], baseline: Callable[[], float]) -> tuple[float, float]:
    """Medians of ``runs`` measurements of each, taken turn about.

    Taking them in turns spreads whatever else the machine does over both sides, so the
    ratio stays fair when the absolute times drift.
    """
    values: list[float] = []
    baselines: list[float] = []
    for _ in range(runs):
        baselines.append(baseline())
        values.append(measure())
    return statistics.median(values), statistics.median(baselines)
