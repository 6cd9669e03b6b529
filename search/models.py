"""The search index's own tables: one row per search result, its facet values and vocabulary.

A result is a live, public page (``item`` empty) or one thing a page lists with its own anchor
URL (a use case of the catalogue, a public legislative need: ``item`` is its key, see
``search.documents``). The rows are the source of truth of every backend: SQLite's FTS5 table
(rowid = the row's id) and PostgreSQL's tsvector column are derived from them, Elasticsearch
receives copies.
"""

from __future__ import annotations

from django.db import models


class SearchDocument(models.Model):
    """One result in one language: display text and pre-analysed index terms."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    # Empty for the page itself; the key of a listed item (``usecase-<slug>``) otherwise.
    item = models.CharField(max_length=120, blank=True, default="")
    lang = models.CharField(max_length=8, db_index=True)
    url = models.CharField(max_length=1000)
    content_type = models.CharField(max_length=100, db_index=True)
    title = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_terms = models.TextField(blank=True)
    title_extra = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    summary_extra = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    body_extra = models.TextField(blank=True)
    title_key = models.CharField(max_length=500, blank=True, db_index=True)
    # The document's facets again (``name\x1fvalue`` joined by ``\x1e``): PostgreSQL counts
    # facets from the rows it has already matched instead of joining SearchFacet.
    facet_keys = models.TextField(blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["lang", "title_key"])]
        constraints = [
            models.UniqueConstraint(fields=["page", "item"], name="search_document_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.lang}: {self.title}"


class SearchFacet(models.Model):
    """One facet value of a document (theme, region, year, type…), for filters and counts."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=40)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["name", "value"])]
        constraints = [
            models.UniqueConstraint(fields=["document", "name", "value"], name="search_facet_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


class SearchTerm(models.Model):
    """The index's vocabulary per language: each word seen in a title, summary or body, with its
    analysed base term. Typo correction compares analysed terms with it; Swedish compounds are
    split into parts that are words of the index (``base``). The word's whole analysis is
    stored too (``analysis``, made by the chain ``analyser``), so a query of index words is
    answered without loading the analyser (``Analyzer.recall``)."""

    lang = models.CharField(max_length=8)
    term = models.CharField(max_length=120)
    base = models.CharField(max_length=120, blank=True, default="")
    analyser = models.CharField(max_length=60, blank=True, default="")
    analysis = models.TextField(blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lang", "term"], name="search_term_uniq")]
        indexes = [
            models.Index(fields=["lang", "term"]),
            models.Index(fields=["lang", "base"], name="search_term_base"),
        ]

    def __str__(self) -> str:
        return f"{self.lang}: {self.term}"
