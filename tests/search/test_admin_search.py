"""Wagtail's admin search (pages, snippets) finds Finnish and Swedish inflected forms."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.models import Theme
from home.models import StandardPage
from search.wagtail_backend import analysed_query, word_forms
from tests.factories.cms import ThemeFactory
from tests.factories.users import SuperuserFactory

pytestmark = pytest.mark.django_db


def test_query_words_become_any_of_their_forms():
    forms = word_forms("hyvinvointialueella")
    assert forms[0] == "hyvinvointialueella"
    assert "hyvinvointialue" in forms
    assert analysed_query(Page) is Page  # query objects pass unchanged


def _home() -> Page:
    return Page.objects.get(depth=2)


def test_admin_page_search_finds_inflected_forms(client):
    home = _home()
    for title in ("Hyvinvointialueiden tekoälykokeilut", "Syöpä ja kuvantaminen"):
        page = StandardPage(title=title, slug=title.split()[0].lower())
        home.add_child(instance=page)
        page.save_revision().publish()
    client.force_login(SuperuserFactory())
    for query, title in (
        ("hyvinvointialueella", "Hyvinvointialueiden tekoälykokeilut"),
        ("syövän", "Syöpä ja kuvantaminen"),
        ("tekoälykokeiluista", "Hyvinvointialueiden tekoälykokeilut"),
    ):
        response = client.get(reverse("wagtailadmin_pages:search_results"), {"q": query})
        assert response.status_code == 200
        assert title in response.text, query


def test_snippet_search_finds_inflected_and_swedish_forms():
    ThemeFactory(name="Lääkitysturvallisuus", slug="laakitysturvallisuus")
    ThemeFactory(name="Välfärdsområden", slug="valfardsomraden")
    backend = get_search_backend()
    found = [t.name for t in backend.autocomplete("lääkitysturvallisuutta", Theme)]
    assert "Lääkitysturvallisuus" in found
    found = [t.name for t in backend.autocomplete("välfärdsområdet", Theme)]
    assert "Välfärdsområden" in found
