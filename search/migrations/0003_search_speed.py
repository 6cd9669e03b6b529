"""Search speed (docs/search.md): facet keys in the document row; PostgreSQL vectors in the row.

- ``facet_keys`` repeats a document's facets in its own row, so PostgreSQL counts the facets of
  thousands of matches from the rows it has already read instead of joining SearchFacet. SQLite
  copies it into the narrow ``search_facet_keys`` table beside its FTS5 table (rowid = page id),
  since reading a column behind the long text columns of a SQLite row means reading the whole row.
- PostgreSQL keeps both tsvectors and the facet keys in the table row (``STORAGE MAIN``) instead
  of out of line: matching, the ranking bonus, ``ts_rank_cd`` and facet counting read them for
  thousands of rows when a word is common, and out of line each read was an index lookup plus
  several chunk reads. (A row this wide pushes every other text column out of line, hence facet
  keys too.) A vector too big for a page (a long PDF) still goes out of line.

The fill below also rewrites every row, which moves the existing vectors into the rows now rather
than at their next reindex.
"""

from django.db import migrations, models

FILL = (
    "UPDATE search_searchdocument SET facet_keys = COALESCE(("
    "SELECT {aggregate} FROM search_searchfacet f"
    " WHERE f.document_id = search_searchdocument.page_id), '')"
)
AGGREGATES = {
    "postgresql": "string_agg(f.name || chr(31) || f.value, chr(30) ORDER BY f.name, f.value)",
    "sqlite": "group_concat(f.name || char(31) || f.value, char(30))",
}
PG_STORAGE = (
    "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET STORAGE {storage},"
    " ALTER COLUMN head_vector SET STORAGE {storage},"
    " ALTER COLUMN facet_keys SET STORAGE {storage}"
)


SQLITE_FACET_KEYS = [
    "CREATE TABLE IF NOT EXISTS search_facet_keys (rowid INTEGER PRIMARY KEY, keys TEXT)",
    "INSERT OR REPLACE INTO search_facet_keys (rowid, keys)"
    " SELECT page_id, facet_keys FROM search_searchdocument",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_STORAGE.format(storage="MAIN"))
    if vendor in AGGREGATES:
        schema_editor.execute(FILL.format(aggregate=AGGREGATES[vendor]))
    if vendor == "sqlite":
        for statement in SQLITE_FACET_KEYS:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_STORAGE.format(storage="EXTENDED"))
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_facet_keys")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_backend_structures")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="facet_keys",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(forward, backward),
    ]
