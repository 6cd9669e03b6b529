"""The morphology stages of the analysis chain, each loaded lazily and only when needed.

Finnish base forms and compound parts come from the Voikko transducer. Two ways to run it give
the *same* transducer output (``FSTOUTPUT``) for the same word:

1. **system Voikko**: the C library ``libvoikko`` with Debian's dictionary (``libvoikko1``,
   ``voikko-fi``) through the ``libvoikko`` ctypes binding; loads in ~30 ms;
2. **pyvoikko**: the same voikko-fi transducer shipped in a pip package, run by ``kfst`` (with
   the ``kfst-rs`` accelerator); loads in 1–2 s, ~0.4 ms a word.

Both outputs go through :func:`lemmas_from_fst`, one parser of our own, so the base form and the
parts of a word do not depend on which library produced the output. Words the transducer does not
know fall to the **lemmatiser** (simplemma's Finnish and Swedish form → lemma lists, kept in a
trie built once into ``SEARCH_CACHE_DIR``), then to the Snowball stem (in
``search.analysis``).

``SEARCH_ANALYSER`` (setting or environment variable) chooses: ``auto`` (default: system Voikko
when installed, else pyvoikko), ``pip`` (never the system library: what a server without the
Debian packages gets), ``snowball`` (no morphology, no lemmatiser: the old fallback).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

logger = logging.getLogger(__name__)

AUTO, PIP, SNOWBALL = "auto", "pip", "snowball"
CHOICES = (AUTO, PIP, SNOWBALL)
SYSTEM_VOIKKO, PYVOIKKO, NONE = "system-voikko", "pyvoikko", "none"
LEMMATISER_LANGUAGES = ("fi", "sv")


def _setting(name: str, default: str = "") -> str:
    """A Django setting when settings are configured, else the environment variable."""
    try:
        from django.conf import settings

        if settings.configured and hasattr(settings, name):
            value = getattr(settings, name)
            return "" if value is None else str(value)
    except ImportError:  # pragma: no cover - Django is always installed here
        pass
    return os.environ.get(name, default)


def configured_analyser() -> str:
    """``SEARCH_ANALYSER``: auto, pip or snowball (unknown values mean auto, with a warning)."""
    value = (_setting("SEARCH_ANALYSER", AUTO) or AUTO).strip().lower()
    if value not in CHOICES:
        logger.warning("Unknown SEARCH_ANALYSER %r: using %r", value, AUTO)
        return AUTO
    return value


def cache_dir() -> str | None:
    """Where the lemmatiser's tries are built once (``SEARCH_CACHE_DIR``; None = simplemma's
    default in the user's cache directory, shared by every checkout of the project)."""
    return _setting("SEARCH_CACHE_DIR") or None


# --- Voikko transducer output → base form and compound parts ---------------------------------

TAG_RE = re.compile(r"\[[^\]]*\]")
SEGMENT_RE = re.compile(r"(\[[^\]]*\])")
PLAIN_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Lemma:
    """One reading of a word: its base form, compound parts and (for -minen nouns) the noun."""

    base: str
    parts: tuple[str, ...] = ()
    verbal_noun: str = ""
    word_class: str = ""


def _pieces(segment: str) -> list[tuple[str, str]]:
    """(tag, text) pairs of one compound segment: the text that follows each tag."""
    pieces: list[tuple[str, str]] = []
    tag = ""
    for token in SEGMENT_RE.split(segment):
        if not token:
            continue
        if token.startswith("["):
            tag = token
            pieces.append((tag, ""))
        else:
            if not pieces:
                pieces.append(("", ""))
            last_tag, text = pieces[-1]
            pieces[-1] = (last_tag, text + token)
    return pieces


def _surface(pieces: list[tuple[str, str]], stop_at: int | None = None) -> str:
    """The surface text of a segment: text not inside ``[X?]…[X]`` base-form brackets."""
    out, inside = [], False
    for index, (tag, text) in enumerate(pieces):
        if stop_at is not None and index >= stop_at:
            break
        if tag.startswith("[X") and tag != "[X]":
            inside = True
            continue
        if tag == "[X]":
            inside = False
        if not inside:
            out.append(text)
    return "".join(out)


def _segment_base(pieces: list[tuple[str, str]]) -> str:
    """A segment's base form: ``[Xp]`` base, or surface stem + suffix of its last derivation."""
    derivations = [i for i, (tag, _) in enumerate(pieces) if tag == "[Xj]"]
    if derivations:
        last = derivations[-1]
        return _surface(pieces, stop_at=last) + pieces[last][1]
    for tag, text in pieces:
        if tag == "[Xp]":
            return text.replace("=", "")
    return _surface(pieces)


