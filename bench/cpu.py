"""CPU time and SQL queries per cold render, in one process: ``python -m bench.run --cpu-profile``.

Requests per second measured with wrk depend on what else the machine runs; the CPU time a
render costs its own process does not (much). So this pass renders each public page type with
Django's test client under production settings with the page cache off (every request renders;
the lookups cached under the page-cache generation are warm, as after the first visitor) and
reads ``time.process_time()`` around each request. ``bench.run --cpu-profile`` runs it once per
database (demo content only, and the same plus the generated bench-scale site) and prints the
table of docs/performance.md: CPU ms per request at both scales, their ratio, the repeat-render
query count and the req/s bound for two workers (2 × 1000 / CPU ms at bench scale).

Run on its own (the environment chooses the database and settings)::

    python -m bench.cpu --requests 30 [--profile DIR] [--only LABEL]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

PILOT = "/fi/kokeilut/ai-avusteisesti-koostettu-lapsen-palvelutarpeen-arviointi/"

# (label, path at demo scale, path at bench scale): the same URL at both scales unless the bench
# page is a generated one (a detail page with the generated site's amount of content around it).
PAGES: list[tuple[str, str, str]] = [
    ("front page", "/fi/", "/fi/"),
    ("front page (en)", "/en/", "/en/"),
    ("standard page", "/fi/tietoa/", "/fi/tietoa/"),
    ("pilot index", "/fi/kokeilut/", "/fi/kokeilut/"),
    (
        "pilot index, filtered",
        "/fi/kokeilut/?status=ongoing&category=professional-support",
        "/fi/kokeilut/?status=ongoing&category=professional-support",
    ),
    ("pilot updates listing", "/fi/kokeilut/updates/", "/fi/kokeilut/updates/"),
    ("pilot page", PILOT, PILOT),
    ("pilot page (generated, 40 updates)", PILOT, "/fi/kokeilut/bench-pilotti-0/"),
    (
        "pilot update",
        PILOT + "kokeilu-kaynnistyi-lastensuojelussa/",
        PILOT + "kokeilu-kaynnistyi-lastensuojelussa/",
    ),
    ("funding call", "/fi/kokeilut/ideahaku-2024/", "/fi/kokeilut/ideahaku-2024/"),
    ("AI register index", "/fi/tekoalyrekisteri/", "/fi/tekoalyrekisteri/"),
    ("AI register record", PILOT + "tekoalyrekisteri/", PILOT + "tekoalyrekisteri/"),
    ("report index", "/fi/selvitykset/", "/fi/selvitykset/"),
    (
        "report index, filtered",
        "/fi/selvitykset/?year=2024",
        "/fi/selvitykset/?year=2024",
    ),
    (
        "report page",
        "/fi/selvitykset/tekoaly-hyvinvointialueilla/",
        "/fi/selvitykset/tekoaly-hyvinvointialueilla/",
    ),
    ("use-case catalogue", "/fi/kayttotapaukset/", "/fi/kayttotapaukset/"),
    ("news index", "/fi/uutiset/", "/fi/uutiset/"),
    ("news page", "/fi/uutiset/kokeilurahoitus-avautuu/", "/fi/uutiset/kokeilurahoitus-avautuu/"),
    ("blog index", "/fi/blogi/", "/fi/blogi/"),
    ("blog page", "/fi/blogi/miksi-tekoalyekosysteemi/", "/fi/blogi/miksi-tekoalyekosysteemi/"),
    ("newsletter index", "/fi/uutiskirje/", "/fi/uutiskirje/"),
    ("newsletter issue", "/fi/uutiskirje/marraskuu-2024/", "/fi/uutiskirje/marraskuu-2024/"),
    ("member directory", "/fi/jasenet/", "/fi/jasenet/"),
    ("member directory, letter J", "/fi/jasenet/?letter=J", "/fi/jasenet/?letter=J"),
    ("join page", "/fi/jasenet/liity-jaseneksi/", "/fi/jasenet/liity-jaseneksi/"),
    ("subscribe page", "/fi/tilaa-uutiskirje/", "/fi/tilaa-uutiskirje/"),
    (
        "proposal page",
        "/fi/osallistu/ehdota-ai-aamun-aihetta/",
        "/fi/osallistu/ehdota-ai-aamun-aihetta/",
    ),
    ("working group index", "/fi/tyoryhmat/", "/fi/tyoryhmat/"),
    (
        "working group page",
        "/fi/tyoryhmat/juridiikan-tyoryhma/",
        "/fi/tyoryhmat/juridiikan-tyoryhma/",
    ),
    ("partner index", "/fi/kumppanit/", "/fi/kumppanit/"),
    ("partner page", "/fi/kumppanit/wenla/", "/fi/kumppanit/wenla/"),
    ("legislative needs", "/fi/lainsaadantotarpeet/", "/fi/lainsaadantotarpeet/"),
    ("lessons learned", "/fi/opit/", "/fi/opit/"),
    ("event index", "/fi/tapahtumat/", "/fi/tapahtumat/"),
    ("event series", "/fi/tapahtumat/ai-aamu/", "/fi/tapahtumat/ai-aamu/"),
    ("event page", "/fi/tapahtumat/ai-aamu-tuleva-1/", "/fi/tapahtumat/ai-aamu-tuleva-1/"),
    ("search", "/fi/haku/?q=teko%C3%A4lykokeilut", "/fi/haku/?q=teko%C3%A4lykokeilut"),
    (
        "search API",
        "/api/search/?q=hyvinvointialueella&lang=fi",
        "/api/search/?q=hyvinvointialueella&lang=fi",
    ),
    ("API pages", "/api/v2/pages/?locale=fi&limit=20", "/api/v2/pages/?locale=fi&limit=20"),
    ("sitemap index", "/sitemap.xml", "/sitemap.xml"),
    # one part of the index: the Finnish pilot updates (3 at demo scale, a full part at bench)
    (
        "sitemap part (pilot updates)",
        "/sitemap-fi-pilots.pilotupdatepage-1.xml",
        "/sitemap-fi-pilots.pilotupdatepage-1.xml",
    ),
    (
        "sitemap part (standard pages)",
        "/sitemap-fi-home.standardpage-1.xml",
        "/sitemap-fi-home.standardpage-1.xml",
    ),
]


def measure(
    paths: list[str], requests: int, warmup: int = 3, profile_dir: Path | None = None
) -> dict[str, dict]:
    """Per path: HTTP status, repeat-render queries and CPU ms per request (median and mean).

    Must run in a process where Django is set up with the settings to measure."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False)
    out: dict[str, dict] = {}
    for path in paths:
        for _ in range(warmup):
            status = client.get(path).status_code
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path).status_code
        queries = len(captured)  # now: the log is read lazily and later requests reset it
        times = []
        for _ in range(requests):
            started = time.process_time()
            client.get(path)
            times.append((time.process_time() - started) * 1000)
        out[path] = {
            "status": status,
            "queries": queries,
            "cpu_ms": statistics.median(times),
            "cpu_ms_mean": statistics.fmean(times),
        }
        if profile_dir is not None:
            import cProfile

            profile_dir.mkdir(parents=True, exist_ok=True)
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(5):
                client.get(path)
            profiler.disable()
            name = path.strip("/").replace("/", "_").replace("?", "_").replace("&", "_") or "root"
            profiler.dump_stats(profile_dir / f"{name[:120]}.prof")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--profile", type=Path, default=None, help="also write cProfile stats")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    print(json.dumps(measure(args.paths, args.requests, profile_dir=args.profile)))


if __name__ == "__main__":
    main()
