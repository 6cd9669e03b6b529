"""The use-case catalogue: categories, filters, translations and the link from pilots."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale

from demo.toolkit import translate
from home.models import HomePage
from pilots.models import PilotIndexPage, PilotPage
from reports.models import UseCase, UseCaseCategory, UseCasePilot
from reports.use_cases import for_pilot

pytestmark = pytest.mark.django_db


def test_demo_catalogue_has_six_categories_and_at_least_twelve_use_cases_per_language():
    for language in ("fi", "sv", "en"):
        locale = Locale.objects.get(language_code=language)
        assert UseCaseCategory.objects.filter(locale=locale).count() == 6
        cases = UseCase.objects.filter(locale=locale)
        assert cases.count() >= 12
        assert cases.values("category__slug").distinct().count() == 6


def test_catalogue_filters_by_category(client):
    html = client.get(
        "/en/use-cases/", {"category": "kuvantaminen-ja-diagnostiikka"}
    ).content.decode()
    assert "PET imaging in cancer" in html
    assert "Nurse whisperer" not in html
    assert "2 use cases" in html


def test_unknown_category_is_a_400_with_a_message_and_everything(client):
    response = client.get("/fi/kayttotapaukset/", {"category": "<script>"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<script>" not in html
    assert "Hoitajakuiskaaja" in html and "Syövän PET-kuvantaminen" in html
    assert 'class="message message--error"' in html


def test_for_pilot_finds_use_cases_in_the_pilots_language(admin_user):
    home = HomePage.objects.get(locale__language_code="fi")
    pilots = PilotIndexPage(title="Kokeilut", slug="kokeilut-testi")
    home.add_child(instance=pilots)
    pilot = PilotPage(title="Tulkkauskokeilu", slug="tulkkaus", summary="Reaaliaikainen tulkkaus.")
    pilots.add_child(instance=pilot)
    pilot.save_revision().publish()
    use_case = UseCase.objects.get(slug="reaaliaikainen-tulkkaus", locale__language_code="fi")
    use_case.pilots.add(UseCasePilot(pilot=pilot))
    use_case.save()
    assert [u.slug for u in for_pilot(pilot)] == ["reaaliaikainen-tulkkaus"]
    translate(home.get_children().get(slug="kokeilut-testi").specific, "en", {})
    pilot_en = translate(pilot, "en", {"Tulkkauskokeilu": "Interpretation pilot"})
    english = for_pilot(pilot_en)
    assert [u.name for u in english] == ["Real-time interpretation"]
    assert english[0].catalogue_url == "/en/use-cases/#reaaliaikainen-tulkkaus"
    other = PilotPage(title="Muu", slug="muu", summary="Ei käyttötapauksia.")
    pilots.add_child(instance=other)
    assert for_pilot(other) == []


def test_use_cases_are_editable_snippets(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_reports_usecase:list"))
    assert response.status_code == 200
    assert "Hoitajakuiskaaja" in response.content.decode()


def test_catalogue_links_pilots_in_the_readers_language(client):
    home = HomePage.objects.get(locale__language_code="fi")
    pilots = PilotIndexPage(title="Kokeilut", slug="kokeilut-testi")
    home.add_child(instance=pilots)
    pilot = PilotPage(title="Lääkityskokeilu", slug="laakitys", summary="Lääkitysriskit.")
    pilots.add_child(instance=pilot)
    pilot.save_revision().publish()
    use_case = UseCase.objects.get(slug="laakitysriskien-tunnistaminen", locale__language_code="fi")
    use_case.pilots.add(UseCasePilot(pilot=pilot))
    use_case.save()
    translate(pilots, "en", {"Kokeilut": "Pilots", "kokeilut-testi": "pilots-test"})
    pilot_en = translate(
        pilot, "en", {"Lääkityskokeilu": "Medication pilot", "laakitys": "medication"}
    )
    pilot_en.save_revision().publish()
    html = client.get("/en/use-cases/").content.decode()
    assert 'href="/en/pilots-test/medication/"' in html
    assert "Medication pilot" in html


def test_editors_can_open_report_page_forms(admin_client):
    from reports.models import ReportIndexPage, ReportPage

    index = ReportIndexPage.objects.get(locale__language_code="fi")
    add = reverse("wagtailadmin_pages:add", args=["reports", "reportpage", index.pk])
    assert admin_client.get(add).status_code == 200
    report = ReportPage.objects.get(slug="tekoaly-hyvinvointialueilla")
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[report.pk])).content.decode()
    assert "PDF-tekstin poiminta" in edit and "Teksti poimittu" in edit
