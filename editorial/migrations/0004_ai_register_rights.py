"""Apply the role table again for the AI register: Communications handles readers' feedback on
register records; Coordinators read it (and see the "records due for review" panel).

Record pages need no new rows: Communications' rights on the tree root and translators' on
their locale's home cover them, and a pilot's record is a child of the pilot page, so the pilot's
own ``Liaisons: <pilot>`` group edits it and no other group of liaisons does.
"""

from django.db import migrations

from editorial.grants import apply_role_table


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_role_table"),
        ("airegister", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply_role_table, migrations.RunPython.noop)]
