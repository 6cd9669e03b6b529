"""Views of the events app: cancellation, calendars and feeds (page logic is in ``listing``/``signup``)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import feedgenerator, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.dates import format_date

from . import registration as service
from .calendar import build_calendar, ics_filename, ics_response
from .models import Registration
from .queries import live_events, upcoming_events

FEED_LIMIT = 50


def cancel_registration(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation (mail scanners follow links); POST cancels."""
    registration = service.registration_for_token(token)
    if registration is None:
        return render(request, "events/cancel.html", {"invalid": True}, status=400)
    done = False
    if request.method == "POST":
        if registration.status != Registration.Status.CANCELLED:
            service.cancel(registration)  # queues the mail to whoever gets the freed seat
        done = True
    return render(
        request,
        "events/cancel.html",
        {
            "registration": registration,
            "event": registration.event.localized,
            "done": done or registration.status == Registration.Status.CANCELLED,
        },
    )


def _active_locale() -> Locale:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist as exc:
        raise Http404 from exc


def event_ics(request: HttpRequest, key: str) -> HttpResponse:
    """One event's .ics in the current language (or any language it exists in)."""
    events = live_events().filter(translation_key=key)
    event = events.filter(locale=_active_locale()).first() or events.first()
    if event is None:
        raise Http404
    return ics_response(build_calendar([event], request), ics_filename(event))


def calendar_feed(request: HttpRequest) -> HttpResponse:
    """A subscribable calendar of all upcoming events in the current language."""
    events = upcoming_events(_active_locale())[:FEED_LIMIT]
    body = build_calendar(events, request, name=_("SOTE AI Ecosystem events"))
    return ics_response(body, f"events-{get_language()}.ics")


def _feed(request: HttpRequest, feed_class: type[feedgenerator.SyndicationFeed]) -> HttpResponse:
    language = get_language() or "fi"
    feed = feed_class(
        title=_("SOTE AI Ecosystem events"),
        link=request.build_absolute_uri(f"/{language}/"),
        description=_("Upcoming events of the SOTE AI Ecosystem"),
        language=language,
        feed_url=request.build_absolute_uri(),
    )
    for event in upcoming_events(_active_locale())[:FEED_LIMIT]:
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


def rss_feed(request: HttpRequest) -> HttpResponse:
    return _feed(request, feedgenerator.Rss201rev2Feed)


def atom_feed(request: HttpRequest) -> HttpResponse:
    return _feed(request, feedgenerator.Atom1Feed)
