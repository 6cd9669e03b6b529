"""An event's time as cards and pages show it: Helsinki time, the end's date only when it differs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from events.models import EventPage

UTC = dt.UTC

# An unsaved page still looks up its default locale.
pytestmark = pytest.mark.django_db


def _when(start: dt.datetime, end: dt.datetime, language: str) -> str:
    with translation.override(language):
        template = Template("{% load event_tags %}{% event_when event %}")
        return template.render(Context({"event": EventPage(start=start, end=end)}))


def test_a_same_day_event_shows_the_end_as_a_time_in_helsinki_summer_time():
    # 22:30–01:00 UTC is 1.30–4.00 on 7 May in Helsinki: one day there, two days in UTC.
    html = _when(
        dt.datetime(2030, 5, 6, 22, 30, tzinfo=UTC), dt.datetime(2030, 5, 7, 1, tzinfo=UTC), "fi"
    )
    assert '<time datetime="2030-05-07T01:30:00+03:00">ti 7.5.2030 klo 1.30</time>' in html
    assert '–<time datetime="2030-05-07T04:00:00+03:00">4.00</time>' in html
    assert "(Helsingin aikaa, EEST)" in html


@pytest.mark.parametrize(
    ("language", "start_text", "end_text", "zone_text"),
    [
        ("fi", "su 6.1.2030 klo 9.00", "ti 8.1.2030 klo 17.00", "(Helsingin aikaa, EET)"),
        ("sv", "sön 6.1.2030 kl. 9.00", "tis 8.1.2030 kl. 17.00", "(Helsingforstid, EET)"),
        ("en", "Sun 6 January 2030, 09:00", "Tue 8 January 2030, 17:00", "(Helsinki time, EET)"),
    ],
)
def test_a_multi_day_event_shows_both_dates_in_the_readers_language(
    language, start_text, end_text, zone_text
):
    html = _when(
        dt.datetime(2030, 1, 6, 7, tzinfo=UTC), dt.datetime(2030, 1, 8, 15, tzinfo=UTC), language
    )
    assert f">{start_text}</time>–<time" in html
    assert f">{end_text}</time>" in html
    assert zone_text in html
