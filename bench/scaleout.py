"""``make loadtest-scaleout``: two instances × two workers on PostgreSQL + Redis, under load.

What runs (all on loopback, production settings, page cache on, one throw-away SECRET_KEY):
- instances A and B: gunicorn, 2 sync workers each, on ports ``--port`` and ``--port + 1``,
  sharing the PostgreSQL database ``--database-url`` and the Redis ``--redis-url`` (the
  security counters in the next Redis database);
- two background workers (``manage.py run_worker`` when it exists, else a loop of
  ``publish_scheduled`` + ``send_pending_mail``);
- an editor process publishing a new title for the "About" page every 0.5 s (the ORM, on the
  same database and Redis, as a worker or a third instance would);
- the load: one ``wrk`` per instance (half the connections each), every request the next of
  several pages, for ``--duration`` seconds, with the public ``Host`` a proxy would send, so
  both instances share page-cache entries (``bench/loadgen.py`` when wrk is missing; it sends
  the instance's own address, so the instances then do not share entries).

Passes when both instances had zero errors (non-2xx/3xx, socket errors, 30 s timeouts), the
workers kept running, and after the load every page is the same on A and B and shows the last
published title. ``--compare`` instead measures throughput of one instance against two with the
same wrk line (no publishing): docs/deployment.md.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import ExitStack

import httpx

from bench.loadtest import PATHS, PUBLISHER
from bench.run import PYTHON, ROOT, WORK, base_env, gunicorn, machine, parse_wrk, prepare

PG_URL = os.environ.get(
    "LOADTEST_PG_URL", "postgres://postgres@127.0.0.1:5432/sotecms_loadtest_scaleout"
)
REDIS_URL = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/3")
# A proxy sends the public host name to every instance; page-cache keys include the host.
PUBLIC_HOST = "sotecms.test"

# TODO(lead): once `manage.py run_worker` (issue #20, the workers part) is on main, this loop is
# only the fallback; worker_command() already prefers run_worker when the command exists.
WORKER_LOOP = r"""
import io, time, django
django.setup()
from django.core.management import call_command
while True:
    call_command("publish_scheduled", verbosity=0, stdout=io.StringIO())
    call_command("send_pending_mail", verbosity=0, stdout=io.StringIO())
    time.sleep(2)
"""

WRK_PATHS_SCRIPT = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
"""


def has_run_worker() -> bool:
    return any(ROOT.glob("*/management/commands/run_worker.py"))


def worker_command() -> list[str]:
    if has_run_worker():
        return [PYTHON, "manage.py", "run_worker"]
    return [PYTHON, "-c", WORKER_LOOP]


def start_load(base: str, connections: int, duration: float) -> subprocess.Popen:
    """A load generator against one instance, cycling through PATHS; read with finish_load."""
    if shutil.which("wrk"):
        script = WORK / "paths.lua"
        script.write_text(WRK_PATHS_SCRIPT % ", ".join(f'"{p}"' for p in PATHS))
        command = ["wrk", "-t1", f"-c{connections}", f"-d{int(duration)}s", "--latency"]
        command += ["--timeout", "30s", "-H", f"Host: {PUBLIC_HOST}", "-s", str(script), base]
    else:
        command = [PYTHON, "-m", "bench.loadgen", *(base + p for p in PATHS)]
        command += ["--concurrency", str(connections), "--duration", str(duration)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)


def finish_load(process: subprocess.Popen) -> dict:
    import json

    stdout = process.communicate(timeout=600)[0]
    if process.returncode != 0:
        raise RuntimeError(f"the load generator failed: {stdout[-2000:]}")
    return parse_wrk(stdout) if shutil.which("wrk") else json.loads(stdout)


def consistency_failures(bases: list[str], last_title: str) -> list[str]:
    """Every page identical on every instance, and the last publish visible everywhere."""
    failures = []
    for path in PATHS:
        digests = set()
        for base in bases:
            response = httpx.get(base + path, headers={"Host": PUBLIC_HOST}, timeout=30)
            if response.status_code != 200:
                failures.append(f"{base}{path} answered {response.status_code}")
            digests.add(hashlib.sha256(response.content).hexdigest())
            if path in ("/fi/tietoa/", "/fi/") and last_title not in response.text:
                failures.append(f"{base}{path} does not show {last_title!r}")
        if len(digests) != 1:
            failures.append(f"{path} differs between instances")
    return failures


