"""Search benchmark: a cold process's first query (issue #18: under 1 s).

Usage: ``.venv/bin/python bench/search_cold.py [--docs 2000] [--runs 3] [--dir DIR]``
(``make bench-search-cold``). For each analysis chain (``SEARCH_ANALYSER=auto``: system Voikko
when installed; ``pip``: the pip packages only) a SQLite index of generated documents is built
once in ``DIR`` (the generator of ``bench/search_bench.py``, with inflected Finnish and Swedish
forms mixed in, as real text has them). Then each query runs in ``--runs`` fresh processes:
``django.setup()``, then ``search.service.search`` timed twice (first and second query), without
the web worker's ``warm_up``. Prints seconds per chain and query, and whether the process loaded
pyvoikko's transducer. A script, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_bench import text  # noqa: E402

# Inflected forms real Finnish and Swedish text has (the generator draws base forms).
INFLECTED = {
    "fi": [
        "tekoälykokeilujen",
        "hyvinvointialueilla",
        "hyvinvointialueella",
        "tekoälyn",
        "kokeilussa",
        "tulkkauksen",
        "lääkitysriskien",
        "arvioinnissa",
        "syövän",
        "lainsäädännön",
        "kehittämisessä",
        "potilaiden",
        "ammattilaisten",
        "ratkaisuja",
    ],
    "sv": ["välfärdsområdet", "välfärdsområdena", "medlemmarna", "läkemedlet", "riskerna"],
    "en": ["interpretation", "imaging", "members"],
}


def inflected_text(rng: random.Random, lang: str, n: int) -> str:
    """The bench's generated text with one word in twenty replaced by an inflected form, as
    real text has them (so that some query forms are in the index and some are not)."""
    words = text(rng, lang, n).split()
    for _ in range(n // 20):
        words[rng.randrange(len(words))] = rng.choice(INFLECTED[lang])
    return " ".join(words)


# In the index's vocabulary / one word the index does not hold (an analyser is needed).
QUERIES = [
    ("tekoälykokeilujen hyvinvointialueilla", "fi"),
    ("välfärdsområdet medlemmarna", "sv"),
    ("tekoälykokeiluissamme", "fi"),
]


def build(path: Path, n_docs: int) -> None:
    """Migrate a SQLite database at ``path`` and index ``n_docs`` generated documents."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from bench.search_bench import _fake_pages, make_documents
    from search import service

    rng = random.Random(7)
    documents = make_documents(rng, _fake_pages(n_docs), words=inflected_text)
    for i in range(0, len(documents), 500):
        service.store_documents(documents[i : i + 500])


def query(query_text: str, lang: str) -> dict:
    """In a fresh process: set up Django, time the first and the second search."""
    started = time.perf_counter()
    import django

    django.setup()
    from search import morphology, service

    setup = time.perf_counter() - started
    t = time.perf_counter()
    first = service.search(query_text, lang)
    first_s = time.perf_counter() - t
    t = time.perf_counter()
    service.search(query_text, lang)
    second_s = time.perf_counter() - t
    return {
        "setup_s": round(setup, 3),
        "first_s": round(first_s, 3),
        "second_s": round(second_s, 3),
        "count": first.count,
        "pyvoikko_loaded": "pyvoikko" in morphology._Transducer._loaded  # noqa: SLF001
        if not hasattr(morphology, "pyvoikko_loaded")  # the code before the vocabulary store
        else morphology.pyvoikko_loaded(),
        "analyser": morphology.configured_analyser(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", default=str(Path(os.environ.get("TMPDIR", "/tmp"))))
    parser.add_argument("--chains", default="auto,pip")
    parser.add_argument("--build", help=argparse.SUPPRESS)
    parser.add_argument("--query", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build(Path(args.build), args.docs)
        return 0
    if args.query:
        print(json.dumps(query(*args.query)))
        return 0
    print(f"load average: {os.getloadavg()}")
    for chain in args.chains.split(","):
        path = Path(args.dir) / f"sotecms-search-cold-{chain}-{args.docs}.sqlite3"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": f"sqlite:///{path}",
            "SEARCH_ANALYSER": chain,
        }
        env.pop("SEARCH_BACKEND", None)
        if not path.exists():
            print(f"building {path} ({args.docs} documents, {chain})…", flush=True)
            cmd = [sys.executable, __file__, "--build", str(path), "--docs", str(args.docs)]
            subprocess.run(cmd, env=env, check=True, cwd=ROOT)
        for query_text, lang in QUERIES:
            runs = []
            for _ in range(args.runs):
                cmd = [sys.executable, __file__, "--query", query_text, lang]
                done = subprocess.run(
                    cmd, env=env, capture_output=True, text=True, check=True, cwd=ROOT
                )
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            firsts = [r["first_s"] for r in runs]
            print(
                f"{chain:<5} {lang} {query_text!r:<42} first {statistics.median(firsts):.3f} s"
                f" (min {min(firsts):.3f}, max {max(firsts):.3f}), second"
                f" {statistics.median(r['second_s'] for r in runs):.3f} s, hits {runs[0]['count']},"
                f" pyvoikko loaded: {runs[0]['pyvoikko_loaded']}",
                flush=True,
            )
    print(f"load average: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
