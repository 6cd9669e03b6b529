"""The sitemap index and its parts: every live public page once, with its language versions.

What a search engine relies on: ``/sitemap.xml`` (named in robots.txt) is a sitemaps.org index
whose parts, together, list each live public page of the site exactly once — none that is a
draft, behind a view restriction or outside the site — each with the hreflang alternates of its
published language versions; and that the work of any one response does not grow with the site.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from cms import sitemap
from tests.factories import (
    HomePageFactory,
    NewsPageFactory,
    StandardPageFactory,
    translate,
)
from tests.sitemaps import crawl, part_locations, read_part

pytestmark = pytest.mark.django_db


def locs(entries) -> list[str]:
    return [entry.loc for entry in entries]


@pytest.fixture
def site_pages(locale_tree):
    """Pages of two types in fi, sv and en, plus ones a sitemap must leave out."""
    about = StandardPageFactory(title="Tietoa", slug="tietoa")
    translate(about, "sv", title="Om", slug="om")
    translate(about, "en", title="About", slug="about")
    news = NewsPageFactory(title="Uutinen", slug="uutinen")
    news_sv = translate(news.get_parent().specific, "sv", title="Nyheter", slug="nyheter")
    translate(news, "sv", title="Nyhet", slug="nyhet")
    StandardPageFactory(title="Äänestys", slug="äänestys")  # a URL with percent-encoding
    only_fi = StandardPageFactory(title="Vain suomeksi", slug="vain-suomeksi")
    # An English version that was unpublished: neither listed nor an alternate.
    unpublished_en = translate(only_fi, "en", title="Only in Finnish", slug="only-finnish")
    unpublished_en.unpublish()
    draft = StandardPageFactory(title="Luonnos", slug="luonnos", draft=True)
    private = StandardPageFactory(title="Salainen", slug="salainen")
    inside = StandardPageFactory(title="Sisällä", slug="sisalla", parent=private)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    # A live page in a tree no site serves.
    elsewhere = HomePageFactory(title="Muu", slug="muu", parent=Page.get_first_root_node())
    StandardPageFactory(title="Muualla", slug="muualla", parent=elsewhere)
    return {
        "about": about,
        "news_index_sv": news_sv,
        "only_fi": only_fi,
        "unpublished_en": unpublished_en,
        "excluded": [draft, private, inside, unpublished_en, elsewhere],
    }


def test_index_names_parts_at_the_site_root_one_per_language_and_page_type(client, site_pages):
    parts = part_locations(client)
    paths = [urlsplit(loc).path for loc in parts]
    # The protocol lets a sitemap list only URLs below its own directory: parts live at the root.
    assert all(path.count("/") == 1 and path.endswith(".xml") for path in paths), paths
    assert "/sitemap-fi-home.standardpage-1.xml" in paths
    assert "/sitemap-sv-home.newspage-1.xml" in paths
    assert "/sitemap-en-home.homepage-1.xml" in paths
    assert len(set(paths)) == len(paths)


def test_every_live_public_page_is_listed_once(client, site_pages):
    entries = crawl(client)
    listed = Counter(locs(entries))
    assert [loc for loc, n in listed.items() if n > 1] == []
    expected = {
        page.full_url
        for home in Page.objects.filter(depth=2, locale__language_code__in=["fi", "sv", "en"])
        if home.slug != "muu"
        for page in Page.objects.descendant_of(home, inclusive=True).live().public()
    }
    assert set(listed) == expected
    for page in site_pages["excluded"]:
        assert page.full_url not in listed, page.title
    for language in ("fi", "sv", "en"):
        assert any(f"/{language}/" in loc for loc in listed), language
    assert any(loc.endswith("/fi/%C3%A4%C3%A4nestys/") for loc in listed)


def test_each_entry_carries_its_published_language_versions(client, site_pages):
    entries = {entry.loc: entry for entry in crawl(client)}
    about = site_pages["about"]
    versions = {
        version.locale.language_code: version.full_url
        for version in about.get_translations(inclusive=True)
    }
    assert versions["sv"].endswith("/sv/om/") and versions["en"].endswith("/en/about/")
    for url in versions.values():
        assert entries[url].alternates == versions
    assert entries[about.full_url].part.endswith("/sitemap-fi-home.standardpage-1.xml")
    # The English version was unpublished: the Finnish page has itself only.
    assert entries[site_pages["only_fi"].full_url].alternates == {
        "fi": site_pages["only_fi"].full_url
    }
    news_sv = next(entry for loc, entry in entries.items() if loc.endswith("/sv/nyheter/nyhet/"))
    assert set(news_sv.alternates) == {"fi", "sv"}


def test_parts_are_paged_and_still_list_every_page_once(client, locale_tree, monkeypatch):
    monkeypatch.setattr(sitemap, "URLS_PER_SITEMAP", 2)
    pages = [StandardPageFactory(title=f"Sivu {n}", slug=f"sivu-{n}") for n in range(5)]
    paths = [urlsplit(loc).path for loc in part_locations(client)]
    standard = [p for p in paths if p.startswith("/sitemap-fi-home.standardpage-")]
    assert standard == [f"/sitemap-fi-home.standardpage-{n}.xml" for n in (1, 2, 3)]
    listed = [e.loc for p in standard for e in read_part(client, p)]
    assert sorted(listed) == sorted(page.full_url for page in pages)
    assert [len(read_part(client, p)) for p in standard] == [2, 2, 1]


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap-fi-home.standardpage-2.xml",  # past the last part
        "/sitemap-fi-home.standardpage-0.xml",
        "/sitemap-de-home.standardpage-1.xml",  # no such language
        "/sitemap-fi-home.nosuchpage-1.xml",
        "/sitemap-fi-wagtailcore.page-1.xml",  # the tree's root type: no live public page
    ],
)
def test_a_part_that_does_not_exist_is_404(client, locale_tree, path):
    StandardPageFactory()
    assert client.get(path).status_code == 404


def test_a_publish_shows_in_the_cached_sitemap_at_once(client, locale_tree, settings):
    settings.PAGE_CACHE_ENABLED = True
    StandardPageFactory(title="Ensimmäinen", slug="ensimmainen")
    part = "/sitemap-fi-home.standardpage-1.xml"
    client.get(part)
    assert client.get(part)["X-Page-Cache"] == "hit"
    client.get("/sitemap.xml")
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "hit"
    added = StandardPageFactory(title="Toinen", slug="toinen")
    assert added.full_url in locs(read_part(client, part))
    news = NewsPageFactory()
    assert news.full_url in locs(crawl(client))


def count_queries(client, url: str) -> tuple[int, int]:
    """Queries for a first render (shared caches empty) and a repeat render, as in
    tests/quality/test_query_counts.py (page cache off, the test settings' default)."""
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as repeat:
        assert client.get(url).status_code == 200
    return len(first), len(repeat)


def test_queries_do_not_grow_with_the_number_of_pages(client, locale_tree, monkeypatch):
    monkeypatch.setattr(sitemap, "URLS_PER_SITEMAP", 4)
    part = "/sitemap-fi-home.standardpage-1.xml"
    for n in range(2):
        page = StandardPageFactory(title=f"Sivu {n}", slug=f"sivu-{n}")
        translate(page, "sv", title=f"Sida {n}", slug=f"sida-{n}")
    small = {url: count_queries(client, url) for url in ("/sitemap.xml", part)}
    for n in range(2, 14):
        page = StandardPageFactory(title=f"Sivu {n}", slug=f"sivu-{n}")
        translate(page, "sv", title=f"Sida {n}", slug=f"sida-{n}")
        translate(page, "en", title=f"Page {n}", slug=f"page-{n}")
        NewsPageFactory(title=f"Uutinen {n}", slug=f"uutinen-{n}")
    large = {url: count_queries(client, url) for url in ("/sitemap.xml", part)}
    assert len(read_part(client, part)) == 4  # a full part now, against 2 pages before
    for url in small:
        assert large[url][0] <= small[url][0], (url, small[url], large[url])
        assert large[url][1] <= small[url][1], (url, small[url], large[url])
    assert large["/sitemap.xml"][1] <= 1  # the counts are cached under the generation
    assert large[part][1] <= 3  # the slice and its language versions (+ Wagtail's site lookup)
