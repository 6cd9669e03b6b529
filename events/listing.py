"""The event index's listing: upcoming events and the paginated yearly archive, with filters.

The filters are declared for :class:`cms.listing.Listing` (type, format, theme and year counted
by the database, a "from date" field); upcoming events and the archive are the filtered events
split at "now", and only the shown archive page is fetched.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django import forms
from django.db.models.functions import ExtractYear
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.listing import Facet, Field, Listing

from .models import EventFormat, EventIndexPage, EventType
from .queries import live_events, past_of, until_first_ends, upcoming_of

ARCHIVE_PER_PAGE = 10
# Upcoming events shown at once; later ones are one "later events" link (a date filter) away.
# Twelve keep the page about as costly as the demo's (issue 15: each card costs about 1 ms).
UPCOMING_SHOWN = 12


def event_filters() -> tuple[list[Facet], list[Field]]:
    """The event index's facets and its "from date" field."""
    facets = [
        Facet("type", _("Type"), "event_type", choices=lambda: EventType.choices),
        Facet(
            "theme",
            _("Theme"),
            "event_themes__theme__slug",
            label_expression="event_themes__theme__name",
        ),
        Facet("format", _("Format"), "event_format", choices=lambda: EventFormat.choices),
        Facet("year", _("Archive year"), ExtractYear("start"), newest_first=True),
    ]
    date_from = Field(
        "date_from",
        forms.DateField(
            label=_("From date"),
            input_formats=["%Y-%m-%d", "%d.%m.%Y"],
            error_messages={"invalid": _("Enter the date as YYYY-MM-DD, e.g. 2025-01-22.")},
        ),
        lambda rows, day: rows.filter(start__date__gte=day),
        input_type="date",
    )
    return facets, [date_from]


def event_index_context(page: EventIndexPage, request: HttpRequest) -> dict[str, Any]:
    """Upcoming events and the yearly archive for an index page (the listing holds any 400)."""
    now = timezone.now()
    facets, fields = event_filters()
    listing = Listing(
        request,
        live_events(page.locale).descendant_of(page),
        facets=facets,
        fields=fields,
        per_page=None,
        cache_key=f"events:{page.pk}",
    )
    # The listing's own filtered rows, split at now (not the events again narrowed to the
    # listing's primary keys: that repeated the whole filter as a subquery in every query).
    upcoming = upcoming_of(listing.results, now)
    past = past_of(listing.results, now)
    archive_page = listing.paginate(past, ARCHIVE_PER_PAGE)
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
        "listing": listing,
        "upcoming": until_first_ends(upcoming_list),
        "upcoming_later_url": later_url,
        "archive": archive,
        "archive_page": archive_page,
        "now": now,
    }
