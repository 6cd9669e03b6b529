"""One row per result, not per page: pages' listed items (use cases…) become results too.

The index is derived data (``manage.py search_reindex`` rebuilds it), so the tables are
recreated rather than altered: the primary key changes from the page to an id of its own,
which also becomes the rowid of SQLite's FTS5 table. PostgreSQL's generated vectors (0002) and
their in-row storage (0003) are added again to the new table. Run ``search_reindex`` after.
"""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

structures = import_module("search.migrations.0002_backend_structures")


def clear_sqlite(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DELETE FROM search_fts")
        schema_editor.execute("DELETE FROM search_facet_keys")


def add_pg_structures(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in structures.PG_FORWARD:
            schema_editor.execute(statement)
        schema_editor.execute(
            "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET STORAGE MAIN,"
            " ALTER COLUMN head_vector SET STORAGE MAIN,"
            " ALTER COLUMN facet_keys SET STORAGE MAIN"
        )


DOCUMENT_FIELDS = [
    (
        "id",
        models.BigAutoField(
            auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
        ),
    ),
    ("item", models.CharField(blank=True, default="", max_length=120)),
    ("lang", models.CharField(db_index=True, max_length=8)),
    ("url", models.CharField(max_length=1000)),
    ("content_type", models.CharField(db_index=True, max_length=100)),
    ("title", models.CharField(max_length=500)),
    ("summary", models.TextField(blank=True)),
    ("body", models.TextField(blank=True)),
    ("title_terms", models.TextField(blank=True)),
    ("title_extra", models.TextField(blank=True)),
    ("summary_terms", models.TextField(blank=True)),
    ("summary_extra", models.TextField(blank=True)),
    ("body_terms", models.TextField(blank=True)),
    ("body_extra", models.TextField(blank=True)),
    ("title_key", models.CharField(blank=True, db_index=True, max_length=500)),
    ("facet_keys", models.TextField(blank=True, default="")),
    ("updated_at", models.DateTimeField(auto_now=True)),
    (
        "page",
        models.ForeignKey(
            on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.page"
        ),
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_vocabulary_base"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunPython(clear_sqlite, migrations.RunPython.noop),
        migrations.DeleteModel(name="SearchFacet"),
        migrations.DeleteModel(name="SearchDocument"),
        migrations.CreateModel(
            name="SearchDocument",
            fields=DOCUMENT_FIELDS,
            options={
                "indexes": [
                    models.Index(fields=["lang", "title_key"], name="search_sear_lang_2fa8d8_idx")
                ],
                "constraints": [
                    models.UniqueConstraint(fields=("page", "item"), name="search_document_uniq")
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchFacet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=40)),
                ("value", models.CharField(max_length=200)),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="facets",
                        to="search.searchdocument",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["name", "value"], name="search_sear_name_720d47_idx")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("document", "name", "value"), name="search_facet_uniq"
                    )
                ],
            },
        ),
        migrations.RunPython(add_pg_structures, migrations.RunPython.noop),
    ]
