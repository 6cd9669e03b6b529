"""The pilots' demo content follows CONTENT.md: ten pilots, their regions, in three languages."""

from __future__ import annotations

import pytest

from pilots.models import FundingCallPage, PilotIndexPage, PilotPage, PilotUpdatePage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

EXPECTED = {
    "AI-avusteisesti koostettu lapsen palvelutarpeen arviointi": "pirkanmaa",
    "AI-pohjainen toimintakyvyn muutoksen ennakointi": "kanta-hame",
    "Ammattilaisen AI-assistentti": "keski-suomi",
    "Asiakkaan tausta- ja riskitietojen AI-pohjainen koostaminen": "kanta-hame",
    "Automaattiset APTJ-kirjaukset hyvinvointialueella": "lansi-uusimaa",
    "LingAI-reaaliaikainen tulkkaus": "pohjanmaa",
    "Tekoälypohjainen reaaliaikainen tulkkausratkaisu": "keski-suomi",
    "Tekoälyavusteisen lääkitysriskinarviointityökalun kehittäminen ja käyttöönotto": "pohjois-savo",
    "Tekoälypohjaisilla työkaluilla 50 % tuottavuuden kasvu digitaaliseen lihavuuden hoitoon": "hus",
    "Tekoäly syövän PET-kuvantamisessa": "varsinais-suomi",
}


def test_index_pages_per_language():
    slugs = {
        p.locale.language_code: (p.slug, p.show_in_menus) for p in PilotIndexPage.objects.all()
    }
    assert slugs == {"fi": ("kokeilut", True), "sv": ("forsok", True), "en": ("pilots", True)}


def test_ten_pilots_with_exact_titles_and_regions():
    pilots = PilotPage.objects.filter(locale__language_code="fi").select_related("region")
    assert {p.title: p.region.slug for p in pilots} == EXPECTED
    assert {p.status for p in pilots} == {"ongoing"}
    assert all(p.themes for p in pilots)


def test_every_pilot_is_translated_with_translated_relations():
    for pilot in PilotPage.objects.filter(locale__language_code="fi"):
        for language in ("sv", "en"):
            translation = pilot.get_translation(
                pilot.locale.__class__.objects.get(language_code=language)
            )
            assert translation.title != pilot.title
            assert translation.region.locale.language_code == language
            assert {t.locale.language_code for t in translation.themes} == {language}


def test_several_pilots_have_indicators_and_updates():
    finnish = PilotPage.objects.filter(locale__language_code="fi")
    with_indicators = [p for p in finnish if p.indicators.exists()]
    assert len(with_indicators) >= 3
    assert all(i.measurements.exists() for p in with_indicators for i in p.indicators.all())
    assert PilotUpdatePage.objects.filter(locale__language_code="fi").count() >= 3


def test_funding_call_2024_figures():
    call = FundingCallPage.objects.get(locale__language_code="fi", slug="ideahaku-2024")
    assert call.published_applications == 50
    assert call.published_median_requested == 158_000
    assert call.form_state() == "closed"
    assert len(call.categories_list()) == 7
