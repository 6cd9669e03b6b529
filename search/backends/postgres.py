"""PostgreSQL: a generated tsvector of the pre-analysed terms ('simple' config), GIN, ts_rank_cd.

The tsvector column is maintained by PostgreSQL itself (see migration 0002): indexing is just
saving the SearchDocument row. The score is the formula of the SQLite backend: a bonus per
clause found in the title (weight A) or summary (weight B) plus ``ts_rank_cd`` squashed into
[0, 1) (normalisation 32), so both backends agree on the top results. The bonus reads the small
``head_vector`` (title and summary only) rather than the full vector.

Speed (docs/search.md): one statement per search. It matches once, computes the cheap bonus of
every match, and derives the count, the facet counts and the page from that one materialised set.
Since the bonus is an integer and the squashed rank lies in [0, 1), the order is lexicographic —
bonus first, rank second — so ``ts_rank_cd``, by far the dearest part (it reads the whole vector),
runs only for the matches in the bonus tiers that can reach the requested page: for a common word
that is a fraction of the matches, for most queries a handful.

Matching, the bonus and the facet counts read the narrow ``search_match`` table (migration 0008:
id, language, title key, facet keys, head vector, and a position-less copy of the vector for its
GIN index), kept by triggers in step with the documents; the wide document row (its full vector
is in the row, ``STORAGE MAIN``) is read only to rank the rows that can reach the page and to
check a phrase's word order.
"""

from __future__ import annotations

from django.db import connection

from ..models import SearchDocument
from ..query import Clause, ParsedQuery
from .base import (
    AND,
    EXACT_TITLE_BONUS,
    FACET_NAME_SEPARATOR,
    FACET_SEPARATOR,
    SUMMARY_BONUS,
    TITLE_BONUS,
    BackendResults,
    DatabaseBackend,
    Hit,
    add_facet_counts,
    query_title_key,
)

# ts_rank_cd weights for {D, C, B, A}: body extras, body, summary, title.
RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"

# Row kinds of the one search statement (its first column): a hit of the page, the total count,
# a facet count, a count of a filtered facet without its own filter.
PAGE, TOTAL, FACET, OWN_FACET = 0, 1, 2, 3


def _clause_terms(clause: Clause, strong: bool) -> list[str]:
    """The clause's terms, less those its prefix already matches (they rank the same)."""
    terms = clause.strong_terms if strong else clause.terms
    if clause.prefix:
        terms = [t for t in terms if not t.startswith(clause.prefix)]
    return terms


def clause_tsquery(clause: Clause, weight: str = "") -> str:
    if clause.phrase:
        return (
            "(" + " <-> ".join(f"{t}:{weight}" if weight else t for t in clause.phrase_terms) + ")"
        )
    options = [f"{t}:{weight}" if weight else t for t in _clause_terms(clause, bool(weight))]
    if clause.prefix:
        options.append(f"{clause.prefix}:*{weight}")
    return "(" + " | ".join(options) + ")"


def tsquery_expression(query: ParsedQuery, operator: str = AND, relaxed: bool = False) -> str:
    """The to_tsquery text of a parsed query (terms are letters and digits only).

    ``relaxed``: each phrase as the AND of its terms, which needs no positions: what the GIN
    index of ``search_match`` answers alone (its vector has none). It matches every document the
    exact expression matches, and more when a phrase's words are not in order.
    """
    clauses = [
        "(" + " & ".join(c.phrase_terms) + ")" if relaxed and c.phrase else clause_tsquery(c)
        for c in query.clauses
    ]
    return (" & " if operator == AND else " | ").join(clauses)


def _facet_filter(facets: dict[str, list[str]]) -> tuple[str, list]:
    """``AND`` the row has one of the values, per facet name, read from the row's facet keys.

    No join: a join's plan depends on statistics, and right after a bulk index there are none
    (the planner then nests loops over thousands of rows).
    """
    sql, params = "", []
    for name, values in sorted(facets.items()):
        if values:
            sql += " AND string_to_array(facet_keys, %s) && %s::text[]"
            params += [FACET_SEPARATOR, [f"{name}{FACET_NAME_SEPARATOR}{v}" for v in values]]
    return sql, params


