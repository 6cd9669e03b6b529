"""The search results page: tabs by what visitors look for, filters that fold away, breadcrumbs."""

from __future__ import annotations

import re

import pytest

from tests.factories import NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(locale_tree):
    news = NewsPageFactory(title="Glorpkokeilu alkoi", intro="Uutinen glorpkokeilusta.")
    other = StandardPageFactory(title="Glorpkokeilun tietosivu", intro="Tietoa glorpkokeilusta.")
    return news, other


def tab_labels(html: str) -> list[str]:
    nav = html.split('class="search-tabs"', 1)[1].split("</nav>", 1)[0]
    return [" ".join(t.split()) for t in re.findall(r"<a [^>]*>([^<]*)</a>", nav)]


def test_tabs_are_result_groups_not_page_types(client, pages):
    html = client.get("/fi/haku/", {"q": "glorpkokeilu"}).text
    assert tab_labels(html) == ["Kaikki (2)", "Uutiset (1)", "Muut (1)"]
    assert "Perussivut" not in html


def test_a_tab_shows_its_group_and_keeps_the_other_counts(client, pages):
    news, _other = pages
    html = client.get("/fi/haku/", {"q": "glorpkokeilu", "group": "news"}).text
    assert news.title in html and "Glorpkokeilun tietosivu" not in html
    assert 'aria-current="page">Uutiset (1)' in " ".join(html.split())
    assert "Muut (1)" in " ".join(html.split())


def test_each_result_names_its_type_in_the_singular(client, pages):
    html = " ".join(client.get("/fi/haku/", {"q": "glorpkokeilu"}).text.split())
    assert '<span class="tag">Uutinen</span>' in html


def test_filters_fold_into_a_disclosure_that_opens_when_used(client, pages):
    html = client.get("/fi/haku/", {"q": "glorpkokeilu"}).text
    assert re.search(r'<details class="search-facets"\s*>', html)
    assert "<summary" in html
    filtered = client.get("/fi/haku/", {"q": "glorpkokeilu", "year": "2026"}).text
    assert re.search(r'<details class="search-facets"\s*open', filtered)


def test_breadcrumbs_lead_home(client, pages):
    html = " ".join(client.get("/sv/sok/", {"q": "x"}).text.split())
    crumbs = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/sv/"' in crumbs
    assert 'aria-current="page">Sök</span>' in crumbs
