"""Views of the events app: cancellation, calendars and feeds (page logic is in ``listing``/``signup``)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import feedgenerator
from wagtail.models import Locale

from . import registration as service
from .calendar import build_calendar, ics_filename, ics_response
from .feeds import upcoming_calendar, upcoming_feed
from .models import Registration
from .queries import live_events


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
    """The site-wide calendar address (``events-calendar.ics``) in the current language."""
    return upcoming_calendar(request, _active_locale())


def rss_feed(request: HttpRequest) -> HttpResponse:
    return upcoming_feed(request, _active_locale(), feedgenerator.Rss201rev2Feed)


def atom_feed(request: HttpRequest) -> HttpResponse:
    return upcoming_feed(request, _active_locale(), feedgenerator.Atom1Feed)