class PostgresBackend(DatabaseBackend):
    name = "postgres"

    def bonus_sql(self, query: ParsedQuery) -> tuple[str, list]:
        """Title (2) and summary (1) bonus per clause, read from the small head vector."""
        bonus_sql = []
        params: list = []
        for weight, bonus in (("A", TITLE_BONUS), ("B", SUMMARY_BONUS)):
            for clause in query.clauses:
                bonus_sql.append(
                    f"(CASE WHEN m.head_vector @@ to_tsquery('simple', %s) THEN {bonus} ELSE 0 END)"
                )
                params.append(clause_tsquery(clause, weight))
        bonus_sql.append(f"(CASE WHEN m.title_key = %s THEN {EXACT_TITLE_BONUS} ELSE 0 END)")
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
        """Count, page and facet counts in one statement over one materialised match."""
        if query.is_empty:
            return BackendResults(0, [])
        facets = {name: values for name, values in facets.items() if values}
        expression = tsquery_expression(query, operator)
        bonus, bonus_params = self.bonus_sql(query)
        # ``base``: every match of the words with its bonus; ``filtered``: those in the filters.
        # The narrow table's GIN index finds the matches; a phrase's word order is then checked
        # on the document's own vector (the narrow copy has no positions).
        sql = (
            "WITH base AS MATERIALIZED ("
            f" SELECT m.id, m.facet_keys, {bonus} AS bonus FROM search_match m"
        )
        params: list = [*bonus_params]
        if any(clause.phrase for clause in query.clauses):
            sql += (
                " JOIN search_searchdocument d ON d.id = m.id"
                " AND d.search_vector @@ to_tsquery('simple', %s)"
            )
            params.append(expression)
        sql += " WHERE m.search_vector @@ to_tsquery('simple', %s) AND m.lang = %s)"
        params += [tsquery_expression(query, operator, relaxed=True), lang]
        matches = "base"  # without filters the page reads ``base`` itself, not a second copy
        if facets:
            where, where_params = _facet_filter(facets)
            sql += f", filtered AS MATERIALIZED (SELECT * FROM base WHERE TRUE{where})"
            params += where_params
            matches = "filtered"
        # The lowest bonus tier that can reach the page: higher tiers hold offset + limit rows.
        sql += (
            f", tiers AS (SELECT bonus, COUNT(*) AS n FROM {matches} GROUP BY bonus)"
            ", cut AS (SELECT COALESCE(MAX(bonus), -1) AS bonus FROM ("
            "  SELECT bonus, SUM(n) OVER (ORDER BY bonus DESC) AS reached FROM tiers) t"
            "  WHERE reached >= %s)"
            ", page AS ("
            " SELECT b.id, b.bonus,"
            "  ts_rank_cd(%s::float4[], d.search_vector, to_tsquery('simple', %s), 32) AS rank"
            f" FROM {matches} b JOIN search_searchdocument d ON d.id = b.id"
            " WHERE b.bonus >= (SELECT bonus FROM cut)"
            " ORDER BY b.bonus DESC, rank DESC, b.id LIMIT %s OFFSET %s)"
            f" SELECT {PAGE}, NULL, id, bonus, rank FROM page"
            f" UNION ALL SELECT {TOTAL}, NULL, SUM(n), NULL, NULL FROM tiers"
            # Documents share few facet combinations: counting those is far cheaper than
            # counting every value of every match; Python adds them up per value.
            f" UNION ALL SELECT {FACET}, facet_keys, COUNT(*), NULL, NULL FROM {matches}"
            " GROUP BY facet_keys"
        )
        params += [offset + limit, RANK_WEIGHTS, expression, limit, offset]
        # Counts of a filtered facet ignore its own filter, so the other values stay choosable.
        filtered = sorted(facets)
        for index, name in enumerate(filtered):
            others = {n: v for n, v in facets.items() if n != name}
            where, where_params = _facet_filter(others)
            sql += (
                f" UNION ALL SELECT {OWN_FACET + index}, facet_keys, COUNT(*), NULL, NULL"
                f" FROM base WHERE TRUE{where} GROUP BY facet_keys"
            )
            params += where_params
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        count = 0
        page: list[tuple[int, float, int]] = []
        facet_counts: dict[str, dict[str, int]] = {}
        own_counts: dict[str, dict[str, int]] = {name: {} for name in facets}
        for kind, keys, number, tier, rank in rows:
            if kind == PAGE:
                page.append((-tier, -rank, number))
            elif kind == TOTAL:
                count = int(number or 0)
            elif kind == FACET:
                add_facet_counts(facet_counts, keys, number)
            else:
                add_facet_counts(own_counts, keys, number, only=filtered[kind - OWN_FACET])
        facet_counts.update(own_counts)
        if not count:
            return BackendResults(0, [], own_counts)
        hits = [Hit(document_id, -tier + -rank) for tier, rank, document_id in sorted(page)]
        return BackendResults(count, hits, facet_counts)

    def index_documents(self, documents: list[SearchDocument]) -> None:
        """Nothing to do: the generated columns follow the row, and triggers copy what matching
        reads into ``search_match`` (migration 0008)."""

    def optimise(self) -> None:
        """Statistics now, not when autovacuum gets round to it: without them the planner
        guesses the share of matching rows (10,000-document bench: p50 27.7 → 14.7 ms). (The
        narrow table's vector copy has none on purpose: see migration 0008.)"""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
            cursor.execute("ANALYZE search_match")
            # The GIN index's pending entries into the index proper: every search would scan
            # them, and the planner prices the index by them (migration 0008).
            cursor.execute("SELECT gin_clean_pending_list('search_match_vector_gin')")

    def delete(self, document_ids: list[int]) -> None:
        """Nothing to do: the row is the index (the triggers remove its ``search_match`` row)."""
