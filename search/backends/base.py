"""The one small interface every search backend implements, and the shared SQL machinery."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from ..models import SearchDocument
from ..query import ParsedQuery

AND = "and"
OR = "or"
# Score bonus per query clause found in the title / summary (see the SQL backends).
TITLE_BONUS = 2
SUMMARY_BONUS = 1
# SearchDocument.facet_keys: ``name<FACET_NAME_SEPARATOR>value`` joined by FACET_SEPARATOR.
FACET_SEPARATOR = "\x1e"
FACET_NAME_SEPARATOR = "\x1f"


class BackendUnavailable(Exception):
    """The search service cannot be reached (shown to visitors as a 503)."""


@dataclass
class Hit:
    page_id: int
    score: float
    highlight: str = ""


@dataclass
class BackendResults:
    """One page of hits, the total count and facet counts ``{name: {value: count}}``."""

    count: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class SearchBackend:
    """What the query service needs from a backend."""

    name = "base"

    def index_documents(self, documents: list[SearchDocument]) -> None:
        raise NotImplementedError

    def delete(self, page_ids: list[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def search(
        self,
        query: ParsedQuery,
        lang: str,
        facets: dict[str, list[str]],
        offset: int,
        limit: int,
        operator: str = AND,
    ) -> BackendResults:
        raise NotImplementedError

    def autocomplete(self, text: str, lang: str, limit: int = 8) -> list[SearchDocument]:
        """Titles starting with (or containing a word starting with) ``text``."""
        text = text.strip().lower()
        if not text:
            return []
        starts = list(
            SearchDocument.objects.filter(lang=lang, title_key__startswith=text).order_by(
                "title_key"
            )[:limit]
        )
        if len(starts) < limit:
            seen = {d.pk for d in starts}
            more = (
                SearchDocument.objects.filter(lang=lang, title_key__contains=" " + text)
                .exclude(pk__in=seen)
                .order_by("title_key")[: limit - len(starts)]
            )
            starts += list(more)
        return starts


class DatabaseBackend(SearchBackend):
    """Shared SQL for backends that match inside the project database.

    Subclasses give the matching subquery (``page_id``, ``score``; higher score is better); this
    class adds facet filters, counting, paging and facet counts.
    """

    id_column = "page_id"  # how the match SQL names the page id in its WHERE clause

    def match_sql(
        self, query: ParsedQuery, operator: str, lang: str, scored: bool = True
    ) -> tuple[str, list]:
        """``SELECT page_id, score … WHERE …`` of matching documents of ``lang``.

        The score is 0 unless ``scored``; the SQL must end in its WHERE clause, since facet
        filters are appended with ``AND``.
        """
        raise NotImplementedError

    def _filtered(
        self,
        query: ParsedQuery,
        lang: str,
        facets: dict[str, list[str]],
        operator: str,
        scored: bool = True,
    ) -> tuple[str, list]:
        sql, params = self.match_sql(query, operator, lang, scored)
        for name, values in sorted(facets.items()):
            if not values:
                continue
            marks = ", ".join(["%s"] * len(values))
            sql += (
                f" AND {self.id_column} IN (SELECT document_id FROM search_searchfacet"
                f" WHERE name = %s AND value IN ({marks}))"
            )
            params += [name, *values]
        return sql, params

    def _facet_counts(self, sql: str, params: list) -> dict[str, dict[str, int]]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT f.name, f.value, COUNT(*) FROM ({sql}) x"
                " JOIN search_searchfacet f ON f.document_id = x.page_id"
                " GROUP BY f.name, f.value",
                params,
            )
            counts: dict[str, dict[str, int]] = {}
            for name, value, count in cursor.fetchall():
                counts.setdefault(name, {})[value] = count
        return counts

    def search(
        self,
        query: ParsedQuery,
        lang: str,
        facets: dict[str, list[str]],
        offset: int,
        limit: int,
        operator: str = AND,
    ) -> BackendResults:
        if query.is_empty:
            return BackendResults(0, [])
        # Counting and facet counts need no ranking: they use the cheaper unscored match.
        plain_sql, plain_params = self._filtered(query, lang, facets, operator, scored=False)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({plain_sql}) c", plain_params)
            count = cursor.fetchone()[0]
            hits: list[Hit] = []
            if count:
                sql, params = self._filtered(query, lang, facets, operator)
                cursor.execute(
                    f"{sql} ORDER BY score DESC, page_id LIMIT %s OFFSET %s",
                    [*params, limit, offset],
                )
                hits = [Hit(page_id, float(score)) for page_id, score in cursor.fetchall()]
        facet_counts = self._facet_counts(plain_sql, plain_params) if count else {}
        # Counts of a filtered facet ignore its own filter, so the other values stay choosable.
        for name in [n for n, v in facets.items() if v]:
            others = {n: v for n, v in facets.items() if n != name}
            other_sql, other_params = self._filtered(query, lang, others, operator, scored=False)
            facet_counts[name] = self._facet_counts(other_sql, other_params).get(name, {})
        return BackendResults(count, hits, facet_counts)

    def clear(self) -> None:
        SearchDocument.objects.all().delete()
