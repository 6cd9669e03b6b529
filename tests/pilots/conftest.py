"""Helpers for the pilots tests: build pilot trees next to the demo content."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Site

from cms.models import Region, Theme
from pilots.models import (
    Indicator,
    Measurement,
    PilotIndexPage,
    PilotPage,
    PilotTheme,
    PilotUpdatePage,
)


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    """Rate-limit counters live in the cache; every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_en(admin_client, admin_user):
    """The admin client with its interface in English, so messages can be asserted."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


@pytest.fixture
def finnish_home():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def fresh_index(finnish_home):
    """An empty pilot index under a throwaway page (the home allows one index only)."""
    from home.models import StandardPage

    holder = finnish_home.add_child(instance=StandardPage(title="Testit", slug="testit"))
    return holder.add_child(instance=PilotIndexPage(title="Testikokeilut", slug="testikokeilut"))


def make_pilot(index, title: str, region_slug: str = "pirkanmaa", theme_slugs=(), **fields):
    locale = Locale.get_default()
    region = Region.objects.get(locale=locale, slug=region_slug)
    themes = [Theme.objects.get(locale=locale, slug=s) for s in theme_slugs]
    defaults = {"summary": f"Tiivistelmä: {title}", "category": "other", "status": "ongoing"}
    defaults.update(fields)
    pilot = PilotPage(
        title=title,
        region=region,
        theme_links=[PilotTheme(theme=t) for t in themes],
        **defaults,
    )
    return index.add_child(instance=pilot)


def make_indicator(pilot, name: str = "Odotusaika", measurements=2, **fields) -> Indicator:
    values = {
        "name": name,
        "unit": "vrk",
        "direction": "down",
        "baseline_value": Decimal(30),
        "baseline_date": dt.date(2025, 1, 1),
        "target_value": Decimal(10),
        "target_date": dt.date(2025, 12, 31),
    }
    values.update(fields)
    indicator = Indicator.objects.create(page=pilot, **values)
    for i in range(measurements):
        Measurement.objects.create(
            indicator=indicator, date=dt.date(2025, 2 + i, 1), value=Decimal(28 - 2 * i)
        )
    return indicator


def make_update(pilot, title: str, day: dt.date) -> PilotUpdatePage:
    return pilot.add_child(
        instance=PilotUpdatePage(title=title, date=day, summary=f"Tiivistelmä: {title}")
    )
