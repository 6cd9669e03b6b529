"""Pilots and users for the coordination tests (the pilots app's demo is another branch's)."""

from __future__ import annotations

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

from cms.models import Region, Theme

_counter = itertools.count()


@pytest.fixture
def pilot_index(db):
    from home.models import HomePage
    from pilots.models import PilotIndexPage

    home = HomePage.objects.get(locale=Locale.get_default())
    index = PilotIndexPage(title="Testikokeilut", slug="testikokeilut")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_pilot(pilot_index):
    from pilots.models import PilotPage, PilotTheme

    def make(title: str, region: str = "pirkanmaa", theme: str | None = None, liaisons=()):
        page = PilotPage(
            title=title,
            slug=f"pilot-{next(_counter)}",
            summary=f"{title} – tiivistelmä",
            region=Region.objects.get(slug=region, locale=Locale.get_default()),
        )
        pilot_index.add_child(instance=page)
        if theme:
            page.theme_links = [
                PilotTheme(theme=Theme.objects.get(slug=theme, locale=Locale.get_default()))
            ]
        page.liaisons.set(liaisons)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


def _user(username: str, groups=(), superuser: bool = False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="pw",
        is_superuser=superuser,
        is_staff=superuser,
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


@pytest.fixture
def make_user(db):
    return _user


@pytest.fixture
def liaison(db):
    return _user("liaison-a")


@pytest.fixture
def other_liaison(db):
    return _user("liaison-b")


@pytest.fixture
def communications(db):
    return _user("viestinta", groups=["Communications"])


@pytest.fixture
def coordinator(db):
    return _user("koordinaattori", groups=["Coordinators"])