def flush_redis(url: str) -> None:
    import redis

    from cms.settings.cache_config import next_redis_database

    for location in (url, next_redis_database(url)):
        redis.Redis.from_url(location).flushdb()


def scale_out_env(database_url: str, redis_url: str, page_cache: bool = True) -> dict[str, str]:
    return {
        **base_env(database_url, page_cache),
        "ALLOWED_HOSTS": f"{PUBLIC_HOST},127.0.0.1",
        "REDIS_URL": redis_url,
    }


def run_scale_out(args) -> int:
    env = scale_out_env(args.database_url, args.redis_url)
    failures: list[str] = []
    with ExitStack() as stack:
        a, _ = stack.enter_context(gunicorn(env, args.port))
        b, _ = stack.enter_context(gunicorn(env, args.port + 1))
        workers = [
            subprocess.Popen(worker_command(), cwd=ROOT, env=env, start_new_session=True)
            for _ in range(2)
        ]
        publisher = subprocess.Popen(
            [PYTHON, "-c", PUBLISHER, str(args.duration)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        half = max(1, args.concurrency // 2)
        loaders = [start_load(base, half, args.duration) for base in (a, b)]
        results = [finish_load(loader) for loader in loaders]
        last_title = publisher.communicate(timeout=120)[0].strip().splitlines()[-1]
        if publisher.returncode != 0:
            failures.append("the publisher failed")
        for worker in workers:
            if worker.poll() is not None:
                failures.append(f"a worker stopped during the load (exit {worker.returncode})")
            else:
                os.killpg(worker.pid, signal.SIGTERM)
                worker.wait(timeout=30)
        time.sleep(0.2)
        failures += consistency_failures([a, b], last_title)
    print(f"Machine: {machine()}; load {os.getloadavg()[0]:.1f} at the end (shared machine)")
    for name, result in zip(("A", "B"), results, strict=True):
        print(
            f"instance {name}: {result['requests']} requests in {args.duration:.0f} s at {half} "
            f"connections: {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, "
            f"p99 {result['p99']:.1f} ms, errors {result['errors']}"
        )
        if result["errors"]:
            failures.append(f"instance {name}: {result['errors']} errors")
    workers_label = "run_worker" if has_run_worker() else "publish_scheduled + send_pending_mail"
    print(f"last published title {last_title!r}; 2 workers: {workers_label}")
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    print("OK: zero errors on both instances, every page the same on both after the load")
    return 0


def run_compare(args) -> int:
    """Throughput of one instance vs two (same wrk lines, no publishing), page cache on/off."""
    for page_cache in (True, False):
        env = scale_out_env(args.database_url, args.redis_url, page_cache)
        with ExitStack() as stack:
            a, _ = stack.enter_context(gunicorn(env, args.port))
            b, _ = stack.enter_context(gunicorn(env, args.port + 1))
            finish_load(start_load(a, 4, 3))  # warm the shared cache and both instances
            finish_load(start_load(b, 4, 3))
            half = max(1, args.concurrency // 2)
            for label, targets in (("one instance", (a, a)), ("two instances", (a, b))):
                loaders = [start_load(base, half, args.duration) for base in targets]
                results = [finish_load(loader) for loader in loaders]
                rps = sum(r["rps"] for r in results)
                errors = sum(r["errors"] for r in results)
                print(
                    f"page cache {'on ' if page_cache else 'off'} | {label}: {rps:.0f} req/s, "
                    f"p50 {max(r['p50'] for r in results):.1f} ms, "
                    f"p99 {max(r['p99'] for r in results):.1f} ms, errors {errors}"
                )
    print(f"Machine: {machine()}; load {os.getloadavg()[0]:.1f} at the end (shared machine)")
    return 0


def main(args) -> None:
    if not args.database_url.startswith("postgres"):
        sys.exit("--scale-out needs PostgreSQL (--database-url postgres://…)")
    WORK.mkdir(parents=True, exist_ok=True)
    if not args.skip_prepare:
        prepare(args.database_url, scale=2)
    flush_redis(args.redis_url)
    sys.exit(run_compare(args) if args.compare else run_scale_out(args))
