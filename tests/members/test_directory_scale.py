"""The member directory beyond its one-page limit: one letter per page, paginated, constant cost.

Built with factories; the limit is lowered for the test instead of creating hundreds of rows.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from members import directory
from tests.factories import MemberDirectoryPageFactory, MemberOrganisationFactory

pytestmark = pytest.mark.django_db

NAMES = ["Aalto Oy", "Alfa Ab", "Beta Oy", "Bravo Oy", "Cesium Oy", "Ämmä Oy", "Über Oy", "3D Oy"]


@pytest.fixture
def directory_page(monkeypatch):
    monkeypatch.setattr(directory, "DIRECTORY_ONE_PAGE_LIMIT", 5)
    monkeypatch.setattr(directory, "PER_LETTER_PAGE", 2)
    page = MemberDirectoryPageFactory(slug="jasenet-testi")
    for name in NAMES:
        MemberOrganisationFactory(name=name)
    return page


def entries(html: str) -> list[str]:
    return re.findall(r'id="org-([a-z0-9-]+)"', html)


@override_settings(PAGE_CACHE_ENABLED=False)
def test_over_the_limit_the_first_letter_is_shown_with_letter_links(client, directory_page):
    response = client.get(directory_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert entries(html) == ["aalto-oy", "alfa-ab"]
    assert "letter=B" in html and 'href="#letter-' not in html
    assert response.context["result_count"] == 8 and response.context["per_letter"]


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_letter_page_keeps_finnish_letters_and_filters(client, directory_page):
    assert entries(client.get(directory_page.url, {"letter": "Y"}).content.decode()) == ["uber-oy"]
    assert entries(client.get(directory_page.url, {"letter": "Ä"}).content.decode()) == ["amma-oy"]
    assert entries(client.get(directory_page.url, {"letter": "#"}).content.decode()) == ["3d-oy"]
    html = client.get(directory_page.url, {"letter": "B", "q": "brav"}).content.decode()
    assert entries(html) == ["bravo-oy"]


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_letter_is_paginated_and_bad_letters_are_400(client, directory_page):
    for n in range(3):
        MemberOrganisationFactory(name=f"Alku {n} Oy")
    first = entries(client.get(directory_page.url, {"letter": "A"}).content.decode())
    second = entries(client.get(directory_page.url, {"letter": "A", "page": "2"}).content.decode())
    assert len(first) == 2 and len(second) == 2 and not set(first) & set(second)
    assert client.get(directory_page.url, {"letter": "%"}).status_code == 400
    assert client.get(directory_page.url, {"letter": "A", "page": "x"}).status_code == 400


@override_settings(PAGE_CACHE_ENABLED=False)
def test_queries_do_not_grow_with_members(client, directory_page):
    client.get(directory_page.url)  # warm per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(directory_page.url, {"letter": "B"})
    for n in range(30):
        MemberOrganisationFactory(name=f"Bulk {n} Oy")
    client.get(directory_page.url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(directory_page.url, {"letter": "B"})
    assert len(entries(response.content.decode())) == 2
    assert len(many) == len(few)
