"""Every public page type renders in a small number of SQL queries that does not grow with content.

Table-driven: each app adds a ``PageTypeCase`` with the URL of a page of its type and a function
that adds a lot of content around it (the "large" case). Measured with the page cache off (a
cold render, what a visitor gets after each publish); menus are cached after the first render
like in production, so both a first render and a repeat render are measured.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Page

from home.models import StandardPage

pytestmark = pytest.mark.django_db

# The target is 15; Wagtail's routing, view-restriction checks, the language switcher
# and the footer settings take 21-26 today (constant in the amount of content). Lower this as
# the shared components get cheaper.
MAX_QUERIES = 26


def add_many_pages(count: int = 60) -> None:
    """Lots of siblings in the menu, long bodies, and several languages' worth of pages."""
    home = Page.objects.get(depth=2, locale__language_code="fi").specific
    paragraph = {"type": "paragraph", "value": "<p>" + "Tekoäly " * 50 + "</p>"}
    for n in range(count):
        page = StandardPage(
            title=f"Sivu {n}",
            slug=f"sivu-{n}",
            show_in_menus=n % 3 == 0,
            intro="Johdanto",
            body=[paragraph] * 5,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    about = StandardPage.objects.get(slug="tietoa", locale__language_code="fi")
    about.body = [paragraph] * 40
    about.save_revision().publish()


@dataclass(frozen=True)
class PageTypeCase:
    name: str
    url: str
    make_large: Callable[[], None]
    max_queries: int = MAX_QUERIES


PAGE_TYPES = [
    PageTypeCase("HomePage", "/fi/", add_many_pages),
    PageTypeCase("HomePage (en)", "/en/", add_many_pages),
    PageTypeCase("StandardPage", "/fi/tietoa/", add_many_pages),
    PageTypeCase("StandardPage (sv)", "/sv/om/", add_many_pages),
]


def count_queries(client, url: str) -> tuple[int, int]:
    """Queries for a first render (menus not cached) and a repeat render (menus cached)."""
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        response = client.get(url)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as repeat:
        assert client.get(url).status_code == 200
    return len(first), len(repeat)


@override_settings(PAGE_CACHE_ENABLED=False)
@pytest.mark.parametrize("case", PAGE_TYPES, ids=[c.name for c in PAGE_TYPES])
def test_query_count_is_small_and_constant(client, case):
    small_first, small_repeat = count_queries(client, case.url)
    case.make_large()
    large_first, large_repeat = count_queries(client, case.url)
    assert max(small_first, large_first) <= case.max_queries, (small_first, large_first)
    assert large_first == small_first, "queries grow with the amount of content"
    assert large_repeat == small_repeat
    assert small_repeat <= small_first


def test_warm_page_cache_needs_no_queries(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    client.get("/fi/tietoa/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fi/tietoa/")
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0
