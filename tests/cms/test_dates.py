"""One date style per language (issue 17): every public template and e-mail goes through
``cms.dates``; no page shows 12/31/2024 or "11:59 p.m."."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from cms.dates import format_date

HELSINKI = ZoneInfo("Europe/Helsinki")
EVENING = dt.datetime(2024, 12, 31, 21, 59, tzinfo=dt.UTC)  # 23.59 in Helsinki


@pytest.mark.parametrize(
    ("language", "style", "expected"),
    [
        ("fi", "date", "31.12.2024"),
        ("sv", "date", "31.12.2024"),
        ("en", "date", "31 December 2024"),
        ("fi", "datetime", "31.12.2024 klo 23.59"),
        ("sv", "datetime", "31.12.2024 kl. 23.59"),
        ("en", "datetime", "31 December 2024, 23:59"),
        ("fi", "time", "23.59"),
        ("en", "time", "23:59"),
        ("fi", "month", "joulukuu 2024"),
        ("sv", "month", "december 2024"),
        ("en", "weekday", "Tue 31 December 2024"),
    ],
)
def test_each_language_has_one_style(language, style, expected):
    with translation.override(language):
        assert format_date(EVENING, style) == expected


def test_the_filter_shows_helsinki_time_and_tolerates_empty_dates():
    template = Template(
        '{% load local_dates %}{{ when|local_date:"datetime" }}|{{ none|local_date }}'
    )
    with translation.override("en"):
        assert (
            template.render(Context({"when": EVENING, "none": None})) == "31 December 2024, 23:59|"
        )
    with translation.override("fi"):
        assert format_date(dt.time(9, 5), "time") == "9.05"
        assert format_date(dt.date(2025, 1, 2)) == "2.1.2025"


def test_unknown_style_is_an_error():
    with pytest.raises(ValueError, match="Unknown date style"):
        format_date(EVENING, "long")  # type: ignore[arg-type]


def test_public_templates_use_the_one_filter():
    """No public template or e-mail formats a date for display with Django's own filters."""
    root = Path(__file__).resolve().parents[2] / "templates"
    display = re.compile(r"\|(?:date|time):\"(?!c\"|Y-m-d\"|Y-m\"|Ymd\"|T\")|\|(?:date|time)\s*}}")
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*")
        if path.suffix in {".html", ".txt"}
        and not {"wagtailadmin", "admin", "editorial", "wagtail_localize"} & set(path.parts)
        and display.search(path.read_text())
    ]
    assert offenders == []
