"""The event index's feeds follow the one feed convention: ``feed/rss/``, ``feed/atom/``,
``feed/ics/`` under the listing's URL; the older site-wide addresses keep working."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    index = EventIndexPageFactory(slug="tapahtumat-testi")
    EventPageFactory(parent=index, title="Syöpäseulonnan tekoäly")
    return index


@override_settings(PAGE_CACHE_ENABLED=False)
@pytest.mark.parametrize(
    ("route", "content_type"),
    [
        ("feed/rss/", "application/rss+xml"),
        ("feed/atom/", "application/atom+xml"),
        ("feed/ics/", "text/calendar"),
    ],
)
def test_index_feed_routes(client, index, route, content_type):
    response = client.get(index.url + route)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert "Syöpäseulonnan tekoäly" in response.content.decode()


@override_settings(PAGE_CACHE_ENABLED=False)
def test_index_links_its_feeds_and_the_old_addresses_still_answer(client, index):
    html = client.get(index.url).content.decode()
    assert f'href="{index.url}feed/rss/"' in html and f'href="{index.url}feed/ics/"' in html
    for old in ("/fi/events.rss", "/fi/events.atom", "/fi/events-calendar.ics"):
        assert client.get(old).status_code == 200
