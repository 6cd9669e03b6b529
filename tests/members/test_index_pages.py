"""The working-group and partner indexes show one page of cards (cms.listing), and the member
directory looks up only the working groups of the organisations it shows (issue 15: the cost of
a page must not grow with content)."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings

from members.models import WorkingGroupMembership
from members.models import pages as member_pages
from tests.factories import (
    MemberDirectoryPageFactory,
    MemberOrganisationFactory,
    PartnerPageFactory,
    WorkingGroupPageFactory,
)

pytestmark = pytest.mark.django_db


def card_titles(html: str) -> list[str]:
    return re.findall(r"<h2>\s*<a href=\"[^\"]+\">([^<]+)</a>", html)


@pytest.fixture
def two_per_page(monkeypatch):
    monkeypatch.setattr(member_pages, "CARDS_PER_PAGE", 2)


@override_settings(PAGE_CACHE_ENABLED=False)
@pytest.mark.parametrize("factory", [PartnerPageFactory, WorkingGroupPageFactory])
def test_index_shows_one_page_of_cards(client, two_per_page, factory):
    pages = [factory(title=f"Kortti {n}") for n in range(3)]
    index = pages[0].get_parent()
    first = client.get(index.url)
    assert first.status_code == 200
    assert card_titles(first.content.decode()) == ["Kortti 0", "Kortti 1"]
    assert "?page=2" in first.content.decode()  # the shared pagination component
    second = client.get(index.url, {"page": "2"})
    assert card_titles(second.content.decode()) == ["Kortti 2"]
    assert client.get(index.url, {"page": "x"}).status_code == 400
    assert client.get(index.url, {"page": "9"}).status_code == 404


@override_settings(PAGE_CACHE_ENABLED=False)
def test_directory_lists_the_groups_of_shown_organisations(client):
    directory = MemberDirectoryPageFactory(slug="jasenet-ryhmat")
    chair = MemberOrganisationFactory(name="Puheenjohtaja Oy")
    member = MemberOrganisationFactory(name="Jäsen Oy")
    MemberOrganisationFactory(name="Ulkopuolinen Oy")
    WorkingGroupPageFactory(
        title="Datatyöryhmä",
        chair=chair,
        memberships=[WorkingGroupMembership(organisation=member)],
    )
    WorkingGroupPageFactory(title="Tyhjä työryhmä")
    html = client.get(directory.url).content.decode()

    def entry(slug: str) -> str:
        return html.split(f'id="org-{slug}"', 1)[1].split("</li>", 1)[0]

    assert "Datatyöryhmä" in entry(chair.slug)
    assert "Datatyöryhmä" in entry(member.slug)
    assert "työryhmä" not in entry("ulkopuolinen-oy").casefold()
    assert "Tyhjä työryhmä" not in html
