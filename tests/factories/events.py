"""Factories for the events app: index, events and series, registrations."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import factory
from factory.django import DjangoModelFactory

from events.models import EventIndexPage, EventPage, EventSeriesPage, Registration

from .base import PageFactory, child_or_new

HELSINKI = ZoneInfo("Europe/Helsinki")


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Tapahtumat"


def _event_index(o) -> EventIndexPage:
    return child_or_new(EventIndexPage, o.language, EventIndexPageFactory)


class EventSeriesPageFactory(PageFactory):
    class Meta:
        model = EventSeriesPage

    title = factory.Sequence(lambda n: f"Tapahtumasarja {n}")
    parent = factory.LazyAttribute(_event_index)


class EventPageFactory(PageFactory):
    """A two-hour seminar in Helsinki on 6 May 2030, unless told otherwise."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Testitapahtuma {n}")
    parent = factory.LazyAttribute(_event_index)
    event_type = "seminar"
    event_format = "on_site"
    venue = "Helsinki"
    start = dt.datetime(2030, 5, 6, 9, 0, tzinfo=HELSINKI)
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=2))


class RegistrationFactory(DjangoModelFactory):
    """A confirmed registration for an event (a record of people: never translated)."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventPageFactory)
    event_key = factory.LazyAttribute(lambda o: o.event.translation_key)
    name = "Testi Osallistuja"
    email = factory.Sequence(lambda n: f"osallistuja{n}@example.org")
    consent = True
    status = "confirmed"
