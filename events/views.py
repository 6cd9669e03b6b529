"""Views of the events app: the listing logic, registration, cancellation, calendars and feeds."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.dates import format_date
from cms.models import Theme
from cms.pagination import paginate
from cms.protection import rate_limited, too_many_requests

from . import registration as service
from .calendar import build_calendar, ics_filename, ics_response
from .forms import EventFilterForm, RegistrationForm
from .models import EventIndexPage, EventPage, Registration
from .queries import live_events, past_events, until_first_ends, upcoming_events

ARCHIVE_PER_PAGE = 10
# Upcoming events shown at once; later ones are one "later events" link (a date filter) away.
UPCOMING_SHOWN = 24
FEED_LIMIT = 50


def event_index_context(page: EventIndexPage, request: HttpRequest) -> tuple[dict[str, Any], int]:
    """Upcoming events and the yearly archive for an index page; status 400 on bad filters."""
    now = timezone.now()
    themes = list(Theme.objects.filter(locale_id=page.locale_id))
    base = live_events(page.locale).descendant_of(page)
    years = sorted({d.year for d in base.filter(end__lte=now).dates("start", "year")}, reverse=True)
    form = EventFilterForm(request.GET or None, themes=themes, years=years)
    status = 200
    upcoming = upcoming_events(page.locale, now).descendant_of(page)
    past = past_events(page.locale, now).descendant_of(page)
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound:
        filters: dict[str, Any] = {}
        data = form.cleaned_data
        if data["type"]:
            filters["event_type"] = data["type"]
        if data["format"]:
            filters["event_format"] = data["format"]
        if data["theme"]:
            filters["event_themes__theme__slug"] = data["theme"]
        if data["date_from"]:
            filters["start__date__gte"] = data["date_from"]
        if data["year"]:
            filters["start__year"] = data["year"]
        if filters:
            upcoming = upcoming.filter(**filters).distinct()
            past = past.filter(**filters).distinct()
    archive_page = paginate(request, past, ARCHIVE_PER_PAGE)
    archive = [
        (year, list(group))
        for year, group in groupby(
            archive_page.object_list, key=lambda e: timezone.localtime(e.start).year
        )
    ]
    query = request.GET.copy()
    query.pop("page", None)
    upcoming_list = list(upcoming[: UPCOMING_SHOWN + 1])
    later_url = ""
    if len(upcoming_list) > UPCOMING_SHOWN:
        upcoming_list = upcoming_list[:UPCOMING_SHOWN]
        later = query.copy()
        later["date_from"] = timezone.localdate(upcoming_list[-1].start).isoformat()
        if later.get("date_from") != query.get("date_from"):
            later_url = "?" + later.urlencode()
    return {
        "filter_form": form,
        "filters_active": any(v for k, v in request.GET.items() if k != "page"),
        "upcoming": until_first_ends(upcoming_list),
        "upcoming_later_url": later_url,
        "archive": archive,
        "archive_page": archive_page,
        "query_string": query.urlencode(),
        "now": now,
    }, status


def handle_registration_post(event: EventPage, request: HttpRequest) -> HttpResponse:
    """Validate and store a registration; errors re-render the page with a clear message."""
    if rate_limited(request, "event-registration"):
        return too_many_requests(request)
    form = RegistrationForm(request.POST)
    status = 200
    if form.is_valid():
        data = service.RegistrationData(
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            organisation=form.cleaned_data["organisation"],
            consent=form.cleaned_data["consent"],
        )
        try:
            registration = service.register(event, data, language=get_language() or "fi")
        except service.RegistrationClosed:
            form.add_error(None, _("Registration for this event has closed."))
            status = 400
        except service.EventFull:
            form.add_error(None, _("The event is full."))
            status = 409
        except service.AlreadyRegistered:
            form.add_error(
                "email",
                _(
                    "This e-mail address is already registered for this event. We have sent the "
                    "link for cancelling that registration to the address."
                ),
            )
            status = 409
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(
                    request,
                    _("You are registered. A confirmation has been sent to your e-mail."),
                )
            else:
                messages.info(
                    request,
                    _(
                        "The event is full: you are on the waiting list. We will e-mail you if a "
                        "seat becomes free."
                    ),
                )
            return HttpResponseRedirect(event.url + "#registration")
    else:
        status = 400
    context = event.get_context(request)
    context["form"] = form
    return TemplateResponse(request, event.get_template(request), context, status=status)


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
