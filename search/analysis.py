"""Text → index terms, per language. The same analyser reads documents and queries.

Finnish is heavily inflected and compounds freely (``hyvinvointialueella`` is an inflected form of
``hyvinvointi`` + ``alue``), so a Finnish word becomes its Voikko base form (the *primary* term)
plus *extra* terms: compound parts, the Snowball stem and the surface form. Without Voikko, or for
words it does not know, the Snowball stem is the primary term. Swedish and English use Snowball.

Primary terms keep word order (phrase queries match on them); extra terms only help recall.
Every term consists of Unicode letters and digits only, so it is safe in any backend syntax.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

logger = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv", "en")
SNOWBALL = {"fi": "finnish", "sv": "swedish", "en": "english"}

# A word: letters/digits, optionally joined by hyphens or apostrophes (AI-assistentti, don't).
WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
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


# Swedish compounds are split against this small lexicon of the site's words (compared as Snowball
# stems): ``medlemsorganisationer`` → *medlem* + *organisation*, with the linking ``s`` of the
# first part dropped. A word splits only when both sides are lexicon words, so a split is never a
# guess; extend the list when editors find a compound that search should take apart.
SWEDISH_LEXICON = (
    "medlem",
    "organisation",
    "välfärd",
    "område",
    "vård",
    "hälsa",
    "sjukvård",
    "omsorg",
    "tjänst",
    "data",
    "skydd",
    "läkemedel",
    "risk",
    "användning",
    "fall",
    "tillgänglighet",
    "utlåtande",
    "projekt",
    "nätverk",
    "ekosystem",
    "verktyg",
    "bedömning",
    "utveckling",
    "samarbete",
    "forskning",
    "lagstiftning",
    "försök",
    "evenemang",
    "nyhet",
    "brev",
    "patient",
    "klient",
    "kund",
    "social",
    "digital",
    "modell",
    "språk",
    "tolkning",
    "finansiering",
)
MIN_SWEDISH_PART = 3


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
    """What one word of a query or document means to the index."""

    surface: str
    primary: list[str]
    alternatives: list[str]
    parts: list[str] = field(default_factory=list)

    @property
    def strong_terms(self) -> list[str]:
        """The word itself: base forms, stem, surface (not its compound parts)."""
        return list(dict.fromkeys([*self.primary, *self.alternatives]))

    @property
    def all_terms(self) -> list[str]:
        return list(dict.fromkeys([*self.primary, *self.alternatives, *self.parts]))


def normalise(text: str) -> str:
    """NFC, lower-cased, NUL and control characters removed; diacritics kept (ä ≠ a)."""
    text = unicodedata.normalize("NFC", text or "")
    return "".join(ch for ch in text if ch >= " " or ch in "\t\n").lower()


def words(text: str) -> list[str]:
    """The words of ``text`` (lower-cased), hyphenated words kept whole."""
    return [w for w in WORD_RE.findall(normalise(text)) if len(w) <= MAX_WORD_LENGTH * 2]


class _Voikko:
    """A process-wide Voikko handle (the C library is not thread-safe: calls hold a lock)."""

    _lock = threading.Lock()
    _instance = None
    _failed = False

    @classmethod
    def get(cls):
        if cls._instance is None and not cls._failed:
            with cls._lock:
                if cls._instance is None and not cls._failed:
                    try:
                        from libvoikko import Voikko, VoikkoException

                        try:
                            cls._instance = Voikko("fi")
                        except (OSError, VoikkoException) as exc:
                            raise OSError(str(exc)) from exc
                    except (ImportError, OSError) as exc:
                        logger.warning(
                            "Voikko unavailable, Finnish falls back to Snowball: %s", exc
                        )
                        cls._failed = True
        return cls._instance

    @classmethod
    def analyze(cls, word: str) -> list[dict]:
        voikko = cls.get()
        if voikko is None:
            return []
        with cls._lock:
            return voikko.analyze(word)


def voikko_available() -> bool:
    """Whether the Finnish morphology library and its dictionary can be loaded."""
    return _Voikko.get() is not None


WORDBASE_RE = re.compile(r"\+([^+(]*)\(([^)]*)\)")


def compound_parts(baseform: str, wordbases: str) -> list[str]:
    """Compound parts of a Voikko analysis, e.g. ``+hyvinvointi(hyvin=vointi)+alue(alue)``.

    A segment whose base starts with ``+`` is a derivational suffix (``tulkka(tulkata)+us(+us)``
    is *tulkkaus*) and joins the part before it. The last part is cut from the base form, since
    Voikko gives its surface (inflected) text.
    """
    groups: list[list[tuple[str, str]]] = []
    for surface, base in WORDBASE_RE.findall(wordbases or ""):
        if base.startswith("+") and groups:
            groups[-1].append((surface, base))
        else:
            groups.append([(surface, base)])
    if len(groups) < 2:
        return []
    parts: list[str] = []
    consumed = ""
    for index, group in enumerate(groups):
        surface = "".join(s for s, _ in group).lower()
        if index == len(groups) - 1:
            rest = baseform[len(consumed) :] if baseform.startswith(consumed) else surface
            parts.append(rest)
        elif len(group) == 1:
            parts.append(group[0][1].replace("=", "").lower())
        else:
            parts.append(surface)
        consumed += surface
    parts = [p for p in parts if len(p) >= 2 and PART_RE.fullmatch(p)]
    # Adjacent pairs (teko + äly → tekoäly) are words of their own in longer compounds.
    if len(parts) >= 3:
        parts += [a + b for a, b in zip(parts, parts[1:], strict=False)]
    return parts


class Analyzer:
    """Turns text of one language into index terms."""

    def __init__(self, lang: str, use_voikko: bool = False):
        self.lang = lang if lang in SNOWBALL else "en"
        self.use_voikko = bool(use_voikko and self.lang == "fi")
        self.stop_words = STOP_WORDS.get(self.lang, frozenset())
        self._stemmer = Stemmer.Stemmer(SNOWBALL[self.lang])
        self._stem_lock = threading.Lock()
        self._cache: dict[str, WordTerms | None] = {}
        self._lexicon = (
            frozenset(self.stem(w) for w in SWEDISH_LEXICON) if self.lang == "sv" else frozenset()
        )

    def __repr__(self) -> str:
        return f"<Analyzer {self.lang} voikko={self.use_voikko}>"

    def stem(self, word: str) -> str:
        with self._stem_lock:
            return self._stemmer.stemWord(word)

    def _simple_word(self, word: str) -> WordTerms | None:
        """One hyphen-free word: base form (or stem) and alternatives; None for a stop word."""
        if word in self.stop_words:
            return None
        word = word[:MAX_WORD_LENGTH]
        stem = self.stem(word)
        alternatives: list[str] = []
        parts: list[str] = []
        primary = stem
        if self.use_voikko and not word.isdigit():
            analyses = _Voikko.analyze(word)
            if analyses:
                base = (analyses[0].get("BASEFORM") or word).lower()
                if PART_RE.fullmatch(base):
                    primary = base
                if primary in self.stop_words:
                    return None
                for analysis in analyses:
                    other = (analysis.get("BASEFORM") or "").lower()
                    if other and other != primary and PART_RE.fullmatch(other):
                        alternatives.append(other)
                    parts += compound_parts(other or primary, analysis.get("WORDBASES", ""))
                alternatives.append(stem)
        alternatives.append(word)
        if self._lexicon:
            # Snowball keeps the doubled consonant of some plurals (medlemmar → medlemm).
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in self._lexicon:
                alternatives.append(stem[:-1])
            parts += self.swedish_parts(word)
        unique = [a for a in dict.fromkeys(alternatives) if a and a != primary]
        parts = [p for p in dict.fromkeys(parts) if p != primary and p not in unique]
        return WordTerms(surface=word, primary=[primary], alternatives=unique, parts=parts)

    def swedish_parts(self, word: str) -> list[str]:
        """The two lexicon stems a Swedish compound is made of, or [] (the longest head first)."""
        for split in range(len(word) - MIN_SWEDISH_PART, MIN_SWEDISH_PART - 1, -1):
            head, tail = word[:split], word[split:]
            tail_stem = self.stem(tail)
            if tail_stem not in self._lexicon:
                continue
            for candidate in (head, head[:-1] if head.endswith("s") else ""):
                if len(candidate) >= MIN_SWEDISH_PART and self.stem(candidate) in self._lexicon:
                    return [self.stem(candidate), tail_stem]
        return []

    def word(self, word: str) -> WordTerms | None:
        """Terms of one (lower-cased) word; hyphenated words give each part and the whole."""
        if word in self._cache:
            return self._cache[word]
        if "-" in word or "'" in word or "’" in word:
            pieces = [p for p in PART_RE.findall(word) if p]
            primary: list[str] = []
            alternatives: list[str] = []
            parts: list[str] = []
            for piece in pieces:
                terms = self._simple_word(piece)
                if terms:
                    primary += terms.primary
                    alternatives += terms.alternatives
                    parts += terms.parts
            joined = "".join(pieces)
            if joined not in primary:
                alternatives.append(joined)
            result = (
                WordTerms(word, primary, list(dict.fromkeys(alternatives)), parts)
                if primary
                else None
            )
        else:
            result = self._simple_word(word)
        if len(self._cache) < 200_000:
            self._cache[word] = result
        return result

    def analyse(self, text: str) -> Analysis:
        """All terms of a document text."""
        result = Analysis()
        for word in words(text):
            terms = self.word(word)
            if terms:
                result.primary += terms.primary
                result.extra += terms.alternatives + terms.parts
        return result

    def query_words(self, text: str) -> list[WordTerms]:
        """The non-stop words of a query, each with its terms."""
        return [t for t in (self.word(w) for w in words(text)) if t]


@lru_cache(maxsize=8)
def _cached_analyzer(lang: str, use_voikko: bool) -> Analyzer:
    return Analyzer(lang, use_voikko)


def analyzer_for(lang: str, use_voikko: bool | None = None) -> Analyzer:
    """The analyser of ``lang``; ``use_voikko=None`` uses Voikko for Finnish when installed."""
    if use_voikko is None:
        use_voikko = lang == "fi" and voikko_available()
    return _cached_analyzer(lang if lang in SNOWBALL else "en", bool(use_voikko))
