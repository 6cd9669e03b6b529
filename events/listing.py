"""The event index's listing: upcoming events and the paginated yearly archive, with filters."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from cms.models import Theme
from cms.pagination import paginate

from .forms import EventFilterForm
from .models import EventIndexPage
from .queries import live_events, past_events, until_first_ends, upcoming_events

ARCHIVE_PER_PAGE = 10


# Upcoming events shown at once; later ones are one "later events" link (a date filter) away.
UPCOMING_SHOWN = 24


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
