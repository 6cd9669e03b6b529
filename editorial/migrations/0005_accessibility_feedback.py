"""Communications handles accessibility feedback (a record of people): apply the role table."""

from django.db import migrations

from editorial.grants import apply_role_table


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_ai_register_rights"),
        ("home", "0005_accessibility_statement"),
    ]

    operations = [migrations.RunPython(apply_role_table, migrations.RunPython.noop)]
