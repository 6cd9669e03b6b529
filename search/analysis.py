"""Text → index terms, per language. The same analyser reads documents and queries.

The chain (see docs/search.md and ``search.morphology``), first stage that knows the word wins:

- Finnish: the Voikko transducer (system libvoikko, else the pip package pyvoikko: the same
  transducer output, parsed by one parser) gives base forms, compound parts and the ``-minen``
  noun of a verb; then the lemmatiser (simplemma); then the Snowball stem. A word that no stage
  knows also matches by the prefix of its stem (``Clause.prefix``), so a new technical compound
  still finds its inflected forms.
- Swedish: the lemmatiser (``välfärdsområdet`` → ``välfärdsområde``), the Snowball stem, and
  compound parts found in the index's own vocabulary (``VocabularyProvider``).
- English: the Snowball stem.

Each word gives *primary* terms (word order kept: phrase queries match on them; the base form or
stem) and *extra* terms (other readings, stem, surface form, compound parts) for recall. Every
term consists of Unicode letters and digits only, so it is safe in any backend syntax.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from . import morphology
from .morphology import AUTO
from .morphology import SNOWBALL as NO_MORPHOLOGY

logger = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv", "en")
SNOWBALL = {"fi": "finnish", "sv": "swedish", "en": "english"}

# A word: letters/digits, optionally joined by hyphens or apostrophes (AI-assistentti, don't).
WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Control characters other than tab and newline (NUL included): removed before analysis.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f]")
PART_RE = re.compile(r"[^\W_]+")
MAX_WORD_LENGTH = 60

STOP_WORDS: dict[str, frozenset[str]] = {
    "fi": frozenset(
        [
            "ja",
            "tai",
            "sekä",
            "myös",
            "mutta",
            "vaan",
            "että",
            "kun",
            "jos",
            "niin",
            "kuin",
            "on",
            "ovat",
            "oli",
            "olivat",
            "ole",
            "olla",
            "ollut",
            "ei",
            "en",
            "et",
            "emme",
            "ette",
            "eivät",
            "se",
            "ne",
            "sen",
            "niiden",
            "sitä",
            "niitä",
            "siinä",
            "niissä",
            "siitä",
            "niistä",
            "tämä",
            "nämä",
            "tämän",
            "näiden",
            "tätä",
            "näitä",
            "tässä",
            "näissä",
            "tästä",
            "näistä",
            "tuo",
            "nuo",
            "joka",
            "jotka",
            "jonka",
            "joiden",
            "jota",
            "joita",
            "jossa",
            "joissa",
            "mikä",
            "mitkä",
            "minkä",
            "mitä",
            "missä",
            "mistä",
            "hän",
            "he",
            "häntä",
            "heidän",
            "minä",
            "sinä",
            "me",
            "te",
            "olen",
            "olet",
            "olemme",
            "olette",
            "ovat",
            "kanssa",
            "mukaan",
            "kautta",
            "vain",
            "jo",
            "vielä",
            "nyt",
            "sitten",
            "siis",
            "eli",
        ]
    ),
    "sv": frozenset(
        [
            "och",
            "i",
            "att",
            "det",
            "som",
            "en",
            "på",
            "är",
            "av",
            "för",
            "med",
            "till",
            "den",
            "har",
            "de",
            "inte",
            "om",
            "ett",
            "han",
            "men",
            "var",
            "jag",
            "sig",
            "från",
            "vi",
            "så",
            "kan",
            "man",
            "när",
            "år",
            "än",
            "eller",
            "vid",
            "efter",
            "upp",
            "ut",
            "dem",
            "hade",
            "mot",
            "under",
            "också",
            "detta",
            "denna",
            "dessa",
            "där",
            "här",
            "hur",
            "vad",
            "vilken",
            "vilket",
            "vilka",
            "sin",
            "sitt",
            "sina",
            "du",
            "ni",
        ]
    ),
    "en": frozenset(
        [
            "a",
            "an",
            "and",
            "are",
            "as",
            "at",
            "be",
            "but",
            "by",
            "for",
            "if",
            "in",
            "into",
            "is",
            "it",
            "no",
            "not",
            "of",
            "on",
            "or",
            "such",
            "that",
            "the",
            "their",
            "then",
            "there",
            "these",
            "they",
            "this",
            "to",
            "was",
            "will",
            "with",
            "from",
            "its",
            "our",
            "we",
            "you",
            "your",
            "has",
            "have",
            "had",
            "were",
            "been",
            "being",
            "which",
            "who",
            "whom",
            "what",
        ]
    ),
}


MIN_SWEDISH_PART = 3
# Words no stage knows match by the prefix of their stem when the stem is at least this long.
MIN_PREFIX_STEM = 7
# Swedish lemmas this long also match as a prefix: a definite singular reaches the compounds that
# start with it (``välfärdsområdet`` → ``välfärdsområdesnivå``).
MIN_SWEDISH_PREFIX = 8
# ``-minen`` nouns of verbs no dictionary knows: luvittamisessa → luvittaminen.
VERBAL_NOUN_RE = re.compile(r"^([^\W\d_]{3,}?)mi(?:nen|s[eiaä][^\W\d_]*|st[aä]|sten)$")


class VocabularyProvider:
    """The index's own words of a language as base terms (for Swedish compound parts).

    ``search.service`` registers a database-backed provider; without one (plain unit use of the
    analyser) no compound is split.
    """

    def known_terms(self, lang: str, candidates: set[str]) -> set[str]:
        return set()

    def known_words(self, lang: str, candidates: set[str]) -> set[str]:
        """Which candidates occur as words (surface forms) of the index."""
        return set()

    def version(self, lang: str) -> object:
        return None

    def stored_analyses(self, lang: str, chain: str, candidates: set[str]) -> dict[str, str]:
        """Word → its analysis as stored with the index vocabulary (``WordTerms.encode``) by
        the analysis chain ``chain``, for the candidates the vocabulary holds."""
        return {}


_vocabulary: VocabularyProvider = VocabularyProvider()


def set_vocabulary(provider: VocabularyProvider) -> None:
    """Register where compound parts are looked up (the service does, at start-up)."""
    global _vocabulary
    _vocabulary = provider


@dataclass
class Analysis:
    """The terms of one text: ``primary`` in word order, ``extra`` for recall only."""

    primary: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def primary_text(self) -> str:
        return " ".join(self.primary)

    def extra_text(self) -> str:
        return " ".join(self.extra)


@dataclass
class WordTerms:
    """What one word of a query or document means to the index.

    ``prefix``: a stem that also matches as a prefix (Finnish words the transducer does not
    know, long Swedish lemmas); ``known``: whether the morphology (Finnish: the transducer;
    Swedish: the lemmatiser) knew the word.
    """

    surface: str
    primary: list[str]
    alternatives: list[str]
    parts: list[str] = field(default_factory=list)
    prefix: str = ""
    known: bool = True

    @property
    def strong_terms(self) -> list[str]:
        """The word itself: base forms, stem, surface (not its compound parts)."""
        return list(dict.fromkeys([*self.primary, *self.alternatives]))

    @property
    def all_terms(self) -> list[str]:
        return list(dict.fromkeys([*self.primary, *self.alternatives, *self.parts]))

    def encode(self) -> str:
        """The terms as one line, stored with the index vocabulary (``SearchTerm.analysis``).

        Terms are letters and digits only, so spaces and ``|`` cannot occur inside them."""
        return "|".join(
            [
                " ".join(self.primary),
                " ".join(self.alternatives),
                " ".join(self.parts),
                self.prefix,
                "1" if self.known else "0",
            ]
        )

    @classmethod
    def decode(cls, surface: str, text: str) -> WordTerms | None:
        """The terms ``encode`` stored for ``surface``; None for a malformed line."""
        fields = text.split("|")
        if len(fields) != 5 or not fields[0]:
            return None
        primary, alternatives, parts, prefix, known = fields
        return cls(
            surface, primary.split(), alternatives.split(), parts.split(), prefix, known == "1"
        )


def normalise(text: str) -> str:
    """NFC, lower-cased, NUL and control characters removed; diacritics kept (ä ≠ a)."""
    # One regular expression, not a per-character test: indexing normalises every text twice
    # (vocabulary and terms), and a character loop was a sixth of the indexing time.
    return CONTROL_RE.sub("", unicodedata.normalize("NFC", text or "")).lower()


def words(text: str) -> list[str]:
    """The words of ``text`` (lower-cased), hyphenated words kept whole."""
    return [w for w in WORD_RE.findall(normalise(text)) if len(w) <= MAX_WORD_LENGTH * 2]


def voikko_available() -> bool:
    """Whether a Finnish morphology (system Voikko or pyvoikko) can be loaded."""
    return morphology.finnish_analyser_name(AUTO) != morphology.NONE


def system_voikko_available() -> bool:
    """Whether the Debian libvoikko and its dictionary can be loaded."""
    return morphology.finnish_analyser_name(AUTO) == morphology.SYSTEM_VOIKKO


class Analyzer:
    """Turns text of one language into index terms (``analyser``: auto, pip or snowball)."""

    def __init__(self, lang: str, analyser: str = AUTO):
        self.lang = lang if lang in SNOWBALL else "en"
        self.analyser = analyser
        self.use_morphology = analyser != NO_MORPHOLOGY
        self.use_voikko = self.use_morphology and self.lang == "fi"
        self.stop_words = STOP_WORDS.get(self.lang, frozenset())
        self._stemmer = Stemmer.Stemmer(SNOWBALL[self.lang])
        self._stem_lock = threading.Lock()
        self._cache: dict[str, WordTerms | None] = {}
        # Analyses of index words read from the vocabulary (``recall``): no analyser load.
        self._stored: dict[str, WordTerms] = {}
        # Set once a word went through the morphology (then its stages are loaded).
        self._morphology_ran = False
        self._parts: dict[str, list[str]] = {}
        self._vocabulary_version: object = None

    def __repr__(self) -> str:
        return f"<Analyzer {self.lang} {self.analyser}>"

    @property
    def chain(self) -> str:
        """The analysis chain that gives this analyser's terms, named without loading it
        (``pyvoikko+simplemma``, ``system-voikko+simplemma``, ``simplemma``, ``stem``,
        ``snowball``). Vocabulary analyses are stored under it and only reused by an analyser
        of the same chain, so a stored analysis is what this analyser would compute."""
        if not self.use_morphology:
            return "snowball"
        if self.lang == "fi":
            return f"{morphology.finnish_stage(self.analyser)}+{morphology.lemmatiser_stage()}"
        if self.lang == "sv":
            return morphology.lemmatiser_stage()
        return "stem"

    def recall(self, found: Iterable[str]) -> int:
        """Take the stored analyses of those words (or their hyphen-separated parts) that the
        index vocabulary holds; returns how many were found.

        Every word of an indexed text is stored with its analysis (``search.vocabulary``), so
        a query or snippet word the index knows needs no analyser: a cold process answers such
        a query without loading pyvoikko's transducer (1–2 s). Only words the index does not
        hold are analysed. Asks the vocabulary once for all words not yet known here.

        Only while this analyser has not yet run its morphology: once it has (so the stages are
        loaded), analysing a word (~0.1 ms) is cheaper than asking the database; English and
        Snowball-only analysis load nothing and never ask."""
        if self._morphology_ran or not self.use_morphology or self.lang == "en":
            return 0
        wanted: set[str] = set()
        for word in found:
            if word in self._cache:
                continue
            for piece in PART_RE.findall(word):
                if (
                    piece not in self._stored
                    and piece not in self.stop_words
                    and not piece.isdigit()
                    and len(piece) <= MAX_WORD_LENGTH
                ):
                    wanted.add(piece)
        if not wanted:
            return 0
        stored = _vocabulary.stored_analyses(self.lang, self.chain, wanted)
        for word, text in stored.items():
            terms = WordTerms.decode(word, text)
            if terms is not None and len(self._stored) < 200_000:
                self._stored[word] = terms
        return len(stored)

    def stem(self, word: str) -> str:
        with self._stem_lock:
            return self._stemmer.stemWord(word)

    def _finnish(self, word: str, stem: str) -> tuple[str, list[str], list[str], bool]:
        """Primary term, alternatives, parts and whether a dictionary knew the word."""
        alternatives: list[str] = []
        parts: list[str] = []
        self._morphology_ran = self.use_morphology
        lemmas = morphology.finnish_lemmas(word, self.analyser) if self.use_voikko else []
        if lemmas:
            primary = lemmas[0].base
            for lemma in lemmas:
                alternatives += [lemma.base, lemma.verbal_noun]
                parts += lemma.parts
            return primary, [*alternatives, stem], parts, True
        lemma = morphology.lemmatise(word, "fi", self.analyser) if self.use_morphology else ""
        noun = VERBAL_NOUN_RE.match(word) if self.use_morphology else None
        if noun:
            alternatives.append(noun.group(1) + "minen")
        # Known to the lemmatiser only: its lemma leads, and the stem's prefix still matches.
        if lemma:
            return lemma, [*alternatives, stem], parts, False
        return stem, alternatives, parts, False

    def _swedish(self, word: str, stem: str) -> tuple[str, list[str], bool]:
        self._morphology_ran = self.use_morphology
        lemma = morphology.lemmatise(word, "sv", self.analyser) if self.use_morphology else ""
        if not lemma:
            return stem, [], False
        lemma_stem = self.stem(lemma)
        return lemma_stem, [lemma, stem], True

    def _simple_word(self, word: str) -> WordTerms | None:
        """One hyphen-free word: base form (or stem) and alternatives; None for a stop word."""
        if word in self.stop_words:
            return None
        stored = self._stored.get(word)
        if stored is not None:
            return stored
        word = word[:MAX_WORD_LENGTH]
        stem = self.stem(word)
        parts: list[str] = []
        known = True
        if word.isdigit():
            primary, alternatives = word, []
        elif self.lang == "fi":
            primary, alternatives, parts, known = self._finnish(word, stem)
        elif self.lang == "sv":
            primary, alternatives, known = self._swedish(word, stem)
        else:
            primary, alternatives = stem, []
        if primary in self.stop_words:
            return None
        alternatives.append(word)
        if self.lang == "sv" and len(stem) > 3 and stem[-1] == stem[-2]:
            # Snowball keeps the doubled consonant of some plurals (medlemmar → medlemm).
            alternatives.append(stem[:-1])
        unique = [a for a in dict.fromkeys(alternatives) if a and a != primary]
        parts = [p for p in dict.fromkeys(parts) if p != primary and p not in unique]
        prefix = ""
        if self.use_morphology and not word.isdigit():
            if not known and self.lang == "fi" and len(stem) >= MIN_PREFIX_STEM:
                prefix = stem
            elif self.lang == "sv" and len(primary) >= MIN_SWEDISH_PREFIX:
                prefix = primary
        return WordTerms(word, [primary], unique, parts, prefix=prefix, known=known)

    # --- Swedish compounds against the index's vocabulary ----------------------------------

    def _splits(self, word: str) -> list[tuple[str, str, str]]:
        """(head stem, tail stem, head word) candidates of a Swedish compound, longest head
        first; the linking ``s`` of the head may be dropped.

        A compound's first part is not inflected: when stemming the head takes off more than a
        final vowel (``medicinern`` → ``medicin``), the split only counts if the head is itself
        a word of the index (``verksamhet`` → ``verksam``), else the head word is "" and any
        split is fine. Without this a typo such as ``medicinerngen`` became ``medicin`` +
        ``gen`` and matched every text about medicine, so it was never corrected.
        """
        out = []
        for split in range(len(word) - MIN_SWEDISH_PART, MIN_SWEDISH_PART - 1, -1):
            head, tail = word[:split], word[split:]
            tail_stem = self.stem(tail)
            for candidate in (head, head[:-1] if head.endswith("s") else ""):
                if len(candidate) >= MIN_SWEDISH_PART:
                    head_stem = self.stem(candidate)
                    must_be_word = candidate if len(candidate) - len(head_stem) > 1 else ""
                    out.append((head_stem, tail_stem, must_be_word))
        return out

    def compound_parts(self, surfaces: set[str]) -> dict[str, list[str]]:
        """Swedish compound parts of each word: two stems that are both index words."""
        if self.lang != "sv" or not self.use_morphology or not surfaces:
            return {}
        version = _vocabulary.version(self.lang)
        if version != self._vocabulary_version:
            self._parts.clear()
            self._vocabulary_version = version
        todo = {w for w in surfaces if w not in self._parts and len(w) >= 2 * MIN_SWEDISH_PART}
        if todo:
            splits = {w: self._splits(w) for w in todo}
            candidates = {s for pairs in splits.values() for h, t, _ in pairs for s in (h, t)}
            known = _vocabulary.known_terms(self.lang, candidates)
            heads = {
                h_word
                for pairs in splits.values()
                for h, t, h_word in pairs
                if h_word and h in known and t in known
            }
            known_heads = _vocabulary.known_words(self.lang, heads) if heads else set()
            for w, pairs in splits.items():
                found = next(
                    (
                        (h, t)
                        for h, t, h_word in pairs
                        if h in known and t in known and (not h_word or h_word in known_heads)
                    ),
                    None,
                )
                if len(self._parts) < 200_000:
                    self._parts[w] = list(found) if found else []
        return {w: self._parts.get(w, []) for w in surfaces}

    # --- Words, texts, queries ---------------------------------------------------------------

    def word(self, word: str) -> WordTerms | None:
        """Terms of one (lower-cased) word; hyphenated words give each part and the whole."""
        if word in self._cache:
            return self._cache[word]
        if "-" in word or "'" in word or "’" in word:
            pieces = [p for p in PART_RE.findall(word) if p]
            primary: list[str] = []
            alternatives: list[str] = []
            parts: list[str] = []
            known = True
            for piece in pieces:
                terms = self._simple_word(piece)
                if terms:
                    primary += terms.primary
                    alternatives += terms.alternatives
                    parts += terms.parts
                    known = known and terms.known
            joined = "".join(pieces)
            if joined not in primary:
                alternatives.append(joined)
            result = (
                WordTerms(word, primary, list(dict.fromkeys(alternatives)), parts, known=known)
                if primary
                else None
            )
        else:
            result = self._simple_word(word)
        if len(self._cache) < 200_000:
            self._cache[word] = result
        return result

    def _with_compound_parts(
        self, found: list[WordTerms], parts: dict[str, list[str]] | None = None
    ) -> list[WordTerms]:
        if self.lang != "sv":
            return found
        if parts is None:
            parts = self.compound_parts({t.surface for t in found if PART_RE.fullmatch(t.surface)})
        out = []
        for terms in found:
            extra = [p for p in parts.get(terms.surface, []) if p not in terms.strong_terms]
            if extra:
                terms = WordTerms(
                    terms.surface,
                    terms.primary,
                    terms.alternatives,
                    list(dict.fromkeys([*terms.parts, *extra])),
                    terms.prefix,
                    terms.known,
                )
            out.append(terms)
        return out

    def analyse(self, text: str) -> Analysis:
        """All terms of a document text."""
        return self.analyse_many([text])[0]

    def analyse_many(self, texts: list[str]) -> list[Analysis]:
        """All terms of each text, for a batch being indexed.

        Each distinct word is analysed once (``word`` caches it) and its terms joined once per
        batch; Swedish compound parts are looked up in the vocabulary in one go for all texts
        (one version check and a few ``known_terms`` queries per batch instead of per text).
        The result is the same as ``analyse`` of each text.
        """
        tokenised = [words(text) for text in texts]
        parts: dict[str, list[str]] = {}
        if self.lang == "sv":
            distinct = {w for tokens in tokenised for w in tokens}
            surfaces = {t.surface for t in map(self.word, distinct) if t}
            parts = self.compound_parts({s for s in surfaces if PART_RE.fullmatch(s)})
        joined: dict[str, tuple[list[str], list[str]]] = {}
        for tokens in tokenised:
            for w in tokens:
                if w not in joined:
                    terms = self.word(w)
                    if terms is None:
                        joined[w] = ([], [])
                    else:
                        (terms,) = self._with_compound_parts([terms], parts)
                        joined[w] = (terms.primary, terms.alternatives + terms.parts)
        return [
            Analysis(
                [t for w in tokens for t in joined[w][0]],
                [t for w in tokens for t in joined[w][1]],
            )
            for tokens in tokenised
        ]

    def query_words(self, text: str) -> list[WordTerms]:
        """The non-stop words of a query, each with its terms."""
        found = [t for t in (self.word(w) for w in words(text)) if t]
        return self._with_compound_parts(found)


@lru_cache(maxsize=16)
def _cached_analyzer(lang: str, analyser: str, finnish: str) -> Analyzer:
    return Analyzer(lang, analyser)


def analyzer_for(
    lang: str, use_voikko: bool | None = None, analyser: str | None = None
) -> Analyzer:
    """The analyser of ``lang``.

    ``analyser``: auto, pip or snowball (default: ``SEARCH_ANALYSER``); ``use_voikko=False``
    (the ``SEARCH_USE_VOIKKO`` setting) means snowball, kept for older configurations.
    """
    choice = analyser or morphology.configured_analyser()
    if use_voikko is False:
        choice = NO_MORPHOLOGY
    lang = lang if lang in SNOWBALL else "en"
    # The Finnish stage in use is part of the key: hiding system Voikko gives another analyser.
    # Named without loading pyvoikko: a query of index words never needs it (``recall``).
    finnish = morphology.finnish_stage(choice) if lang == "fi" else ""
    return _cached_analyzer(lang, choice, finnish)
