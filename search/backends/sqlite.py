"""SQLite FTS5: the embedded default, ranked with ``bm25()``.

A search is two statements (see DatabaseBackend): one FTS5 match gives the bonus tiers, the
count, the facet counts (from the narrow ``search_facet_keys`` table, not a join of every facet
row) and the candidates of the page; ``bm25()`` then runs for those candidates only.

BM25 saturates term frequency, so column weights alone barely lift a title match over a long
body. The score therefore adds a bonus per query clause found in the title (2) or summary (1) to
the BM25 score squashed into [0, 1): the same formula as the PostgreSQL backend, which keeps the
two backends' top results the same.
"""

from __future__ import annotations

import json

from django.db import connection

from ..models import SearchDocument
from ..query import Clause, ParsedQuery
from .base import (
    AND,
    EXACT_TITLE_BONUS,
    SUMMARY_BONUS,
    TITLE_BONUS,
    BackendResults,
    DatabaseBackend,
    Hit,
    add_facet_counts,
    query_title_key,
)

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


# Row kinds of the counting statement (its first column): a candidate of the page, a bonus tier's
# count, a facet count, a count of a filtered facet without its own filter.
CANDIDATE, TIER, FACET, OWN_FACET = 0, 1, 2, 3


def _facet_filter(facets: dict[str, list[str]]) -> tuple[str, list]:
    """``AND id IN (documents with one of the values)`` per facet name."""
    sql, params = "", []
    for name, values in sorted(facets.items()):
        if values:
            marks = ", ".join(["%s"] * len(values))
            sql += (
                " AND id IN (SELECT document_id FROM search_searchfacet"
                f" WHERE name = %s AND value IN ({marks}))"
            )
            params += [name, *values]
    return sql, params


class SQLiteBackend(DatabaseBackend):
    name = "sqlite"

    def expression(self, query: ParsedQuery, operator: str, lang: str) -> str:
        """The MATCH expression: the language is a column of its own, intersected by FTS5 in C."""
        return f'{{lang}} : "{_quote(lang)[1:-1]}" AND ({fts_expression(query, operator)})'

    def bonus_sql(self, query: ParsedQuery) -> tuple[str, list]:
        """Title (2) and summary (1) bonus per clause: membership in column-filtered matches; a
        title that is the whole query adds ``EXACT_TITLE_BONUS``."""
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
        bonus_sql.append(
            "(CASE WHEN search_fts.rowid IN (SELECT id FROM search_searchdocument"
            f" WHERE title_key = %s) THEN {EXACT_TITLE_BONUS} ELSE 0 END)"
        )
        params.append(query_title_key(query))
        return " + ".join(bonus_sql), params

    def search(
        self,
        query: ParsedQuery,
        lang: str,
        facets: dict[str, list[str]],
        offset: int,
        limit: int,
        operator: str = AND,
    ) -> BackendResults:
        """Two statements: tiers, facet counts and the page's candidates; then bm25 of those."""
        if query.is_empty:
            return BackendResults(0, [])
        facets = {name: values for name, values in facets.items() if values}
        expression = self.expression(query, operator, lang)
        bonus, bonus_params = self.bonus_sql(query)
        sql = (
            "WITH base AS MATERIALIZED ("
            f" SELECT rowid AS id, {bonus} AS bonus FROM search_fts WHERE search_fts MATCH %s)"
        )
        params: list = [*bonus_params, expression]
        if facets:
            where, where_params = _facet_filter(facets)
            sql += f", m AS MATERIALIZED (SELECT * FROM base WHERE 1{where})"
            params += where_params
        else:
            sql += ", m AS (SELECT * FROM base)"
        # The lowest bonus tier that can reach the page: higher tiers hold offset + limit rows.
        sql += (
            ", tiers AS (SELECT bonus, COUNT(*) AS n FROM m GROUP BY bonus)"
            ", cut AS (SELECT COALESCE(MAX(bonus), -1) AS bonus FROM ("
            "  SELECT bonus, SUM(n) OVER (ORDER BY bonus DESC) AS reached FROM tiers)"
            "  WHERE reached >= %s)"
            f" SELECT {CANDIDATE}, id, bonus FROM m WHERE bonus >= (SELECT bonus FROM cut)"
            f" UNION ALL SELECT {TIER}, bonus, n FROM tiers"
            f" UNION ALL SELECT {FACET}, k.keys, COUNT(*)"
            " FROM m JOIN search_facet_keys k ON k.rowid = m.id GROUP BY k.keys"
        )
        params.append(offset + limit)
        # Counts of a filtered facet ignore its own filter, so the other values stay choosable.
        filtered = sorted(facets)
        for index, name in enumerate(filtered):
            where, where_params = _facet_filter({n: v for n, v in facets.items() if n != name})
            sql += (
                f" UNION ALL SELECT {OWN_FACET + index}, k.keys, COUNT(*)"
                f" FROM base JOIN search_facet_keys k ON k.rowid = base.id WHERE 1{where}"
                " GROUP BY k.keys"
            )
            params += where_params
        count = 0
        candidates: dict[int, int] = {}
        facet_counts: dict[str, dict[str, int]] = {}
        own_counts: dict[str, dict[str, int]] = {name: {} for name in facets}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for kind, key, number in cursor.fetchall():
                if kind == CANDIDATE:
                    candidates[key] = number
                elif kind == TIER:
                    count += number
                elif kind == FACET:
                    add_facet_counts(facet_counts, key, number)
                else:
                    add_facet_counts(own_counts, key, number, only=filtered[kind - OWN_FACET])
            facet_counts.update(own_counts)
            if not count:
                return BackendResults(0, [], own_counts)
            # bm25 only for the candidates; the same MATCH gives the same bm25 as ranking all.
            weights = ", ".join(str(w) for w in WEIGHTS)
            cursor.execute(
                f"SELECT rowid, bm25(search_fts, {weights}) FROM search_fts"
                " WHERE search_fts MATCH %s AND +rowid IN (SELECT value FROM json_each(%s))",
                [expression, json.dumps(list(candidates))],
            )
            ranked = sorted((-candidates[i], bm25, i) for i, bm25 in cursor.fetchall())
        hits = [
            Hit(document_id, -tier + 1.0 - 1.0 / (1.0 - bm25))
            for tier, bm25, document_id in ranked[offset : offset + limit]
        ]
        return BackendResults(count, hits, facet_counts)

    def index_documents(self, documents: list[SearchDocument]) -> None:
        if not documents:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM search_fts WHERE rowid = %s", [[d.pk] for d in documents]
            )
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, title_extra, summary, summary_extra,"
                " body, body_extra, lang) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    [
                        d.pk,
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
            cursor.executemany(
                "INSERT OR REPLACE INTO search_facet_keys (rowid, keys) VALUES (%s, %s)",
                [[d.pk, d.facet_keys] for d in documents],
            )

    def delete(self, document_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            ids = [[i] for i in document_ids]
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", ids)
            cursor.executemany("DELETE FROM search_facet_keys WHERE rowid = %s", ids)

    def optimise(self) -> None:
        """Merge the FTS5 segments into one: after a bulk load a common word's matches are spread
        over a segment per batch, and a query read them all (a 10,000-document bench index:
        a common word 7.7 → 3.2 ms, a 3-letter prefix 9.4 → 2.5 ms; docs/search.md)."""
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")

    def clear(self) -> None:
        super().clear()
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
            cursor.execute("DELETE FROM search_facet_keys")
