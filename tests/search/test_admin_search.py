"""Wagtail's admin search (pages, snippets) finds Finnish and Swedish inflected forms."""

from __future__ import annotations

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.models import Theme
from home.models import StandardPage
from search.wagtail_backend import analysed_query, word_forms
from tests.factories.cms import ThemeFactory

pytestmark = pytest.mark.django_db


def test_query_words_become_any_of_their_forms():
    forms = word_forms("hyvinvointialueella")
    assert forms[0] == "hyvinvointialueella"
    assert "hyvinvointialue" in forms
    assert analysed_query(Page) is Page  # query objects pass unchanged


def _home() -> Page:
    # The Finnish front page: its sv and en translations are depth 2 too where the database
    # has them (PostgreSQL's test database did: ``get(depth=2)`` returned three pages).
    return Page.objects.get(depth=2, locale__language_code="fi")


def test_page_search_finds_inflected_forms():
    """The call Wagtail's admin page search makes (``Page.objects.autocomplete``)."""
    home = _home()
    for title in ("Hyvinvointialueiden tekoälykokeilut", "Syöpä ja kuvantaminen"):
        page = StandardPage(title=title, slug=title.split()[0].lower())
        home.add_child(instance=page)
        page.save_revision().publish()
    for query, title in (
        ("hyvinvointialueella", "Hyvinvointialueiden tekoälykokeilut"),
        ("syövän", "Syöpä ja kuvantaminen"),
        ("tekoälykokeiluista", "Hyvinvointialueiden tekoälykokeilut"),
    ):
        found = [p.title for p in Page.objects.all().autocomplete(query)]
        assert title in found, query


def test_snippet_search_finds_inflected_and_swedish_forms():
    ThemeFactory(name="Lääkitysturvallisuus", slug="laakitysturvallisuus")
    ThemeFactory(name="Välfärdsområden", slug="valfardsomraden")
    backend = get_search_backend()
    found = [t.name for t in backend.autocomplete("lääkitysturvallisuutta", Theme)]
    assert "Lääkitysturvallisuus" in found
    found = [t.name for t in backend.autocomplete("välfärdsområdet", Theme)]
    assert "Välfärdsområden" in found
