"""SQLite FTS5: the embedded default, ranked with ``bm25()``.

BM25 saturates term frequency, so column weights alone barely lift a title match over a long
body. The score therefore adds a bonus per query clause found in the title (2) or summary (1) to
the BM25 score squashed into [0, 1): the same formula as the PostgreSQL backend, which keeps the
two backends' top results the same.
"""

from __future__ import annotations

from django.db import connection

from ..models import SearchDocument
from ..query import Clause, ParsedQuery
from .base import AND, SUMMARY_BONUS, TITLE_BONUS, DatabaseBackend

# bm25 column weights, in the column order of the search_fts table (see migration 0002).
WEIGHTS = (10.0, 10.0, 4.0, 4.0, 2.0, 1.0, 0.0)
TITLE_COLUMNS = "{title title_extra}"
SUMMARY_COLUMNS = "{summary summary_extra}"


def _quote(term: str) -> str:
    # Terms are letters and digits only (see search.analysis); quoting makes them plain strings.
    return '"' + term.replace('"', "") + '"'


def clause_expression(
    clause: Clause, phrase_columns: str = "{title summary body}", strong: bool = False
) -> str:
    """One clause: a phrase, or any of the word's terms (only the word's own with ``strong``)."""
    if clause.phrase:
        return f'{phrase_columns} : "{" ".join(clause.phrase_terms)}"'
    options = [_quote(t) for t in (clause.strong_terms if strong else clause.terms)]
    if clause.prefix:
        options.append(_quote(clause.prefix) + "*")
    return "(" + " OR ".join(options) + ")"


def fts_expression(query: ParsedQuery, operator: str = AND) -> str:
    """The FTS5 MATCH expression of a parsed query (every term quoted)."""
    return f" {operator.upper()} ".join(clause_expression(c) for c in query.clauses)


def column_expression(clause: Clause, columns: str, phrase_column: str) -> str:
    if clause.phrase:
        return clause_expression(clause, phrase_column)
    return f"{columns} : {clause_expression(clause, strong=True)}"


class SQLiteBackend(DatabaseBackend):
    name = "sqlite"
    id_column = "+rowid"  # the unary + keeps SQLite from driving FTS5 row by row

    def match_sql(
        self, query: ParsedQuery, operator: str, lang: str, scored: bool = True
    ) -> tuple[str, list]:
        # The language is a column of its own: FTS5 intersects it with the query in C.
        expression = f'{{lang}} : "{_quote(lang)[1:-1]}" AND ({fts_expression(query, operator)})'
        if not scored:
            sql = "SELECT rowid AS page_id, 0 AS score FROM search_fts WHERE search_fts MATCH %s"
            return sql, [expression]
        weights = ", ".join(str(w) for w in WEIGHTS)
        bonus_sql = []
        params: list = []
        for columns, phrase_column, bonus in (
            (TITLE_COLUMNS, "{title}", TITLE_BONUS),
            (SUMMARY_COLUMNS, "{summary}", SUMMARY_BONUS),
        ):
            for clause in query.clauses:
                bonus_sql.append(
                    f"(CASE WHEN search_fts.rowid IN (SELECT rowid FROM search_fts"
                    f" WHERE search_fts MATCH %s) THEN {bonus} ELSE 0 END)"
                )
                params.append(column_expression(clause, columns, phrase_column))
        bonus = " + ".join(bonus_sql) or "0"
        sql = (
            f"SELECT rowid AS page_id, {bonus}"
            f" + 1.0 - 1.0 / (1.0 - bm25(search_fts, {weights})) AS score"
            " FROM search_fts WHERE search_fts MATCH %s"
        )
        return sql, [*params, expression]

    def index_documents(self, documents: list[SearchDocument]) -> None:
        if not documents:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM search_fts WHERE rowid = %s", [[d.page_id] for d in documents]
            )
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, title_extra, summary, summary_extra,"
                " body, body_extra, lang) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    [
                        d.page_id,
                        d.title_terms,
                        d.title_extra,
                        d.summary_terms,
                        d.summary_extra,
                        d.body_terms,
                        d.body_extra,
                        d.lang,
                    ]
                    for d in documents
                ],
            )

    def delete(self, page_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [[i] for i in page_ids])

    def clear(self) -> None:
        super().clear()
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
