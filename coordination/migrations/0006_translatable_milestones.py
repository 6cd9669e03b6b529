"""Milestones become translatable (issue 17: sv/en pages show no Finnish milestone names).

Each row gets its pilot page's locale; rows in the language versions of one pilot share a
``translation_key`` by position (sort order, then id), as wagtail-localize's synchronised copies
were made.
"""

import uuid
from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models


def fill_keys(apps, schema_editor):
    Milestone = apps.get_model("coordination", "Milestone")
    PilotPage = apps.get_model("pilots", "PilotPage")
    pages = {p.pk: p for p in PilotPage.objects.only("pk", "translation_key", "locale_id")}
    rows = defaultdict(list)
    for milestone in Milestone.objects.order_by("pilot_id", "sort_order", "pk"):
        rows[milestone.pilot_id].append(milestone)
    keys: dict[tuple, uuid.UUID] = {}
    for pilot_id, milestones in rows.items():
        page = pages[pilot_id]
        for position, milestone in enumerate(milestones):
            key = keys.setdefault((page.translation_key, position), uuid.uuid4())
            milestone.translation_key = key
            milestone.locale_id = page.locale_id
            milestone.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0005_communications_personal_data"),
        ("pilots", "0005_funding_budgets_not_negative"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="milestone",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="milestone",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="milestone",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="milestone",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="milestone",
            unique_together={("translation_key", "locale")},
        ),
    ]
