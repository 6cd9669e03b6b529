"""Geometry for the server-rendered SVG charts (no JavaScript, no external requests).

Functions return plain dictionaries of coordinates; the templates in ``templates/pilots/charts/``
draw them. Every chart is shown next to a data table, so the numbers are never only in a picture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

BAR_ROW = 40
BAR_MAX = 360
BAR_LEFT = 4

TILE_W = 104
TILE_H = 52
TILE_GAP = 4


def bar_chart(rows: Sequence[tuple[str, float | Decimal, str]]) -> dict[str, Any]:
    """Horizontal bars: each row is (label, value, value as text); the longest bar is full width."""
    peak = max((float(value) for _label, value, _text in rows), default=0) or 1
    bars = []
    for i, (label, value, text) in enumerate(rows):
        width = round(float(value) / peak * BAR_MAX, 1)
        top = i * BAR_ROW
        bars.append(
            {
                "label": label,
                "text": text,
                "label_y": top + 13,
                "bar_y": top + 18,
                "width": max(width, 1 if float(value) else 0),
                "text_x": BAR_LEFT + width + 6,
                "text_y": top + 30,
            }
        )
    return {"bars": bars, "width": BAR_LEFT + BAR_MAX + 90, "height": len(rows) * BAR_ROW + 4}


def tile_map(tiles: Iterable[tuple[Any, int]]) -> dict[str, Any]:
    """Schematic map: one tile per region at (map_column, map_row), shaded by its pilot count."""
    placed = []
    max_col = max_row = 0
    peak = 1
    items = [(region, count) for region, count in tiles if region.map_column is not None]
    for _region, count in items:
        peak = max(peak, count)
    for region, count in items:
        x = region.map_column * (TILE_W + TILE_GAP)
        y = (region.map_row or 0) * (TILE_H + TILE_GAP)
        max_col = max(max_col, region.map_column)
        max_row = max(max_row, region.map_row or 0)
        level = 0 if count == 0 else min(3, 1 + (count * 3 - 1) // peak)
        placed.append(
            {
                "region": region,
                "count": count,
                "x": x,
                "y": y,
                "text_x": x + TILE_W / 2,
                "name_y": y + 20,
                "count_y": y + 40,
                "level": level,
            }
        )
    return {
        "tiles": placed,
        "tile_w": TILE_W,
        "tile_h": TILE_H,
        "width": (max_col + 1) * (TILE_W + TILE_GAP),
        "height": (max_row + 1) * (TILE_H + TILE_GAP),
    }


def _date_x(day: dt.date, start: dt.date, span_days: int, left: float, width: float) -> float:
    return round(left + (day - start).days / span_days * width, 1)


def indicator_chart(indicator, measurements: Sequence) -> dict[str, Any] | None:
    """Baseline point, dashed target line and the measured values over time."""
    if indicator.baseline_date is None or indicator.baseline_value is None:
        return None
    left, right, top, bottom = 56, 12, 12, 30
    width, height = 360, 180
    plot_w, plot_h = width - left - right, height - top - bottom
    dates = [indicator.baseline_date] + [m.date for m in measurements]
    if indicator.target_date:
        dates.append(indicator.target_date)
    start, end = min(dates), max(dates)
    span = max((end - start).days, 1)
    values = [float(indicator.baseline_value), float(indicator.target_value)] + [
        float(m.value) for m in measurements
    ]
    low, high = min(values), max(values)
    pad = (high - low) * 0.1 or abs(high) * 0.1 or 1
    low, high = low - pad, high + pad

    def y_of(value) -> float:
        return round(top + (high - float(value)) / (high - low) * plot_h, 1)

    points = [
        {
            "x": _date_x(indicator.baseline_date, start, span, left, plot_w),
            "y": y_of(indicator.baseline_value),
        }
    ]
    for m in measurements:
        points.append({"x": _date_x(m.date, start, span, left, plot_w), "y": y_of(m.value)})
    target_y = y_of(indicator.target_value)
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "top": top,
        "bottom": height - bottom,
        "baseline": {**points[0], "rx": points[0]["x"] - 4, "ry": points[0]["y"] - 4},
        "tick_x": left - 4,
        "high_y": top + 8,
        "measured": points[1:],
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "target_y": target_y,
        "target_label_y": target_y - 4,
        "target_x": (
            _date_x(indicator.target_date, start, span, left, plot_w)
            if indicator.target_date
            else None
        ),
        "start": start,
        "end": end,
        "axis_label_y": height - bottom + 16,
        "high_label": _short_number(high),
        "low_label": _short_number(low),
    }


def _short_number(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"
