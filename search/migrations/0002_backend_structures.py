"""Backend structures that only one database vendor understands.

SQLite: an FTS5 table over the pre-analysed terms (rowid = page id), diacritics kept; the
language is an indexed column of its own, so FTS5 filters by it without a join.
PostgreSQL: a generated, weighted tsvector column over the same terms and its GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, title_extra, summary, summary_extra, body, body_extra, lang, "
    "tokenize = 'unicode61 remove_diacritics 0')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]

PG_VECTOR = (
    "setweight(to_tsvector('simple'::regconfig, coalesce(title_terms, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(title_extra, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(summary_terms, '')), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(summary_extra, '')), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(body_terms, '')), 'C') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(body_extra, '')), 'D')"
)
PG_HEAD_VECTOR = (
    "setweight(to_tsvector('simple'::regconfig, coalesce(title_terms, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(title_extra, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(summary_terms, '')), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(summary_extra, '')), 'B')"
)
PG_FORWARD = [
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS search_vector tsvector "
    f"GENERATED ALWAYS AS ({PG_VECTOR}) STORED",
    "CREATE INDEX IF NOT EXISTS search_document_vector_gin "
    "ON search_searchdocument USING gin (search_vector)",
    # Title and summary only: small (stays in the row), so the ranking bonus reads it cheaply.
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS head_vector tsvector "
    f"GENERATED ALWAYS AS ({PG_HEAD_VECTOR}) STORED",
]
PG_BACKWARD = [
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS head_vector",
    "DROP INDEX IF EXISTS search_document_vector_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        )
    ]
