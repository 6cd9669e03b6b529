"""Search benchmark: index 10,000 generated documents, then time queries, per available backend.

Usage: ``.venv/bin/python bench/search_bench.py [--docs 10000] [--queries 300]``
(``make bench``). SQLite always runs; PostgreSQL runs when ``BENCH_POSTGRES_URL`` (default
``postgres://postgres@127.0.0.1:5432/sotecms``) answers. Each backend gets a throw-away database
(Django's test database machinery), so no real data is touched. Reports indexing time
(analysis included) and query latency p50/p95 of ``search.service.search`` (ranking, facet
counts and snippets included). A script, not a test.

Then relevance (``--relevance-only`` skips the timing, ``--no-relevance`` skips this): the demo
site is loaded into a throw-away database per backend and indexed with each analysis variant
(system Voikko; pip packages only, with system Voikko hidden; Snowball alone), and every case of
``tests/search/relevance.py`` is asked; success@3, MRR and nDCG@10 are printed per language.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/sotecms"

WORDS = {
    "fi": [
        "tekoäly",
        "hyvinvointialue",
        "kokeilu",
        "tulkkaus",
        "reaaliaikainen",
        "ratkaisu",
        "lääkitys",
        "riski",
        "arviointi",
        "työkalu",
        "ammattilainen",
        "asiakas",
        "potilas",
        "palvelutarve",
        "lapsi",
        "toimintakyky",
        "ennakointi",
        "kirjaus",
        "puheentunnistus",
        "syöpä",
        "kuvantaminen",
        "lihavuus",
        "hoito",
        "tuottavuus",
        "selvitys",
        "lainsäädäntö",
        "tietosuoja",
        "verkosto",
        "ekosysteemi",
        "jäsenorganisaatio",
        "rahoitus",
        "hanke",
        "pilotti",
        "webinaari",
        "uutiskirje",
        "sosiaalihuolto",
        "terveydenhuolto",
        "kansallinen",
        "edistäminen",
        "käyttötapaus",
        "suositus",
        "vastuullinen",
        "generatiivinen",
        "kielimalli",
        "data",
        "vaikuttavuus",
        "indikaattori",
        "tavoite",
        "mittari",
        "yhteistyö",
        "koulutus",
        "osaaminen",
        "kehittäminen",
        "käyttöönotto",
        "palvelu",
        "digitaalinen",
        "avustaja",
        "tiivistelmä",
        "hoitosuositus",
        "turvallisuus",
    ],
    "sv": [
        "välfärdsområde",
        "tolkning",
        "realtid",
        "läkemedel",
        "risk",
        "verktyg",
        "utredning",
        "användningsfall",
        "nätverk",
        "ekosystem",
        "pilot",
        "webbinarium",
        "finansiering",
        "dataskydd",
        "tillgänglighet",
        "vård",
        "omsorg",
        "klient",
        "yrkesperson",
        "bedömning",
        "prognos",
        "samarbete",
        "utveckling",
        "tjänst",
    ],
    "en": [
        "artificial",
        "intelligence",
        "wellbeing",
        "county",
        "pilot",
        "interpretation",
        "realtime",
        "medication",
        "risk",
        "assessment",
        "tool",
        "professional",
        "client",
        "patient",
        "service",
        "need",
        "child",
        "capacity",
        "prediction",
        "record",
        "speech",
        "recognition",
        "cancer",
        "imaging",
        "obesity",
        "care",
        "productivity",
        "report",
        "legislation",
        "privacy",
        "network",
        "ecosystem",
        "member",
        "funding",
        "project",
        "webinar",
    ],
}
LANG_SHARE = (("fi", 0.7), ("sv", 0.15), ("en", 0.15))
THEMES = ["Parempi asiakaspalvelu", "Tehokkaampi ammattilaisten työ", "Parempi hoidon laatu"]
REGIONS = ["Keski-Suomi", "Pohjois-Savo", "Pirkanmaa", "Kanta-Häme", "HUS", "Lappi"]
TYPES = ["pilotpage", "standardpage", "reportpage", "eventpage"]


SYLLABLES = [
    "ka",
    "ta",
    "la",
    "ri",
    "si",
    "no",
    "mu",
    "pe",
    "ko",
    "va",
    "hu",
    "ja",
    "te",
    "li",
    "sa",
    "mi",
    "to",
    "ne",
    "ro",
    "ki",
]
VOCABULARY_SIZE = 5000


def vocabulary(lang: str) -> tuple[list[str], list[float]]:
    """Real words among synthetic ones, drawn with Zipf frequencies like real text."""
    rng = random.Random(lang)
    synthetic = {
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5)))
        for _ in range(VOCABULARY_SIZE)
    }
    words = sorted(synthetic)
    rng.shuffle(words)
    for rank, word in enumerate(WORDS[lang]):
        words.insert(10 + rank * 7, word)
    weights, total = [], 0.0
    for rank in range(len(words)):
        total += 1 / (rank + 1)
        weights.append(total)
    return words, weights


VOCABULARIES: dict[str, tuple[list[str], list[float]]] = {}


def draw(rng: random.Random, lang: str, n: int) -> list[str]:
    if lang not in VOCABULARIES:
        VOCABULARIES[lang] = vocabulary(lang)
    words, cumulative = VOCABULARIES[lang]
    return rng.choices(words, cum_weights=cumulative, k=n)


def text(rng: random.Random, lang: str, n: int) -> str:
    return " ".join(draw(rng, lang, n))


def pick_lang(rng: random.Random) -> str:
    x, total = rng.random(), 0.0
    for lang, share in LANG_SHARE:
        total += share
        if x <= total:
            return lang
    return "fi"


def run_one(backend: str, n_docs: int, n_queries: int) -> dict:
    """Runs inside a child process whose DATABASE_URL points at the backend's database."""
    _setup_django()
    with _own_database("search_bench"):
        return _measure(backend, n_docs, n_queries)


