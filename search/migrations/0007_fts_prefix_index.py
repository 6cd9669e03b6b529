"""SQLite: FTS5 prefix indexes for 3-, 4- and 5-letter prefixes.

A query whose last word is still being typed matches it as a prefix (``tes*``). Without a prefix
index FTS5 merges the position lists of every term that starts with it, which for a short prefix
of a common word was a third of the slowest queries' time (54 ms → 12 ms at 10,000 documents,
docs/search.md). Longer prefixes (a Finnish stem prefix has at least 7 letters) expand to few
terms and stay fast without one. The table is rebuilt with its rows; PostgreSQL is unchanged.
"""

from django.db import migrations

COLUMNS = "title, title_extra, summary, summary_extra, body, body_extra, lang"
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'"


def _rebuild(options: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in (
            "DROP TABLE IF EXISTS search_fts_rebuilt",
            f"CREATE VIRTUAL TABLE search_fts_rebuilt USING fts5({COLUMNS}, {options})",
            f"INSERT INTO search_fts_rebuilt (rowid, {COLUMNS})"
            f" SELECT rowid, {COLUMNS} FROM search_fts",
            "DROP TABLE search_fts",
            "ALTER TABLE search_fts_rebuilt RENAME TO search_fts",
        ):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_vocabulary_analysis")]

    operations = [
        migrations.RunPython(
            _rebuild(f"{TOKENIZE}, prefix = '3 4 5'"),
            _rebuild(TOKENIZE),
        )
    ]
