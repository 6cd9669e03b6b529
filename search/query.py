"""Visitor input → a safe, structured query. Any string is a valid query.

Quotes make phrases; everything else is words. Operators and syntax of any backend (``AND``,
``NEAR``, ``*``, parentheses, SQL) are just text: only letters and digits reach a backend, as
analysed terms, so no input can cause a syntax error. The last word, when the visitor is still
typing it (no space after it), also matches as a prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .analysis import Analyzer, WordTerms, normalise

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 12
MIN_PREFIX_LENGTH = 3
PHRASE_RE = re.compile(r'"([^"]*)"')


@dataclass
class Clause:
    """One word (any of its terms matches) or one phrase (its primary terms in order)."""

    words: list[WordTerms]
    phrase: bool = False
    prefix: str = ""

    @property
    def terms(self) -> list[str]:
        return [t for w in self.words for t in w.all_terms]

    @property
    def strong_terms(self) -> list[str]:
        return [t for w in self.words for t in w.strong_terms]

    @property
    def phrase_terms(self) -> list[str]:
        return [t for w in self.words for t in w.primary]


@dataclass
class ParsedQuery:
    """What the visitor asked, ready for any backend."""

    text: str
    lang: str
    clauses: list[Clause] = field(default_factory=list)
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    def highlight_terms(self) -> tuple[set[str], list[str]]:
        """Terms to mark in snippets, and prefixes (of the last word) to mark too."""
        terms: set[str] = set()
        prefixes: list[str] = []
        for clause in self.clauses:
            terms.update(clause.terms)
            if clause.prefix:
                prefixes.append(clause.prefix)
        return terms, prefixes


def clean_text(raw: str | None) -> tuple[str, bool]:
    """Strip NULs and control characters, cut to a sane length."""
    text = normalise(raw or "").replace("\t", " ").replace("\n", " ").strip()
    truncated = len(text) > MAX_QUERY_LENGTH
    return text[:MAX_QUERY_LENGTH], truncated


def parse_query(raw: str | None, analyzer: Analyzer) -> ParsedQuery:
    """Turn visitor input into clauses of analysed terms (stop words dropped)."""
    text, truncated = clean_text(raw)
    parsed = ParsedQuery(text=text, lang=analyzer.lang, truncated=truncated)
    phrases = PHRASE_RE.findall(text)
    rest = PHRASE_RE.sub(" ", text).replace('"', " ")
    for phrase in phrases:
        words = analyzer.query_words(phrase)
        if len(words) == 1:
            parsed.clauses.append(Clause(words=words))
        elif words:
            parsed.clauses.append(Clause(words=words, phrase=True))
    words = analyzer.query_words(rest)
    raw_end = (raw or "").rstrip("\x00")[-1:]
    typing_last_word = bool(rest.strip()) and not raw_end.isspace() and not text.endswith('"')
    for index, word in enumerate(words):
        clause = Clause(words=[word])
        is_last = index == len(words) - 1
        surface = re.sub(r"[^\w]", "", word.surface)
        if is_last and typing_last_word and len(surface) >= MIN_PREFIX_LENGTH:
            clause.prefix = surface
        if word.prefix:
            # A word no dictionary knows (or a long Swedish lemma) also matches as a prefix of
            # its stem or lemma: the analysis decides which words need it, and its prefix
            # replaces the typed one (``läkemedlet`` → ``läkemedel*``, not ``läkemedlet*``).
            clause.prefix = word.prefix
        parsed.clauses.append(clause)
    if len(parsed.clauses) > MAX_CLAUSES:
        parsed.clauses = parsed.clauses[:MAX_CLAUSES]
        parsed.truncated = True
    return parsed
