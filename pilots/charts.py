"""Geometry for the server-rendered SVG charts (no JavaScript, no external requests).

Functions return plain dictionaries of coordinates; the templates in ``templates/pilots/charts/``
draw them. Every chart is shown next to a data table, so the numbers are never only in a picture.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

BAR_ROW = 40
BAR_MAX = 220  # with 13-unit text, the chart is drawn at 1-1.3x on phones (see charts.css)
BAR_LEFT = 4
BAR_VALUE_ROOM = 80

TILE_W = 116  # "Helsingin kaupunki" at 12 px fits; the map is drawn at its natural size
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
                "label_y": top + 14,
                "bar_y": top + 19,
                "width": max(width, 1 if float(value) else 0),
                "text_x": BAR_LEFT + width + 6,
                "text_y": top + 32,
            }
        )
    return {
        "bars": bars,
        "width": BAR_LEFT + BAR_MAX + BAR_VALUE_ROOM,
        "height": len(rows) * BAR_ROW + 4,
    }


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
                "name_y": y + 21,
                "count_y": y + 42,
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


#: Indicator chart box (SVG units). Drawn about 340 px wide on a 375 px phone, so a 13-unit font
#: renders at 13 px there and larger on wider screens (the CSS caps the width at 24rem).
INDICATOR_W, INDICATOR_H = 340, 230
INDICATOR_FONT = 13


def _nice_step(span: float, count: int = 4) -> float:
    """A 1/2/2.5/5 × 10^n step giving about ``count`` intervals over ``span``."""
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def _value_ticks(low: float, high: float) -> tuple[float, float, list[float]]:
    """Rounded axis bounds around ``low``..``high`` and the tick values between them."""
    if high == low:
        low, high = low - 1, high + 1
    step = _nice_step(high - low)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    ticks = []
    value = first
    while value <= last + step / 2:
        ticks.append(round(value, 6))
        value += step
    return first, last, ticks


def _date_ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Year starts labelled with the year; over a short span, quarter starts as ``month/year``."""
    years = [dt.date(y, 1, 1) for y in range(start.year, end.year + 1)]
    inside = [d for d in years if start <= d <= end]
    if len(inside) >= 2:
        return [(d, str(d.year)) for d in inside]
    quarters = [dt.date(y, m, 1) for y in range(start.year, end.year + 1) for m in (1, 4, 7, 10)]
    return [(d, f"{d.month}/{d.year}") for d in quarters if start <= d <= end]


def indicator_chart(indicator, measurements: Sequence) -> dict[str, Any] | None:
    """Baseline point, dashed target line and the measured values over time, with value ticks
    (gridlines), date ticks and the unit on the value axis."""
    if indicator.baseline_date is None or indicator.baseline_value is None:
        return None
    left, right, top, bottom = 44, 10, 26, 26
    width, height = INDICATOR_W, INDICATOR_H
    plot_w, plot_h = width - left - right, height - top - bottom
    dates = [indicator.baseline_date] + [m.date for m in measurements]
    if indicator.target_date:
        dates.append(indicator.target_date)
    start, end = min(dates), max(dates)
    span = max((end - start).days, 1)
    values = [float(indicator.baseline_value), float(indicator.target_value)] + [
        float(m.value) for m in measurements
    ]
    low, high, value_ticks = _value_ticks(min(values), max(values))

    def y_of(value) -> float:
        return round(top + (high - float(value)) / (high - low) * plot_h, 1)

    def x_of(day: dt.date) -> float:
        return _date_x(day, start, span, left, plot_w)

    points = [{"x": x_of(indicator.baseline_date), "y": y_of(indicator.baseline_value)}]
    for m in measurements:
        points.append({"x": x_of(m.date), "y": y_of(m.value)})
    target_y = y_of(indicator.target_value)
    return {
        "width": width,
        "height": height,
        "font": INDICATOR_FONT,
        "left": left,
        "right": width - right,
        "top": top,
        "bottom": height - bottom,
        "baseline": {**points[0], "rx": points[0]["x"] - 5, "ry": points[0]["y"] - 5},
        "measured": points[1:],
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "target_y": target_y,
        # The target's label sits above its line unless that would leave the plot.
        "target_label_y": target_y - 5 if target_y - 5 - INDICATOR_FONT > top else target_y + 16,
        "unit_y": top - 10,
        "value_ticks": [
            {"y": y_of(v), "label_y": y_of(v) + 4, "label": _short_number(v)} for v in value_ticks
        ],
        "tick_x": left - 6,
        "date_ticks": [
            {"x": x_of(day), "label": label, "anchor": _anchor(x_of(day), left, width - right)}
            for day, label in _date_ticks(start, end)
        ],
        "date_tick_y": height - bottom + 6,
        "date_label_y": height - bottom + 20,
    }


def indicator_table(indicator, measurements: Sequence) -> list[dict[str, Any]]:
    """The chart's figures in date order: the baseline, each measurement and the target (the
    target where its date falls; last when it has none)."""
    rows = [
        {
            "date": indicator.baseline_date,
            "value": indicator.baseline_value,
            "note": "",
            "kind": "baseline",
        },
        *(
            {"date": m.date, "value": m.value, "note": m.note, "kind": "measurement"}
            for m in measurements
        ),
        {
            "date": indicator.target_date,
            "value": indicator.target_value,
            "note": "",
            "kind": "target",
        },
    ]
    rows = [row for row in rows if row["value"] is not None]
    return sorted(rows, key=lambda row: (row["date"] is None, row["date"] or dt.date.min))


def _anchor(x: float, left: float, right: float) -> str:
    """Labels at the ends of the axis are aligned inwards so they stay inside the box."""
    if x - left < 20:
        return "start"
    if right - x < 20:
        return "end"
    return "middle"


def _short_number(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.1f}".rstrip("0").rstrip(".")
