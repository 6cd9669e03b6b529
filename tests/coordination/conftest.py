"""Pilots and users for the coordination tests, built with the factories (no demo content)."""

from __future__ import annotations

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from pilots.models import PilotTheme
from tests.factories import PilotIndexPageFactory, PilotPageFactory, RegionFactory, ThemeFactory

_counter = itertools.count()


@pytest.fixture
def pilot_index(db):
    return PilotIndexPageFactory(title="Testikokeilut", slug="testikokeilut")


@pytest.fixture
def make_pilot(pilot_index):
    def make(title: str, region: str = "pirkanmaa", theme: str | None = None, liaisons=()):
        theme_links = (
            [PilotTheme(theme=ThemeFactory(slug=theme, name=_name(theme)))] if theme else []
        )
        return PilotPageFactory(
            parent=pilot_index,
            title=title,
            slug=f"pilot-{next(_counter)}",
            summary=f"{title} – tiivistelmä",
            region=RegionFactory(slug=region, name=_name(region)),
            theme_links=theme_links,
            liaisons=list(liaisons),
        )

    return make


def _name(slug: str) -> str:
    """A readable name for a taxonomy slug: "parempi-asiakaspalvelu" → "Parempi asiakaspalvelu"."""
    return slug.replace("-", " ").capitalize()


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