def lemmas_from_fst(fst_outputs: list[str]) -> list[Lemma]:
    """Readings of a word from Voikko transducer outputs (identical for both libraries).

    Non-final compound parts keep their surface in the base form (``lainsäädännön`` →
    ``lainsäädäntö``, ``riskienarviointia`` → ``riskienarviointi``, as libvoikko does), and are
    lemmatised as parts (``laki``, ``riski``). A ``-minen`` form of a verb (``[Tn4]``) also
    gives the noun (``kehittämisessä`` → ``kehittää`` and ``kehittäminen``).
    """
    lemmas: list[Lemma] = []
    for output in fst_outputs:
        segments = [s for s in output.split("[Bc]") if s]
        if not segments:
            continue
        pieces = [_pieces(s) for s in segments]
        head = "".join(_surface(p) for p in pieces[:-1])
        last_base = _segment_base(pieces[-1])
        base = (head + last_base).lower()
        parts: list[str] = []
        if len(pieces) > 1:
            for p in pieces[:-1]:
                derived = any(tag == "[Xj]" for tag, _ in p)
                parts.append((_surface(p) if derived else _segment_base(p)).lower())
            parts.append(last_base.lower())
            parts = [x for x in parts if len(x) >= 2 and PLAIN_RE.fullmatch(x)]
            if len(parts) >= 3:
                parts += [a + b for a, b in zip(parts, parts[1:], strict=False)]
        verbal_noun = ""
        last = pieces[-1]
        marks = [i for i, (tag, _) in enumerate(last) if tag == "[Tn4]"]
        if marks:
            verbal_noun = (head + _surface(last, stop_at=marks[0]) + "minen").lower()
        word_class = next((tag for tag, _ in last if tag.startswith("[L")), "")
        if PLAIN_RE.fullmatch(base):
            lemmas.append(Lemma(base, tuple(dict.fromkeys(parts)), verbal_noun, word_class))
    return lemmas


# --- The transducer: system library or pip package --------------------------------------------


@lru_cache(maxsize=8)
def installed(package: str) -> bool:
    """Whether ``package`` can be imported, without importing it (asked once per process:
    the analysis chain is named for every vocabulary lookup)."""
    return importlib.util.find_spec(package) is not None


class _Transducer:
    """The process-wide Voikko transducer (calls hold a lock: libvoikko is not thread-safe)."""

    _lock = threading.Lock()
    _loaded: dict[str, object] = {}

    @classmethod
    def _system(cls):
        from libvoikko import Voikko, VoikkoException

        try:
            return Voikko("fi")
        except VoikkoException as exc:
            raise OSError(str(exc)) from exc

    @classmethod
    def _pip(cls):
        import pyvoikko  # loads the transducer (1–2 s with kfst-rs)

        return pyvoikko

    @classmethod
    def _load(cls, name: str) -> None:
        """Load one transducer into ``_loaded`` (None when unavailable); the lock is held."""
        if name not in cls._loaded:
            try:
                cls._loaded[name] = cls._system() if name == SYSTEM_VOIKKO else cls._pip()
            except (ImportError, OSError, AttributeError) as exc:
                logger.info("Finnish analyser %s unavailable: %s", name, exc)
                cls._loaded[name] = None

    @staticmethod
    def _order(choice: str) -> list[str]:
        if choice == SNOWBALL:
            return []
        return [SYSTEM_VOIKKO, PYVOIKKO] if choice == AUTO else [PYVOIKKO]

    @classmethod
    def get(cls, choice: str) -> tuple[str, object | None]:
        """(name, handle) of the transducer for ``choice`` (auto → system, else pip)."""
        with cls._lock:
            for name in cls._order(choice):
                cls._load(name)
                if cls._loaded[name] is not None:
                    return name, cls._loaded[name]
        return NONE, None

    @classmethod
    def stage(cls, choice: str) -> str:
        """The name of the transducer that serves (or will serve) ``choice``, without loading
        pyvoikko: the system library loads in ~30 ms and is tried, pyvoikko (1–2 s) only has to
        be installed. A query whose words the index vocabulary holds never needs it."""
        with cls._lock:
            for name in cls._order(choice):
                if name == SYSTEM_VOIKKO:
                    cls._load(name)
                if name in cls._loaded:
                    if cls._loaded[name] is not None:
                        return name
                elif installed("pyvoikko"):
                    return name
        return NONE

    @classmethod
    def is_loaded(cls, name: str) -> bool:
        """Whether the transducer ``name`` has been loaded in this process."""
        return cls._loaded.get(name) is not None

    @classmethod
    def fst_outputs(cls, choice: str, word: str) -> list[str]:
        name, handle = cls.get(choice)
        if handle is None:
            return []
        with cls._lock:
            if name == SYSTEM_VOIKKO:
                return [a.get("FSTOUTPUT", "") for a in handle.analyze(word)]
            return [a.FSTOUTPUT for a in handle.analyse(word)]


