"""News, blog and the newsletter archive: feeds, the e-mail version, the front page, query counts."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.models import Theme
from home.models import (
    NewsIndexPage,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsletterItem,
    NewsPage,
    NewsTopic,
)
from home.newsletter import render_email

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_titles_rss(client, url: str) -> tuple[ElementTree.Element, list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.find(required) is not None
    items = channel.findall("item")
    for item in items:
        assert item.find("title") is not None and item.find("link") is not None
    return channel, [item.find("title").text for item in items]


def test_rss_feeds_list_only_their_language(client):
    fi_channel, fi_titles = feed_titles_rss(client, "/fi/uutiset/feed/rss/")
    en_channel, en_titles = feed_titles_rss(client, "/en/news/feed/rss/")
    assert fi_channel.find("language").text == "fi"
    assert en_channel.find("language").text == "en"
    assert fi_titles == [
        "10 tekoälykokeilua käynnistyy",
        "Ideahakuun tuli 50 hakemusta",
        "STM ja DigiFinland avaavat tekoälykokeilujen rahoituksen",
    ]
    assert en_titles == [
        "10 AI pilots start",
        "The call received 50 applications",
        "The Ministry and DigiFinland open funding for AI pilots",
    ]
    links = [i.find("link").text for i in en_channel.findall("item")]
    assert all("/en/news/" in link for link in links)


def test_atom_feed_is_valid_atom_in_its_language(client):
    response = client.get("/sv/blogg/feed/atom/")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "sv"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Modigt framåt genom att experimentera",
        "Varför social- och hälsovården behöver ett AI-ekosystem",
    ]
    for entry in entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None
        assert "/sv/blogg/" in entry.find(f"{ATOM}link").get("href")


def test_index_page_advertises_feeds_and_blog_guidance(client):
    html = client.get("/en/blog/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/en/blog/feed/rss/"' in html
    assert "Get involved: write a blog post" in html


def test_front_page_shows_latest_news_in_its_language(client):
    html = client.get("/sv/").content.decode()
    assert 'id="section-latest-news"' in html
    assert "10 AI-försök inleds" in html
    assert "10 tekoälykokeilua käynnistyy" not in html


def test_lead_image_needs_alt_text():
    image = get_image_model().objects.create(title="Kuva", file=get_test_image_file())
    page = NewsPage(title="Kuvallinen", slug="kuvallinen", intro="Johdanto.", lead_image=image)
    with pytest.raises(ValidationError) as excinfo:
        page.clean()
    assert "lead_image_alt" in excinfo.value.message_dict
    page.lead_image_alt = "Kaavio kokeiluista"
    page.clean()


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_newsletter_email_has_inline_styles_only_and_a_text_alternative():
    issue = NewsletterIssuePage.objects.get(slug="helmikuu-2025")
    assert issue.issue_date == datetime.date(2025, 2, 18)
    subject, text, html = render_email(issue, "https://example.org/unsubscribe/abc")
    assert "Uutiskirje helmikuu 2025" in subject
    parser = _Tags()
    parser.feed(html)
    tags = parser.tags
    assert not [t for t, a in tags if t == "link"]  # no external stylesheet
    assert not [t for t, a in tags if t == "style"]  # no embedded CSS either: inline only
    assert not [t for t, a in tags if t == "script"]
    assert any(t == "table" for t, a in tags)
    assert any("style" in a for t, a in tags if t == "td")
    # both columns, Finnish headings, absolute links, unsubscribe link
    assert "Ekosysteemin ajankohtaiset" in html and "Edelläkävijöiden ajankohtaiset" in html
    hrefs = [a["href"] for t, a in tags if t == "a"]
    assert "https://example.org/unsubscribe/abc" in hrefs
    assert any(re.match(r"https?://[^/]+/fi/blogi/rohkeasti-kokeilemalla/", h) for h in hrefs)
    # the plain-text alternative carries the same content
    assert "<" not in text
    assert "Rohkeasti eteenpäin kokeilemalla" in text
    assert "Ekosysteemin ajankohtaiset" in text
    assert "https://example.org/unsubscribe/abc" in text


def test_translated_issue_email_is_in_its_language():
    issue = NewsletterIssuePage.objects.get(slug="february-2025")
    subject, text, html = render_email(issue, "https://example.org/u")
    assert "Newsletter February 2025" in subject
    assert "Ecosystem news" in html and "Moving forward boldly by experimenting" in text
    assert "/en/blog/boldly-by-experimenting/" in html


def test_email_preview_is_for_editors_only(client, admin_client):
    url = "/fi/uutiskirje/helmikuu-2025/"
    assert client.get(url + "email/").status_code == 403
    assert client.get(url + "email/text/").status_code == 403
    response = admin_client.get(url + "email/")
    assert response.status_code == 200
    assert "Ekosysteemin ajankohtaiset" in response.content.decode()
    plain = admin_client.get(url + "email/text/")
    assert plain["Content-Type"].startswith("text/plain")


def test_newsletter_web_page_shows_both_columns(client):
    html = client.get("/sv/nyhetsbrev/februari-2025/").content.decode()
    assert "Modigt framåt genom att experimentera" in html
    assert html.index("Blogg om utvärderingen") < html.index("Cirka 50 användningsfall")


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_news_index_and_feed_queries_do_not_grow(client, django_assert_max_num_queries):
    index = NewsIndexPage.objects.get(locale__language_code="fi")
    themes = list(Theme.objects.filter(locale=index.locale))
    client.get(index.url)
    few_page = _count(client, index.url)
    few_feed = _count(client, index.url + "feed/rss/")
    for n in range(8):
        page = NewsPage(
            title=f"Uutinen {n}", slug=f"uutinen-{n}", intro="Johdanto.", locale=index.locale
        )
        page.topics = [NewsTopic(theme=t) for t in themes]
        index.add_child(instance=page)
        page.save_revision().publish()
    client.get(index.url)  # publishing invalidated the cached menu; measure the steady state
    with django_assert_max_num_queries(few_page):
        assert client.get(index.url).status_code == 200
    with django_assert_max_num_queries(few_feed):
        assert client.get(index.url + "feed/rss/").status_code == 200


def _issue(archive, slug: str, count: int, targets) -> NewsletterIssuePage:
    issue = NewsletterIssuePage(title=slug, slug=slug, issue_date=datetime.date(2025, 3, 18))
    issue.items = [
        NewsletterItem(
            column=NewsletterItem.Column.choices[n % 2][0],
            headline=f"Otsikko {n}",
            teaser="Teaser.",
            link_page=targets[n % len(targets)],
        )
        for n in range(count)
    ]
    archive.add_child(instance=issue)
    issue.save_revision().publish()
    return issue


def test_issue_queries_do_not_grow_with_items(client, django_assert_max_num_queries):
    archive = NewsletterIndexPage.objects.get(locale__language_code="fi")
    targets = list(NewsPage.objects.filter(locale=archive.locale))
    small = _issue(archive, "pieni-numero", 2, targets)
    big = _issue(archive, "iso-numero", 14, targets)
    client.get(small.url)
    few = _count(client, small.url)
    client.get(big.url)  # each page's route and language versions are cached on its first render
    with django_assert_max_num_queries(few):
        assert client.get(big.url).status_code == 200


def test_article_queries_do_not_grow_with_topics(client, django_assert_max_num_queries):
    index = NewsIndexPage.objects.get(locale__language_code="fi")
    themes = list(Theme.objects.filter(locale=index.locale))
    pages = []
    for n, topics in enumerate((themes[:1], themes)):
        page = NewsPage(title=f"Aiheet {n}", slug=f"aiheet-{n}", intro="Johdanto.")
        page.topics = [NewsTopic(theme=t) for t in topics]
        index.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    client.get(pages[0].url)
    few = _count(client, pages[0].url)
    client.get(pages[1].url)  # each page's route and language versions are cached on first render
    with django_assert_max_num_queries(few):
        html = client.get(pages[1].url).content.decode()
    assert all(t.name in html for t in themes)


def test_editors_can_open_every_publication_page_type_in_the_admin(admin_client):
    from django.urls import reverse

    from home.models import BlogIndexPage

    issue = NewsletterIssuePage.objects.get(slug="helmikuu-2025")
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
    assert edit.status_code == 200
    assert f'href="{issue.url}email/"' in edit.content.decode()
    for parent, model in (
        (NewsIndexPage, "newspage"),
        (BlogIndexPage, "blogpage"),
        (NewsletterIndexPage, "newsletterissuepage"),
    ):
        index = parent.objects.get(locale__language_code="fi")
        url = reverse("wagtailadmin_pages:add", args=["home", model, index.pk])
        assert admin_client.get(url).status_code == 200, model
