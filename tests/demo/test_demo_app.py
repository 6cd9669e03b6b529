"""The demo app: installed only outside production, its data files valid, its content real."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Locale

from demo import data

ROOT = Path(settings.BASE_DIR)


def _installed_apps_under(module: str) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": module,
        "SECRET_KEY": "x" * 20 + "production-settings-check-only-0123456789",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    code = "import django; django.setup(); from django.apps import apps; print(apps.is_installed('demo'))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_production_settings_do_not_install_the_demo_app():
    assert _installed_apps_under("cms.settings.production") == "False"
    assert _installed_apps_under("cms.settings.dev") == "True"


def test_no_demo_modules_in_the_production_apps():
    for app in settings.PROJECT_APPS:
        modules = [p.name for p in (ROOT / app).glob("demo*.py")]
        assert modules == [], app


@pytest.mark.parametrize("name", data.data_files())
def test_every_data_file_validates(name):
    assert name in data.REQUIRED_KEYS, f"{name}.yaml has no entry in demo.data.REQUIRED_KEYS"
    assert data.load(name)


def test_every_declared_data_file_exists():
    assert set(data.REQUIRED_KEYS) == set(data.data_files())


def test_a_missing_top_level_key_names_the_file_and_key():
    with pytest.raises(data.DemoDataError, match=r"^pilots\.yaml: missing key 'funding_call'$"):
        data.validate(
            "pilots",
            {
                "start_date": "2025-01-01",
                "indicator_dates": {},
                "index": {},
                "lead_organisations": {},
                "pilots": [],
            },
        )


def test_a_value_of_the_wrong_kind_names_the_file_and_key():
    with pytest.raises(
        data.DemoDataError, match=r"^taxonomies\.yaml: key 'regions' must be a list"
    ):
        data.validate("taxonomies", {"regions": {}, "themes": []})


def test_a_missing_nested_key_names_its_full_path():
    record = data.Record({"pilots": [{"title": "x"}, {"title": "y"}]}, "pilots")
    with pytest.raises(
        data.DemoDataError, match=r"^pilots\.yaml: missing key 'pilots\[1\]\.region'$"
    ):
        record["pilots"][1]["region"]  # noqa: B018


def test_images_and_pdfs_named_in_the_data_exist():
    for spec in data.load("images")["images"]:
        assert (data.FILES_DIR / "images" / f"{spec['key']}.png").is_file(), spec["key"]
        assert {"fi", "sv", "en"} <= set(spec["alt"])
    for report in data.load("reports")["reports"]:
        path = data.DEMO_DIR / report["file"]["path"]
        assert path.read_bytes().startswith(b"%PDF-"), path


PERSONAL_EMAIL = re.compile(r"[\w.+-]+@(?!example\.invalid\b)[\w-]+\.[\w.]+")
PHONE = re.compile(r"(?:\+358|\b0\d{1,2})[\s-]?\d{2,3}[\s-]?\d{3,4}")


def test_data_files_publish_no_personal_contact_details():
    allowed = {"info@sotetekoaly.fi"}  # the organisation's own address
    for path in sorted(data.DATA_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert set(PERSONAL_EMAIL.findall(text)) <= allowed, path.name
        assert not PHONE.findall(text), path.name


# --- the loaded demo (smoke tests on the session's demo database) ---------------------------


@pytest.mark.demo
@pytest.mark.django_db
def test_news_and_blog_posts_have_real_bodies_in_every_language():
    from home.news import BlogPage, NewsPage

    for model in (NewsPage, BlogPage):
        articles = model.objects.filter(locale__language_code="fi")
        assert articles.exists()
        for article in articles:
            paragraphs = [b.value.source for b in article.body if b.block_type == "paragraph"]
            assert len(paragraphs) >= 3, article.title
            assert all(article.intro not in p for p in paragraphs), article.title
            for language in ("sv", "en"):
                translation = article.get_translation(Locale.objects.get(language_code=language))
                translated = [
                    b.value.source for b in translation.body if b.block_type == "paragraph"
                ]
                assert len(translated) == len(paragraphs)
                assert not set(translated) & set(paragraphs), (article.title, language)
    bodies = [
        b.value.source
        for model in (NewsPage, BlogPage)
        for a in model.objects.filter(locale__language_code="fi")
        for b in a.body
        if b.block_type == "paragraph"
    ]
    assert len(bodies) == len(set(bodies)), "a paragraph is printed twice"


@pytest.mark.demo
@pytest.mark.django_db
def test_articles_pilots_and_events_show_illustrations_with_translated_alt_text(client):
    from events.models import EventPage
    from home.news import NewsPage
    from pilots.models import PilotPage

    news = NewsPage.objects.filter(locale__language_code="fi").first()
    english = news.get_translation(Locale.objects.get(language_code="en"))
    assert news.lead_image and english.lead_image_alt != news.lead_image_alt
    assert news.lead_image.get_rendition("width-480").width == 480
    html = client.get(english.url).content.decode()
    assert f'alt="{english.lead_image_alt}"' in html
    for model in (PilotPage, EventPage):
        for page in model.objects.filter(locale__language_code="fi"):
            images = [b for b in page.body if b.block_type == "image"]
            assert len(images) == 1 and images[0].value["alt_text"], page.title
    pilot = PilotPage.objects.filter(locale__language_code="sv").first()
    alt = next(b for b in pilot.body if b.block_type == "image").value["alt_text"]
    assert alt in client.get(pilot.url).content.decode()


@pytest.mark.demo
@pytest.mark.django_db
def test_pilot_updates_have_a_few_paragraphs():
    from pilots.models import PilotUpdatePage

    updates = PilotUpdatePage.objects.filter(locale__language_code="fi")
    assert updates.count() >= 3
    for update in updates:
        assert len([b for b in update.body if b.block_type == "paragraph"]) >= 3, update.title


@pytest.mark.demo
@pytest.mark.django_db
def test_member_count_is_stated_honestly(client):
    from members.models import MemberOrganisation

    listed = MemberOrganisation.objects.filter(locale__language_code="fi").count()
    assert listed < 250
    html = client.get("/fi/jasenet/").content.decode()
    assert "yli 250 jäsenorganisaatiota" in html
    assert "Tässä luettelossa on niistä osa" in html
    assert "over 250 member organisations" in client.get("/en/members/").content.decode()
