"""Factories for the pilots app: index, pilots, updates, indicators, funding calls, applications."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from pilots.choices import ApplicantType, Category, Maturity, Sector, Technology
from pilots.models import (
    FundingApplication,
    FundingCallPage,
    Indicator,
    Measurement,
    PilotIndexPage,
    PilotPage,
    PilotUpdatePage,
)

from .base import PageFactory, child_or_new
from .cms import RegionFactory


class PilotIndexPageFactory(PageFactory):
    class Meta:
        model = PilotIndexPage

    title = "Kokeilut"


def _pilot_index(o) -> PilotIndexPage:
    return child_or_new(PilotIndexPage, o.language, PilotIndexPageFactory)


class PilotPageFactory(PageFactory):
    """A published pilot under the locale's pilot index, in a region (Pirkanmaa unless told).

    Child rows and parental many-to-manys go in as lists, as in the editor:
    ``theme_links=[PilotTheme(theme=…)]``, ``liaisons=[user, …]``.
    """

    class Meta:
        model = PilotPage

    title = factory.Sequence(lambda n: f"Kokeilu {n}")
    parent = factory.LazyAttribute(_pilot_index)
    summary = factory.LazyAttribute(lambda o: f"Tiivistelmä: {o.title}")
    region = factory.LazyAttribute(lambda o: RegionFactory(name="Pirkanmaa", locale=o.locale))


class PilotUpdatePageFactory(PageFactory):
    class Meta:
        model = PilotUpdatePage

    title = factory.Sequence(lambda n: f"Päivitys {n}")
    parent = factory.SubFactory(PilotPageFactory)
    summary = factory.LazyAttribute(lambda o: f"Tiivistelmä: {o.title}")
    date = dt.date(2026, 2, 1)


class FundingCallPageFactory(PageFactory):
    """A funding call whose application form is open now (``form_state() == "open"``)."""

    class Meta:
        model = FundingCallPage

    title = factory.Sequence(lambda n: f"Rahoitushaku {n}")
    parent = factory.LazyAttribute(_pilot_index)
    form_opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=7))
    form_closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))


class IndicatorFactory(DjangoModelFactory):
    """An indicator of a pilot (wait time, days: lower is better)."""

    class Meta:
        model = Indicator

    page = factory.SubFactory(PilotPageFactory)
    locale = factory.LazyAttribute(lambda o: o.page.locale)
    name = factory.Sequence(lambda n: f"Odotusaika {n}")
    unit = "vrk"
    direction = "down"
    baseline_value = Decimal(30)
    baseline_date = dt.date(2025, 1, 1)
    target_value = Decimal(10)
    target_date = dt.date(2025, 12, 31)


class MeasurementFactory(DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    date = factory.Sequence(lambda n: dt.date(2025, 2, 1) + dt.timedelta(days=30 * n))
    value = Decimal(20)


class FundingApplicationFactory(DjangoModelFactory):
    """A received application (a record of people: plain model, never translated)."""

    class Meta:
        model = FundingApplication

    call = factory.SubFactory(FundingCallPageFactory)
    organisation_type = ApplicantType.values[0]
    organisation_name = factory.Sequence(lambda n: f"Hakija Oy {n}")
    contact_name = "Testi Hakija"
    contact_email = factory.Sequence(lambda n: f"hakija{n}@example.org")
    project_name = factory.Sequence(lambda n: f"Hanke {n}")
    category = Category.values[0]
    sector = Sector.values[0]
    technology = Technology.values[0]
    total_budget = Decimal(100000)
    requested_funding = Decimal(50000)
    maturity = Maturity.values[0]
    description = "Hankkeen kuvaus."
