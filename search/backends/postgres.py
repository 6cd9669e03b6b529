"""PostgreSQL: a generated tsvector of the pre-analysed terms ('simple' config), GIN, ts_rank_cd.

The tsvector column is maintained by PostgreSQL itself (see migration 0002): indexing is just
saving the SearchDocument row. The score is the formula of the SQLite backend: a bonus per
clause found in the title (weight A) or summary (weight B) plus ``ts_rank_cd`` squashed into
[0, 1) (normalisation 32), so both backends agree on the top results. The bonus reads the small
``head_vector`` (title and summary only) rather than detoasting the full vector once per clause.
"""

from __future__ import annotations

from ..models import SearchDocument
from ..query import Clause, ParsedQuery
from .base import AND, SUMMARY_BONUS, TITLE_BONUS, DatabaseBackend

# ts_rank_cd weights for {D, C, B, A}: body extras, body, summary, title.
RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"


def clause_tsquery(clause: Clause, weight: str = "") -> str:
    if clause.phrase:
        return (
            "(" + " <-> ".join(f"{t}:{weight}" if weight else t for t in clause.phrase_terms) + ")"
        )
    terms = clause.strong_terms if weight else clause.terms
    options = [f"{t}:{weight}" if weight else t for t in terms]
    if clause.prefix:
        options.append(f"{clause.prefix}:*{weight}")
    return "(" + " | ".join(options) + ")"


def tsquery_expression(query: ParsedQuery, operator: str = AND) -> str:
    """The to_tsquery text of a parsed query (terms are letters and digits only)."""
    return (" & " if operator == AND else " | ").join(clause_tsquery(c) for c in query.clauses)


class PostgresBackend(DatabaseBackend):
    name = "postgres"
    id_column = "d.page_id"

    def match_sql(
        self, query: ParsedQuery, operator: str, lang: str, scored: bool = True
    ) -> tuple[str, list]:
        if not scored:
            sql = (
                "SELECT d.page_id, 0 AS score FROM search_searchdocument d"
                " WHERE d.search_vector @@ to_tsquery('simple', %s) AND d.lang = %s"
            )
            return sql, [tsquery_expression(query, operator), lang]
        bonus_sql = []
        params: list = []
        for weight, bonus in (("A", TITLE_BONUS), ("B", SUMMARY_BONUS)):
            for clause in query.clauses:
                bonus_sql.append(
                    f"(CASE WHEN d.head_vector @@ to_tsquery('simple', %s) THEN {bonus} ELSE 0 END)"
                )
                params.append(clause_tsquery(clause, weight))
        bonus = " + ".join(bonus_sql) or "0"
        sql = (
            f"SELECT d.page_id, {bonus}"
            " + ts_rank_cd(%s::float4[], d.search_vector, q.query, 32) AS score"
            " FROM search_searchdocument d,"
            " (SELECT to_tsquery('simple', %s) AS query) q"
            " WHERE d.search_vector @@ q.query AND d.lang = %s"
        )
        return sql, [*params, RANK_WEIGHTS, tsquery_expression(query, operator), lang]

    def index_documents(self, documents: list[SearchDocument]) -> None:
        """Nothing to do: the generated column follows the row."""

    def delete(self, page_ids: list[int]) -> None:
        """Nothing to do: the row is the index."""
