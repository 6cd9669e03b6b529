"""The index's own vocabulary: stored at indexing, read for Swedish compound parts and typos.

Every word of an indexed title, summary or body is a :class:`~search.models.SearchTerm` row with
its analysed base term (Voikko base form, lemma or stem). Two uses, on every backend since the
rows live in the project database:

- Swedish compounds split into two parts only when both are base terms of the index
  (:class:`DatabaseVocabulary`), so the lexicon grows with the content instead of a hand list;
- typo correction (:func:`correct`) compares the *analysed* term of a word the index does not
  know with the index's base terms by edit distance, in the query's language, and shows the
  closest index word that has that base term.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models.functions import Length

from .analysis import PART_RE, Analyzer, VocabularyProvider, words
from .models import SearchTerm

MIN_WORD, MAX_WORD = 3, 40
CHUNK = 500
MAX_CANDIDATES = 5000


def _chunks(items: list[str], size: int = CHUNK) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class DatabaseVocabulary(VocabularyProvider):
    """Base terms of the index from ``SearchTerm`` (the analyser's compound lexicon)."""

    def known_terms(self, lang: str, candidates: set[str]) -> set[str]:
        return self._known(lang, candidates, "base")

    def known_words(self, lang: str, candidates: set[str]) -> set[str]:
        return self._known(lang, candidates, "term")

    @staticmethod
    def _known(lang: str, candidates: set[str], column: str) -> set[str]:
        """The candidates found in ``column`` of the language's vocabulary (in chunks, so a
        long text never makes one query with more parameters than SQLite allows)."""
        known: set[str] = set()
        for chunk in _chunks(sorted(candidates)):
            rows = SearchTerm.objects.filter(lang=lang, **{f"{column}__in": chunk})
            known.update(rows.values_list(column, flat=True))
        return known

    def stored_analyses(self, lang: str, chain: str, candidates: set[str]) -> dict[str, str]:
        """Analyses stored by ``store_words`` with the same chain (a word of another chain,
        or stored before analyses were kept, is analysed afresh)."""
        wanted = sorted(w for w in candidates if MIN_WORD <= len(w) <= MAX_WORD)
        found: dict[str, str] = {}
        for chunk in _chunks(wanted):
            rows = SearchTerm.objects.filter(lang=lang, term__in=chunk, analyser=chain)
            found.update(rows.exclude(analysis="").values_list("term", "analysis"))
        return found

    def version(self, lang: str) -> object:
        """Changes whenever words are added (the analyser then forgets its cached splits).

        The newest row of the language (a backward walk of the primary key, no aggregate) tells
        other processes; this process's own generation counter is part of it because SQLite
        hands out the same ids again after a rollback, so the newest id alone could name two
        different vocabularies (a test's, and the next test's).
        """
        newest = SearchTerm.objects.filter(lang=lang).order_by("-id").values_list("id").first()
        return (_generation, newest)


# Bumped whenever this process adds or removes vocabulary rows (see ``version``).
_generation = 0


def vocabulary_changed() -> None:
    """Tell this process's analysers that the vocabulary changed (new words, a rebuild)."""
    global _generation
    _generation += 1


def vocabulary_words(texts: Iterable[str]) -> set[str]:
    """The words of texts that enter the vocabulary: letters only, 3–40 characters."""
    distinct: set[str] = set()
    for text in texts:
        distinct.update(words(text))
    # Each distinct word is judged once (a body repeats its words many times).
    return {
        w
        for w in distinct
        if MIN_WORD <= len(w) <= MAX_WORD and PART_RE.fullmatch(w) and not w.isdigit()
    }


def store_words(lang: str, found: set[str], analyzer: Analyzer) -> int:
    """Add the words of one language that the vocabulary lacks, each with its analysis; returns
    how many were added or re-analysed.

    A word already stored by another analysis chain (or before analyses were stored) is
    analysed again and updated, so the stored analysis is always the current chain's.
    """
    chain = analyzer.chain
    todo: list[str] = []
    for chunk in _chunks(sorted(found)):
        have = set(
            SearchTerm.objects.filter(lang=lang, term__in=chunk, analyser=chain)
            .exclude(analysis="")
            .values_list("term", flat=True)
        )
        todo += [w for w in chunk if w not in have]
    analysed = [(word, analyzer.word(word)) for word in todo]
    # Named after analysing: the chain that actually served (a transducer may fail to load).
    chain = analyzer.chain
    rows = [
        SearchTerm(
            lang=lang,
            term=word,
            base=terms.primary[0][:120],
            analyser=chain,
            analysis=terms.encode(),
        )
        for word, terms in analysed
        if terms
    ]
    SearchTerm.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["lang", "term"],
        update_fields=["base", "analyser", "analysis"],
        batch_size=CHUNK,
    )
    if rows:
        vocabulary_changed()
    return len(rows)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count 1), ``limit + 1`` when above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def max_distance(term: str) -> int:
    """Edits allowed for a term: none below 4 letters, 1 up to 7, 2 from 8."""
    if len(term) < 4:
        return 0
    return 1 if len(term) < 8 else 2


def _is_known(lang: str, word: str, analyzer: Analyzer) -> bool:
    terms = analyzer.word(word)
    if terms is None:
        return True
    if SearchTerm.objects.filter(lang=lang, term=word).exists():
        return True
    return SearchTerm.objects.filter(lang=lang, base__in=terms.strong_terms).exists()


def _near(lang: str, field: str, text: str, limit: int) -> set[tuple[str, str]]:
    """(word, base) rows whose ``field`` starts like ``text`` and is about as long."""
    return set(
        SearchTerm.objects.filter(lang=lang, **{f"{field}__startswith": text[0]})
        .annotate(length=Length(field))
        .filter(length__gte=len(text) - limit, length__lte=len(text) + limit)
        .values_list("term", "base")[:MAX_CANDIDATES]
    )


def correct_word(lang: str, word: str, analyzer: Analyzer) -> str:
    """The index word closest to a word the index does not know, or "" when none is close.

    Distance is measured on the analysed term (the typo's base form or stem against the index's
    base terms, so an inflected typo finds its word) and on the surface (a typo can change how
    Snowball cuts a word: ``interpretaton`` → ``interpretaton``, ``interpretation`` →
    ``interpret``); the smaller counts, then the surface closest to what was typed.
    """
    terms = analyzer.word(word)
    if terms is None or not PART_RE.fullmatch(word) or _is_known(lang, word, analyzer):
        return ""
    term = terms.primary[0]
    term_limit, word_limit = max_distance(term), max_distance(word)
    scored: list[tuple[int, int, int, str]] = []
    if term_limit:
        for surface, base in _near(lang, "base", term, term_limit):
            distance = edit_distance(term, base, term_limit)
            if distance <= term_limit:
                scored.append((distance, edit_distance(word, surface, 40), len(surface), surface))
    if word_limit:
        for surface, _base in _near(lang, "term", word, word_limit):
            distance = edit_distance(word, surface, word_limit)
            if distance <= word_limit:
                scored.append((distance, distance, len(surface), surface))
    return min(scored)[3] if scored else ""


def correct(text: str, lang: str, analyzer: Analyzer) -> str:
    """``text`` with each word the index does not know replaced by the closest index word;
    "" when nothing changed. Quotes and word order are kept."""
    changed = False
    out: list[str] = []
    for token in text.split():
        fixed = token
        for word in words(token):
            replacement = correct_word(lang, word, analyzer)
            if replacement:
                fixed = fixed.lower().replace(word, replacement, 1)
                changed = True
        out.append(fixed)
    return " ".join(out) if changed else ""
