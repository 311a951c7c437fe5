"""WCAG 2 contrast between two colours, as the guidelines define it."""

from __future__ import annotations

from textual.color import Color


def _channel(value: int) -> float:
    v = value / 255
    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4


def luminance(colour: Color) -> float:
    """Relative luminance: 0 for black, 1 for white."""
    return 0.2126 * _channel(colour.r) + 0.7152 * _channel(colour.g) + 0.0722 * _channel(colour.b)


def ratio(one: Color, other: Color) -> float:
    """From 1 (the same) to 21 (black on white); 4.5 is the least for ordinary text (AA)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
