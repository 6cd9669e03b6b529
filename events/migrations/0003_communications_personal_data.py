"""Communications holds the rights on event registrations: the people signed up for events.

These records of people left the snippets (whose rights ``editorial.signals`` grants after each
migrate) for their own admin views, so their rights are granted here: view, add, change and
delete, looked up by natural key (idempotent). Nobody else gets them.
"""

from django.db import migrations

APP_LABEL = "events"
MODELS = ['registration']
ACTIONS = ["view", "add", "change", "delete"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _created = Group.objects.get_or_create(name="Communications")
    for model in MODELS:
        content_type, _created = ContentType.objects.get_or_create(app_label=APP_LABEL, model=model)
        for action in ACTIONS:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_plural_names"),
        ("editorial", "0001_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
