"""Helpers for the pilots tests: pilot trees built with the factories (no demo content)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache

from pilots.models import Indicator, Measurement, PilotTheme, PilotUpdatePage
from tests.factories import (
    PilotIndexPageFactory,
    PilotPageFactory,
    RegionFactory,
    StandardPageFactory,
    ThemeFactory,
    home_page,
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
def finnish_home(db):
    return home_page("fi")


@pytest.fixture
def fresh_index(finnish_home):
    """An empty pilot index under a throwaway page (the home allows one index only)."""
    holder = StandardPageFactory(title="Testit", slug="testit")
    return PilotIndexPageFactory(parent=holder, title="Testikokeilut", slug="testikokeilut")


def taxonomy_name(slug: str) -> str:
    """A readable Finnish-looking name for a region or theme slug ("kanta-hame" → "Kanta hame")."""
    return slug.replace("-", " ").capitalize()


def make_pilot(index, title: str, region_slug: str = "pirkanmaa", theme_slugs=(), **fields):
    """A published pilot under ``index``; its region and themes are found or made by slug."""
    defaults = {"summary": f"Tiivistelmä: {title}", "category": "other", "status": "ongoing"}
    defaults.update(fields)
    return PilotPageFactory(
        parent=index,
        title=title,
        region=RegionFactory(slug=region_slug, name=taxonomy_name(region_slug)),
        theme_links=[
            PilotTheme(theme=ThemeFactory(slug=slug, name=taxonomy_name(slug)))
            for slug in theme_slugs
        ],
        **defaults,
    )


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
