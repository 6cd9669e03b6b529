"""The Coordinators group (DigiFinland's coordination staff): admin access for the dashboard.

Looked up by name, idempotent; Communications and Liaisons come from the roles set-up.
"""

from django.db import migrations


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _created = Group.objects.get_or_create(name="Coordinators")
    admin_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access, _created = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group.permissions.add(access)


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
