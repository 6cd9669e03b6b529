"""Benchmark and load test (``make bench``, ``make loadtest``); see docs/performance.md."""
