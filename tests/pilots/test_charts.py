"""Indicator charts readable on a phone (issue 17): value ticks with the unit, date ticks, the
figures in date order behind a disclosure that a keyboard can scroll."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from pilots import charts


def _indicator(**fields):
    values = {
        "baseline_date": dt.date(2024, 12, 31),
        "baseline_value": Decimal(30),
        "target_date": dt.date(2025, 12, 31),
        "target_value": Decimal(14),
    }
    values.update(fields)
    return SimpleNamespace(**values)


def _measurement(day: dt.date, value: int, note: str = ""):
    return SimpleNamespace(date=day, value=Decimal(value), note=note)


LATE = [_measurement(dt.date(2025, 6, 30), 21), _measurement(dt.date(2026, 3, 31), 18, "Q1")]


def test_value_axis_has_round_ticks_covering_every_value():
    chart = charts.indicator_chart(_indicator(), LATE)
    labels = [tick["label"] for tick in chart["value_ticks"]]
    assert labels == ["10", "15", "20", "25", "30"]
    ys = [tick["y"] for tick in chart["value_ticks"]]
    assert ys == sorted(ys, reverse=True)  # higher values higher up
    assert chart["top"] <= min(ys) and max(ys) <= chart["bottom"]


def test_date_axis_labels_years_or_quarters():
    long = charts.indicator_chart(_indicator(), LATE)
    assert [t["label"] for t in long["date_ticks"]] == ["2025", "2026"]
    short = charts.indicator_chart(
        _indicator(baseline_date=dt.date(2025, 1, 15), target_date=dt.date(2025, 9, 30)),
        [_measurement(dt.date(2025, 5, 1), 20)],
    )
    assert [t["label"] for t in short["date_ticks"]] == ["4/2025", "7/2025"]


def test_table_is_in_date_order_with_the_target_where_it_falls():
    rows = charts.indicator_table(_indicator(), LATE)
    assert [row["kind"] for row in rows] == ["baseline", "measurement", "target", "measurement"]
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)
    undated = charts.indicator_table(_indicator(target_date=None), LATE)
    assert undated[-1]["kind"] == "target"


def test_tick_labels_drop_needless_decimals():
    assert [charts._short_number(v) for v in (1000.0, 2.0, 0.5, 2.25)] == [
        "1000",
        "2",
        "0.5",
        "2.2",
    ]


@pytest.mark.django_db
def test_pilot_page_puts_the_figures_behind_a_keyboard_reachable_disclosure(fresh_index, client):
    from .conftest import make_indicator, make_pilot

    pilot = make_pilot(fresh_index, "Kaaviokokeilu")
    make_indicator(pilot)
    html = client.get(pilot.url).content.decode()
    svg = html.split('<svg class="chart chart--indicator"', 1)[1].split("</svg>", 1)[0]
    assert ">vrk</text>" in svg  # the unit on the value axis
    assert svg.count('class="chart__grid"') >= 3
    disclosure = html.split('<details class="chart-data">', 1)[1].split("</details>", 1)[0]
    assert 'tabindex="0"' in disclosure and 'role="region"' in disclosure
    assert "aria-labelledby=" in disclosure and "<table>" in disclosure
