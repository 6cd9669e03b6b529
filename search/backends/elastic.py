"""Elasticsearch through elasticsearch-dsl: one index per language, BM25 over analysed terms.

Terms are analysed by search.analysis (as for the database backends) and stored in
whitespace-analysed fields, so every backend sees the same terms. Facets are ``name:value``
keywords aggregated with a terms aggregation; highlights come from a standard-analysed copy of
the display text.
"""

from __future__ import annotations

from elasticsearch_dsl import (
    A,
    Date,
    Document,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    connections,
)

from ..models import SearchDocument, SearchFacet
from ..query import ParsedQuery
from .base import AND, BackendResults, BackendUnavailable, Hit, SearchBackend

INDEX_PREFIX = "sotecms"
LANGUAGES = ("fi", "sv", "en")
TERMS = analyzer("terms", tokenizer="whitespace", filter=["lowercase"])
FIELD_BOOSTS = {
    "title": 10,
    "title_extra": 10,
    "summary": 4,
    "summary_extra": 4,
    "body": 2,
    "body_extra": 1,
}
PHRASE_FIELDS = ["title^10", "summary^4", "body^2"]
FACET_SEPARATOR = ":"


def index_name(lang: str) -> str:
    return f"{INDEX_PREFIX}-{lang}"


class IndexedPage(Document):
    """The mapping of one page in an index of one language."""

    title = Text(analyzer=TERMS)
    title_extra = Text(analyzer=TERMS)
    summary = Text(analyzer=TERMS)
    summary_extra = Text(analyzer=TERMS)
    body = Text(analyzer=TERMS)
    body_extra = Text(analyzer=TERMS)
    display_text = Text(analyzer="standard")
    display_title = Keyword(index=False)
    url = Keyword(index=False)
    content_type = Keyword()
    facets = Keyword()
    updated_at = Date()

    @classmethod
    def from_row(cls, row: SearchDocument, facets: list[tuple[str, str]]) -> IndexedPage:
        return cls(
            meta={"id": row.pk, "index": index_name(row.lang)},
            title=row.title_terms,
            title_extra=row.title_extra,
            summary=row.summary_terms,
            summary_extra=row.summary_extra,
            body=row.body_terms,
            body_extra=row.body_extra,
            display_text=f"{row.summary}\n{row.body}"[:100_000],
            display_title=row.title,
            url=row.url,
            content_type=row.content_type,
            facets=[f"{name}{FACET_SEPARATOR}{value}" for name, value in facets],
            updated_at=row.updated_at,
        )


def clause_query(query: ParsedQuery, operator: str = AND) -> Q:
    """The bool query of a parsed query: each clause a should-of-terms, AND/OR between them."""
    fields = [f"{name}^{boost}" for name, boost in FIELD_BOOSTS.items()]
    clauses = []
    for clause in query.clauses:
        if clause.phrase:
            clauses.append(
                Q(
                    "multi_match",
                    query=" ".join(clause.phrase_terms),
                    type="phrase",
                    fields=PHRASE_FIELDS,
                )
            )
            continue
        options = [
            Q("multi_match", query=" ".join(clause.terms), fields=fields, type="most_fields")
        ]
        if clause.prefix:
            options += [Q("prefix", **{name: {"value": clause.prefix}}) for name in FIELD_BOOSTS]
        clauses.append(Q("bool", should=options, minimum_should_match=1))
    if operator == AND:
        return Q("bool", must=clauses)
    return Q("bool", should=clauses, minimum_should_match=1)


def build_search(
    query: ParsedQuery,
    lang: str,
    facets: dict[str, list[str]],
    offset: int,
    limit: int,
    operator: str = AND,
) -> Search:
    """The complete request: query, facet filters, aggregations, highlight, paging."""
    search = Search(index=index_name(lang)).query(clause_query(query, operator))
    for name, values in sorted(facets.items()):
        if values:
            search = search.filter(
                "terms", facets=[f"{name}{FACET_SEPARATOR}{value}" for value in values]
            )
    search.aggs.bucket("facets", A("terms", field="facets", size=500))
    raw_words = " ".join(w.surface for c in query.clauses for w in c.words)
    search = search.highlight(
        "display_text",
        fragment_size=200,
        number_of_fragments=1,
        pre_tags=["<mark>"],
        post_tags=["</mark>"],
        encoder="html",
        highlight_query=Q("match", display_text=raw_words).to_dict(),
    )
    return search.extra(from_=offset, size=limit, track_total_hits=True)


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str):
        self.url = url
        self.alias = "sotecms-search"
        if url:
            connections.create_connection(alias=self.alias, hosts=[url], request_timeout=5)

    def _client(self):
        if not self.url:
            raise BackendUnavailable("ELASTICSEARCH_URL is not set")
        return connections.get_connection(self.alias)

    def ensure_indexes(self) -> None:
        client = self._client()
        for lang in LANGUAGES:
            IndexedPage.init(index=index_name(lang), using=client)

    def index_documents(self, documents: list[SearchDocument]) -> None:
        from elasticsearch.helpers import bulk

        client = self._client()
        self.ensure_indexes()
        facets: dict[int, list[tuple[str, str]]] = {}
        for document_id, name, value in SearchFacet.objects.filter(
            document_id__in=[d.pk for d in documents]
        ).values_list("document_id", "name", "value"):
            facets.setdefault(document_id, []).append((name, value))
        actions = (
            IndexedPage.from_row(d, facets.get(d.pk, [])).to_dict(include_meta=True)
            for d in documents
        )
        try:
            bulk(client, actions, refresh=True)
        except Exception as exc:
            raise BackendUnavailable(str(exc)) from exc

    def delete(self, document_ids: list[int]) -> None:
        client = self._client().options(ignore_status=404)
        for lang in LANGUAGES:
            for document_id in document_ids:
                client.delete(index=index_name(lang), id=str(document_id))

    def clear(self) -> None:
        client = self._client()
        for lang in LANGUAGES:
            client.options(ignore_status=404).indices.delete(index=index_name(lang))
        SearchDocument.objects.all().delete()
        self.ensure_indexes()

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
        request = build_search(query, lang, facets, offset, limit, operator)
        try:
            response = request.using(self._client()).execute()
        except BackendUnavailable:
            raise
        except Exception as exc:
            raise BackendUnavailable(str(exc)) from exc
        hits = []
        for hit in response:
            fragments = getattr(getattr(hit.meta, "highlight", None), "display_text", None)
            hits.append(Hit(int(hit.meta.id), float(hit.meta.score or 0), (fragments or [""])[0]))
        counts: dict[str, dict[str, int]] = {}
        for bucket in response.aggregations.facets.buckets:
            name, _, value = bucket.key.partition(FACET_SEPARATOR)
            counts.setdefault(name, {})[value] = bucket.doc_count
        return BackendResults(response.hits.total.value, hits, counts)
