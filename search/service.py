"""Indexing and querying: the only module views, signals and commands talk to."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from . import morphology, vocabulary
from .analysis import Analysis, Analyzer, analyzer_for, normalise, words
from .backends import get_backend
from .backends.base import AND, FACET_NAME_SEPARATOR, FACET_SEPARATOR, OR, BackendResults
from .documents import PageDocument, build_documents
from .models import SearchDocument, SearchFacet, SearchTerm
from .query import ParsedQuery, clean_text, parse_query

logger = logging.getLogger(__name__)

# A query that finds fewer results than this (or needed OR) is tried once more, corrected.
FEW_RESULTS = 3
SNIPPET_WORDS = 30
# A snippet is looked for in the first this many words of a text.
MAX_SNIPPET_TOKENS = 4000
# What a result shows: the analysed term columns stay in the database.
RESULT_FIELDS = ("title", "url", "content_type", "summary", "body")


def use_voikko() -> bool | None:
    """``SEARCH_USE_VOIKKO`` (None = use Voikko when installed)."""
    return getattr(settings, "SEARCH_USE_VOIKKO", None)


def analyzer(lang: str) -> Analyzer:
    return analyzer_for(lang, use_voikko())


# --- Indexing -------------------------------------------------------------------------------


def facet_pairs(document: PageDocument) -> list[tuple[str, str]]:
    """The document's distinct (name, value) facets as stored (cut to the column sizes)."""
    pairs = {
        (name[:40], value[:200].replace(FACET_SEPARATOR, " ").replace(FACET_NAME_SEPARATOR, " "))
        for name, values in document.facets.items()
        for value in values
    }
    return sorted(pairs)


def _ranked_texts(document: PageDocument) -> tuple[str, str, str]:
    """The (title, summary, body) texts that are analysed into the ranked term columns."""
    # Boosted declared fields (``head``) rank with the summary; only the summary is shown.
    ranked_title = document.title if document.title_ranked else ""
    head = document.head if document.title_ranked else f"{document.title} {document.head}"
    return ranked_title, f"{document.summary} {head}".strip(), document.body


def to_rows(documents: list[PageDocument]) -> list[SearchDocument]:
    """Analyse page documents into stored rows (in the same order).

    The texts of one language are analysed together (``Analyzer.analyse_many``): each distinct
    word once, Swedish compound parts looked up once per batch. A row is the same as when its
    document is analysed alone.
    """
    by_lang: dict[str, list[int]] = {}
    for index, document in enumerate(documents):
        by_lang.setdefault(document.lang, []).append(index)
    analysed: dict[int, list[Analysis]] = {}
    for lang, indexes in by_lang.items():
        texts = [t for i in indexes for t in _ranked_texts(documents[i])]
        results = analyzer(lang).analyse_many(texts)
        for n, i in enumerate(indexes):
            analysed[i] = results[3 * n : 3 * n + 3]
    return [_row(d, *analysed[i]) for i, d in enumerate(documents)]


def to_row(document: PageDocument) -> SearchDocument:
    """Analyse a page document into the stored row."""
    return to_rows([document])[0]


def _row(
    document: PageDocument, title: Analysis, summary: Analysis, body: Analysis
) -> SearchDocument:
    return SearchDocument(
        page_id=document.page_id,
        item=document.item,
        lang=document.lang,
        url=document.url[:1000],
        content_type=document.content_type,
        title=document.title[:500],
        summary=document.summary,
        body=document.body,
        title_terms=title.primary_text(),
        title_extra=title.extra_text(),
        summary_terms=summary.primary_text(),
        summary_extra=summary.extra_text(),
        body_terms=body.primary_text(),
        body_extra=body.extra_text(),
        title_key=" ".join(words(document.title))[:500],
        facet_keys=FACET_SEPARATOR.join(
            f"{name}{FACET_NAME_SEPARATOR}{value}" for name, value in facet_pairs(document)
        ),
    )


def store_vocabulary(documents: list[PageDocument]) -> None:
    """Add the documents' words to the index vocabulary (before analysing them: Swedish compound
    parts are looked up there)."""
    by_lang: dict[str, set[str]] = {}
    for d in documents:
        by_lang.setdefault(d.lang, set()).update(
            vocabulary.vocabulary_words((d.title, d.summary, d.head, d.body))
        )
    for lang, found in by_lang.items():
        vocabulary.store_words(lang, found, analyzer(lang))


def store_documents(documents: list[PageDocument]) -> None:
    """Save the documents' vocabulary, then their analysed rows and facets (see ``save_rows``)."""
    if not documents:
        return
    store_vocabulary(documents)
    save_rows(documents)


