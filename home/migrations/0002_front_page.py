"""Replace Wagtail's placeholder welcome page with the Finnish front page and point the site at it.

Looked up by natural keys (the root page's path, the page type, the locale's language code),
never by numeric id; a database that already has a front page is left as it is.
"""

import uuid

from django.db import migrations

ROOT_PATH = "0001"
HOME_PATH = "00010001"


def create_front_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")

    if HomePage.objects.exists():
        return
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    placeholder = Page.objects.filter(path=HOME_PATH, content_type=page_type).first()
    if placeholder is not None:
        Site.objects.filter(root_page=placeholder).delete()
        placeholder.delete()
    if Page.objects.filter(path=HOME_PATH).exists():
        return  # someone else's page stands there; leave the tree alone
    finnish, _ = Locale.objects.get_or_create(language_code="fi")
    home = HomePage.objects.create(
        title="Etusivu",
        draft_title="Etusivu",
        slug="etusivu",
        content_type=home_type,
        path=HOME_PATH,
        depth=2,
        numchild=0,
        url_path="/etusivu/",
        locale=finnish,
        translation_key=uuid.uuid4(),
        live=True,
        hero_title="SOTE-tekoälyn ekosysteemi",
        hero_text="",
        body=[],
    )
    Page.objects.filter(path=ROOT_PATH).update(numchild=Page.objects.filter(depth=2).count())
    Site.objects.get_or_create(
        hostname="localhost",
        port=80,
        defaults={"root_page_id": home.pk, "is_default_site": True, "site_name": "SOTE-tekoäly"},
    )


def remove_front_page(apps, schema_editor):
    HomePage = apps.get_model("home", "HomePage")
    Site = apps.get_model("wagtailcore", "Site")
    for home in HomePage.objects.filter(depth=2, numchild=0):
        Site.objects.filter(root_page=home).delete()
        home.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("cms", "0002_locales"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_front_page, remove_front_page)]
