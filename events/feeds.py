"""The upcoming-events feeds (RSS, Atom) and calendar (.ics) of one language.

Served at the event index's routes ``feed/rss/``, ``feed/atom/`` and ``feed/ics/`` (the feed
convention every listing follows) and at the older site-wide addresses ``events.rss``,
``events.atom`` and ``events-calendar.ics`` (``views``), which stay for existing subscribers.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.dates import format_date

from .calendar import build_calendar, ics_response
from .queries import upcoming_events

FEED_LIMIT = 50


def upcoming_calendar(request: HttpRequest, locale: Locale) -> HttpResponse:
    """A subscribable calendar of the upcoming events in ``locale``."""
    events = upcoming_events(locale)[:FEED_LIMIT]
    body = build_calendar(events, request, name=_("SOTE AI Ecosystem events"))
    return ics_response(body, f"events-{locale.language_code}.ics")


def upcoming_feed(
    request: HttpRequest, locale: Locale, feed_class: type[feedgenerator.SyndicationFeed]
) -> HttpResponse:
    """An RSS or Atom feed of the upcoming events in ``locale``."""
    language = locale.language_code
    feed = feed_class(
        title=_("SOTE AI Ecosystem events"),
        link=request.build_absolute_uri(f"/{language}/"),
        description=_("Upcoming events of the SOTE AI Ecosystem"),
        language=language,
        feed_url=request.build_absolute_uri(),
    )
    for event in upcoming_events(locale)[:FEED_LIMIT]:
        start = timezone.localtime(event.start)
        url = event.get_full_url(request) or ""
        feed.add_item(
            title=event.title,
            link=url,
            unique_id=event.ical_uid,
            description=f"{format_date(start, 'datetime')} ({_('Helsinki time')}) – {event.intro}",
            pubdate=event.first_published_at,
            updateddate=event.last_published_at,
            categories=[event.get_event_type_display()],
        )
    response = HttpResponse(content_type=f"{feed.content_type}")
    feed.write(response, "utf-8")
    return response
