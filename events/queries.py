"""Queries for event lists. ``now`` is a parameter so tests (and feeds) can freeze time.

"Upcoming" means the event has not yet ended: an event leaves the upcoming list at its end time,
not at midnight, so a morning webinar still shows as upcoming while it runs.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Locale

from cms.cache import expire_page_cache_at
from cms.prefetch import prefetch_joined
from cms.routing import public_pages

from .models import EventPage


def live_events(locale: Locale | None = None) -> QuerySet[EventPage]:
    """Published, public events, with what the cards show fetched up front (constant queries)."""
    qs = (
        public_pages(EventPage.objects.live())
        .select_related("organiser", "locale")
        .prefetch_related(prefetch_joined(EventPage, "event_themes", "theme"))
    )
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


def upcoming_events(
    locale: Locale | None = None, now: datetime | None = None
) -> QuerySet[EventPage]:
    """Events that have not ended by ``now``, soonest first (see ``until_first_ends``)."""
    return upcoming_of(live_events(locale), now)


def upcoming_of(events: QuerySet[EventPage], now: datetime | None = None) -> QuerySet[EventPage]:
    """Those of ``events`` that have not ended by ``now``, soonest first: the one definition of
    "upcoming", for the lists above and for an index's already filtered events."""
    return events.filter(end__gt=now or timezone.now()).order_by("start", "pk")


def past_of(events: QuerySet[EventPage], now: datetime | None = None) -> QuerySet[EventPage]:
    """Those of ``events`` that have ended by ``now``, latest first."""
    return events.filter(end__lte=now or timezone.now()).order_by("-start", "-pk")


def until_first_ends(events: list[EventPage]) -> list[EventPage]:
    """Keep the page showing these upcoming events in the page cache only until one ends.

    An event leaves "upcoming" at its end time, not when the cache happens to expire.
    """
    expire_page_cache_at(min((event.end for event in events), default=None))
    return events


def past_events(locale: Locale | None = None, now: datetime | None = None) -> QuerySet[EventPage]:
    """Events that have ended by ``now``, latest first."""
    return past_of(live_events(locale), now)


def front_page_events(locale: Locale, limit: int) -> list[EventPage]:
    """The next few upcoming events in the visitor's language, for the front page section."""
    return until_first_ends(list(upcoming_events(locale)[:limit]))


def index_url(locale: Locale) -> str | None:
    """The address of the events listing in ``locale``, for the front page's "see all" link."""
    from .models import EventIndexPage

    page = EventIndexPage.objects.live().filter(locale=locale).first()
    return page.url if page else None
