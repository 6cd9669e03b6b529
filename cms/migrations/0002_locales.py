"""Create the site's content locales: Finnish (default, source), Swedish and English.

Looked up by language code, so running it against a database that already has some of them is
safe. Reversing removes only the sv/en locales that hold no content.
"""

from django.db import migrations

LANGUAGE_CODES = ["fi", "sv", "en"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


def remove_empty_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    for code in ("sv", "en"):
        locale = Locale.objects.filter(language_code=code).first()
        if locale and not Page.objects.filter(locale=locale).exists():
            locale.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_locales, remove_empty_locales)]