def _setup_django() -> None:
    """Django in a bench child process (test settings, unless the caller chose others)."""
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    django.setup()


@contextmanager
def _own_database(suffix: str) -> Iterator[None]:
    """A freshly migrated database for one bench run, removed afterwards: a temporary file on
    SQLite; on PostgreSQL named after the URL's database plus ``suffix``, so benches of
    different checkouts do not collide."""
    from django.conf import settings
    from django.db import connection

    tmp = None
    old_name = settings.DATABASES["default"]["NAME"]
    if connection.vendor == "sqlite":
        handle, tmp = tempfile.mkstemp(suffix=".sqlite3")
        os.close(handle)
        connection.settings_dict["TEST"]["NAME"] = tmp
    else:
        connection.settings_dict["TEST"]["NAME"] = f"{old_name}_{suffix}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _fake_pages(n_docs: int) -> list[int]:
    """Bare page rows (the index rows point at pages); treebeard paths written directly."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    locale = Locale.objects.get(language_code="fi")
    root = Page.get_first_root_node()
    content_type = ContentType.objects.get_for_model(Page)
    start = root.get_children_count() + 1000
    pages = [
        Page(
            title=f"bench {i}",
            slug=f"bench-{i}",
            path=Page._get_path(root.path, root.depth + 1, start + i),
            depth=root.depth + 1,
            numchild=0,
            content_type=content_type,
            locale=locale,
            live=True,
        )
        for i in range(n_docs)
    ]
    created = Page.objects.bulk_create(pages, batch_size=1000)
    return [p.pk for p in created]


def make_documents(
    rng: random.Random,
    ids: list[int],
    words: Callable[[random.Random, str, int], str] = text,
) -> list:
    """The generated documents of the bench, one per page id; ``words(rng, lang, n)`` writes
    their texts (the cold-query bench passes one that mixes inflected forms in)."""
    from search.documents import PageDocument

    documents = []
    for page_id in ids:
        lang = pick_lang(rng)
        documents.append(
            PageDocument(
                page_id=page_id,
                lang=lang,
                url=f"/{lang}/bench/{page_id}/",
                content_type=rng.choice(TYPES),
                title=words(rng, lang, rng.randint(3, 8)).capitalize(),
                summary=words(rng, lang, 25),
                body=words(rng, lang, rng.randint(150, 400)),
                facets={
                    "theme": [rng.choice(THEMES)],
                    "region": [rng.choice(REGIONS)],
                    "year": [str(rng.choice([2024, 2025]))],
                },
            )
        )
    return documents


def make_queries(rng: random.Random, n_queries: int) -> list[tuple[str, str, dict]]:
    """(query, lang, facets) of the bench: 1–3 words, some prefixes, phrases and filters."""
    queries = []
    for _ in range(n_queries):
        lang = pick_lang(rng)
        words = draw(rng, lang, rng.randint(1, 3))
        if rng.random() < 0.3:  # still typing: the last word is a prefix
            words[-1] = words[-1][: max(3, len(words[-1]) - 3)]
        elif rng.random() < 0.1:
            words = [f'"{" ".join(words)}"']
        facets = {"region": [rng.choice(REGIONS)]} if rng.random() < 0.2 else {}
        queries.append((" ".join(words), lang, facets))
    return queries


def _measure(backend: str, n_docs: int, n_queries: int) -> dict:
    from search import service
    from search.backends import get_backend

    rng = random.Random(42)
    documents = make_documents(rng, _fake_pages(n_docs))
    started = time.perf_counter()
    for i in range(0, len(documents), 500):
        service.store_documents(documents[i : i + 500])
    # As ``search_reindex`` does after a bulk load (merged FTS5 segments, fresh statistics).
    get_backend().optimise()
    indexing = time.perf_counter() - started

    queries = make_queries(rng, n_queries)
    latencies = []
    counts = []
    for query, lang, facets in queries:
        t = time.perf_counter()
        outcome = service.search(query, lang, facets)
        latencies.append((time.perf_counter() - t) * 1000)
        counts.append(outcome.count)
    latencies.sort()
    return {
        "backend": backend,
        "documents": n_docs,
        "indexing_s": round(indexing, 2),
        "docs_per_s": round(n_docs / indexing),
        "queries": n_queries,
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 2),
        "max_ms": round(latencies[-1], 2),
        "mean_hits": round(statistics.mean(counts)),
    }


# (label, SEARCH_ANALYSER, SEARCH_USE_VOIKKO): the analysis chain with the system's Voikko, the
# same chain with system Voikko hidden (pip packages only, when the chain has that switch:
# ``search.morphology``), and Snowball alone.
ANALYSER_VARIANTS = (
    ("system Voikko", "auto", None),
    ("pip only", "pip", None),
    ("Snowball", "snowball", False),
)


def _use_variant(analyser: str, use_voikko: bool | None, have_voikko: bool) -> bool:
    import importlib.util

    if analyser == "pip":
        return importlib.util.find_spec("search.morphology") is not None
    if analyser == "auto":
        return have_voikko
    return True


def _clear_analysis_caches() -> None:
    """Analysers are cached per process: forget them when the analysis settings change."""
    import importlib

    for name in ("search.analysis", "search.morphology"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def relevance_one(backend: str) -> list[dict]:
    """Runs in a child process: the demo site, indexed with and without Voikko, every case."""
    import io

    _setup_django()
    from django.conf import settings
    from django.core.management import call_command

    with _own_database("search_relevance"):
        from search import service
        from search.analysis import voikko_available
        from tests.search.relevance import cases, run_cases

        call_command("load_demo_content", skip_index=True, verbosity=0, stdout=io.StringIO())
        rows = []
        for label, analyser, use_voikko in ANALYSER_VARIANTS:
            if not _use_variant(analyser, use_voikko, voikko_available()):
                continue
            os.environ["SEARCH_ANALYSER"] = analyser
            settings.SEARCH_ANALYSER = analyser
            settings.SEARCH_USE_VOIKKO = use_voikko
            _clear_analysis_caches()
            service.reindex_all()
            run = run_cases(
                lambda q, lang: [r.url for r in service.search(q, lang, limit=10).results],
                cases(True),
            )
            for lang, measured in run.scores().items():
                rows.append(
                    {
                        "backend": backend,
                        "analysis": label,
                        "lang": lang,
                        "queries": measured.queries,
                        "success_at_3": round(measured.success_at_3, 3),
                        "mrr": round(measured.mrr, 3),
                        "ndcg_at_10": round(measured.ndcg_at_10, 3),
                    }
                )
        return rows


def print_relevance(rows: list[dict]) -> None:
    print(
        f"{'backend':<10}{'voikko':<8}{'lang':<6}{'queries':>8}{'s@3':>7}{'MRR':>7}{'nDCG@10':>9}"
    )
    for r in rows:
        print(
            f"{r['backend']:<10}{'yes' if r['voikko'] else 'no':<8}{r['lang']:<6}{r['queries']:>8}"
            f"{r['success_at_3']:>7.3f}{r['mrr']:>7.3f}{r['ndcg_at_10']:>9.3f}"
        )


def postgres_url() -> str | None:
    url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_PG)
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "postgres_ready.py"), url],
        capture_output=True,
        env={**os.environ, "CI": ""},
    )
    return url if check.returncode == 0 else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--relevance-child", help=argparse.SUPPRESS)
    parser.add_argument("--relevance-only", action="store_true")
    parser.add_argument("--no-relevance", action="store_true")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.docs, args.queries)))
        return 0
    if args.relevance_child:
        print(json.dumps(relevance_one(args.relevance_child)))
        return 0
    targets = [("sqlite", "")]
    pg = postgres_url()
    if pg:
        targets.append(("postgres", pg))
    else:
        print("PostgreSQL unreachable: benchmarking SQLite only.")
    if not args.relevance_only:
        status = timing(targets, args)
        if status:
            return status
    if not args.no_relevance:
        return relevance(targets)
    return 0


def _env(url: str) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    env.pop("SEARCH_BACKEND", None)
    return env


def timing(targets: list[tuple[str, str]], args: argparse.Namespace) -> int:
    rows = []
    for backend, url in targets:
        cmd = [sys.executable, __file__, "--child", backend]
        cmd += ["--docs", str(args.docs), "--queries", str(args.queries)]
        print(f"search bench: {backend} ({args.docs} documents)…", flush=True)
        done = subprocess.run(cmd, env=_env(url), capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            print(done.stderr[-3000:])
            return done.returncode
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    header = f"{'backend':<10}{'docs':>7}{'index s':>9}{'docs/s':>8}{'p50 ms':>9}{'p95 ms':>9}"
    print(header)
    for r in rows:
        print(
            f"{r['backend']:<10}{r['documents']:>7}{r['indexing_s']:>9}{r['docs_per_s']:>8}"
            f"{r['p50_ms']:>9}{r['p95_ms']:>9}"
        )
    return 0


def relevance(targets: list[tuple[str, str]]) -> int:
    rows = []
    for backend, url in targets:
        print(f"search relevance: {backend} (demo site, with and without Voikko)…", flush=True)
        cmd = [sys.executable, __file__, "--relevance-child", backend]
        done = subprocess.run(cmd, env=_env(url), capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            print(done.stderr[-3000:])
            return done.returncode
        rows += json.loads(done.stdout.strip().splitlines()[-1])
    print_relevance(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