def save_rows(documents: list[PageDocument]) -> None:
    """Save analysed rows and facets, then hand the rows to the backend. The vocabulary must
    already hold the documents' words (``store_vocabulary``)."""
    rows = to_rows(documents)
    # A page's documents are replaced together: an item the page no longer lists goes away.
    page_ids = {r.page_id for r in rows}
    backend = get_backend()
    with transaction.atomic():
        old = SearchDocument.objects.filter(page_id__in=page_ids)
        old_ids = list(old.values_list("pk", flat=True))
        old.delete()
        SearchDocument.objects.bulk_create(rows)
        SearchFacet.objects.bulk_create(
            [
                SearchFacet(document_id=row.pk, name=name, value=value)
                for row, d in zip(rows, documents, strict=True)
                for name, value in facet_pairs(d)
            ],
            ignore_conflicts=True,
        )
    if old_ids:
        backend.delete(old_ids)
    backend.index_documents(rows)


def remove_pages(page_ids: Iterable[int]) -> None:
    """Remove the documents of these pages (their own and their items')."""
    documents = SearchDocument.objects.filter(page_id__in=list(page_ids))
    ids = list(documents.values_list("pk", flat=True))
    if not ids:
        return
    documents.delete()
    get_backend().delete(ids)


def index_page(page: Page) -> bool:
    """Index a page, or remove it when it is no longer live and public. True when indexed."""
    documents = build_documents(page)
    if not documents:
        remove_pages([page.pk])
        return False
    store_documents(documents)
    return True


def index_subtree(page: Page) -> None:
    """Index a page and its descendants (after a move, a slug change or a new restriction)."""
    for descendant in page.get_descendants(inclusive=True).specific().iterator():
        index_page(descendant)


def reindex_all(progress: Callable[[str], None] | None = None, batch: int = 50) -> int:
    """Rebuild the whole index from the live pages; returns the number of indexed documents."""
    backend = get_backend()
    backend.clear()
    SearchTerm.objects.all().delete()
    vocabulary.vocabulary_changed()
    morphology.prepare()
    per_page: list[list[PageDocument]] = []
    for page in Page.objects.filter(depth__gt=1).live().specific().iterator():
        found = build_documents(page)
        if found:
            per_page.append(found)
        if progress:
            progress(page.title[:40])
    documents = [d for page_documents in per_page for d in page_documents]
    # The whole vocabulary first, so a compound's parts are found whichever page has them.
    store_vocabulary(documents)
    # Batches of whole pages: ``save_rows`` replaces all rows of each page it is given, so
    # a page whose items spread over two batches would lose the first batch's rows (its own
    # document among them).
    for start in range(0, len(per_page), batch):
        save_rows([d for docs in per_page[start : start + batch] for d in docs])
    backend.optimise()
    return len(documents)


# --- Querying -------------------------------------------------------------------------------


@dataclass
class Result:
    title: str
    url: str
    content_type: str
    snippet: SafeString
    score: float


@dataclass
class SearchOutcome:
    """Everything a page or the API shows about one search."""

    query: ParsedQuery
    count: int = 0
    results: list[Result] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    operator: str = AND
    fell_back_to_or: bool = False
    suggestion: str = ""
    # Set when the query found nothing or little and a corrected query found more: the outcome
    # is the corrected query's ("Showing results for X. Search instead for Y.").
    corrected_query: str = ""
    original_query: str = ""


def _snippet_starts(query: ParsedQuery) -> set[str]:
    """The first three letters of each term and typed prefix of the query: a snippet token that
    contains none of them cannot match and is not analysed."""
    terms, prefixes = query.highlight_terms()
    return {t[:3] for t in terms} | {p[:3] for p in prefixes}


def _snippet_words(text: str, starts: set[str]) -> dict[str, list[str]]:
    """Each distinct token of the scanned text → its words to judge ([] when it contains no
    beginning of a query term)."""
    candidates: dict[str, list[str]] = {}
    for token in set(text.split()[:MAX_SNIPPET_TOKENS]):
        lowered = normalise(token)
        candidates[token] = words(token) if any(s in lowered for s in starts) else []
    return candidates


def highlight(
    text: str,
    query: ParsedQuery,
    a: Analyzer,
    max_words: int = SNIPPET_WORDS,
    candidates: dict[str, list[str]] | None = None,
) -> str:
    """An escaped window of ``text`` around the densest matches, matches in ``<mark>``.

    ``candidates``: ``_snippet_words`` of the text when the caller has them already."""
    terms, prefixes = query.highlight_terms()
    tokens = text.split()
    if not tokens:
        return ""
    scan = tokens[:MAX_SNIPPET_TOKENS]
    # Words repeat (a body is mostly the same few hundred words): judge each distinct token once.
    # Only a token that contains the beginning of a query term (or of a typed prefix) is
    # analysed: analysing every new word of the results' texts was over half of a query's time.
    # (A form that shares no beginning with its base form, ``parempi`` of ``hyvä``, is then not
    # marked; ranking is not affected.)
    if candidates is None:
        candidates = _snippet_words(text, _snippet_starts(query))
        # The words to judge are words of an indexed text: their analyses come from the index
        # vocabulary in one query (``Analyzer.recall``), not from loading the analyser.
        a.recall(w for found in candidates.values() for w in found)
    judged = {}
    for token, found in candidates.items():
        judged[token] = any(
            (w := a.word(word))
            and terms.intersection(w.all_terms)
            or any(word.startswith(p) for p in prefixes)
            for word in found
        )
    hits = [judged[token] for token in scan]
    window_hits = sum(hits[:max_words])
    best, best_start = window_hits, 0
    for start in range(1, max(1, len(scan) - max_words + 1)):
        window_hits += hits[start + max_words - 1] - hits[start - 1]
        if window_hits > best:
            best, best_start = window_hits, start
    if best > 0:
        first_hit = hits.index(True, best_start)
        best_start = max(0, min(best_start, first_hit - 5))
    window = range(best_start, min(len(scan), best_start + max_words))
    parts = [f"<mark>{escape(scan[i])}</mark>" if hits[i] else str(escape(scan[i])) for i in window]
    prefix = "… " if best_start > 0 else ""
    suffix = " …" if window.stop < len(tokens) else ""
    return prefix + " ".join(parts) + suffix


