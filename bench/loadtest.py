"""``make loadtest``: 60 s at 64 connections on loopback while an editor keeps publishing.

Serves the demo site with gunicorn (2 workers, production settings, page cache on, SQLite by
default or ``--database-url``), loads the front page and several content pages from a second
process, and meanwhile publishes a new title for the "About" page every half second from a
third process. Passes when there were zero errors (no 5xx, no transport errors) and, after the
load, every worker serves the last published title on the page and in the menu (the cache did
not keep a stale copy). Exits non-zero otherwise.

``--scale-out`` runs the same check on two instances × two workers with PostgreSQL and Redis
(bench/scaleout.py, ``make loadtest-scaleout``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import httpx

from bench.run import PYTHON, ROOT, WORK, base_env, gunicorn, load, prepare

PUBLISHER = r"""
import sys, time, django
django.setup()
from home.models import StandardPage
deadline = time.monotonic() + float(sys.argv[1])
n = 0
while time.monotonic() < deadline:
    n += 1
    page = StandardPage.objects.get(slug="tietoa", locale__language_code="fi")
    page.title = f"Kuormitus {n}"
    page.save_revision().publish()
    time.sleep(0.5)
print(f"Kuormitus {n}")
"""

PATHS = ["/fi/", "/fi/tietoa/", "/sv/", "/en/about/", "/fi/osallistu/", "/sitemap.xml"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument(
        "--scale-out",
        action="store_true",
        help="two instances x two workers on PostgreSQL + Redis (bench/scaleout.py)",
    )
    parser.add_argument(
        "--compare", action="store_true", help="with --scale-out: throughput of one vs two"
    )
    parser.add_argument("--redis-url", default="", help="with --scale-out (LOADTEST_REDIS_URL)")
    args = parser.parse_args()
    if args.scale_out:
        from bench import scaleout

        args.database_url = args.database_url or scaleout.PG_URL
        args.redis_url = args.redis_url or scaleout.REDIS_URL
        scaleout.main(args)
    args.database_url = args.database_url or f"sqlite:///{WORK / 'loadtest.sqlite3'}"
    WORK.mkdir(parents=True, exist_ok=True)
    if not args.skip_prepare:
        prepare(args.database_url, scale=2)
    env = base_env(args.database_url, page_cache=True)
    failures = []
    with gunicorn(env, args.port) as (base, _process):
        publisher = subprocess.Popen(
            [PYTHON, "-c", PUBLISHER, str(args.duration)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        result = load([base + p for p in PATHS], args.concurrency, args.duration)
        last_title = publisher.communicate(timeout=120)[0].strip().splitlines()[-1]
        if publisher.returncode != 0:
            failures.append("the publisher failed")
        time.sleep(0.2)
        for attempt in range(6):  # several requests so both workers answer
            for path in ("/fi/tietoa/", "/fi/"):
                html = httpx.get(base + path, timeout=30).text
                if last_title not in html:
                    failures.append(f"{path} (request {attempt}) does not show {last_title!r}")
    print(
        f"{result['requests']} requests in {args.duration:.0f} s at {args.concurrency} "
        f"connections: {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, "
        f"p99 {result['p99']:.1f} ms, errors {result['errors']}, statuses {result['statuses']}; "
        f"last published title {last_title!r}"
    )
    if result["errors"]:
        failures.append(f"{result['errors']} errors")
    if failures:
        print("FAILED: " + "; ".join(failures))
        sys.exit(1)
    print("OK: zero errors, pages consistent after the load")


if __name__ == "__main__":
    main()
