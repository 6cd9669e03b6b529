"""Public pages: the register with filters, lessons, a pilot's sections; no internal text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Locale, Page

from coordination.models import (
    LegislativeNeed,
    LegislativeNeedsPage,
    LessonsLearnedPage,
    Milestone,
    ProgressReport,
    ReportMeasurement,
)
from tests.factories import (
    LegislativeNeedFactory,
    LegislativeNeedsPageFactory,
    LessonsLearnedPageFactory,
    translate,
)

pytestmark = pytest.mark.django_db

INTERNAL = "Luottamuksellinen riski: toimittajan maksuvaikeudet."
PUBLIC = "Kokeilu eteni ja opimme integraatioista."


@pytest.fixture
def pilot(make_pilot):
    page = make_pilot("Julkinen kokeilu", theme="parempi-asiakaspalvelu")
    Milestone.objects.create(
        pilot=page, name="Käyttöönotto", planned_date=dt.date(2025, 2, 1), sort_order=0
    )
    Milestone.objects.create(
        pilot=page, name="Loppuraportti", planned_date=dt.date(2099, 1, 1), sort_order=1
    )
    approved = ProgressReport.objects.create(
        pilot=page,
        period_start=dt.date(2025, 2, 1),
        state="approved",
        progress_summary=INTERNAL,
        risks=INTERNAL,
        next_steps=INTERNAL,
        public_update_text=PUBLIC,
    )
    ReportMeasurement.objects.create(
        report=approved,
        indicator_name="Jonotusaika",
        unit="min",
        date=dt.date(2025, 2, 28),
        value=Decimal("7.5"),
    )
    draft = ProgressReport.objects.create(
        pilot=page,
        period_start=dt.date(2025, 3, 1),
        progress_summary=INTERNAL,
        public_update_text="Luonnosteksti, ei vielä julkinen.",
    )
    ReportMeasurement.objects.create(
        report=draft, indicator_name="Salainen mittari", date=dt.date(2025, 3, 31), value=1
    )
    fi = Locale.get_default()
    LegislativeNeed.objects.create(
        locale=fi,
        topic="records",
        law="Julkinen laki",
        description="Julkinen kuvaus",
        raised_by="Alue",
        raised_on=dt.date(2025, 2, 2),
        pilot=page,
        is_public=True,
        handling_status="acted_on",
    )
    LegislativeNeed.objects.create(
        locale=fi,
        topic="records",
        law="Sisäinen laki",
        description=INTERNAL,
        raised_by="Alue",
        raised_on=dt.date(2025, 2, 3),
        pilot=page,
        is_public=False,
    )
    return page


@pytest.fixture
def register(locale_tree) -> LegislativeNeedsPage:
    """The Finnish register page and its English translation, with one public English need."""
    page = LegislativeNeedsPageFactory(slug="lainsaadantotarpeet")
    translate(page, "en", title="Legislative needs", slug="legislative-needs")
    LegislativeNeedFactory(
        locale=locale_tree.en.locale, law="Social Welfare Act (1301/2014)", is_public=True
    )
    return page


@pytest.fixture
def lessons(db) -> LessonsLearnedPage:
    return LessonsLearnedPageFactory(slug="opit")


@pytest.mark.demo
def test_demo_pages_exist_in_three_languages():
    register = LegislativeNeedsPage.objects.get(locale=Locale.get_default())
    lessons = LessonsLearnedPage.objects.get(locale=Locale.get_default())
    slugs = {p.locale.language_code: p.slug for p in register.get_translations(inclusive=True)}
    assert slugs == {
        "fi": "lainsaadantotarpeet",
        "sv": "lagstiftningsbehov",
        "en": "legislative-needs",
    }
    slugs = {p.locale.language_code: p.slug for p in lessons.get_translations(inclusive=True)}
    assert slugs == {"fi": "opit", "sv": "lardomar", "en": "lessons-learned"}
    assert LegislativeNeed.objects.filter(locale__language_code="fi", is_public=True).count() >= 5
    en = LegislativeNeed.objects.filter(locale__language_code="en")
    assert en.filter(law__startswith="Social Welfare Act").exists()


def test_register_lists_public_needs_with_filters_and_counts(client, pilot, register):
    url = register.url
    page = client.get(url).content.decode()
    assert "Julkinen laki" in page and "Sisäinen laki" not in page and INTERNAL not in page
    filtered = client.get(url, {"pilot": pilot.slug, "status": "acted_on"}).content.decode()
    assert "Julkinen laki" in filtered
    assert "Laki sosiaali- ja terveydenhuollon asiakastietojen" not in filtered
    assert "1 need of" in filtered or "1 tarve" in filtered
    assert "Social Welfare Act" in client.get("/en/legislative-needs/").content.decode()
    assert client.get(url, {"topic": "<script>"}).status_code == 400
    assert client.get(url, {"pilot": "no-such-pilot"}).status_code == 400


def test_pilot_sections_tag_shows_timeline_measurements_and_needs(pilot):
    request = RequestFactory().get("/")
    html = Template("{% load coordination_tags %}{% pilot_coordination_sections page %}").render(
        Context({"page": pilot, "request": request})
    )
    assert "Käyttöönotto" in html and "Loppuraportti" in html
    assert "Late" in html or "Myöhässä" in html  # the past milestone, derived from its date
    assert "Jonotusaika" in html  # approved measurement
    assert "Salainen mittari" not in html  # draft report's measurement
    assert "Julkinen laki" in html and "Sisäinen laki" not in html
    assert INTERNAL not in html


def test_lessons_page_shows_public_update_text_only(client, pilot, lessons):
    html = client.get(lessons.url).content.decode()
    assert PUBLIC in html
    assert "Luonnosteksti" not in html
    assert INTERNAL not in html
    assert "Parempi asiakaspalvelu" in html  # grouped by theme


def test_internal_text_is_on_no_public_page_or_api(client, pilot, register, lessons):
    from pilots.models import PilotIndexPage, PilotPage

    # Pilot pages' templates belong to the pilots branch; their coordination part is the
    # template tag tested above.
    pages = Page.objects.live().public().not_type(PilotIndexPage, PilotPage).specific()
    urls = [p.url for p in pages if p.url]
    assert register.url in urls and lessons.url in urls
    urls += ["/api/evaluation/", "/api/v2/pages/?limit=100", f"/api/v2/pages/{pilot.pk}/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert INTERNAL not in response.content.decode(), url


def test_internal_text_is_not_found_by_site_search(pilot):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    # The index is live in tests: the pilot's public summary is found ...
    assert pilot.pk in [p.pk for p in backend.search("tiivistelmä", Page)]
    # ... and the internal report sentence is not.
    for model in (Page, LegislativeNeed):
        assert list(backend.search("maksuvaikeudet", model)) == [], model


def test_lessons_show_each_language_its_own_update_or_the_finnish_one_marked(
    client, locale_tree, pilot, lessons
):
    """One language at a time: a Swedish update on the Swedish page; without an English one the
    English page shows the Finnish text marked as Finnish, not as if it were English."""
    report = ProgressReport.objects.get(pilot=pilot, state="approved")
    report.public_update_text_sv = "Försöket gick framåt och vi lärde oss om integrationer."
    report.save()
    assert report.public_update("sv") == (report.public_update_text_sv, "sv")
    assert report.public_update("en") == (PUBLIC, "fi")
    swedish = translate(lessons, "sv", slug="lardomar", title="Lärdomar")
    english = translate(lessons, "en", slug="lessons-learned", title="Lessons learned")
    html = client.get(swedish.url).content.decode()
    assert '<p lang="sv">Försöket gick framåt' in html and PUBLIC not in html
    html = client.get(english.url).content.decode()
    assert f'<p lang="fi">{PUBLIC}</p>' in html and "(in Finnish)" in html
