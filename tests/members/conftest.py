"""Fixtures for the community tests: the demo's form pages, a clean rate-limit cache."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from members.models import JoinPage, MemberDirectoryPage, ProposalPage, SubscribePage


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _fi(model):
    return model.objects.get(locale=Locale.objects.get(language_code="fi"))


@pytest.fixture
def subscribe_page(db):
    return _fi(SubscribePage)


@pytest.fixture
def join_page(db):
    return _fi(JoinPage)


@pytest.fixture
def directory_page(db):
    return _fi(MemberDirectoryPage)


@pytest.fixture
def proposal_pages(db):
    fi = Locale.objects.get(language_code="fi")
    return {p.kind: p for p in ProposalPage.objects.filter(locale=fi)}


def form_data(**fields) -> dict:
    """A valid submission: consent given, honeypot empty."""
    return {"consent": "on", "website_url": "", **fields}
