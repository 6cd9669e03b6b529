"""Apply the role table of ``editorial.roles`` (every group's rights), build each pilot's
liaison group, and remove Wagtail's unused default groups.

Until now, Communications' snippet rights came from a ``post_migrate`` receiver that never ran
(the editorial app has no models), and liaison/translator page rights were computed by patching
Wagtail's permission policy. From here on every group's rights are stored rows that follow the
table, and liaison rights are ``GroupPagePermission`` rows of a per-pilot group.

When the table changes, add a migration like this one (``RunPython(apply_role_table)``) that
depends on the migrations creating each model the table names. Idempotent; reversing is a no-op
(the earlier migrations' groups stay).
"""

from django.db import migrations

from editorial.grants import apply_role_table, remove_unused_wagtail_groups
from editorial.liaisons import sync_all_pilots


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_communications_review"),
        ("cms", "0002_locales"),
        ("home", "0004_plural_names"),
        # The records-of-people grants of harden-auth run first; the table then sets every
        # group's rights exactly (it lists the same rights).
        ("coordination", "0005_communications_personal_data"),
        ("members", "0005_communications_personal_data"),
        ("pilots", "0004_communications_personal_data"),
        ("events", "0003_communications_personal_data"),
        ("reports", "0002_plural_names"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(apply_role_table, migrations.RunPython.noop),
        migrations.RunPython(sync_all_pilots, migrations.RunPython.noop),
        migrations.RunPython(remove_unused_wagtail_groups, migrations.RunPython.noop),
    ]
