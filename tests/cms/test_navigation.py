"""Findability on the demo site: every live page within four clicks of its language's front
page, the grouped main menu, calls to action, breadcrumbs, the 404 page and the brand images.

The crawl uses the test client (no browser): it follows the links of the HTML as a visitor
would, so a page linked from nowhere fails it whatever the menu or the sitemap say.
"""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.utils import translation
from wagtail.models import Locale, Page

from cms.navigation import MAIN_MENU, MAX_TOP_LEVEL

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

LANGUAGES = ("fi", "sv", "en")
MAX_CLICKS = 4
HREF = re.compile(r'<a\b[^>]*\bhref="([^"#]+)(?:#[^"]*)?"')


def _links(html: str, language: str) -> set[str]:
    """The site links of a page in the same language; of a query string only ``page`` (the
    pagination) is kept, so filters do not multiply the crawl."""
    found = set()
    for href in HREF.findall(html):
        parts = urlsplit(href.replace("&amp;", "&"))
        if parts.netloc and parts.netloc not in ("testserver",):
            continue
        if not parts.path.startswith(f"/{language}/"):
            continue
        query = [(k, v) for k, v in parse_qsl(parts.query) if k == "page"]
        found.add(parts.path + (f"?{urlencode(query)}" if query else ""))
    return found


def _crawl(client, language: str) -> dict[str, int]:
    """Breadth-first from the front page: path -> the fewest clicks that reach it."""
    start = f"/{language}/"
    clicks = {start: 0}
    queue = deque([start])
    while queue:
        path = queue.popleft()
        if clicks[path] >= MAX_CLICKS:
            continue
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for link in _links(response.content.decode(), language):
            if link not in clicks:
                clicks[link] = clicks[path] + 1
                queue.append(link)
    return clicks


def _live_pages(language: str) -> dict[str, Page]:
    locale = Locale.objects.get(language_code=language)
    pages = Page.objects.live().public().filter(locale=locale, depth__gte=2).specific()
    return {url: page for page in pages if (url := page.get_url())}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_live_page_is_within_four_clicks_of_the_front_page(client, language):
    reached = _crawl(client, language)
    missing = sorted(
        f"{type(page).__name__} {url}"
        for url, page in _live_pages(language).items()
        if url not in reached
    )
    assert not missing, f"not reachable within {MAX_CLICKS} clicks from /{language}/: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_menu_has_at_most_seven_entries_with_every_group_filled(client, language):
    html = client.get(f"/{language}/").content.decode()
    nav = html[
        html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))
    ]
    top_level = nav.count('class="main-nav__item"')
    assert 0 < top_level <= MAX_TOP_LEVEL
    groups = re.findall(r'<details class="main-nav__group"[^>]*>\s*<summary[^>]*>([^<]+)<', nav)
    assert len(groups) == len([g for g in MAIN_MENU if len(g.page_types) > 1])
    if language != "en":
        with translation.override("en"):
            english = {str(g.label) for g in MAIN_MENU}
        assert not english & {g.strip() for g in groups}, f"untranslated group labels: {groups}"


def test_menu_marks_the_group_of_the_current_page(client):
    html = client.get("/fi/kokeilut/ideahaku-2024/").content.decode()
    assert re.search(r'<summary data-current="true">\s*Kokeilut', html)
    assert re.search(r'href="/fi/kokeilut/ideahaku-2024/"\s+aria-current="page"', html)


@pytest.mark.parametrize(
    ("path", "join", "subscribe"),
    [
        ("/fi/", "/fi/jasenet/liity-jaseneksi/", "/fi/tilaa-uutiskirje/"),
        ("/sv/", "/sv/medlemmar/bli-medlem/", "/sv/prenumerera/"),
        ("/en/", "/en/members/join/", "/en/subscribe/"),
    ],
)
def test_front_page_hero_and_footer_call_to_join_and_subscribe(client, path, join, subscribe):
    html = client.get(path).content.decode()
    hero = html[html.index('class="hero"') : html.index("</section>", html.index('class="hero"'))]
    footer = html[html.index('class="site-footer"') :]
    for part in (hero, footer):
        assert f'href="{join}"' in part
        assert f'href="{subscribe}"' in part


def test_newsletter_archive_links_to_subscribing(client):
    assert 'href="/fi/tilaa-uutiskirje/"' in client.get("/fi/uutiskirje/").content.decode()


def test_get_involved_page_links_to_every_proposal_form(client):
    html = client.get("/fi/osallistu/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    for slug in (
        "ehdota-ai-aamun-aihetta",
        "ehdota-yhteishanketta",
        "tarjoa-blogikirjoitusta",
        "ilmoita-tapahtumasta",
    ):
        assert f'href="/fi/osallistu/{slug}/"' in main


def _crumbs(html: str) -> list[str]:
    nav = html[
        html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))
    ]
    return [
        re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<li>(.*?)</li>", nav, re.S)
    ]


def test_breadcrumbs_of_a_routable_listing_and_of_search(client):
    updates = _crumbs(client.get("/fi/kokeilut/updates/").content.decode())
    assert updates == ["Etusivu", "Tekoälykokeilut", "Kokeilujen päivitykset"]
    search = _crumbs(client.get("/sv/sok/").content.decode())
    assert search[0] == "Startsida" and len(search) == 2


def test_not_found_page_offers_search_and_sections_in_the_readers_language(client):
    response = client.get("/sv/finns-inte-alls/")
    assert response.status_code == 404
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert 'action="/sv/sok/"' in main
    assert 'href="/sv/forsok/"' in main and 'href="/sv/evenemang/"' in main
    assert 'href="/fi/' not in main


def test_pages_name_the_brand_images(client):
    html = client.get("/en/").content.decode()
    assert re.search(
        r'<meta property="og:image" content="http://testserver/static/img/og-default[^"]*\.png"',
        html,
    )
    assert 'rel="apple-touch-icon"' in html and 'type="image/svg+xml"' in html