def finnish_analyser_name(choice: str | None = None) -> str:
    """Which transducer serves Finnish for ``choice``: system-voikko, pyvoikko or none."""
    return _Transducer.get(choice or configured_analyser())[0]


def finnish_stage(choice: str | None = None) -> str:
    """Like :func:`finnish_analyser_name`, but without loading pyvoikko (see
    ``_Transducer.stage``): names the analysis chain of stored vocabulary analyses."""
    return _Transducer.stage(choice or configured_analyser())


def pyvoikko_loaded() -> bool:
    """Whether this process has loaded pyvoikko's transducer (1–2 s, ~270 MB)."""
    return _Transducer.is_loaded(PYVOIKKO)


def lemmatiser_stage() -> str:
    """``simplemma`` when the lemmatiser is installed (and has not failed), else ``none``;
    checked without loading its dictionaries."""
    if _Lemmatiser._failed:
        return NONE
    if _Lemmatiser._instance is not None or installed("simplemma"):
        return "simplemma"
    return NONE


def active_analyser_name() -> str:
    """The Finnish stage in use under the current settings (for reports and benchmarks)."""
    name = finnish_analyser_name()
    return "snowball" if name == NONE else name


def finnish_lemmas(word: str, choice: str | None = None) -> list[Lemma]:
    """Readings of a Finnish (lower-case, hyphen-free) word; [] when the transducer does not
    know it or none is available."""
    if not word or word.isdigit():
        return []
    lemmas = lemmas_from_fst(_Transducer.fst_outputs(choice or configured_analyser(), word))
    return sorted(dict.fromkeys(lemmas), key=lambda lemma: _reading_order(word, lemma))


# Nouns (common, proper) make the best primary terms, then adjectives, then the rest.
CLASS_ORDER = {"[Ln]": 0, "[Lnl]": 0, "[Le]": 0, "[Ll]": 1}


def _reading_order(word: str, lemma: Lemma) -> tuple[int, int, int, str]:
    """Order readings independently of the library (libvoikko and kfst list them differently):
    nouns first, then the base form sharing the longest beginning with the word, then fewer
    parts, then alphabetical. The first reading gives the primary term."""
    shared = 0
    for a, b in zip(word, lemma.base, strict=False):
        if a != b:
            break
        shared += 1
    return (CLASS_ORDER.get(lemma.word_class, 2), -shared, len(lemma.parts), lemma.base)


# --- The lemmatiser ----------------------------------------------------------------------------


class _Lemmatiser:
    """simplemma with its dictionaries in memory-mapped MARISA tries (built once, on disk)."""

    _lock = threading.Lock()
    _instance: object | None = None
    _failed = False

    @classmethod
    def get(cls):
        if cls._instance is None and not cls._failed:
            with cls._lock:
                if cls._instance is None and not cls._failed:
                    try:
                        from simplemma import Lemmatizer
                        from simplemma.strategies import DefaultStrategy
                        from simplemma.strategies.dictionaries.trie_dictionary_factory import (
                            TrieDictionaryFactory,
                        )

                        factory = TrieDictionaryFactory(disk_cache_dir=cache_dir())
                        cls._instance = Lemmatizer(
                            lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)
                        )
                    except ImportError as exc:
                        logger.info("Lemmatiser unavailable: %s", exc)
                        cls._failed = True
        return cls._instance


def lemmatise(word: str, lang: str, choice: str | None = None) -> str:
    """simplemma's lemma of ``word`` (fi, sv), or "" when it has none other than the word."""
    if lang not in LEMMATISER_LANGUAGES or (choice or configured_analyser()) == SNOWBALL:
        return ""
    lemmatiser = _Lemmatiser.get()
    if lemmatiser is None or word.isdigit():
        return ""
    with _Lemmatiser._lock:
        lemma = lemmatiser.lemmatize(word, lang).lower()
    return lemma if lemma != word and PLAIN_RE.fullmatch(lemma) else ""


def warm_up() -> None:
    """Load what the configured chain needs now (the web entry point calls this while a worker
    boots), so that a cold process answers its first query without loading anything. Never
    fails: a missing stage is logged and skipped, as on first use."""
    if configured_analyser() == SNOWBALL:
        return
    try:
        prepare()
    except Exception:  # noqa: BLE001 - warming is an optimisation; first use retries
        logger.exception("Warming the search analysers failed")


def prepare(langs: tuple[str, ...] = LEMMATISER_LANGUAGES) -> None:
    """Build the lemmatiser's tries and load the transducer now (``search_reindex`` does), so
    that no visitor's query waits for it."""
    for lang in langs:
        lemmatise("prepare", lang)
    finnish_lemmas("valmistelu")