def did_you_mean(query: ParsedQuery, lang: str) -> str:
    """The query with words the index does not know replaced by the closest index words."""
    return vocabulary.correct(query.text, lang, analyzer(lang))


def search(
    text: str | None,
    lang: str,
    facets: dict[str, list[str]] | None = None,
    offset: int = 0,
    limit: int = 10,
    correct: bool = True,
) -> SearchOutcome:
    """Search ``lang``: AND of the words, falling back to OR (and saying so) when AND is empty.

    When that finds fewer than ``FEW_RESULTS`` (or needed OR) and ``correct`` is on, the query
    corrected against the index vocabulary runs too, and its results are shown when they are
    more (``corrected_query``); otherwise a correction is only offered (``suggestion``).
    """
    a = analyzer(lang)
    # Words the index holds are analysed from its vocabulary: no analyser load (cold process).
    a.recall(words(clean_text(text)[0]))
    parsed = parse_query(text, a)
    outcome = SearchOutcome(query=parsed)
    if parsed.is_empty:
        return outcome
    facets = {k: v for k, v in (facets or {}).items() if v}
    found, operator = _run(parsed, lang, facets, offset, limit)
    if correct and (found.count < FEW_RESULTS or operator == OR):
        fixed = did_you_mean(parsed, lang)
        if fixed:
            fixed_query = parse_query(fixed, a)
            fixed_found, fixed_operator = _run(fixed_query, lang, facets, offset, limit)
            better = (fixed_operator == AND and operator == OR and fixed_found.count) or (
                fixed_found.count > found.count and fixed_operator == operator
            )
            if better:
                outcome = SearchOutcome(
                    query=fixed_query, corrected_query=fixed_query.text, original_query=parsed.text
                )
                parsed, found, operator = fixed_query, fixed_found, fixed_operator
            elif found.count == 0:
                outcome.suggestion = fixed
    elif found.count == 0:
        outcome.suggestion = did_you_mean(parsed, lang)
    outcome.operator = operator
    outcome.fell_back_to_or = operator == OR and found.count > 0
    outcome.count = found.count
    outcome.facets = found.facets
    rows = SearchDocument.objects.only(*RESULT_FIELDS).in_bulk([h.document_id for h in found.hits])
    # The words of the snippet texts (a body only when its summary has no match: rarely),
    # recalled from the vocabulary in one query for the page.
    starts = _snippet_starts(parsed)
    snippet_words = {
        text: _snippet_words(text, starts)
        for text in (row.summary or row.body for row in rows.values())
        if text
    }
    a.recall(w for found in snippet_words.values() for words_ in found.values() for w in words_)
    for hit in found.hits:
        row = rows.get(hit.document_id)
        if row is None:
            continue
        text = row.summary or row.body
        snippet = hit.highlight or highlight(text, parsed, a, candidates=snippet_words.get(text))
        if row.summary and "<mark>" not in snippet and row.body:
            body_snippet = highlight(row.body, parsed, a)
            if "<mark>" in body_snippet:
                snippet = body_snippet
        outcome.results.append(
            Result(
                title=row.title,
                url=row.url,
                content_type=row.content_type,
                snippet=mark_safe(snippet),  # noqa: S308 - built from escaped text only
                score=round(hit.score, 6),
            )
        )
    return outcome


def _run(
    parsed: ParsedQuery, lang: str, facets: dict[str, list[str]], offset: int, limit: int
) -> tuple[BackendResults, str]:
    """AND of the clauses, then OR when AND finds nothing (several clauses)."""
    backend = get_backend()
    found: BackendResults = backend.search(parsed, lang, facets, offset, limit, AND)
    if found.count == 0 and len(parsed.clauses) > 1:
        return backend.search(parsed, lang, facets, offset, limit, OR), OR
    return found, AND


def autocomplete(text: str | None, lang: str, limit: int = 8) -> list[dict[str, str]]:
    """Titles for the search box as the visitor types."""
    cleaned = " ".join(words((text or "")[:100]))
    if len(cleaned) < 2:
        return []
    return [
        {"title": d.title, "url": d.url, "type": d.content_type}
        for d in get_backend().autocomplete(cleaned, lang, limit)
    ]
