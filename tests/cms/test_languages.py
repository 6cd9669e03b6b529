"""Finnish-first routing: language prefixes, Accept-Language redirect, switcher and hreflang."""

import re

import pytest

from tests.factories import StandardPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tree(locale_tree):
    """Every test here walks between the three front pages."""
    return locale_tree


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("sv-FI,sv;q=0.9", "/sv/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("de-DE,de;q=0.9", "/fi/"),
        ("", "/fi/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        ("/fi/", "fi", "SOTE-tekoälyn ekosysteemi"),
        ("/sv/", "sv", "Ekosystemet för AI inom social- och hälsovården"),
        ("/en/", "en", "Social and Health Care AI Ecosystem"),
    ],
)
def test_front_page_in_each_language(client, path, lang, title):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert title in html
    others = {"fi", "sv", "en"} - {lang}
    for other in others:
        assert f'hreflang="{other}"' in html


def test_language_switcher_lands_on_the_same_pages_translation(client):
    about = StandardPageFactory(title="Tietoa", slug="tietoa")
    translate(about, "sv", title="Om ekosystemet", slug="om")
    translate(about, "en", title="About", slug="about")
    html = client.get("/fi/tietoa/").content.decode()
    assert 'href="/sv/om/"' in html
    assert 'href="/en/about/"' in html
    assert client.get("/sv/om/").status_code == 200
    assert "Om ekosystemet" in client.get("/sv/om/").content.decode()


def test_switcher_says_when_a_page_has_no_translation(client, django_user_model):
    page = StandardPageFactory(title="Vain suomeksi", slug="vain-suomeksi")
    html = client.get(page.url).content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert "language-switcher__missing" in switcher
    assert "this page is not translated" in switcher  # said in English, on the English link
    assert 'href="/sv/"' in switcher  # leads to the Swedish front page instead
    assert 'hreflang="sv" href="http' not in html.split("</head>")[0]


def test_unknown_language_prefix_is_a_clean_404(client):
    response = client.get("/de/", follow=True)
    assert response.status_code == 404
    assert "<html" in response.content.decode()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_admin_speaks_each_site_language(client, admin_user, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert f'<html lang="{language}"' in html
