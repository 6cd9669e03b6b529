"""Helpers for the events tests: make an event under the Finnish events index (the demo's when
the demo is loaded, else one built by the factory)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from events.models import EventIndexPage, EventPage
from tests.factories import EventIndexPageFactory
from tests.factories.base import child_or_new

HELSINKI = ZoneInfo("Europe/Helsinki")


def helsinki(*args: int) -> datetime:
    return datetime(*args, tzinfo=HELSINKI)


@pytest.fixture
def fi_index(db) -> EventIndexPage:
    return child_or_new(EventIndexPage, "fi", EventIndexPageFactory, slug="tapahtumat")


@pytest.fixture
def make_event(fi_index) -> Callable[..., EventPage]:
    counter = {"n": 0}

    def make(**fields) -> EventPage:
        counter["n"] += 1
        defaults = {
            "title": f"Testitapahtuma {counter['n']}",
            "slug": f"testitapahtuma-{counter['n']}",
            "event_type": "seminar",
            "event_format": "on_site",
            "venue": "Helsinki",
            "start": helsinki(2030, 5, 6, 9, 0),
            "end": helsinki(2030, 5, 6, 11, 0),
        }
        defaults.update(fields)
        page = EventPage(**defaults)
        fi_index.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make
