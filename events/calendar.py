"""iCalendar (RFC 5545) output for one event or a feed of upcoming events.

Times are written in UTC (``DTSTART:20250326T063000Z``), which every client converts to the
reader's zone correctly across daylight-saving changes without a VTIMEZONE block. The UID follows
the page's translation key, so the same event has one identity in every language and across
edits; SEQUENCE comes from ``EventPage.ical_sequence``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from .models import EventPage

PRODID = "-//SOTE-tekoalyn ekosysteemi//sotecms events//FI"


def event_component(
    event: EventPage, request: HttpRequest | None = None, include_private_link: bool = False
) -> Event:
    """One VEVENT. ``include_private_link`` puts the online link in even when the page hides it."""
    component = Event()
    component.add("uid", event.ical_uid)
    component.add("sequence", event.ical_sequence)
    stamp = event.last_published_at or event.latest_revision_created_at or timezone.now()
    component.add("dtstamp", stamp.astimezone(UTC))
    component.add("last-modified", stamp.astimezone(UTC))
    component.add("dtstart", event.start.astimezone(UTC))
    component.add("dtend", event.end.astimezone(UTC))
    component.add("summary", event.title)
    url = event.get_full_url(request) or ""
    link = event.online_link if include_private_link else event.public_online_link()
    location = event.venue or link
    if location:
        component.add("location", location)
    description = "\n\n".join(
        part for part in (strip_tags(event.intro), link if link != location else "", url) if part
    )
    if description:
        component.add("description", description)
    if url:
        component.add("url", url)
    component.add("status", "CONFIRMED")
    component.add("transp", "OPAQUE")
    return component


def build_calendar(
    events: Iterable[EventPage],
    request: HttpRequest | None = None,
    name: str = "",
    include_private_link: bool = False,
) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Helsinki")
    for event in events:
        cal.add_component(event_component(event, request, include_private_link))
    return cal.to_ical()


def ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def ics_filename(event: EventPage) -> str:
    start: datetime = timezone.localtime(event.start)
    return f"{event.slug[:60]}-{start:%Y%m%d}.ics"
