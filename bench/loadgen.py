"""A small closed-loop HTTP load generator on asyncio + httpx (used when ``wrk`` is missing).

``python -m bench.loadgen URL [URL…] --concurrency 64 --duration 10`` prints one JSON line:
requests, errors (non-2xx/3xx or transport errors), requests/s and p50/p95/p99 latency in ms.
It runs in its own process so it does not share a CPU core's interpreter with the server.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import time

import httpx


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


async def _worker(client, urls, deadline, latencies, errors, statuses) -> None:
    for url in urls:
        if time.monotonic() >= deadline:
            return
        started = time.perf_counter()
        try:
            response = await client.get(url)
            await response.aread()
            ok = response.status_code < 400
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        except httpx.HTTPError:
            ok = False
        latencies.append((time.perf_counter() - started) * 1000)
        if not ok:
            errors.append(url)


async def run(urls: list[str], concurrency: int, duration: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    statuses: dict[int, int] = {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30, follow_redirects=False) as client:
        started = time.monotonic()
        deadline = started + duration
        workers = [
            _worker(client, itertools.cycle(urls), deadline, latencies, errors, statuses)
            for _ in range(concurrency)
        ]
        await asyncio.gather(*workers)
        elapsed = time.monotonic() - started
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "statuses": statuses,
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--duration", type=float, default=10.0)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.urls, args.concurrency, args.duration))))


if __name__ == "__main__":
    main()
