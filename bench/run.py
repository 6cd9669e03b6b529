"""``make bench``: build a large site, serve it with gunicorn, load it, print a results table.

For each database (SQLite file, PostgreSQL database ``sotecms_quality_bench`` or
``BENCH_PG_URL``): migrate, load the demo content, generate ``--scale`` worth of pages
(bench/generate.py and each app's ``bench.py``), collect static files, then for the cold (page
cache off: every request renders) and warm (page cache on, primed) cases start gunicorn
(2 workers, production settings, throw-away SECRET_KEY, loopback only) and drive each URL from a
second process (``wrk`` when installed, else bench/loadgen.py). SQL queries per page come from a
separate Django test-client pass; peak worker memory from /proc/<pid>/status (VmHWM).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/sotecms-bench"))
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/sotecms_quality_bench")

# (label, path): the pages the issue names, with the generated data behind them.
URLS = [
    ("front page", "/fi/"),
    ("standard page", "/fi/bench-sivu-0/"),
    ("pilot index, filtered", "/fi/kokeilut/?status=ongoing&category=professional-support"),
    ("pilot page", "/fi/kokeilut/bench-pilotti-0/"),
    ("pilot update", "/fi/kokeilut/bench-pilotti-0/paivitys-0/"),
    ("report index", "/fi/selvitykset/"),
    ("report page", "/fi/selvitykset/bench-raportti-0/"),
    ("event index", "/fi/tapahtumat/"),
    ("member directory", "/fi/jasenet/"),
    ("search", "/fi/haku/?q=teko%C3%A4lykokeilut"),  # percent-encoded: wrk sends bytes as given
    ("search API", "/api/search/?q=hyvinvointialueella&lang=fi"),
    ("API pages", "/api/v2/pages/?locale=fi&limit=20"),
]


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {mem_kb // 1024} MiB RAM, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def base_env(database_url: str, page_cache: bool, work: Path | None = None) -> dict[str, str]:
    work = work or WORK
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(work / "media"),
        "PAGE_CACHE_ENABLED": "true" if page_cache else "false",
        "PAGE_CACHE_GENERATION_FILE": str(work / "generation"),
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def postgres_name_and_admin_url(database_url: str) -> tuple[str, str]:
    """The database's name, and the URL of the server's ``postgres`` database to manage it from."""
    server, name = database_url.rsplit("/", 1)
    return name, server + "/postgres"


def prepare(database_url: str, scale: int, work: Path | None = None) -> None:
    env = base_env(database_url, page_cache=False, work=work)
    if database_url.startswith("sqlite"):
        db_path = Path(database_url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    else:
        name, admin_url = postgres_name_and_admin_url(database_url)
        subprocess.run(["psql", admin_url, "-qc", f'DROP DATABASE IF EXISTS "{name}"'], check=True)
        subprocess.run(["psql", admin_url, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    manage(env, "migrate", "--noinput", "-v0")
    # The demo app exists only under development settings; the site itself runs on production ones.
    manage(
        {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
        "load_demo_content",
        "--skip-index",
        "-v0",
    )
    subprocess.run(
        [PYTHON, "-m", "bench.generate", "--scale", str(scale)], cwd=ROOT, env=env, check=True
    )
    manage(env, "collectstatic", "--noinput", "-v0")


def query_counts(database_url: str, paths: list[str]) -> dict[str, int | None]:
    env = {
        **base_env(database_url, page_cache=False),
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    script = (
        "import json, sys, django; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client(raise_request_exception=False); out = {}\n"
        "for path in sys.argv[1:]:\n"
        "    client.get(path)\n"  # menus cached after a first render, as in production
        "    with CaptureQueriesContext(connection) as q:\n"
        "        status = client.get(path).status_code\n"
        "    out[path] = len(q) if status == 200 else None\n"
        "print(json.dumps(out))\n"
    )
    env["DATABASE_URL"] = database_url
    result = subprocess.run(
        [PYTHON, "-c", script, *paths], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        print(result.stderr[-2000:], file=sys.stderr)
        return dict.fromkeys(paths)
    return json.loads(result.stdout.strip().splitlines()[-1])


def worker_pids(master: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == master:
            children.append(int(entry.name))
    return children


def peak_memory_mib(pids: list[int]) -> float:
    peak = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM"):
                    peak = max(peak, int(line.split()[1]))
        except OSError:
            continue
    return peak / 1024


@contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int = 2):
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield base, process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def load(urls: list[str], concurrency: int, duration: float) -> dict:
    if shutil.which("wrk") and len(urls) == 1:
        return wrk(urls[0], concurrency, duration)
    result = subprocess.run(
        [
            PYTHON,
            "-m",
            "bench.loadgen",
            *urls,
            "--concurrency",
            str(concurrency),
            "--duration",
            str(duration),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def wrk(url: str, concurrency: int, duration: float) -> dict:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{concurrency}", f"-d{int(duration)}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_wrk(result.stdout)


def parse_wrk(stdout: str) -> dict:
    """requests, errors (non-2xx/3xx and socket errors), req/s and latency percentiles."""
    out = {"requests": 0, "errors": 0, "rps": 0.0, "p50": 0.0, "p95": 0.0, "p99": 0.0}

    def ms(text: str) -> float:
        for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
            if text.endswith(unit):
                return float(text[: -len(unit)]) * factor
        return float(text)

    for line in stdout.splitlines():
        parts = line.split()
        if line.strip().startswith(("50%", "90%", "99%")):
            out[{"50%": "p50", "90%": "p95", "99%": "p99"}[parts[0]]] = ms(parts[1])
        elif "Requests/sec" in line:
            out["rps"] = float(parts[1])
        elif "requests in" in line:
            out["requests"] = int(parts[0])
        elif "Non-2xx" in line or "Socket errors" in line:
            out["errors"] += sum(int(x.strip(",")) for x in parts if x.strip(",").isdigit())
    out["note"] = "wrk reports p90 in the p95 column"
    return out


def database_exists(database_url: str) -> bool:
    """Whether a database built by an earlier run is there (for ``--reuse``)."""
    if database_url.startswith("sqlite"):
        return Path(database_url.removeprefix("sqlite:///")).exists()
    name, admin_url = postgres_name_and_admin_url(database_url)
    found = subprocess.run(
        ["psql", admin_url, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
    )
    return found.stdout.strip() == "1"


def bench_database(label: str, database_url: str, args, urls) -> list[dict]:
    # ``--reuse``: build the big site once (minutes, no need for a quiet machine), then load it
    # as often as wanted when nothing else runs.
    if not (args.reuse and database_exists(database_url)):
        prepare(database_url, args.scale)
    paths = [path for _, path in urls]
    queries = query_counts(database_url, paths)
    rows = []
    for mode, page_cache in (("cold", False), ("warm", True)):
        env = base_env(database_url, page_cache)
        with gunicorn(env, args.port) as (base, process):
            for name, path in urls:
                status = httpx.get(base + path, timeout=30).status_code
                if status != 200:
                    rows.append(
                        {
                            "db": label,
                            "mode": mode,
                            "page": name,
                            "path": path,
                            "skipped": f"HTTP {status}",
                        }
                    )
                    continue
                if page_cache:
                    httpx.get(base + path, timeout=30)  # prime both workers' shared key
                result = load([base + path], args.concurrency, args.duration)
                rows.append(
                    {
                        "db": label,
                        "mode": mode,
                        "page": name,
                        "path": path,
                        "queries": queries.get(path),
                        **result,
                    }
                )
            memory = peak_memory_mib(worker_pids(process.pid))
        for row in rows:
            if row["mode"] == mode:
                row["memory"] = memory
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| DB | cache | page | req/s | p50 ms | p95 ms | p99 ms | errors | SQL queries | peak worker MiB |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if "skipped" in r:
            lines.append(
                f"| {r['db']} | {r['mode']} | {r['page']} | skipped ({r['skipped']}) | | | | | | |"
            )
            continue
        queries = "–" if r.get("queries") is None else r["queries"]
        lines.append(
            f"| {r['db']} | {r['mode']} | {r['page']} | {r['rps']:.0f} | {r['p50']:.1f} | "
            f"{r['p95']:.1f} | {r['p99']:.1f} | {r['errors']} | {queries} | {r['memory']:.0f} |"
        )
    return "\n".join(lines)


def cpu_pass(db_path: Path, paths: list[str], requests: int, profile: Path | None) -> dict:
    """bench/cpu.py in a fresh process on ``db_path`` (production settings, page cache off)."""
    env = base_env(f"sqlite:///{db_path}", page_cache=False, work=db_path.parent)
    env.pop("REDIS_URL", None)  # the per-process memory cache, as one gunicorn worker has
    command = [PYTHON, "-m", "bench.cpu", "--requests", str(requests), *paths]
    if profile is not None:
        command[3:3] = ["--profile", str(profile)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr[-4000:], file=sys.stderr)
        raise SystemExit(f"bench.cpu failed on {db_path}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def cpu_table(pages, demo: dict, big: dict) -> str:
    """The docs/performance.md table: CPU ms and queries at both scales, ratio, req/s bound."""
    lines = [
        "| page type | CPU ms demo | CPU ms bench | bench/demo | queries demo → bench "
        "| req/s bound, 2 workers |",
        "|---|---:|---:|---:|---|---:|",
    ]
    for label, demo_path, bench_path in pages:
        d, b = demo.get(demo_path), big.get(bench_path)
        if not d or not b or d["status"] != 200 or b["status"] != 200:
            status = f"{d and d['status']} / {b and b['status']}"
            lines.append(f"| {label} | HTTP {status} | | | | |")
            continue
        ratio = b["cpu_ms"] / d["cpu_ms"]
        flag = " ⚠" if ratio > 1.5 or b["cpu_ms"] > 20 else ""
        lines.append(
            f"| {label} | {d['cpu_ms']:.1f} | {b['cpu_ms']:.1f} | {ratio:.2f}{flag} | "
            f"{d['queries']} → {b['queries']} | {2000 / b['cpu_ms']:.0f} |"
        )
    return "\n".join(lines)


def cpu_profile(args) -> None:
    """Build (or reuse) a demo-scale and a bench-scale SQLite database, then measure both."""
    from bench.cpu import PAGES

    pages = [p for p in PAGES if not args.only or any(o in p[0] for o in args.only.split(","))]
    for db_path, scale in ((args.demo_db, 0), (args.bench_db, args.scale)):
        if not (args.reuse and db_path.exists()):
            db_path.parent.mkdir(parents=True, exist_ok=True)
            prepare(f"sqlite:///{db_path}", scale, work=db_path.parent)
    demo_paths = sorted({p[1] for p in pages})
    bench_paths = sorted({p[2] for p in pages})
    profile = args.profile_dir
    demo = cpu_pass(args.demo_db, demo_paths, args.requests, profile and profile / "demo")
    big = cpu_pass(args.bench_db, bench_paths, args.requests, profile and profile / "bench")
    load = Path("/proc/loadavg").read_text().split()[:3]
    report = (
        f"Machine: {machine()}; load average at the end {' '.join(load)}\n\n"
        f"CPU time per request (median of {args.requests}, time.process_time, one process, "
        f"Django test client, production settings, page cache off, SQLite), demo content vs "
        f"demo + bench.generate --scale {args.scale}; ⚠ = bench/demo > 1.5 or > 20 ms.\n\n"
        + cpu_table(pages, demo, big)
        + "\n"
    )
    args.output.write_text(report)
    (args.output.with_suffix(".json")).write_text(json.dumps({"demo": demo, "bench": big}))
    print(report)
    print(f"(also written to {args.output})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=int(os.environ.get("BENCH_SCALE", 50)))
    parser.add_argument(
        "--duration", type=float, default=float(os.environ.get("BENCH_SECONDS", 10))
    )
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--databases", default=os.environ.get("BENCH_DATABASES", "sqlite,postgres"))
    parser.add_argument("--output", type=Path, default=None)
    cpu = parser.add_argument_group(
        "CPU profile (no gunicorn, no wrk): CPU ms and queries per render at demo and bench scale"
    )
    cpu.add_argument("--cpu-profile", action="store_true", help="run this mode instead")
    cpu.add_argument("--demo-db", type=Path, default=WORK / "demo" / "demo.sqlite3")
    cpu.add_argument("--bench-db", type=Path, default=WORK / "scale" / "bench.sqlite3")
    cpu.add_argument(
        "--reuse", action="store_true", help="keep databases that exist (also for the load run)"
    )
    cpu.add_argument("--requests", type=int, default=30, help="timed requests per page")
    cpu.add_argument("--only", default="", help="comma-separated parts of page labels")
    cpu.add_argument("--profile-dir", type=Path, default=None, help="write cProfile stats here")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.cpu_profile:
        args.output = args.output or WORK / "cpu.md"
        cpu_profile(args)
        return
    args.output = args.output or WORK / "results.md"
    urls = URLS
    rows = []
    for label in args.databases.split(","):
        url = f"sqlite:///{WORK / 'bench.sqlite3'}" if label == "sqlite" else PG_URL
        rows += bench_database(label, url, args, urls)
    loader = "wrk" if shutil.which("wrk") else "bench/loadgen.py (asyncio + httpx)"
    header = (
        f"Machine: {machine()}\n\nLoad: {loader}, {args.concurrency} connections, "
        f"{args.duration:.0f} s per page, scale {args.scale}; gunicorn 2 sync workers, "
        "production settings.\n"
    )
    report = header + "\n" + table(rows) + "\n"
    args.output.write_text(report)
    print(report)
    print(f"(also written to {args.output})")


if __name__ == "__main__":
    main()
