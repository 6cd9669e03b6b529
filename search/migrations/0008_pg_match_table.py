"""PostgreSQL: a narrow match table beside the search documents (#18, docs/search.md).

A search for a common word matches most documents of a language, and the statement read every
matching row of ``search_searchdocument`` for its title/summary bonus and facet keys: a row about
as wide as a page, since the full ``search_vector`` (5 KB on average at bench scale) is stored in
it. ``search_match`` holds only what matching, the bonus and the facet counts read — the
document's id, language, title key, facet keys and head vector — plus a copy of its vector
without positions or weights (``strip``) for the GIN index, which moves from the documents to
this table. That copy goes out of line (TOAST) and is never read: a word or prefix query is
answered by the index alone (GIN needs no recheck without weights or phrases), and a phrase is
checked against the documents' own vector (see ``search.backends.postgres``). The documents keep
their in-row vector for ``ts_rank_cd`` of the few rows that can reach the page.

One source of truth: the table is derived from ``search_searchdocument`` by statement triggers
(insert, update, delete, truncate), whatever writes the rows (the ORM, ``COPY``, a flush). It is
no Django model, so the test suite's table snapshots and flushes leave it to the triggers.

No statistics on the copy (``SET STATISTICS 0``) and a short GIN pending list: the planner then
keeps its default, small estimate for ``@@`` and takes the GIN index. With statistics it saw
that a common word matches 70 % of the rows, and with a long pending list it priced the index
high; either way it chose a sequential scan, which reads every out-of-line vector.
"""

from django.db import migrations

COLUMNS = "id, lang, title_key, facet_keys, head_vector, search_vector"
FROM_DOCUMENTS = "id, lang, title_key, facet_keys, head_vector, strip(search_vector)"
UPSERT = (
    f"INSERT INTO search_match ({COLUMNS}) SELECT {FROM_DOCUMENTS} FROM new_rows"
    " ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, title_key = excluded.title_key,"
    " facet_keys = excluded.facet_keys, head_vector = excluded.head_vector,"
    " search_vector = excluded.search_vector"
)
DELETE = "DELETE FROM search_match m USING old_rows o WHERE m.id = o.id"


def _function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN {body}; RETURN NULL; END $$"
    )


# (trigger, event, transition tables, function body)
TRIGGERS = (
    ("search_match_insert", "INSERT", "NEW TABLE AS new_rows", UPSERT),
    (
        "search_match_update",
        "UPDATE",
        "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        f"{DELETE}; {UPSERT}",
    ),
    ("search_match_delete", "DELETE", "OLD TABLE AS old_rows", DELETE),
    ("search_match_truncate", "TRUNCATE", "", "TRUNCATE search_match"),
)

PG_FORWARD = [
    "CREATE TABLE search_match ("
    " id integer PRIMARY KEY,"  # = search_searchdocument.id
    " lang varchar(8) NOT NULL,"
    " title_key varchar(500) NOT NULL,"
    " facet_keys text NOT NULL,"
    " head_vector tsvector NOT NULL,"
    " search_vector tsvector NOT NULL)",
    # The bonus and the facet counts read these for every match: keep them in the row.
    "ALTER TABLE search_match ALTER COLUMN head_vector SET STORAGE MAIN,"
    " ALTER COLUMN facet_keys SET STORAGE MAIN,"
    " ALTER COLUMN search_vector SET STATISTICS 0",
    # Triggers first: they lock the documents against writes until the fill has committed.
    *[_function(name, body) for name, _, _, body in TRIGGERS],
    *[
        f"CREATE TRIGGER {name} AFTER {event} ON search_searchdocument"
        + (f" REFERENCING {tables}" if tables else "")
        + f" FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        for name, event, tables, _ in TRIGGERS
    ],
    f"INSERT INTO search_match ({COLUMNS}) SELECT {FROM_DOCUMENTS} FROM search_searchdocument",
    # A short pending list (64 kB, the least; 4 MB by default): GIN's cost estimate counts the
    # pending pages, and with a few hundred of them (after indexing a few hundred documents)
    # the planner chose a sequential scan again (140-200 ms instead of 10-15 ms for a common
    # word). ``optimise()`` empties the list after a bulk load.
    "CREATE INDEX search_match_vector_gin ON search_match USING gin (search_vector)"
    " WITH (gin_pending_list_limit = 64)",
    # Nothing matches against the documents' vector any more (only phrases are checked on it,
    # row by row): its index would only slow indexing down.
    "DROP INDEX IF EXISTS search_document_vector_gin",
    "ANALYZE search_match",
]
PG_BACKWARD = [
    *[f"DROP TRIGGER IF EXISTS {name} ON search_searchdocument" for name, _, _, _ in TRIGGERS],
    *[f"DROP FUNCTION IF EXISTS {name}()" for name, _, _, _ in TRIGGERS],
    "DROP TABLE IF EXISTS search_match",
    "CREATE INDEX IF NOT EXISTS search_document_vector_gin "
    "ON search_searchdocument USING gin (search_vector)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0007_fts_prefix_index")]

    operations = [migrations.RunPython(_run(PG_FORWARD), _run(PG_BACKWARD))]
