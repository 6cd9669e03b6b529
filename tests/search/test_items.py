"""What a page lists is found as results of their own: use cases and member organisations."""

from __future__ import annotations

import re

import pytest

from search import service
from search.models import SearchDocument
from tests.factories import (
    MemberDirectoryPageFactory,
    MemberOrganisationFactory,
    StandardPageFactory,
    UseCaseCatalogPageFactory,
    UseCaseCategoryFactory,
    UseCaseFactory,
)

pytestmark = pytest.mark.django_db


def urls(query: str, lang: str = "fi") -> list[str]:
    return [r.url for r in service.search(query, lang).results]


@pytest.fixture
def catalogue(locale_tree):
    page = UseCaseCatalogPageFactory(intro="Kaikki käyttötapaukset luokittain.")
    category = UseCaseCategoryFactory(name="Kirjaaminen")
    whisperer = UseCaseFactory(
        name="Hoitajakuiskaaja",
        slug="hoitajakuiskaaja",
        category=category,
        description="Tekoäly tuo potilaan tiedot keskusteluun hoitajan tueksi.",
    )
    UseCaseFactory(
        name="Automaattinen kirjaaminen",
        slug="automaattinen-kirjaaminen",
        category=category,
        description="Tekoäly laatii luonnoksen kirjauksesta, hoitajan työ kevenee.",
    )
    service.index_page(page)
    return page, whisperer


def test_a_use_case_name_finds_the_use_case_first_at_its_anchor(client, catalogue):
    page, whisperer = catalogue
    found = urls("hoitajakuiskaaja")
    assert found[0] == f"{page.url}#hoitajakuiskaaja"
    # the anchor is on the catalogue page
    assert 'id="hoitajakuiskaaja"' in client.get(page.url).text
    result = service.search("hoitajakuiskaaja", "fi").results[0]
    assert result.title == "Hoitajakuiskaaja" and result.content_type == "usecase"


def test_the_catalogue_itself_is_found_by_its_own_text_only(catalogue):
    page, _whisperer = catalogue
    assert urls("luokittain") == [page.url]
    # the use cases' words find the use cases, not the catalogue page
    assert page.url not in urls("luonnoksen")


def test_a_changed_use_case_is_reindexed(catalogue):
    page, whisperer = catalogue
    whisperer.name = "Sanelurobotti"
    whisperer.save()
    assert not SearchDocument.objects.filter(title="Hoitajakuiskaaja").exists()
    assert urls("sanelurobotti")[0] == f"{page.url}#hoitajakuiskaaja"
    whisperer.delete()
    assert urls("sanelurobotti") == []


def test_use_cases_are_in_the_reports_tab(client, catalogue):
    html = " ".join(client.get("/fi/haku/", {"q": "hoitajakuiskaaja"}).text.split())
    assert re.search(r"Selvitykset ja käyttötapaukset \(\d\)", html)
    assert "Muut (" not in html
    assert '<span class="tag">Käyttötapaus</span>' in html


def test_public_members_are_found_by_name_without_crowding_titled_pages(locale_tree):
    directory = MemberDirectoryPageFactory(intro="Verkoston jäsenet.")
    MemberOrganisationFactory(name="Glorpin hyvinvointialue", slug="glorpin-hyvinvointialue")
    MemberOrganisationFactory(name="Salainen Oy", slug="salainen-oy", is_public=False)
    report = StandardPageFactory(title="Tekoäly hyvinvointialueilla", intro="Selvitys.")
    service.index_page(directory)
    assert urls("Glorpin hyvinvointialue")[0] == f"{directory.url}#org-glorpin-hyvinvointialue"
    assert urls("salainen") == []
    assert urls("hyvinvointialue")[0] == report.url


def test_a_member_is_found_on_the_english_site_by_its_finnish_name(locale_tree):
    from wagtail.models import Locale

    from tests.factories.base import translate

    directory = MemberDirectoryPageFactory(intro="Verkoston jäsenet.")
    english_directory = translate(directory, "en", title="Members", slug="members")
    university = MemberOrganisationFactory(name="Glorpin yliopisto", slug="glorpin-yliopisto")
    english = university.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name, english.slug = "University of Glorp", "university-of-glorp"
    english.save()
    MemberOrganisationFactory(name="Glorpin kaupunki", slug="glorpin-kaupunki")
    service.index_page(english_directory)
    found = urls("Glorpin yliopisto", "en")
    assert found[0] == f"{english_directory.url}#org-university-of-glorp"
