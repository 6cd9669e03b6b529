"""Fixtures for the community tests: the Finnish form pages, a clean rate-limit cache.

The pages come from the factories; a module still marked ``demo`` gets the demo's own pages
(the same page types under the same parents), so both kinds of module share these fixtures.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from members.models import JoinPage, MemberDirectoryPage, Proposal, ProposalPage, SubscribePage
from tests.factories.members import (
    JoinPageFactory,
    MemberDirectoryPageFactory,
    ProposalPageFactory,
    SubscribePageFactory,
)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _fi(model, factory_class):
    """The Finnish page of ``model`` (the demo's when loaded), else a new published one."""
    existing = model.objects.filter(locale=Locale.objects.get(language_code="fi")).first()
    return existing or factory_class()


@pytest.fixture
def subscribe_page(db):
    return _fi(SubscribePage, SubscribePageFactory)


@pytest.fixture
def join_page(db):
    return _fi(JoinPage, JoinPageFactory)


@pytest.fixture
def directory_page(db):
    return _fi(MemberDirectoryPage, MemberDirectoryPageFactory)


@pytest.fixture
def proposal_pages(db):
    """One published proposal form per kind (webinar, project, blog, event)."""
    fi = Locale.objects.get(language_code="fi")
    pages = {p.kind: p for p in ProposalPage.objects.filter(locale=fi)}
    for kind in Proposal.Kind.values:
        if kind not in pages:
            pages[kind] = ProposalPageFactory(kind=kind, slug=f"ehdota-{kind}")
    return pages


def form_data(**fields) -> dict:
    """A valid submission: consent given, honeypot empty."""
    return {"consent": "on", "website_url": "", **fields}
