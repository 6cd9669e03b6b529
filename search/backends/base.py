"""The one small interface every search backend implements, and the shared SQL machinery."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis import words
from ..models import SearchDocument
from ..query import ParsedQuery

AND = "and"
OR = "or"
# Score bonus per query clause found in the title / summary (see the SQL backends).
TITLE_BONUS = 2
SUMMARY_BONUS = 1
# A result whose whole title is the query ("Blogi", "Reaaliaikainen tulkkaus", "Om ekosystemet")
# comes before those that only contain its words: the visitor typed the name of that page.
EXACT_TITLE_BONUS = 100
# SearchDocument.facet_keys: ``name<FACET_NAME_SEPARATOR>value`` joined by FACET_SEPARATOR.
FACET_SEPARATOR = "\x1e"
FACET_NAME_SEPARATOR = "\x1f"


def query_title_key(query: ParsedQuery) -> str:
    """The query's words as ``SearchDocument.title_key`` holds a title's (exact-title bonus)."""
    return " ".join(words(query.text))[:500]


class BackendUnavailable(Exception):
    """The search service cannot be reached (shown to visitors as a 503)."""


@dataclass
class Hit:
    document_id: int  # SearchDocument.pk
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

    def delete(self, document_ids: list[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def optimise(self) -> None:
        """Tidy the index after a bulk load (``search_reindex``; the benchmark after indexing).

        A bulk load leaves the index in the shape of its many small writes: FTS5 keeps a
        segment per batch and merges them only lazily, PostgreSQL has no statistics until
        autovacuum gets round to it. Nothing to do by default."""

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
    """Shared ground of the backends that match inside the project database.

    Both score a hit as an integer bonus (per query clause found in the title or summary) plus a
    text rank squashed into [0, 1), so the order is lexicographic: bonus first, rank second. Each
    search therefore matches once, counts the matches per bonus tier, and computes the dear text
    rank only for the tiers that can reach the requested page (``offset + limit`` rows). Facets
    are counted per combination of a document's facet keys (few distinct ones) and added up here.
    """

    def clear(self) -> None:
        SearchDocument.objects.all().delete()


def add_facet_counts(
    counts: dict[str, dict[str, int]], keys: str, number: int, only: str | None = None
) -> None:
    """Add ``number`` documents with the facet keys ``keys`` to ``counts`` (one facet: ``only``)."""
    if not keys:
        return
    for key in keys.split(FACET_SEPARATOR):
        name, _, value = key.partition(FACET_NAME_SEPARATOR)
        if only is None or name == only:
            values = counts.setdefault(name, {})
            values[value] = values.get(value, 0) + int(number)
